// Context: validation with precise paths, the reserved keys `sticky_to` and
// `migrated_from`, the canonical form (SPEC §2: keys sorted, so key order
// does not matter) and hostile input (SPEC §8).

#include "cohort/context.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <optional>
#include <string>

#include "cohort/json/json_writer.hpp"
#include "cohort/json/value_json.hpp"

namespace cohort {
namespace {

// A JSON value encoded, viewed as a Value for as long as it lives.
class Encoded {
 public:
  explicit Encoded(const Json& json) : bytes_(encode_json(json)) {}
  operator Value() const { return Value(reinterpret_cast<const unsigned char*>(bytes_.data())); }

 private:
  std::string bytes_;
};

Context parse_ok(std::string_view text, const ContextLimits& limits = {}) {
  Error error;
  auto context = Context::parse(text, error, limits);
  EXPECT_TRUE(context.has_value()) << error.describe();
  return context ? *context : Context::from_json(Json::object(), error).value();
}

Error parse_error(std::string_view text, const ContextLimits& limits = {}) {
  Error error;
  EXPECT_FALSE(Context::parse(text, error, limits).has_value()) << text;
  return error;
}

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

// A chain of `n` migrated_from contexts below the current one.
Json chain(std::size_t n) {
  Json value = Json::object({{"v", n}});
  for (std::size_t i = n; i-- > 0;) {
    Json outer = Json::object({{"v", i}});
    outer["migrated_from"] = std::move(value);
    value = std::move(outer);
  }
  return value;
}

TEST(ContextTest, AttributesAreTheWholeObject) {
  const Context c = parse_ok(R"({"actor": "user:42", "project": 7, "sticky_to": "k"})");
  EXPECT_EQ(to_json(c.attributes()),
            Json::parse(R"({"actor": "user:42", "project": 7, "sticky_to": "k"})"));
  EXPECT_TRUE(c.migrated_from().empty());
}

TEST(ContextTest, TheEmptyContextIsValid) {
  const Context c = parse_ok("{}");
  EXPECT_EQ(c.canonical(), "{}");
  EXPECT_TRUE(c.sticky_to().missing());
}

TEST(ContextTest, NonObjectsAreRejectedAtTheRoot) {
  for (const char* text : {"[]", "1", "null", "\"user:42\"", "true", "[{\"actor\": 1}]"}) {
    const Error e = parse_error(text);
    EXPECT_EQ(e.path, "") << text;
    EXPECT_TRUE(contains(e.message, "expected a context object such as {\"actor\": \"user:42\"}"))
        << e.message;
  }
  Error error;
  EXPECT_FALSE(Context::from_json(Json::array(), error).has_value());
  EXPECT_EQ(error.path, "");
  EXPECT_FALSE(Context::from_json(Json(), error).has_value());
  EXPECT_TRUE(contains(error.message, "got null")) << error.message;
}

TEST(ContextTest, InvalidJsonTextIsAnError) {
  const Error e = parse_error(R"({"actor": })");
  EXPECT_EQ(e.path, "");
  EXPECT_TRUE(contains(e.message, "invalid JSON at byte 11")) << e.message;  // the "}"
  EXPECT_TRUE(contains(parse_error("").message, "invalid JSON"));
}

TEST(ContextTest, StickyToTypes) {
  EXPECT_EQ(to_json(parse_ok(R"({"sticky_to": "abc"})").sticky_to()), "abc");
  EXPECT_EQ(to_json(parse_ok(R"({"sticky_to": 42})").sticky_to()), 42);
  EXPECT_EQ(to_json(parse_ok(R"({"sticky_to": {"id": 1}})").sticky_to()),
            Json::parse(R"({"id": 1})"));
  // null is the same as absent.
  EXPECT_TRUE(parse_ok(R"({"sticky_to": null})").sticky_to().missing());
  EXPECT_TRUE(parse_ok(R"({"actor": 1})").sticky_to().missing());

  for (const char* text : {R"({"sticky_to": true})", R"({"sticky_to": ["a"]})"}) {
    const Error e = parse_error(text);
    EXPECT_EQ(e.path, "/sticky_to");
    EXPECT_TRUE(contains(e.message, "expected a string, a number or an object")) << e.message;
  }
}

TEST(ContextTest, StickyToAndCourseAreTheFirstOfTheirKeyAndSurviveCopies) {
  // What find() gives, found once: the first member of each name.
  Error error;
  auto bytes = encode_json(Json::object({{"course", "c1"}, {"sticky_to", "k1"}}));
  // The value encoding may hold a key twice (JSON text cannot reach the
  // core that way); a second one is written by hand after the first two.
  const std::size_t members = bytes.size();
  bytes += encode_json(Json::object({{"course", "c2"}, {"sticky_to", "k2"}})).substr(9);
  const std::uint32_t count = 4;
  const auto size = static_cast<std::uint32_t>(bytes.size() - 9);
  std::memcpy(&bytes[1], &count, 4);
  std::memcpy(&bytes[5], &size, 4);
  ASSERT_GT(bytes.size(), members);
  auto decoded = Context::decode(bytes, error);
  ASSERT_TRUE(decoded.has_value()) << error.describe();
  EXPECT_EQ(decoded->sticky_to().string(), "k1");
  EXPECT_EQ(decoded->course().string(), "c1");
  // Copies and moves point into their own bytes, whatever becomes of the
  // original (a dangling read would fail under ASan).
  std::optional<Context> copy = *decoded;
  Context moved = std::move(*decoded);
  decoded.reset();
  EXPECT_EQ(copy->sticky_to().string(), "k1");
  EXPECT_EQ(moved.course().string(), "c1");
  Context assigned = parse_ok(R"({"actor": 1})");
  assigned = *copy;
  copy.reset();
  EXPECT_EQ(assigned.sticky_to().string(), "k1");
  EXPECT_EQ(assigned.course().string(), "c1");
  // Reassigned, a context forgets the old ones.
  ASSERT_TRUE(assigned.assign(encode_json(Json::object({{"actor", 2}})), error));
  EXPECT_TRUE(assigned.sticky_to().missing());
  EXPECT_TRUE(assigned.course().missing());
  EXPECT_EQ(parse_ok(R"({"course": 7})").course().number(), 7);
}

// The encoding's text must be UTF-8 (Unicode Table 3-7), wherever in a long
// ASCII run a bad byte sits: the checker reads eight ASCII bytes at a time.
TEST(ContextTest, EncodedTextIsRefusedForAnIllFormedByteAnywhereInIt) {
  const std::string ascii(19, 'a');
  const auto bytes = encode_json(Json::object({{"k", ascii}}));
  const std::size_t text = bytes.size() - ascii.size();  // the value's first byte
  Error error;
  ASSERT_TRUE(Context::decode(bytes, error).has_value()) << error.describe();
  // A lone continuation byte, a byte never in UTF-8, a truncated two-byte
  // sequence and an encoded surrogate (ED A0 80), at every position.
  for (const std::string bad : {"\x80", "\xff", "\xc3", "\xed\xa0\x80"}) {
    for (std::size_t at = 0; at + bad.size() <= ascii.size(); ++at) {
      std::string corrupt = bytes;
      corrupt.replace(text + at, bad.size(), bad);
      Error e;
      EXPECT_FALSE(Context::decode(corrupt, e).has_value()) << at;
      EXPECT_TRUE(contains(e.message, "text is not valid UTF-8")) << e.message;
    }
  }
  // Well-formed sequences after and across the eight-byte steps are kept.
  for (const std::string good : {"\xc3\xa9", "\xe4\xb8\x96", "\xf0\x9f\x8e\xb2"}) {
    for (std::size_t at = 0; at + good.size() <= ascii.size(); ++at) {
      std::string fine = bytes;
      fine.replace(text + at, good.size(), good);
      Error e;
      EXPECT_TRUE(Context::decode(fine, e).has_value()) << at << " " << e.describe();
    }
  }
}

TEST(ContextTest, MigratedFromIsValidatedAndFlattenedNewestFirst) {
  const Context c = parse_ok(R"({"actor": "user:3", "migrated_from":
      {"actor": "user:2", "migrated_from": {"actor": "user:1"}}})");
  ASSERT_EQ(c.migrated_from().size(), 2u);
  EXPECT_EQ(c.migrated_from()[0].attributes().find("actor").string(), "user:2");
  EXPECT_EQ(c.migrated_from()[1].attributes().find("actor").string(), "user:1");
  // The old context's own chain is there too.
  ASSERT_EQ(c.migrated_from()[0].migrated_from().size(), 1u);
  EXPECT_EQ(c.migrated_from()[0].migrated_from()[0].attributes().find("actor").string(), "user:1");
  // The canonical forms leave the reserved key out.
  EXPECT_EQ(c.canonical(), R"({"actor":"user:3"})");
  EXPECT_EQ(c.migrated_from()[0].canonical(), R"({"actor":"user:2"})");

