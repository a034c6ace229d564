// Definitions::load / Definitions::parse: every field of SPEC §2 with its
// default, the precise errors of SPEC §8 (JSON Pointer path + what was
// expected), and hostile documents that must never crash.

#include "cohort/definitions/definitions.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>

#include "cohort/conditions/re2_regex_engine.hpp"
#include "cohort/hashing/bucketing.hpp"
#include "cohort/resolver.hpp"

namespace cohort {
namespace {

const Re2RegexEngine kRegex;

LoadOptions options() {
  LoadOptions o;
  o.regex = &kRegex;
  return o;
}

LoadResult parse(std::string_view text, const LoadOptions& o = options()) {
  return Definitions::parse(text, o);
}

// Parses a document holding one experiment that must load without errors.
// Definitions are move-only, so this hands out a reference and keeps what
// was loaded alive until the test program ends.
const Definition& one(std::string_view experiment_json) {
  static std::vector<std::shared_ptr<const Definitions>> loaded;
  static const Definition kNone;
  const LoadResult r = parse("[" + std::string(experiment_json) + "]");
  EXPECT_TRUE(r.errors.empty()) << r.errors.front().describe();
  EXPECT_EQ(r.definitions->all().size(), 1u);
  if (r.definitions->all().empty()) return kNone;
  loaded.push_back(r.definitions);
  return r.definitions->all().front();
}

// Parses `{"experiments": [<good>, <bad>, <good>]}` and returns the single
// error the bad experiment caused, after checking the good ones loaded.
Error only_error(std::string_view bad_experiment_json) {
  const std::string text = R"({"experiments": [{"name": "first"}, )" +
                           std::string(bad_experiment_json) + R"(, {"name": "last"}]})";
  const LoadResult r = parse(text);
  EXPECT_EQ(r.errors.size(), 1u) << text;
  const auto all = r.definitions->all();
  EXPECT_EQ(all.size(), 2u) << text;
  if (all.size() == 2) {
    EXPECT_EQ(all[0].name, "first");
    EXPECT_EQ(all[1].name, "last");
  }
  if (r.errors.empty()) return {};
  return r.errors.front();
}

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

// --- fields and defaults ---------------------------------------------------

TEST(DefinitionsTest, MinimalDefinitionTakesEveryDefault) {
  const Definition& d = one(R"({"name": "pill_color"})");
  EXPECT_EQ(d.name, "pill_color");
  EXPECT_EQ(d.variants, (std::vector<std::string>{"control", "candidate"}));
  EXPECT_EQ(d.state, State::conditional);
  EXPECT_EQ(d.percentage, 100);
  EXPECT_TRUE(d.actors.empty());
  EXPECT_EQ(d.weights, (std::vector<double>{0.5, 0.5}));  // equal by default
  EXPECT_TRUE(d.equal_weights);
  EXPECT_EQ(d.hash, HashMode::xxh3);
  EXPECT_EQ(d.seed, "pill_color");  // the seed defaults to the name
  EXPECT_EQ(d.seed_hash, xxh3_seed("pill_color"));
  EXPECT_FALSE(d.context_keys.has_value());
  EXPECT_TRUE(d.exclude.empty());
  EXPECT_TRUE(d.overrides.empty());
  EXPECT_TRUE(d.segments.empty());
  EXPECT_FALSE(d.enrollment.has_value());
  EXPECT_FALSE(d.namespace_range.has_value());
  EXPECT_TRUE(d.course_aware);
  EXPECT_FALSE(d.experiment_id.has_value());
  EXPECT_EQ(d.path, "/0");
}

TEST(DefinitionsTest, TheSpecExampleLoadsFieldByField) {
  // SPEC §2's example definition, verbatim.
  const LoadResult r = parse(R"({"experiments": [{
    "name": "pill_color",
    "variants": ["control", "red", "blue"],
    "state": "conditional",
    "percentage": 50,
    "actors": ["user:7"],
    "weights": [0, 1, 1],
    "hash": "xxh3",
    "seed": "pill_color",
    "context_keys": ["actor"],
    "exclude": [ {"actor.created_days": {"$gt": 14}} ],
    "overrides": { "1": {"actor.staff": true} },
    "segments": [ {"variant": "red", "when": {"actor.first_name": "Richard"}} ],
    "enrollment": {"start": "2020-01-01T00:00:00Z", "end": null},
    "namespace": ["checkout", 0, 0.5],
    "course_aware": true,
    "experiment_id": 12
  }]})");
  ASSERT_TRUE(r.errors.empty()) << r.errors.front().describe();
  EXPECT_TRUE(r.warnings.empty()) << r.warnings.front().describe();
  const Definition* d = r.definitions->find("pill_color");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->path, "/experiments/0");
  EXPECT_EQ(d->variants, (std::vector<std::string>{"control", "red", "blue"}));
  EXPECT_EQ(d->state, State::conditional);
  EXPECT_EQ(d->percentage, 50);
  EXPECT_EQ(d->actors, (std::vector<std::string>{"user:7"}));
  // [0, 1, 1] normalised over its total 2.
  EXPECT_EQ(d->weights, (std::vector<double>{0, 0.5, 0.5}));
  EXPECT_TRUE(d->equal_weights);
  EXPECT_EQ(d->hash, HashMode::xxh3);
  EXPECT_EQ(d->seed, "pill_color");
  EXPECT_EQ(d->context_keys, (std::vector<std::string>{"actor"}));
  ASSERT_EQ(d->exclude.size(), 1u);
  EXPECT_TRUE(d->exclude[0].matches(Json::parse(R"({"actor": {"created_days": 15}})")));
  EXPECT_FALSE(d->exclude[0].matches(Json::parse(R"({"actor": {"created_days": 14}})")));
  ASSERT_EQ(d->overrides.size(), 1u);
  EXPECT_EQ(d->overrides[0].variant, 1u);
  EXPECT_TRUE(d->overrides[0].when.matches(Json::parse(R"({"actor": {"staff": true}})")));
  ASSERT_EQ(d->segments.size(), 1u);
  EXPECT_EQ(d->segments[0].variant, 1u);  // "red"
  EXPECT_TRUE(d->segments[0].when.matches(Json::parse(R"({"actor": {"first_name": "Richard"}})")));
  ASSERT_TRUE(d->enrollment.has_value());
  // python3: datetime(2020, 1, 1, tzinfo=timezone.utc).timestamp() * 1000 == 1577836800000
  EXPECT_EQ(d->enrollment->start, 1577836800000);
  EXPECT_EQ(d->enrollment->end, std::nullopt);
  EXPECT_FALSE(d->enrollment->invalid);
  ASSERT_TRUE(d->namespace_range.has_value());
  EXPECT_EQ(d->namespace_range->id, "checkout");
  EXPECT_EQ(d->namespace_range->start, 0);
  EXPECT_EQ(d->namespace_range->end, 0.5);
  EXPECT_TRUE(d->course_aware);
  EXPECT_EQ(d->experiment_id, 12);
}

