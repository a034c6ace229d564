#include "cohort/resolver.hpp"

#include <gtest/gtest.h>

#include "cohort/conditions/re2_regex_engine.hpp"
#include "cohort/memory_sticky_store.hpp"

namespace cohort {
namespace {

constexpr EpochMs kNow = 1'780'000'000'000;  // 2026-05-28, inside every window below

std::shared_ptr<const Definitions> load(const char* text) {
  Re2RegexEngine regex;
  LoadOptions options;
  options.regex = &regex;
  LoadResult result = Definitions::parse(text, options);
  EXPECT_TRUE(result.errors.empty()) << result.errors.front().describe();
  return result.definitions;
}

Context context(const char* text) {
  Error error;
  auto c = Context::parse(text, error);
  EXPECT_TRUE(c.has_value()) << error.describe();
  return *c;
}

TEST(ResolverTest, StubBeatsPublishedBeatsDefinition) {
  Resolver resolver(load(R"([{"name": "pill_color", "variants": ["control", "red", "blue"],
                             "weights": [0, 1, 0]}])"));
  const Context ctx = context(R"({"actor": "user:1"})");
  EXPECT_EQ(resolver.resolve("pill_color", ctx, kNow).reason, Reason::split);

  resolver.publish("pill_color", {"blue", "k", {}});
  Answer a = resolver.resolve("pill_color", ctx, kNow);
  EXPECT_EQ(a.reason, Reason::published);
  EXPECT_EQ(a.variant, "blue");
  EXPECT_FALSE(a.tracked);

  resolver.stub("pill_color", "control");
  a = resolver.resolve("pill_color", ctx, kNow);
  EXPECT_EQ(a.reason, Reason::stubbed);
  EXPECT_EQ(a.variant, "control");

  resolver.clear_stubs();
  EXPECT_EQ(resolver.resolve("pill_color", ctx, kNow).reason, Reason::published);
  resolver.clear_published();
  EXPECT_EQ(resolver.resolve("pill_color", ctx, kNow).reason, Reason::split);
}

TEST(ResolverTest, SplitAnswersAreRememberedAndStayStickyWhenWeightsChange) {
  MemoryStickyStore store;
  const Context ctx = context(R"({"actor": "user:1"})");
  {
    Resolver before(
        load(R"([{"name": "e", "variants": ["control", "a", "b"], "weights": [0, 1, 0]}])"),
        {"", &store});
    EXPECT_EQ(before.resolve("e", ctx, kNow).variant, "a");
  }
  Resolver after(
      load(R"([{"name": "e", "variants": ["control", "a", "b"], "weights": [0, 0, 1]}])"),
      {"", &store});
  const Answer a = after.resolve("e", ctx, kNow);
  EXPECT_EQ(a.variant, "a");
  EXPECT_EQ(a.reason, Reason::cached);
  EXPECT_TRUE(a.tracked);
}

TEST(ResolverTest, ExcludedAndDisabledAnswersAreNotRemembered) {
  MemoryStickyStore store;
  Resolver resolver(load(R"([
      {"name": "ex", "exclude": [{"country": "NL"}]},
      {"name": "off", "state": "off"}])"),
                    {"", &store});
  resolver.resolve("ex", context(R"({"country": "NL"})"), kNow);
  resolver.resolve("off", context(R"({"country": "NL"})"), kNow);
  EXPECT_EQ(store.size(), 0u);
}

TEST(ResolverTest, GateAnswersAreRememberedSoRaisingThePercentageKeepsThem) {
  MemoryStickyStore store;
  const Context ctx = context(R"({"actor": "user:1"})");
  Resolver closed(load(R"([{"name": "e", "percentage": 0}])"), {"", &store});
  EXPECT_EQ(closed.resolve("e", ctx, kNow).reason, Reason::gate);
  Resolver open(load(R"([{"name": "e", "percentage": 100, "weights": [0, 1]}])"), {"", &store});
  const Answer a = open.resolve("e", ctx, kNow);
  EXPECT_EQ(a.reason, Reason::cached);
  EXPECT_EQ(a.variant, "control");
}

