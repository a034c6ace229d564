// context_key, bucketing_identity and namespace_identity (SPEC §2 "Context
// and context key", "Hash modes").
//
// gitlab-mode keys are checked against Python's standard library:
//   import hashlib
//   hashlib.sha256("<secret>|<name>|<k1>|<k2>|<v1>|<v2>".encode()).hexdigest()
// which is GLEX's key_for: [secret, name, *keys, *values].join("|"), keys and
// values in the context's own order.

#include "cohort/context_key.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "cohort/definitions/definitions.hpp"

namespace cohort {
namespace {

// Definitions are move-only: this hands out a reference and keeps what was
// loaded alive until the test program ends.
const Definition& definition(std::string_view json) {
  static std::vector<std::shared_ptr<const Definitions>> loaded;
  static const Definition kNone;
  std::string document = "[";
  document.append(json).append("]");
  const LoadResult r = Definitions::parse(document);
  EXPECT_TRUE(r.errors.empty()) << r.errors.front().describe();
  if (r.definitions->all().empty()) return kNone;
  loaded.push_back(r.definitions);
  return r.definitions->all().front();
}

Context context(std::string_view text) {
  Error error;
  auto c = Context::parse(text, error);
  EXPECT_TRUE(c.has_value()) << error.describe();
  return c ? *c : Context::from_json(Json::object(), error).value();
}

bool is_lower_hex(const std::string& s, std::size_t length) {
  if (s.size() != length) return false;
  for (const char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

// --- xxh3 (and the other non-gitlab modes) -----------------------------------

TEST(ContextKeyTest, IsA32DigitLowercaseHexDigest) {
  const Definition& d = definition(R"({"name": "pill_color"})");
  const std::string key = context_key(d, context(R"({"actor": "user:42", "project": 7})"), "");
  EXPECT_TRUE(is_lower_hex(key, 32)) << key;
}

TEST(ContextKeyTest, IsStable) {
  const Definition& d = definition(R"({"name": "pill_color"})");
  const Context c = context(R"({"actor": "user:42", "project": 7})");
  EXPECT_EQ(context_key(d, c, "s"), context_key(d, c, "s"));
  EXPECT_EQ(context_key(d, c, "s"),
            context_key(d, context(R"({"actor": "user:42", "project": 7})"), "s"));
}

TEST(ContextKeyTest, KeyOrderDoesNotChangeTheKey) {
  const Definition& d = definition(R"({"name": "pill_color"})");
  const std::string a =
      context_key(d, context(R"({"actor": "user:42", "project": {"id": 7, "group": 3}})"), "s");
  const std::string b =
      context_key(d, context(R"({"project": {"group": 3, "id": 7}, "actor": "user:42"})"), "s");
  EXPECT_EQ(a, b);
  // The same holds for every non-gitlab mode.
  for (const char* mode : {"edx", "fnv1a_v1", "fnv1a_v2"}) {
    const Definition& m =
        definition(std::string(R"({"name": "pill_color", "hash": ")") + mode + "\"}");
    EXPECT_EQ(context_key(m, context(R"({"a": 1, "b": 2})"), "s"),
              context_key(m, context(R"({"b": 2, "a": 1})"), "s"))
        << mode;
  }
}

TEST(ContextKeyTest, SecretAndExperimentNameChangeTheKey) {
  const Definition& d = definition(R"({"name": "pill_color"})");
  const Definition& other = definition(R"({"name": "button_size"})");
  const Context c = context(R"({"actor": "user:42"})");
  EXPECT_NE(context_key(d, c, ""), context_key(d, c, "secret"));
  EXPECT_NE(context_key(d, c, "secret"), context_key(d, c, "secret2"));
  EXPECT_NE(context_key(d, c, "secret"), context_key(other, c, "secret"));
  // Values and field names matter; reserved keys do not.
  EXPECT_NE(context_key(d, c, ""), context_key(d, context(R"({"actor": "user:43"})"), ""));
  EXPECT_NE(context_key(d, c, ""), context_key(d, context(R"({"user": "user:42"})"), ""));
  EXPECT_NE(context_key(d, context(R"({"a": 1})"), ""),
            context_key(d, context(R"({"a": "1"})"), ""));
  EXPECT_EQ(context_key(d, c, ""),
            context_key(d, context(R"({"actor": "user:42", "migrated_from": {"actor": 1}})"), ""));
}

TEST(ContextKeyTest, PartsAreSeparated) {
  // secret "a" + name "bc" must differ from secret "ab" + name "c".
  const Definition& bc = definition(R"({"name": "bc"})");
  const Definition& c = definition(R"({"name": "c"})");
  const Context ctx = context("{}");
  EXPECT_NE(context_key(bc, ctx, "a"), context_key(c, ctx, "ab"));
}

TEST(ContextKeyTest, SeedDoesNotChangeTheKey) {
  // The key is of the name; the seed only moves the buckets.
  const Definition& plain = definition(R"({"name": "e"})");
  const Definition& seeded = definition(R"({"name": "e", "seed": "other"})");
  const Context c = context(R"({"id": 1})");
  EXPECT_EQ(context_key(plain, c, ""), context_key(seeded, c, ""));
}

TEST(ContextKeyTest, StickyToStringIsTheKeyAsIs) {
  const Context c = context(R"({"actor": "user:42", "sticky_to": "my-key"})");
  for (const char* json :
       {R"({"name": "e"})", R"({"name": "e", "hash": "gitlab"})", R"({"name": "e", "hash": "edx"})",
        R"({"name": "e", "hash": "fnv1a_v2"})"}) {
    EXPECT_EQ(context_key(definition(json), c, "secret"), "my-key") << json;
  }
}

TEST(ContextKeyTest, StickyToValueIsHashedInPlaceOfTheContext) {
  const Definition& d = definition(R"({"name": "e"})");
  const std::string a = context_key(d, context(R"({"actor": "user:1", "sticky_to": 42})"), "");
  const std::string b = context_key(d, context(R"({"actor": "user:2", "sticky_to": 42})"), "");
  EXPECT_EQ(a, b);  // the rest of the context no longer matters
  EXPECT_TRUE(is_lower_hex(a, 32));
  EXPECT_NE(a, context_key(d, context(R"({"sticky_to": 43})"), ""));
  // An object sticky_to is canonical too.
  EXPECT_EQ(context_key(d, context(R"({"sticky_to": {"a": 1, "b": 2}})"), ""),
            context_key(d, context(R"({"sticky_to": {"b": 2, "a": 1}})"), ""));
}

TEST(ContextKeyTest, ContextKeysSelectFields) {
  const Definition& d = definition(R"({"name": "e", "context_keys": ["actor"]})");
  const Definition& both = definition(R"({"name": "e", "context_keys": ["project", "actor"]})");
  const Definition& all = definition(R"({"name": "e"})");
  const Context c1 = context(R"({"actor": "user:42", "project": 7})");
  const Context c2 = context(R"({"actor": "user:42", "project": 8})");
  const Context bare = context(R"({"actor": "user:42"})");
  // Only "actor" counts: the project does not change the key.
  EXPECT_EQ(context_key(d, c1, ""), context_key(d, c2, ""));
  EXPECT_EQ(context_key(d, c1, ""), context_key(d, bare, ""));
  // Selecting every field is the same as selecting none.
  EXPECT_EQ(context_key(both, c1, ""), context_key(all, c1, ""));
  EXPECT_NE(context_key(both, c1, ""), context_key(both, c2, ""));
  // A selected field that is missing is simply absent.
  EXPECT_EQ(context_key(d, context(R"({"project": 7})"), ""), context_key(d, context("{}"), ""));
}

// --- gitlab -----------------------------------------------------------------

TEST(ContextKeyTest, GitlabSpecValueForAnEmptyContext) {
  // SPEC §2 / GitLab's spec: sha256("|namespaced/stub").
  const Definition& d = definition(R"({"name": "namespaced/stub", "hash": "gitlab"})");
  EXPECT_EQ(context_key(d, context("{}"), ""),
            "300b002687ba1f68591adb2f45ae67f1e56be05ad55f317cc00f1c4aa38f081a");
}

TEST(ContextKeyTest, GitlabModeMatchesGlexInTheContextsOwnOrder) {
  const Definition& d = definition(R"({"name": "pill_color", "hash": "gitlab"})");
  // hashlib.sha256(b"s3cr3t|pill_color|actor|project|user:42|7").hexdigest()
  EXPECT_EQ(context_key(d, context(R"({"actor": "user:42", "project": 7})"), "s3cr3t"),
            "9ad53c66f48e596009be79593a68c67524f4d07c674bdd430b220e709c079e46");
  // GLEX is order-sensitive on purpose (it is what the server computed):
  // hashlib.sha256(b"s3cr3t|pill_color|project|actor|7|user:42").hexdigest()
  EXPECT_EQ(context_key(d, context(R"({"project": 7, "actor": "user:42"})"), "s3cr3t"),
            "62112a270b73f9e058a3bc02bc5de479dfe2a277b595354f77ba844f9594412a");
  // The name is part of it:
  // hashlib.sha256(b"s3cr3t|other|actor|project|user:42|7").hexdigest()
  const Definition& other = definition(R"({"name": "other", "hash": "gitlab"})");
  EXPECT_EQ(context_key(other, context(R"({"actor": "user:42", "project": 7})"), "s3cr3t"),
            "45049934ff168c179cba5773fd34a094c920688cdfc9bef47641cc446bcad0c5");
}

TEST(ContextKeyTest, GitlabModeRendersValuesAsIdentifyDoes) {
  const Definition& d = definition(R"({"name": "e", "hash": "gitlab"})");
  // nil.to_s == "": hashlib.sha256(b"|e|a|").hexdigest()
  EXPECT_EQ(context_key(d, context(R"({"a": null})"), ""),
            "49129073bdb4845d6a8e1d5f547e979728c63c900538b19f1a2d636e721ce8a4");
  // Scalars as written: hashlib.sha256(b"|e|flag|ratio|true|1.5").hexdigest()
  EXPECT_EQ(context_key(d, context(R"({"flag": true, "ratio": 1.5})"), ""),
            "462f7f4a94be1d86052d8a8e420a6a775add42d795f3cb7c4db5826b5e75459b");
  // Nested values as canonical JSON (core/README.md):
  // hashlib.sha256(b'|e|u|{"a":2,"b":1}').hexdigest()
  EXPECT_EQ(context_key(d, context(R"({"u": {"b": 1, "a": 2}})"), ""),
            "22ee67521b1df27254d55ad78a1789ac219114d541ed9f03ca4d08a7137199f1");
  // Reserved keys are not part of it: hashlib.sha256(b"|e|actor|user:1").hexdigest()
  EXPECT_EQ(context_key(d, context(R"({"migrated_from": {"actor": "x"}, "actor": "user:1"})"), ""),
            "a459d22ea8938d180ef4cca226d89f360d10ee26a72bf7fdcfed355a6304df44");
}

TEST(ContextKeyTest, GitlabModeWithContextKeysAndStickyTo) {
  // context_keys filter, the context's order is kept:
  // hashlib.sha256(b"s3cr3t|pill_color|project|7").hexdigest()
  const Definition& d =
      definition(R"({"name": "pill_color", "hash": "gitlab", "context_keys": ["project"]})");
  EXPECT_EQ(context_key(d, context(R"({"actor": "user:42", "project": 7})"), "s3cr3t"),
            "f378e2f4616a84f4cc48f0f9b502ae5e5b0ab2c446ccf283ee257a3b328f4169");
  // A non-string sticky_to is GLEX's key_for(42): Array(42) == [42]:
  // hashlib.sha256(b"|e|42").hexdigest()
  const Definition& e = definition(R"({"name": "e", "hash": "gitlab"})");
  EXPECT_EQ(context_key(e, context(R"({"actor": "x", "sticky_to": 42})"), ""),
            "c4065330bde809f2f877eaffdc209c7b46894bfbc1f40998169579348ccf0624");
  // An object sticky_to is hashed like a context:
  // hashlib.sha256(b"|e|actor|user:1").hexdigest()
  EXPECT_EQ(context_key(e, context(R"({"project": 9, "sticky_to": {"actor": "user:1"}})"), ""),
            "a459d22ea8938d180ef4cca226d89f360d10ee26a72bf7fdcfed355a6304df44");
}

// --- identities ---------------------------------------------------------------

TEST(BucketingIdentityTest, DefaultsPerMode) {
  const Context c = context(R"({"username": "ada", "id": 42, "email": "a@b"})");
  EXPECT_EQ(bucketing_identity(definition(R"({"name": "e", "hash": "edx"})"), c), "ada");
  EXPECT_EQ(bucketing_identity(definition(R"({"name": "e", "hash": "fnv1a_v1"})"), c), "42");
  EXPECT_EQ(bucketing_identity(definition(R"({"name": "e", "hash": "fnv1a_v2"})"), c), "42");
  // context_keys[0] overrides the default.
  EXPECT_EQ(bucketing_identity(
                definition(R"({"name": "e", "hash": "edx", "context_keys": ["email", "id"]})"), c),
            "a@b");
}

TEST(BucketingIdentityTest, StickyToStringWins) {
  const Context c = context(R"({"username": "ada", "sticky_to": "pinned"})");
  EXPECT_EQ(bucketing_identity(definition(R"({"name": "e", "hash": "edx"})"), c), "pinned");
}

TEST(BucketingIdentityTest, MissingOrUnusableValues) {
  const Definition& edx = definition(R"({"name": "e", "hash": "edx"})");
  EXPECT_EQ(bucketing_identity(edx, context("{}")), std::nullopt);
  EXPECT_EQ(bucketing_identity(edx, context(R"({"username": ""})")), std::nullopt);
  EXPECT_EQ(bucketing_identity(edx, context(R"({"username": null})")), std::nullopt);
  EXPECT_EQ(bucketing_identity(edx, context(R"({"username": 1.5})")), std::nullopt);
  EXPECT_EQ(bucketing_identity(edx, context(R"({"username": true})")), std::nullopt);
  EXPECT_EQ(bucketing_identity(edx, context(R"({"username": ["ada"]})")), std::nullopt);
  EXPECT_EQ(bucketing_identity(edx, context(R"({"username": -3})")), "-3");
}

TEST(NamespaceIdentityTest, IsTheSameForEveryExperiment) {
  const Definition& a = definition(R"({"name": "a", "namespace": ["checkout", 0, 0.5]})");
  const Definition& b = definition(R"({"name": "b", "namespace": ["checkout", 0.5, 1]})");
  const Context c = context(R"({"actor": "user:42"})");
  const auto id = namespace_identity(a, c, "s");
  ASSERT_TRUE(id.has_value());
  EXPECT_TRUE(is_lower_hex(*id, 16)) << *id;
  EXPECT_EQ(id, namespace_identity(b, c, "s"));
  // Key order does not matter; the secret and the context do.
  EXPECT_EQ(namespace_identity(a, context(R"({"x": 1, "y": 2})"), "s"),
            namespace_identity(b, context(R"({"y": 2, "x": 1})"), "s"));
  EXPECT_NE(id, namespace_identity(a, c, "t"));
  EXPECT_NE(id, namespace_identity(a, context(R"({"actor": "user:43"})"), "s"));
  // It is not the context key.
  EXPECT_NE(*id, context_key(a, c, "s"));
  // gitlab and edx modes use the same experiment-independent digest.
  const Definition& g = definition(R"({"name": "g", "hash": "gitlab"})");
  EXPECT_EQ(id, namespace_identity(g, c, "s"));
}

TEST(NamespaceIdentityTest, IsTheRawIdInFnv1aModes) {
  const Definition& v1 = definition(R"({"name": "a", "hash": "fnv1a_v1"})");
  const Definition& v2 = definition(R"({"name": "b", "hash": "fnv1a_v2"})");
  const Context c = context(R"({"id": "u123"})");
  EXPECT_EQ(namespace_identity(v1, c, "s"), "u123");
  EXPECT_EQ(namespace_identity(v2, c, "s"), "u123");
  EXPECT_EQ(namespace_identity(v1, context("{}"), "s"), std::nullopt);
}

}  // namespace
}  // namespace cohort