TEST(DefinitionsTest, NumBucketsIsShorthandForNumberedVariants) {
  const Definition& d = one(R"({"name": "e", "num_buckets": 4})");
  EXPECT_EQ(d.variants, (std::vector<std::string>{"0", "1", "2", "3"}));
  EXPECT_EQ(d.weights, (std::vector<double>{0.25, 0.25, 0.25, 0.25}));
  EXPECT_EQ(one(R"({"name": "e", "num_buckets": 1})").variants, std::vector<std::string>{"0"});
  EXPECT_EQ(one(R"({"name": "e", "num_buckets": 1000})").variants.size(), 1000u);
}

TEST(DefinitionsTest, CountsBuiltInCxxAreAcceptedLikeParsedOnes) {
  // Json(3) built in C++ is a signed integer, parsed "3" an unsigned one;
  // both are the same count.
  const Json doc = Json::array({Json::object(
      {{"name", "e"},
       {"num_buckets", 3},
       {"segments", Json::array({Json::object({{"variant", 2}, {"when", Json::object()}})})}})});
  const LoadResult r = Definitions::load(doc, options());
  ASSERT_TRUE(r.errors.empty()) << r.errors.front().describe();
  const Definition& d = r.definitions->all().front();
  EXPECT_EQ(d.variants, (std::vector<std::string>{"0", "1", "2"}));
  EXPECT_EQ(d.segments.at(0).variant, 2u);
  // A negative signed count is still refused.
  const LoadResult bad = Definitions::load(
      Json::array({Json::object({{"name", "e"}, {"num_buckets", -3}})}), options());
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_EQ(bad.errors[0].path, "/0/num_buckets");
}

TEST(DefinitionsTest, States) {
  EXPECT_EQ(one(R"({"name": "e", "state": "off"})").state, State::off);
  EXPECT_EQ(one(R"({"name": "e", "state": "conditional"})").state, State::conditional);
  EXPECT_EQ(one(R"({"name": "e", "state": "on"})").state, State::on);
  EXPECT_EQ(to_string(State::off), "off");
  EXPECT_EQ(to_string(State::conditional), "conditional");
  EXPECT_EQ(to_string(State::on), "on");
}

TEST(DefinitionsTest, PercentageBoundsAreInclusive) {
  EXPECT_EQ(one(R"({"name": "e", "percentage": 0})").percentage, 0);
  EXPECT_EQ(one(R"({"name": "e", "percentage": 100})").percentage, 100);
  EXPECT_EQ(one(R"({"name": "e", "percentage": 12.5})").percentage, 12.5);
}

TEST(DefinitionsTest, ActorsAreStringsOrIntegers) {
  const Definition& d = one(R"({"name": "e", "actors": ["user:7", 42, "user:7", -1]})");
  // Integers are kept as their decimal text; duplicates collapse.
  // Sorted and each once, for has_actor's binary search.
  EXPECT_EQ(d.actors, (std::vector<std::string>{"-1", "42", "user:7"}));
  EXPECT_TRUE(d.has_actor("42"));
  EXPECT_TRUE(d.has_actor("user:7"));
  EXPECT_FALSE(d.has_actor("user:8"));
  EXPECT_TRUE(one(R"({"name": "e", "actors": []})").actors.empty());
}

TEST(DefinitionsTest, WeightsAreNormalised) {
  // [1, 2, 1] / 4.
  const Definition* d = &one(R"({"name": "e", "variants": ["a", "b", "c"], "weights": [1, 2, 1]})");
  EXPECT_EQ(d->weights, (std::vector<double>{0.25, 0.5, 0.25}));
  EXPECT_FALSE(d->equal_weights);
  // Equal non-zero weights, whatever their scale, are equal weights.
  d = &one(R"({"name": "e", "variants": ["a", "b", "c"], "weights": [0, 7, 7]})");
  EXPECT_EQ(d->weights, (std::vector<double>{0, 0.5, 0.5}));
  EXPECT_TRUE(d->equal_weights);
  // GLEX's "50% -> 50/25/25" is percentage 50, weights [0, 1, 1].
  d = &one(R"({"name": "e", "variants": ["control", "a", "b"], "percentage": 50,
              "weights": [0, 1, 1]})");
  EXPECT_EQ(d->percentage, 50);
  EXPECT_EQ(d->weights, (std::vector<double>{0, 0.5, 0.5}));
}

TEST(DefinitionsTest, HugeWeightsDoNotOverflowTheirTotal) {
  // 1e308 + 1e308 overflows a double; the normalised weights are still 1/2.
  const Definition& d = one(R"({"name": "e", "weights": [1e308, 1e308]})");
  EXPECT_EQ(d.weights, (std::vector<double>{0.5, 0.5}));
  EXPECT_TRUE(d.equal_weights);
  const Definition& skew = one(R"({"name": "e", "weights": [1.5e308, 0.5e308]})");
  EXPECT_DOUBLE_EQ(skew.weights[0], 0.75);
  EXPECT_DOUBLE_EQ(skew.weights[1], 0.25);
}

TEST(DefinitionsTest, StateOnZeroesControl) {
  // Default weights [1, 1, 1] with control zeroed: [0, 1, 1] / 2.
  const Definition* d = &one(R"({"name": "e", "variants": ["control", "a", "b"], "state": "on"})");
  EXPECT_EQ(d->weights, (std::vector<double>{0, 0.5, 0.5}));
  EXPECT_TRUE(d->equal_weights);
  // Given weights [2, 1, 3]: control zeroed, [0, 1, 3] / 4.
  d = &one(R"({"name": "e", "variants": ["control", "a", "b"], "state": "on",
              "weights": [2, 1, 3]})");
  EXPECT_EQ(d->weights, (std::vector<double>{0, 0.25, 0.75}));
  EXPECT_FALSE(d->equal_weights);

  // Nothing left to assign: an error, not a silent all-control experiment.
  Error e = only_error(R"({"name": "e", "variants": ["control", "a"], "state": "on",
                           "weights": [1, 0]})");
  EXPECT_EQ(e.path, "/experiments/1/weights");
  EXPECT_TRUE(contains(e.message, "state \"on\" needs a non-control variant")) << e.message;
  e = only_error(R"({"name": "e", "variants": ["control"], "state": "on"})");
  EXPECT_EQ(e.path, "/experiments/1/weights");
}