  EXPECT_TRUE(parse_ok(R"({"migrated_from": null})").migrated_from().empty());
}

TEST(ContextTest, BadMigratedFromNamesTheNestedPath) {
  Error e = parse_error(R"({"migrated_from": 5})");
  EXPECT_EQ(e.path, "/migrated_from");
  EXPECT_TRUE(contains(e.message, "expected a context object")) << e.message;
  e = parse_error(R"({"migrated_from": {"migrated_from": {"sticky_to": false}}})");
  EXPECT_EQ(e.path, "/migrated_from/migrated_from/sticky_to");
  e = parse_error(R"({"migrated_from": {"migrated_from": []}})");
  EXPECT_EQ(e.path, "/migrated_from/migrated_from");
}

TEST(ContextTest, MigrationChainsAreLimited) {
  // The default limit is 8 old contexts; a 9th is refused at its own path.
  Error error;
  const auto eight = Context::from_json(chain(8), error);
  ASSERT_TRUE(eight.has_value()) << error.describe();
  EXPECT_EQ(eight->migrated_from().size(), 8u);
  EXPECT_FALSE(Context::from_json(chain(9), error).has_value());
  std::string nine;
  for (int i = 0; i < 9; ++i) nine += "/migrated_from";
  EXPECT_EQ(error.path, nine);
  EXPECT_EQ(error.message, "migration chain longer than 8");

  ContextLimits limits;
  limits.max_migrations = 0;
  EXPECT_FALSE(Context::from_json(chain(1), error, limits).has_value());
  EXPECT_EQ(error.path, "/migrated_from");
}

TEST(ContextTest, VeryLongMigrationChainsAreRefusedWithoutACrash) {
  // 10,000 links: the nesting limit (16) stops it before any recursion.
  Error error;
  EXPECT_FALSE(Context::from_json(chain(10'000), error).has_value());
  EXPECT_EQ(error.path, "");
  EXPECT_EQ(error.message, "nested deeper than 16 levels");
  // With the nesting limit raised out of the way, the chain limit stops it.
  ContextLimits limits;
  limits.max_depth = 100'000;
  EXPECT_FALSE(Context::from_json(chain(1'000), error, limits).has_value());
  EXPECT_EQ(error.message, "migration chain longer than 8");
  // As text, the same.
  std::string text;
  for (int i = 0; i < 100'000; ++i) text += R"({"migrated_from":)";
  EXPECT_FALSE(Context::parse(text, error).has_value());
}

TEST(ContextTest, DeepNestingIsRefused) {
  // 16 levels are allowed, 17 are not, as text and as a built value.
  const std::string ok = std::string(15, '[');
  const auto nest = [](std::size_t levels) {
    Json value = Json::array();
    for (std::size_t i = 1; i < levels; ++i) {
      Json outer = Json::array();
      outer.push_back(std::move(value));
      value = std::move(outer);
    }
    Json context = Json::object();
    context["a"] = std::move(value);
    return context;
  };
  Error error;
  EXPECT_TRUE(Context::from_json(nest(15), error).has_value()) << error.describe();  // 16 levels
  EXPECT_FALSE(Context::from_json(nest(16), error).has_value());
  EXPECT_EQ(error.message, "nested deeper than 16 levels");
  EXPECT_TRUE(Context::parse(R"({"a":)" + ok + std::string(15, ']') + "}", error).has_value());
  EXPECT_FALSE(
      Context::parse(R"({"a":)" + ok + "[" + std::string(16, ']') + "}", error).has_value());
  EXPECT_TRUE(contains(error.message, "nesting deeper than 16 levels at byte")) << error.message;

  // Assigned an encoding (the module's path, where the encoding check finds
  // the depth): the same boundary, and a context that was refused can be
  // assigned a good one again.
  Context reused = parse_ok("{}");
  EXPECT_TRUE(reused.assign(encode_json(nest(15)), error)) << error.describe();
  EXPECT_FALSE(reused.assign(encode_json(nest(16)), error));
  EXPECT_EQ(error.message, "nested deeper than 16 levels");
  ContextLimits shallow;
  shallow.max_depth = 1;  // the top object and one level of scalars
  EXPECT_TRUE(reused.assign(encode_json(Json::object({{"a", 1}})), error, shallow));
  EXPECT_FALSE(reused.assign(encode_json(Json::object({{"a", Json::array()}})), error, shallow));
  EXPECT_EQ(error.message, "nested deeper than 1 levels");
  EXPECT_TRUE(reused.assign(encode_json(nest(3)), error)) << error.describe();

  // A million levels as text and 100,000 as a built value: refused, no crash.
  EXPECT_FALSE(Context::parse(std::string(1'000'000, '{'), error).has_value());
  EXPECT_FALSE(Context::from_json(nest(100'000), error).has_value());
}

TEST(ContextTest, SizeLimit) {
  // {"a":"xxx…"} is 8 bytes plus the string.
  const std::string fits = R"({"a":")" + std::string((64u << 10) - 8, 'x') + R"("})";
  ASSERT_EQ(fits.size(), 64u << 10);
  Error error;
  EXPECT_TRUE(Context::parse(fits, error).has_value()) << error.describe();
  const std::string over = R"({"a":")" + std::string((64u << 10) - 7, 'x') + R"("})";
  EXPECT_FALSE(Context::parse(over, error).has_value());
  EXPECT_EQ(error.message, "document is 65537 bytes; the limit is 65536");
}

TEST(ContextTest, CanonicalFormSortsKeysAtEveryLevel) {
  const Context a = parse_ok(
      R"({"b": 1, "a": {"d": [{"y": 1, "x": 2}, 3], "c": null}, "sticky_to": "s", "e": "é"})");
  const Context b = parse_ok(
      R"({"e": "é", "sticky_to": "s", "a": {"c": null, "d": [{"x": 2, "y": 1}, 3]}, "b": 1})");
  const char* expected = R"({"a":{"c":null,"d":[{"x":2,"y":1},3]},"b":1,"e":"é"})";
  EXPECT_EQ(a.canonical(), expected);
  EXPECT_EQ(b.canonical(), expected);
  // Array order is data, not key order: it stays.
  EXPECT_NE(parse_ok(R"({"a": [1, 2]})").canonical(), parse_ok(R"({"a": [2, 1]})").canonical());
  // Keys sort by bytes: uppercase before lowercase.
  EXPECT_EQ(parse_ok(R"({"a": 1, "B": 2, "_": 3})").canonical(), R"({"B":2,"_":3,"a":1})");
  // Reserved keys are left out at the top level only.
  EXPECT_EQ(parse_ok(R"({"x": {"sticky_to": 1}, "migrated_from": {}})").canonical(),
            R"({"x":{"sticky_to":1}})");
  // Strings are escaped as JSON.
  EXPECT_EQ(parse_ok(R"({"q": "a\"b\\c\n"})").canonical(), R"({"q":"a\"b\\c\n"})");
}

TEST(ContextTest, WriteCanonicalJson) {
  std::string out;
  write_canonical_json(Encoded(Json::parse(R"([{"b": [], "a": {}}, 1.5, true, null, "s"])")), out);
  EXPECT_EQ(out, R"([{"a":{},"b":[]},1.5,true,null,"s"])");
  out.clear();
  write_canonical_json(Encoded(Json(7)), out);
  EXPECT_EQ(out, "7");
}

TEST(ContextTest, InvalidUtf8BuiltInCxxNeverThrows) {
  // Parsed text is always valid UTF-8, but a value built in C++ need not be;
  // the canonical form replaces bad bytes instead of throwing.
  Json value = Json::object();
  value["\xff\xfe"] = "\xc3";
  value["ok"] = 1;
  Error error;
  std::optional<Context> c;
  EXPECT_NO_THROW(c = Context::from_json(value, error));
  ASSERT_TRUE(c.has_value()) << error.describe();
  EXPECT_EQ(c->canonical(), "{\"ok\":1,\"\xef\xbf\xbd\xef\xbf\xbd\":\"\xef\xbf\xbd\"}");
}

TEST(ContextTest, ReservedKeys) {
  EXPECT_TRUE(is_reserved_context_key("sticky_to"));
  EXPECT_TRUE(is_reserved_context_key("migrated_from"));
  EXPECT_FALSE(is_reserved_context_key("actor"));
  EXPECT_FALSE(is_reserved_context_key("Sticky_to"));
  EXPECT_FALSE(is_reserved_context_key(""));
}

TEST(ContextTest, PrototypeKeysAreOrdinaryFields) {
  const Context c = parse_ok(R"({"__proto__": {"admin": true}, "constructor": 1})");
  EXPECT_EQ(c.canonical(), R"({"__proto__":{"admin":true},"constructor":1})");
  EXPECT_TRUE(c.sticky_to().missing());
}

}  // namespace
}  // namespace cohort

namespace cohort {
namespace {

// The canonical form's string escaping must be exactly nlohmann's, which is
// what the keys were specified against: every ASCII byte, quotes,
// backslashes, controls and multi-byte UTF-8.
TEST(CanonicalJsonTest, StringEscapingMatchesNlohmannDump) {
  std::string all_ascii;
  for (int c = 0; c < 128; ++c) all_ascii += static_cast<char>(c);
  for (const std::string& text :
       {all_ascii, std::string("plain"), std::string("zoë \"quoted\" \\ back\tslash"),
        std::string("\x7f\x1f\x01"), std::string("\xe2\x80\xa8 line separator"), std::string()}) {
    std::string mine;
    append_json_string(text, mine);
    EXPECT_EQ(mine, Json(text).dump());
  }
}

// Numbers are written as JavaScript's String(n) writes them, since the
// package writes contexts from JavaScript values: every number is a double.
// The expected texts are what node prints for String(n).
TEST(CanonicalJsonTest, NumbersAreWrittenAsJavaScriptWritesThem) {
  const std::pair<Json, const char*> cases[] = {
      {Json(0), "0"},
      {Json(-42), "-42"},
      {Json(std::uint64_t{18446744073709551615u}), "18446744073709552000"},
      {Json(std::int64_t{-9223372036854775807 - 1}), "-9223372036854776000"},
      {Json(2.5), "2.5"},
      {Json(1e300), "1e+300"},
      {Json(-0.0), "0"},
      {Json(1e21), "1e+21"},
      {Json(1e-7), "1e-7"},
      {Json(0.1), "0.1"},
      {Json(123456789012345680000.0), "123456789012345680000"},
      {Json(true), "true"},
      {Json(false), "false"},
      {Json(nullptr), "null"},
  };
  for (const auto& [value, text] : cases) {
    std::string mine;
    write_canonical_json(Encoded(value), mine);
    EXPECT_EQ(mine, text) << value.dump();
  }
}

TEST(CanonicalJsonTest, InvalidUtf8IsReplacedAsNlohmannReplacesIt) {
  for (const std::string& text :
       {std::string("\xff"), std::string("\xc3"), std::string("a\xc0\xafz"),
        std::string("\xed\xa0\x80"), std::string("\xf4\x90\x80\x80"), std::string("\xe2\x82")}) {
    std::string mine;
    append_json_string(text, mine);
    EXPECT_EQ(mine, Json(text).dump(-1, ' ', false, Json::error_handler_t::replace));
  }
}

}  // namespace
}  // namespace cohort