TEST(ResolverTest, MigrationKeysTravelWithTheAnswer) {
  Resolver resolver(load(R"([{"name": "e", "weights": [0, 1]}])"));
  const Answer a = resolver.resolve(
      "e", context(R"({"actor": "user:1", "migrated_from": {"actor": "legacy:1"}})"), kNow);
  ASSERT_EQ(a.migration_keys.size(), 1u);
  const Answer old = resolver.resolve("e", context(R"({"actor": "legacy:1"})"), kNow);
  EXPECT_EQ(a.migration_keys[0], old.key);
  EXPECT_NE(a.key, old.key);
}

TEST(ResolverTest, MigratedVariantIsCopiedToTheNewKey) {
  MemoryStickyStore store;
  Resolver resolver(load(R"([{"name": "e", "variants": ["control", "a", "b"]}])"), {"", &store});
  const Answer old = resolver.resolve("e", context(R"({"actor": "legacy:1"})"), kNow);
  const Context migrated =
      context(R"({"actor": "user:1", "migrated_from": {"actor": "legacy:1"}})");
  const Answer moved = resolver.resolve("e", migrated, kNow);
  EXPECT_EQ(moved.reason, Reason::cached);
  EXPECT_EQ(moved.variant, old.variant);
  // Without the migration, the new key now has the variant of its own.
  const Answer later = resolver.resolve("e", context(R"({"actor": "user:1"})"), kNow);
  EXPECT_EQ(later.reason, Reason::cached);
  EXPECT_EQ(later.variant, old.variant);
}

TEST(ResolverTest, KeyIgnoresContextKeyOrderAndDependsOnSecret) {
  auto defs = load(R"([{"name": "e"}])");
  Resolver plain(defs);
  Resolver salted(defs, {"s3cret", nullptr});
  const Answer a = plain.resolve("e", context(R"({"actor": "user:1", "project": 7})"), kNow);
  const Answer b = plain.resolve("e", context(R"({"project": 7, "actor": "user:1"})"), kNow);
  const Answer c = salted.resolve("e", context(R"({"actor": "user:1", "project": 7})"), kNow);
  EXPECT_EQ(a.key, b.key);
  EXPECT_EQ(a.variant, b.variant);
  EXPECT_NE(a.key, c.key);
  EXPECT_EQ(a.key.size(), 32u);
  EXPECT_EQ(a.key.find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(ResolverTest, ResolveAllAnswersEveryExperimentInDocumentOrder) {
  Resolver resolver(load(R"([{"name": "b"}, {"name": "a", "state": "off"}, {"name": "c"}])"));
  const auto answers = resolver.resolve_all(context("{}"), kNow);
  ASSERT_EQ(answers.size(), 3u);
  EXPECT_EQ(answers[0].experiment, "b");
  EXPECT_EQ(answers[1].reason, Reason::disabled);
  EXPECT_EQ(answers[2].experiment, "c");
}

TEST(ResolverTest, ExpiredStickyEntriesAreIgnored) {
  MemoryStickyStore store(100, 1000);
  const Context ctx = context(R"({"actor": "user:1"})");
  Resolver first(load(R"([{"name": "e", "weights": [0, 1]}])"), {"", &store});
  first.resolve("e", ctx, kNow);
  Resolver second(load(R"([{"name": "e", "weights": [1, 0]}])"), {"", &store});
  EXPECT_EQ(second.resolve("e", ctx, kNow + 999).reason, Reason::cached);
  const Answer later = second.resolve("e", ctx, kNow + 5000);
  EXPECT_EQ(later.reason, Reason::split);
  EXPECT_EQ(later.variant, "control");
}

TEST(ResolverTest, ErrorAnswerIsUntrackedControl) {
  const Answer a = error_answer("e", "context: expected an object");
  EXPECT_EQ(a.variant, "control");
  EXPECT_EQ(a.reason, Reason::error);
  EXPECT_FALSE(a.tracked);
  EXPECT_EQ(a.error, "context: expected an object");
}

}  // namespace
}  // namespace cohort