TEST(DefinitionsTest, HashModes) {
  EXPECT_EQ(one(R"({"name": "e", "hash": "xxh3"})").hash, HashMode::xxh3);
  EXPECT_EQ(one(R"({"name": "e", "hash": "gitlab"})").hash, HashMode::gitlab);
  EXPECT_EQ(one(R"({"name": "e", "hash": "edx"})").hash, HashMode::edx);
  EXPECT_EQ(one(R"({"name": "e", "hash": "fnv1a_v1"})").hash, HashMode::fnv1a_v1);
  EXPECT_EQ(one(R"({"name": "e", "hash": "fnv1a_v2"})").hash, HashMode::fnv1a_v2);
  for (const HashMode mode :
       {HashMode::xxh3, HashMode::gitlab, HashMode::edx, HashMode::fnv1a_v1, HashMode::fnv1a_v2}) {
    const std::string name(to_string(mode));
    EXPECT_EQ(one(R"({"name": "e", "hash": ")" + name + R"("})").hash, mode) << name;
  }
}

TEST(DefinitionsTest, SeedDefaultsToTheNameAndIsHashedOnce) {
  const Definition& named = one(R"({"name": "shared"})");
  const Definition& seeded = one(R"({"name": "other", "seed": "shared"})");
  EXPECT_EQ(seeded.seed, "shared");
  EXPECT_EQ(seeded.seed_hash, named.seed_hash);
  EXPECT_NE(one(R"({"name": "other"})").seed_hash, named.seed_hash);
  EXPECT_EQ(one(R"({"name": "e", "seed": ""})").seed, "");
}

TEST(DefinitionsTest, ContextKeysKeepTheirOrder) {
  const Definition& d = one(R"({"name": "e", "context_keys": ["project", "actor"]})");
  EXPECT_EQ(d.context_keys, (std::vector<std::string>{"project", "actor"}));
}

TEST(DefinitionsTest, ExcludeOverridesAndSegments) {
  const Definition& d = one(R"({"name": "e", "variants": ["control", "red", "blue"],
    "exclude": [{"country": "FR"}, {"age": {"$lt": 18}}],
    "overrides": {"blue": {"staff": true}, "1": {"beta": true}, "0": {"opt_out": true}},
    "segments": [{"variant": "blue", "when": {"plan": "gold"}},
                 {"variant": 1, "when": {"plan": "silver"}},
                 {"variant": "0", "when": {}}]})");
  ASSERT_EQ(d.exclude.size(), 2u);
  EXPECT_TRUE(d.exclude[0].matches(Json::parse(R"({"country": "FR"})")));
  EXPECT_TRUE(d.exclude[1].matches(Json::parse(R"({"age": 17})")));
  // Overrides by index or name, sorted so the lowest index is checked first.
  ASSERT_EQ(d.overrides.size(), 3u);
  EXPECT_EQ(d.overrides[0].variant, 0u);
  EXPECT_EQ(d.overrides[1].variant, 1u);
  EXPECT_EQ(d.overrides[2].variant, 2u);
  EXPECT_TRUE(d.overrides[0].when.matches(Json::parse(R"({"opt_out": true})")));
  EXPECT_TRUE(d.overrides[2].when.matches(Json::parse(R"({"staff": true})")));
  // Segments stay in document order; variants by name, index or index text.
  ASSERT_EQ(d.segments.size(), 3u);
  EXPECT_EQ(d.segments[0].variant, 2u);
  EXPECT_EQ(d.segments[1].variant, 1u);
  EXPECT_EQ(d.segments[2].variant, 0u);
  EXPECT_TRUE(d.segments[2].when.matches(Json::object()));
}

TEST(DefinitionsTest, EnrollmentBounds) {
  const Definition* d = &one(R"({"name": "e", "enrollment": {"start": 1577836800000,
                                                      "end": "2021-01-01"}})");
  ASSERT_TRUE(d->enrollment.has_value());
  EXPECT_EQ(d->enrollment->start, 1577836800000);
  // python3: datetime(2021, 1, 1, tzinfo=timezone.utc).timestamp() * 1000 == 1609459200000
  EXPECT_EQ(d->enrollment->end, 1609459200000);
  EXPECT_FALSE(d->enrollment->invalid);
  d = &one(R"({"name": "e", "enrollment": {}})");
  ASSERT_TRUE(d->enrollment.has_value());
  EXPECT_FALSE(d->enrollment->start.has_value());
  EXPECT_FALSE(d->enrollment->end.has_value());
  EXPECT_FALSE(d->enrollment->invalid);
}

TEST(DefinitionsTest, UnparseableEnrollmentBoundWarnsAndExcludesEveryone) {
  const LoadResult r = parse(R"([{"name": "e", "variants": ["control", "a"],
                                  "weights": [0, 1],
                                  "enrollment": {"start": "2020-13-01", "end": null}}])");
  EXPECT_TRUE(r.errors.empty());
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].path, "/0/enrollment/start");
  EXPECT_TRUE(contains(r.warnings[0].message, "expected an ISO-8601 time or epoch milliseconds"))
      << r.warnings[0].message;
  EXPECT_TRUE(contains(r.warnings[0].message, "every context is excluded"));
  const Definition* d = r.definitions->find("e");
  ASSERT_NE(d, nullptr);
  ASSERT_TRUE(d->enrollment.has_value());
  EXPECT_TRUE(d->enrollment->invalid);

  // Everyone: with and without an enrollment date, the answer is excluded.
  Resolver resolver(r.definitions);
  for (const char* text : {R"({"id": 1})", R"({"id": 2, "enrollment_created": "2020-06-01"})",
                           R"({"id": 3, "enrollment_created": 0})"}) {
    Error error;
    const auto ctx = Context::parse(text, error);
    ASSERT_TRUE(ctx.has_value()) << error.describe();
    const Answer a = resolver.resolve("e", *ctx, 1'780'000'000'000);
    EXPECT_EQ(a.reason, Reason::excluded) << text;
    EXPECT_TRUE(a.excluded);
    EXPECT_EQ(a.variant, "control");
  }

  // A bound of the wrong type is unparseable too.
  const LoadResult typed = parse(R"([{"name": "e", "enrollment": {"end": true}}])");
  ASSERT_EQ(typed.warnings.size(), 1u);
  EXPECT_EQ(typed.warnings[0].path, "/0/enrollment/end");
  EXPECT_TRUE(typed.definitions->find("e")->enrollment->invalid);
}

