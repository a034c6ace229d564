// Statistical checks over 1,000,000 contexts. The hashes are deterministic,
// so these tests give the same answer on every run; the thresholds are the
// chi-square critical values at p = 0.001 (standard tables: 10.828 for one
// degree of freedom, 13.816 for two, 16.266 for three), so a correct
// implementation fails them with probability 1/1000 per check when first
// written, and never afterwards.
#include <gtest/gtest.h>

#include <array>

#include "cohort/context_key.hpp"
#include "cohort/definitions/definitions.hpp"
#include "cohort/hashing/bucketing.hpp"
#include "cohort/resolver.hpp"

namespace cohort {
namespace {

constexpr std::size_t kContexts = 1'000'000;
constexpr double kChi2Df1 = 10.828;
constexpr double kChi2Df2 = 13.816;
constexpr double kChi2Df3 = 16.266;

std::shared_ptr<const Definitions> load(const char* text) {
  LoadResult result = Definitions::parse(text);
  EXPECT_TRUE(result.errors.empty()) << result.errors.front().describe();
  return result.definitions;
}

Context actor(std::size_t i) {
  Error error;
  Json value = Json::object();
  value["actor"] = "user:" + std::to_string(i);
  value["username"] = "learner" + std::to_string(i);
  return *Context::from_json(std::move(value), error);
}

double chi_square(const std::vector<double>& observed, const std::vector<double>& expected) {
  double chi2 = 0;
  for (std::size_t i = 0; i < observed.size(); ++i) {
    const double d = observed[i] - expected[i];
    chi2 += d * d / expected[i];
  }
  return chi2;
}

std::vector<double> split_counts(const char* definitions, const char* experiment) {
  Resolver resolver(load(definitions));
  const Definition& def = *resolver.definitions().find(experiment);
  std::vector<double> counts(def.variants.size(), 0);
  for (std::size_t i = 0; i < kContexts; ++i) {
    counts[resolver.resolve(experiment, actor(i), 0).variant_index] += 1;
  }
  return counts;
}

TEST(DistributionTest, Xxh3SplitMatchesWeights) {
  const auto counts = split_counts(
      R"([{"name": "pill_color", "variants": ["control", "red", "blue"], "weights": [1, 2, 1]}])",
      "pill_color");
  const double n = kContexts;
  EXPECT_LT(chi_square(counts, {n / 4, n / 2, n / 4}), kChi2Df2);
}

TEST(DistributionTest, GateShareMatchesPercentageAndSplitStaysEven) {
  // GLEX's "50% -> 50/25/25": percentage 50 with control weighted 0.
  const auto counts = split_counts(
      R"([{"name": "pill_color", "variants": ["control", "red", "blue"], "percentage": 50,
           "weights": [0, 1, 1]}])",
      "pill_color");
  const double n = kContexts;
  EXPECT_LT(chi_square(counts, {n / 2, n / 4, n / 4}), kChi2Df2);
}

TEST(DistributionTest, EdxBucketsAreEven) {
  const auto counts =
      split_counts(R"([{"name": "upsell", "hash": "edx", "num_buckets": 4}])", "upsell");
  const double q = kContexts / 4.0;
  EXPECT_LT(chi_square(counts, {q, q, q, q}), kChi2Df3);
}

TEST(DistributionTest, GitlabGateAndSplitMatchGlex) {
  const auto counts = split_counts(
      R"([{"name": "group/pill_color", "hash": "gitlab", "variants": ["control", "red", "blue"],
           "percentage": 20}])",
      "group/pill_color");
  const double n = kContexts;
  EXPECT_LT(chi_square(counts, {0.8 * n, 0.1 * n, 0.1 * n}), kChi2Df2);
}

// Independence: whether a context passes the gate must say nothing about
// the variant the split would give it. A 2x2 contingency table of
// (in gate?) x (first or second variant) over the same contexts.
void expect_gate_independent_of_split(const char* definitions) {
  auto defs = load(definitions);
  const Definition& def = defs->all().front();
  std::array<std::array<double, 2>, 2> table{};
  for (std::size_t i = 0; i < kContexts; ++i) {
    const Context ctx = actor(i);
    const std::string key = context_key(def, ctx, "");
    const auto identity = bucketing_identity(def, ctx).value_or("");
    BucketingInput input{key, identity, ""};
    const bool in_gate = place(def, input).in_gate;
    input.skip_gate = true;
    const std::size_t variant = place(def, input).variant;
    table[in_gate ? 1 : 0][variant == 1 ? 0 : 1] += 1;
  }
  const double n = kContexts;
  double chi2 = 0;
  for (std::size_t r = 0; r < 2; ++r) {
    for (std::size_t c = 0; c < 2; ++c) {
      const double expected = (table[r][0] + table[r][1]) * (table[0][c] + table[1][c]) / n;
      const double d = table[r][c] - expected;
      chi2 += d * d / expected;
    }
  }
  EXPECT_LT(chi2, kChi2Df1) << definitions;
}

TEST(DistributionTest, GateAndSplitAreIndependentInEveryHashMode) {
  expect_gate_independent_of_split(
      R"([{"name": "e", "variants": ["control", "a", "b"], "weights": [0, 1, 1], "percentage": 30}])");
  expect_gate_independent_of_split(
      R"([{"name": "e", "hash": "gitlab", "variants": ["control", "a", "b"], "percentage": 30}])");
  expect_gate_independent_of_split(
      R"([{"name": "e", "hash": "edx", "variants": ["control", "a", "b"], "weights": [0, 1, 1],
           "percentage": 30}])");
}

}  // namespace
}  // namespace cohort