TEST(DefinitionsTest, NamespaceCourseAwareAndExperimentId) {
  const Definition* d = &one(R"({"name": "e", "namespace": ["checkout", 0.25, 1],
                         "course_aware": false, "experiment_id": -7})");
  ASSERT_TRUE(d->namespace_range.has_value());
  EXPECT_EQ(d->namespace_range->id, "checkout");
  EXPECT_EQ(d->namespace_range->start, 0.25);
  EXPECT_EQ(d->namespace_range->end, 1);
  EXPECT_FALSE(d->course_aware);
  EXPECT_EQ(d->experiment_id, -7);
  // An empty range is allowed (nobody is in it).
  d = &one(R"({"name": "e", "namespace": ["n", 0.5, 0.5]})");
  EXPECT_EQ(d->namespace_range->start, d->namespace_range->end);
  // Numbers are doubles, as in JavaScript: the largest experiment_id is the
  // largest double below 2^63, which is 2^63 - 1024 (doubles between 2^62
  // and 2^63 are 2^(62-52) = 1024 apart). INT64_MAX itself reads as 2^63.
  EXPECT_EQ(one(R"({"name": "e", "experiment_id": 9223372036854774784})").experiment_id,
            std::int64_t{9223372036854774784});
}

// --- errors: path and expectation, one bad experiment skipped ---------------

TEST(DefinitionsTest, OneBadExperimentIsSkippedWithItsExactPath) {
  const LoadResult r = parse(R"({"experiments": [
    {"name": "a"},
    {"name": "b", "variants": ["control", "x", "y"], "weights": [1, 1, "heavy"]},
    {"name": "c"}]})");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].path, "/experiments/1/weights/2");
  EXPECT_EQ(r.errors[0].message,
            "expected a non-negative number, got \"heavy\"; experiment skipped");
  EXPECT_EQ(r.errors[0].describe(),
            "/experiments/1/weights/2: expected a non-negative number, got \"heavy\"; "
            "experiment skipped");
  ASSERT_EQ(r.definitions->all().size(), 2u);
  EXPECT_NE(r.definitions->find("a"), nullptr);
  EXPECT_EQ(r.definitions->find("b"), nullptr);
  EXPECT_NE(r.definitions->find("c"), nullptr);
  EXPECT_EQ(r.definitions->find("c")->path, "/experiments/2");
}

struct BadField {
  const char* experiment;
  const char* path;     // below /experiments/1
  const char* message;  // a part of the message
};

TEST(DefinitionsTest, WrongTypesEverywhereNameTheFieldAndTheExpectation) {
  const BadField cases[] = {
      {R"({})", "/name", "missing: expected the experiment's name"},
      {R"({"name": 1})", "/name", "expected a non-empty string of at most 255 bytes, got 1"},
      {R"({"name": ""})", "/name", "expected a non-empty string"},
      {R"({"name": null})", "/name", "got null"},
      {R"({"name": ["a"]})", "/name", "got [\"a\"]"},
      {R"({"name": "e", "variants": "control"})", "/variants",
       "expected an array of 1 to 1000 variant names, got \"control\""},
      {R"({"name": "e", "variants": []})", "/variants", "expected an array of 1 to 1000"},
      {R"({"name": "e", "variants": {}})", "/variants", "got {}"},
      {R"({"name": "e", "variants": ["a", 2]})", "/variants/1",
       "expected a non-empty variant name, got 2"},
      {R"({"name": "e", "variants": ["a", ""]})", "/variants/1", "a non-empty variant name"},
      {R"({"name": "e", "variants": ["a", "b", "a"]})", "/variants/2", "duplicate variant \"a\""},
      {R"({"name": "e", "num_buckets": 0})", "/num_buckets",
       "expected an integer from 1 to 1000, got 0"},
      {R"({"name": "e", "num_buckets": -2})", "/num_buckets", "got -2"},
      {R"({"name": "e", "num_buckets": 2.5})", "/num_buckets", "got 2.5"},
      {R"({"name": "e", "num_buckets": "2"})", "/num_buckets", "got \"2\""},
      {R"({"name": "e", "num_buckets": 1001})", "/num_buckets", "got 1001"},
      {R"({"name": "e", "num_buckets": 18446744073709551615})", "/num_buckets", "from 1 to 1000"},
      {R"({"name": "e", "num_buckets": 2, "variants": ["a", "b"]})", "/num_buckets",
       "either variants or num_buckets, not both"},
      {R"({"name": "e", "state": "ON"})", "/state",
       "expected one of \"off\", \"conditional\", \"on\", got \"ON\""},
      {R"({"name": "e", "state": true})", "/state", "got true"},
      {R"({"name": "e", "state": null})", "/state", "got null"},
      {R"({"name": "e", "percentage": -1})", "/percentage",
       "expected a number from 0 to 100, got -1"},
      {R"({"name": "e", "percentage": 100.5})", "/percentage", "got 100.5"},
      {R"({"name": "e", "percentage": "50"})", "/percentage", "got \"50\""},
      {R"({"name": "e", "percentage": null})", "/percentage", "got null"},
      {R"({"name": "e", "actors": "user:7"})", "/actors", "context keys or actor ids"},
      {R"({"name": "e", "actors": {}})", "/actors", "got {}"},
      {R"({"name": "e", "actors": ["ok", 1.5]})", "/actors/1",
       "expected a string or an integer, got 1.5"},
      {R"({"name": "e", "actors": [null]})", "/actors/0", "got null"},
      {R"({"name": "e", "weights": [1]})", "/weights",
       "expected an array of 2 weights, one per variant (control included), got [1]"},
      {R"({"name": "e", "weights": {"control": 1}})", "/weights", "an array of 2 weights"},
      {R"({"name": "e", "weights": [1, -1]})", "/weights/1",
       "expected a non-negative number, got -1"},
      {R"({"name": "e", "weights": [true, 1]})", "/weights/0", "got true"},
      {R"({"name": "e", "weights": [0, 0]})", "/weights", "at least one weight must be positive"},
      {R"({"name": "e", "hash": "md5"})", "/hash",
       "expected one of \"xxh3\", \"gitlab\", \"edx\", \"fnv1a_v1\", \"fnv1a_v2\", got \"md5\""},
      {R"({"name": "e", "hash": 1})", "/hash", "got 1"},
      {R"({"name": "e", "seed": 5})", "/seed", "expected a string, got 5"},
      {R"({"name": "e", "context_keys": []})", "/context_keys",
       "expected a non-empty array of context field names, got []"},
      {R"({"name": "e", "context_keys": "actor"})", "/context_keys", "got \"actor\""},
      {R"({"name": "e", "context_keys": ["actor", 1]})", "/context_keys/1",
       "expected a context field name, got 1"},
      {R"({"name": "e", "context_keys": [""]})", "/context_keys/0", "a context field name"},
      {R"({"name": "e", "exclude": {}})", "/exclude", "expected an array of conditions, got {}"},
      {R"({"name": "e", "exclude": [{"a": 1}, 1]})", "/exclude/1",
       "expected a condition object, got 1"},
      {R"({"name": "e", "exclude": [[]]})", "/exclude/0", "a condition object"},
      {R"({"name": "e", "overrides": []})", "/overrides",
       "expected an object of variant index -> condition, got []"},
      {R"({"name": "e", "overrides": {"2": {}}})", "/overrides/2",
       "\"2\" is not a variant index or name"},
      {R"({"name": "e", "overrides": {"-1": {}}})", "/overrides/-1", "not a variant index"},
      {R"({"name": "e", "overrides": {"1": 5}})", "/overrides/1",
       "expected a condition object, got 5"},
      {R"({"name": "e", "overrides": {"a/b~c": {}}})", "/overrides/a~1b~0c",
       "\"a/b~c\" is not a variant index or name"},
      {R"({"name": "e", "segments": {}})", "/segments",
       "expected an array of {variant, when}, got {}"},
      {R"({"name": "e", "segments": [1]})", "/segments/0",
       "expected an object {variant, when}, got 1"},
      {R"({"name": "e", "segments": [{"when": {}}]})", "/segments/0/variant",
       "missing: expected one of the experiment's variants"},
      {R"({"name": "e", "segments": [{"variant": "nope", "when": {}}]})", "/segments/0/variant",
       "expected one of the experiment's variants, got \"nope\""},
      {R"({"name": "e", "segments": [{"variant": 2, "when": {}}]})", "/segments/0/variant",
       "got 2"},
      {R"({"name": "e", "segments": [{"variant": -1, "when": {}}]})", "/segments/0/variant",
       "got -1"},
      {R"({"name": "e", "segments": [{"variant": "candidate"}]})", "/segments/0/when",
       "missing: expected a condition"},
      {R"({"name": "e", "segments": [{"variant": "candidate", "when": "x"}]})", "/segments/0/when",
       "expected a condition object, got \"x\""},
      {R"({"name": "e", "enrollment": "2020-01-01"})", "/enrollment",
       "expected an object {start, end}, got \"2020-01-01\""},
      {R"({"name": "e", "namespace": "checkout"})", "/namespace",
       "expected [id, start, end] with 0 <= start <= end <= 1, got \"checkout\""},
      {R"({"name": "e", "namespace": ["n", 0.6, 0.5]})", "/namespace", "got [\"n\",0.6,0.5]"},
      {R"({"name": "e", "namespace": ["n", -0.1, 0.5]})", "/namespace", "0 <= start"},
      {R"({"name": "e", "namespace": ["n", 0, 2]})", "/namespace", "end <= 1"},
      {R"({"name": "e", "namespace": [1, 0, 1]})", "/namespace", "got [1,0,1]"},
      {R"({"name": "e", "namespace": ["n", "0", 1]})", "/namespace", "[id, start, end]"},
      {R"({"name": "e", "namespace": ["n", 0]})", "/namespace", "[id, start, end]"},
      {R"({"name": "e", "course_aware": "yes"})", "/course_aware",
       "expected true or false, got \"yes\""},
      {R"({"name": "e", "course_aware": 1})", "/course_aware", "got 1"},
      {R"({"name": "e", "experiment_id": "12"})", "/experiment_id",
       "expected an integer, got \"12\""},
      {R"({"name": "e", "experiment_id": 1.5})", "/experiment_id", "got 1.5"},
      // From 2^63 on the id would wrap round to a negative number; INT64_MAX
      // reads as the double 2^63.
      {R"({"name": "e", "experiment_id": 9223372036854775807})", "/experiment_id",
       "expected an integer"},
      {R"({"name": "e", "experiment_id": 9223372036854775808})", "/experiment_id",
       "expected an integer"},
      {R"({"name": "e", "experiment_id": 18446744073709551615})", "/experiment_id",
       "expected an integer"},
  };
  for (const BadField& c : cases) {
    SCOPED_TRACE(c.experiment);
    const Error e = only_error(c.experiment);
    EXPECT_EQ(e.path, std::string("/experiments/1") + c.path);
    EXPECT_TRUE(contains(e.message, c.message)) << e.message;
    EXPECT_TRUE(contains(e.message, "experiment skipped")) << e.message;
  }
}

TEST(DefinitionsTest, ConditionErrorsPointInsideTheCondition) {
  const Error e = only_error(R"({"name": "e", "exclude": [{"a": 1}, {"b": {"$bogus": 1}}]})");
  EXPECT_EQ(e.path.rfind("/experiments/1/exclude/1", 0), 0u) << e.path;
  EXPECT_TRUE(contains(e.message, "experiment skipped")) << e.message;
}

TEST(DefinitionsTest, ExperimentsThatAreNotObjects) {
  const LoadResult r = parse(R"([1, "e", null, [], {"name": "ok"}])");
  ASSERT_EQ(r.errors.size(), 4u);
  EXPECT_EQ(r.errors[0].path, "/0");
  EXPECT_TRUE(contains(r.errors[0].message, "expected an experiment object, got 1"));
  EXPECT_EQ(r.errors[1].path, "/1");
  EXPECT_EQ(r.errors[2].path, "/2");
  EXPECT_EQ(r.errors[3].path, "/3");
  ASSERT_EQ(r.definitions->all().size(), 1u);
  EXPECT_EQ(r.definitions->all()[0].name, "ok");
  EXPECT_EQ(r.definitions->all()[0].path, "/4");
}

TEST(DefinitionsTest, DuplicateNamesKeepTheFirst) {
  const LoadResult r = parse(R"({"experiments": [
    {"name": "e", "variants": ["control", "first"]},
    {"name": "f"},
    {"name": "e", "variants": ["control", "second"]}]})");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].path, "/experiments/2/name");
  EXPECT_EQ(r.errors[0].message,
            "duplicate experiment name \"e\" (first defined at /experiments/0); skipped");
  ASSERT_EQ(r.definitions->all().size(), 2u);
  EXPECT_EQ(r.definitions->find("e")->variants[1], "first");
  EXPECT_EQ(r.definitions->find("f")->path, "/experiments/1");
}

TEST(DefinitionsTest, DuplicateNameErrorsStandInDocumentOrder) {
  // A duplicate of a skipped experiment is not a duplicate; the errors come
  // in the order of the experiments they are about.
  const LoadResult r = parse(R"({"experiments": [
    {"name": "e"},
    {"name": "bad", "percentage": 101},
    {"name": "e"},
    {"name": "g", "state": "nope"},
    {"name": "e"},
    {"name": "g"}]})");
  std::vector<std::string> paths;
  for (const Error& e : r.errors) paths.push_back(e.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"/experiments/1/percentage", "/experiments/2/name",
                                             "/experiments/3/state", "/experiments/4/name"}));
  ASSERT_EQ(r.definitions->all().size(), 2u);
  EXPECT_EQ(r.definitions->find("e")->path, "/experiments/0");
  EXPECT_EQ(r.definitions->find("g")->path, "/experiments/5");
  EXPECT_EQ(r.definitions->find("bad"), nullptr);
}

TEST(DefinitionsTest, BareArrayDocuments) {
  const LoadResult r = parse(R"([{"name": "a"}, {"name": "b", "state": "off"}])");
  ASSERT_TRUE(r.errors.empty());
  ASSERT_EQ(r.definitions->all().size(), 2u);
  EXPECT_EQ(r.definitions->all()[0].name, "a");
  EXPECT_EQ(r.definitions->all()[1].path, "/1");
  EXPECT_TRUE(parse("[]").definitions->all().empty());
  EXPECT_TRUE(parse("[]").errors.empty());
}

TEST(DefinitionsTest, DocumentShapeErrors) {
  for (const char* text : {"1", "\"experiments\"", "null", "true"}) {
    const LoadResult r = parse(text);
    ASSERT_EQ(r.errors.size(), 1u) << text;
    EXPECT_EQ(r.errors[0].path, "");
    EXPECT_TRUE(
        contains(r.errors[0].message, "expected an object with \"experiments\" or an array"))
        << r.errors[0].message;
    EXPECT_TRUE(r.definitions->all().empty());
  }
  LoadResult r = parse("{}");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].path, "/experiments");
  EXPECT_EQ(r.errors[0].message, "missing: expected an array of experiment definitions");
  r = parse(R"({"experiments": {"name": "e"}})");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].path, "/experiments");
  EXPECT_TRUE(contains(r.errors[0].message, "expected an array of experiment definitions, got {"));
  // An empty list is fine.
  r = parse(R"({"experiments": []})");
  EXPECT_TRUE(r.errors.empty());
  EXPECT_TRUE(r.warnings.empty());
}

TEST(DefinitionsTest, InvalidOrOversizedTextIsOneDocumentError) {
  LoadResult r = parse(R"({"experiments": [{"name": "e"},]})");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].path, "");
  EXPECT_TRUE(contains(r.errors[0].message, "invalid JSON at byte")) << r.errors[0].message;
  ASSERT_NE(r.definitions, nullptr);
  EXPECT_TRUE(r.definitions->all().empty());

  LoadOptions small = options();
  small.limits.max_document_bytes = 10;
  r = parse(R"({"experiments": []})", small);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_TRUE(contains(r.errors[0].message, "the limit is 10")) << r.errors[0].message;

  // 65 levels of nesting over the default limit of 64: "{", "[", "{" and 62 more.
  r = parse(R"({"experiments": [{"name": "e", "x": )" + std::string(62, '[') +
            std::string(62, ']') + "}]}");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_TRUE(contains(r.errors[0].message, "nesting deeper than 64 levels"));
  // A million levels: refused, no crash.
  r = parse(std::string(1'000'000, '['));
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_TRUE(r.definitions->all().empty());
}

TEST(DefinitionsTest, SavedGroupsMustBeAnObject) {
  const LoadResult r = parse(R"({"saved_groups": [1], "experiments": [{"name": "e"}]})");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].path, "/saved_groups");
  EXPECT_TRUE(contains(r.errors[0].message, "expected an object of group id -> array, got [1]"));
  // The experiments still load.
  EXPECT_NE(r.definitions->find("e"), nullptr);
}

TEST(DefinitionsTest, SavedGroupsAreAvailableToConditions) {
  const LoadResult r = parse(R"({"saved_groups": {"beta": ["u1", "u2"]},
    "experiments": [{"name": "e", "exclude": [{"id": {"$inGroup": "beta"}}]}]})");
  ASSERT_TRUE(r.errors.empty()) << r.errors.front().describe();
  const Definition* d = r.definitions->find("e");
  ASSERT_NE(d, nullptr);
  EXPECT_TRUE(d->exclude.at(0).matches(Json::parse(R"({"id": "u2"})")));
  EXPECT_FALSE(d->exclude.at(0).matches(Json::parse(R"({"id": "u3"})")));
}

TEST(DefinitionsTest, UnknownFieldsAreWarningsNotErrors) {
  const LoadResult r = parse(R"({"experiments": [{"name": "e", "flavour": 5,
    "description": "known, documentation only"}], "version": 2, "experiment": []})");
  EXPECT_TRUE(r.errors.empty());
  ASSERT_EQ(r.warnings.size(), 3u);
  EXPECT_EQ(r.warnings[0], (Error{"/version", "unknown field ignored"}));
  EXPECT_EQ(r.warnings[1],
            (Error{"/experiment", "unknown field ignored; did you mean \"experiments\"?"}));
  EXPECT_EQ(r.warnings[2], (Error{"/experiments/0/flavour", "unknown field ignored"}));
}

// A misspelt field would silently take its default ("variant" for
// "variants" turns the experiment into a 50/50 control/candidate split): when
// the field it is nearest to is absent, the experiment is skipped with a
// suggestion; when that field is there too, a warning says which one.
TEST(DefinitionsTest, MisspeltFieldsSuggestTheNearestAndSkipWhenTheRealOneIsMissing) {
  const LoadResult r = parse(R"({"experiments": [
    {"name": "a", "variant": ["control", "big"]},
    {"name": "b", "precentage": 5},
    {"name": "c", "percentage": 5, "precentage": 50},
    {"name": "d", "Seed": "s"}
  ]})");
  ASSERT_EQ(r.errors.size(), 3u);
  EXPECT_EQ(r.errors[0].path, "/experiments/0/variant");
  EXPECT_NE(r.errors[0].message.find("did you mean \"variants\"?"), std::string::npos)
      << r.errors[0].message;
  EXPECT_EQ(r.errors[1].path, "/experiments/1/precentage");
  EXPECT_NE(r.errors[1].message.find("did you mean \"percentage\"?"), std::string::npos);
  EXPECT_EQ(r.errors[2].path, "/experiments/3/Seed");
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0], (Error{"/experiments/2/precentage",
                                  "unknown field ignored; did you mean \"percentage\"?"}));
  EXPECT_EQ(r.definitions->find("c")->percentage, 5);
  EXPECT_EQ(r.definitions->find("a"), nullptr);
  EXPECT_TRUE(r.skipped.count("a"));
}

// --- limits -----------------------------------------------------------------

TEST(DefinitionsTest, TenThousandAndOneExperimentsLoadTheFirstTenThousand) {
  std::string text = R"({"experiments": [)";
  for (int i = 0; i < 10'001; ++i) {
    if (i) text += ',';
    text += R"({"name": "e)" + std::to_string(i) + R"("})";
  }
  text += "]}";
  const LoadResult r = parse(text);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].path, "/experiments");
  EXPECT_EQ(r.errors[0].message, "holds 10001 experiments; only the first 10000 are loaded");
  EXPECT_EQ(r.definitions->all().size(), 10'000u);
  EXPECT_NE(r.definitions->find("e9999"), nullptr);
  EXPECT_EQ(r.definitions->find("e10000"), nullptr);
}

TEST(DefinitionsTest, ConfiguredLimitsOnVariantsRulesAndActors) {
  LoadOptions o = options();
  o.limits.max_variants = 3;
  o.limits.max_rules = 2;
  o.limits.max_actors = 2;
  LoadResult r = parse(R"([{"name": "ok", "variants": ["a", "b", "c"], "actors": ["x", "y"],
                            "exclude": [{}, {}], "overrides": {"0": {}, "1": {}},
                            "segments": [{"variant": 0, "when": {}}, {"variant": 1, "when": {}}]},
                           {"name": "v", "variants": ["a", "b", "c", "d"]},
                           {"name": "n", "num_buckets": 4},
                           {"name": "x", "exclude": [{}, {}, {}]},
                           {"name": "o", "variants": ["a", "b", "c"],
                            "overrides": {"0": {}, "1": {}, "2": {}}},
                           {"name": "s", "segments": [{"variant": 0, "when": {}},
                                                      {"variant": 0, "when": {}},
                                                      {"variant": 0, "when": {}}]},
                           {"name": "a", "actors": ["x", "y", "z"]}])",
                       o);
  ASSERT_EQ(r.definitions->all().size(), 1u);
  EXPECT_EQ(r.definitions->all()[0].name, "ok");
  ASSERT_EQ(r.errors.size(), 6u);
  EXPECT_EQ(r.errors[0].path, "/1/variants");
  EXPECT_TRUE(contains(r.errors[0].message, "an array of 1 to 3 variant names"));
  EXPECT_EQ(r.errors[1].path, "/2/num_buckets");
  EXPECT_TRUE(contains(r.errors[1].message, "an integer from 1 to 3"));
  EXPECT_EQ(r.errors[2].path, "/3/exclude");
  EXPECT_EQ(r.errors[3].path, "/4/overrides");
  EXPECT_EQ(r.errors[4].path, "/5/segments");
  EXPECT_EQ(r.errors[5].path, "/6/actors");
  EXPECT_TRUE(contains(r.errors[5].message, "at most 2"));
}

TEST(DefinitionsTest, NamesUpTo255Bytes) {
  const std::string longest(255, 'n');
  const std::string too_long(256, 'n');
  EXPECT_EQ(one(R"({"name": ")" + longest + R"("})").name, longest);
  EXPECT_EQ(one(R"({"name": "e", "variants": ["c", ")" + longest + R"("]})").variants[1], longest);
  EXPECT_EQ(only_error(R"({"name": ")" + too_long + R"("})").path, "/experiments/1/name");
  EXPECT_EQ(only_error(R"({"name": "e", "variants": ["c", ")" + too_long + R"("]})").path,
            "/experiments/1/variants/1");
}

TEST(DefinitionsTest, HugeValuesAreCutShortInMessages) {
  // A 1 MB name: refused, and the message shows only the start of it.
  const std::string huge(1'000'000, 'x');
  const Error e = only_error(R"({"name": ")" + huge + R"("})");
  EXPECT_EQ(e.path, "/experiments/1/name");
  EXPECT_LT(e.message.size(), 300u);
  EXPECT_TRUE(contains(e.message, "...")) << e.message;
  // A huge seed or description is simply data.
  EXPECT_EQ(one(R"({"name": "e", "seed": ")" + huge + R"("})").seed.size(), huge.size());
}

// --- hostile documents --------------------------------------------------------

TEST(DefinitionsTest, PrototypeNamesAreOrdinaryNames) {
  const LoadResult r = parse(R"({"__proto__": {"polluted": true}, "constructor": 1,
    "experiments": [
      {"name": "__proto__", "variants": ["control", "constructor"]},
      {"name": "constructor", "__proto__": {"state": "off"}, "constructor": {"state": "on"},
       "overrides": {"__proto__": {}}},
      {"name": "prototype", "overrides": {"constructor": {}},
       "variants": ["control", "constructor"]},
      {"name": "hasOwnProperty"}]})");
  // "__proto__" as an override key names no variant: that one is skipped.
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].path, "/experiments/1/overrides/__proto__");
  const Definition* proto = r.definitions->find("__proto__");
  ASSERT_NE(proto, nullptr);
  EXPECT_EQ(proto->variants[1], "constructor");
  EXPECT_EQ(r.definitions->find("constructor"), nullptr);
  const Definition* p = r.definitions->find("prototype");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->overrides.at(0).variant, 1u);
  const Definition* own = r.definitions->find("hasOwnProperty");
  ASSERT_NE(own, nullptr);
  EXPECT_EQ(own->state, State::conditional);  // nothing leaked in from "__proto__"
  // The top-level "__proto__" and "constructor" are unknown fields, nothing more.
  EXPECT_NE(
      std::find(r.warnings.begin(), r.warnings.end(), Error{"/__proto__", "unknown field ignored"}),
      r.warnings.end());
  EXPECT_NE(std::find(r.warnings.begin(), r.warnings.end(),
                      Error{"/constructor", "unknown field ignored"}),
            r.warnings.end());

  // As fields of a loaded experiment they are warnings too.
  const LoadResult fields = parse(R"([{"name": "e", "__proto__": {"state": "off"},
                                       "constructor": {"state": "off"}}])");
  EXPECT_TRUE(fields.errors.empty());
  ASSERT_EQ(fields.warnings.size(), 2u);
  EXPECT_EQ(fields.warnings[0].path, "/0/__proto__");
  EXPECT_EQ(fields.warnings[1].path, "/0/constructor");
  EXPECT_EQ(fields.definitions->find("e")->state, State::conditional);
}

TEST(DefinitionsTest, WrongTypesInEveryFieldNeverCrash) {
  const char* fields[] = {
      "name",     "variants",   "num_buckets", "state",        "percentage",   "actors",
      "weights",  "hash",       "seed",        "context_keys", "exclude",      "overrides",
      "segments", "enrollment", "namespace",   "course_aware", "experiment_id"};
  const char* values[] = {"null", "true",   "-1", "1e308",        "\"\"",   "\"x\"",
                          "[]",   "[null]", "{}", "{\"\": null}", "[[[]]]", "18446744073709551615"};
  for (const char* field : fields) {
    for (const char* value : values) {
      const std::string experiment =
          std::string(R"({"name": "e", ")") + field + "\": " + value + "}";
      SCOPED_TRACE(experiment);
      LoadResult r;
      EXPECT_NO_THROW(r = parse("[" + experiment + "]"));
      // Either it loads or the error names this very field (or below it).
      if (r.definitions->all().empty()) {
        ASSERT_FALSE(r.errors.empty());
        EXPECT_EQ(r.errors[0].path.rfind(std::string("/0/") + field, 0), 0u) << r.errors[0].path;
      }
    }
  }
}

// --- find -----------------------------------------------------------------

TEST(DefinitionsTest, FindByName) {
  const LoadResult r = parse(R"([{"name": "a"}, {"name": "b"}, {"name": "a/b"}])");
  ASSERT_TRUE(r.errors.empty());
  const Definitions& defs = *r.definitions;
  ASSERT_NE(defs.find("b"), nullptr);
  EXPECT_EQ(defs.find("b")->name, "b");
  EXPECT_EQ(defs.find("b"), &defs.all()[1]);
  EXPECT_EQ(defs.find("a/b"), &defs.all()[2]);
  EXPECT_EQ(defs.find("c"), nullptr);
  EXPECT_EQ(defs.find(""), nullptr);
  EXPECT_EQ(defs.find("A"), nullptr);  // names are case-sensitive
  EXPECT_EQ(Definitions().find("a"), nullptr);
  EXPECT_TRUE(Definitions().all().empty());
}

TEST(DefinitionsTest, IndexOfVariant) {
  const Definition& d = one(R"({"name": "e", "variants": ["control", "red", "blue"]})");
  EXPECT_EQ(d.index_of("control"), 0u);
  EXPECT_EQ(d.index_of("blue"), 2u);
  EXPECT_EQ(d.index_of("green"), std::nullopt);
  EXPECT_EQ(d.index_of("1"), std::nullopt);  // by name only
}

}  // namespace
}  // namespace cohort

namespace cohort {
namespace {

// SPEC §8: a skipped experiment answers control with reason `error`, so the
// loader names the skipped experiments and their first error.
TEST(DefinitionsTest, SkippedExperimentsAreNamedWithTheirFirstError) {
  const LoadResult r = Definitions::parse(R"({"experiments": [
    {"name": "good"},
    {"name": "bad", "weights": ["x", "y"]},
    {"weights": [1, 1]},
    {"name": "later", "state": "sideways"},
    {"name": "later"}
  ]})");
  ASSERT_EQ(r.definitions->all().size(), 2u);
  ASSERT_EQ(r.skipped.size(), 1u);  // "later" loaded at its second definition
  ASSERT_TRUE(r.skipped.count("bad"));
  EXPECT_EQ(r.skipped.at("bad").rfind("/experiments/1/weights", 0), 0u) << r.skipped.at("bad");
  EXPECT_NE(r.skipped.at("bad").find("experiment skipped"), std::string::npos);
}

// A document's patterns share one budget of program states
// (kMaxRegexProgramPerDocument, 2^20 = 1,048,576), so no definitions file
// spends more than about half a second compiling them. ^\p{Any}{1,13}$ is
// counted 1 + ((1,200 + 1) x 13 + 1) + 1, plus 5 = 15,621: 67 of them fit
// (1,046,607), the 68th does not; its experiment and the later ones are
// skipped, naming the budget.
TEST(DefinitionsTest, RegexPatternsShareOneBudgetPerDocument) {
  Json experiments = Json::array();
  for (int i = 0; i < 70; ++i) {
    experiments.push_back(
        {{"name", std::to_string(i)}, {"exclude", {{{"s", {{"$regex", "^\\p{Any}{1,13}$"}}}}}}});
  }
  const LoadResult r = Definitions::load(Json{{"experiments", experiments}}, options());
  EXPECT_EQ(r.definitions->all().size(), 67u);
  ASSERT_EQ(r.errors.size(), 3u);
  EXPECT_EQ(r.errors[0].path, "/experiments/67/exclude/0/s/$regex");
  EXPECT_NE(r.errors[0].message.find("more than 1048576 states in all; this one (about 15621)"),
            std::string::npos)
      << r.errors[0].message;
  // Each document has its own budget.
  EXPECT_EQ(
      Definitions::load(Json{{"experiments", experiments}}, options()).definitions->all().size(),
      67u);
}

}  // namespace
}  // namespace cohort
