#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "cohort/hashing/growthbook_bucketing.hpp"
#include "conformance_file.hpp"

namespace cohort::growthbook {
namespace {

using nlohmann::json;

// GrowthBook's cross-SDK cases.json; see shared/conformance/NOTICE.md beside the repository
// for the tuple formats of each section.
const json& cases() {
  static const json loaded = [] {
    std::ifstream in(conformance::file_path());
    if (!in) throw std::runtime_error("cannot open " + conformance::file_path());
    return json::parse(in);
  }();
  return loaded;
}

// The section, after checking it holds exactly `count` cases: a renamed or
// emptied section must fail rather than pass by running nothing.
const json& section(const char* name, std::size_t count) {
  const json& all = cases();
  EXPECT_TRUE(all.contains(name)) << "no section " << name;
  static const json empty = json::array();
  if (!all.contains(name)) return empty;
  const json& s = all.at(name);
  EXPECT_EQ(s.size(), count) << "case count of section " << name;
  return s;
}

// The suite compares floats after rounding down to 8 decimals; this gives the
// 8-decimal units, x * 10^8 rounded down. Both sides are rounded, since a
// decimal like 0.563 is itself stored a hair below its value.
double eighth_decimals(double x) {
  return std::floor(x * 1e8);
}

void expect_ranges(const std::vector<Range>& actual, const json& expected,
                   const std::string& name) {
  ASSERT_EQ(actual.size(), expected.size()) << name;
  for (std::size_t i = 0; i < actual.size(); ++i) {
    EXPECT_EQ(eighth_decimals(actual[i].first), eighth_decimals(expected[i][0].get<double>()))
        << name << ": start of range " << i;
    EXPECT_EQ(eighth_decimals(actual[i].second), eighth_decimals(expected[i][1].get<double>()))
        << name << ": end of range " << i;
  }
}

TEST(ConformanceBucketingTest, Hash) {
  COHORT_REQUIRE_CONFORMANCE_FILE();
  for (const json& c : section("hash", 15)) {
    const auto seed = c[0].get<std::string>();
    const auto value = c[1].get<std::string>();
    const int version = c[2].get<int>();
    const std::string name = "hash(" + c[0].dump() + ", " + c[1].dump() + ", " + c[2].dump() + ")";
    const std::optional<double> actual = hash(seed, value, version);
    if (c[3].is_null()) {
      EXPECT_FALSE(actual.has_value()) << name;
    } else {
      ASSERT_TRUE(actual.has_value()) << name;
      EXPECT_EQ(eighth_decimals(*actual), eighth_decimals(c[3].get<double>())) << name;
    }
  }
}

TEST(ConformanceBucketingTest, GetBucketRange) {
  COHORT_REQUIRE_CONFORMANCE_FILE();
  for (const json& c : section("getBucketRange", 13)) {
    const auto name = c[0].get<std::string>();
    const json& args = c[1];
    std::optional<std::vector<double>> weights;
    if (!args[2].is_null()) weights = args[2].get<std::vector<double>>();
    const std::vector<Range> actual =
        bucket_ranges(args[0].get<int>(), args[1].get<double>(), weights ? &*weights : nullptr);
    expect_ranges(actual, c[2], name);
  }
}

TEST(ConformanceBucketingTest, ChooseVariation) {
  COHORT_REQUIRE_CONFORMANCE_FILE();
  for (const json& c : section("chooseVariation", 13)) {
    const auto name = c[0].get<std::string>();
    std::vector<Range> ranges;
    for (const json& r : c[2]) ranges.emplace_back(r[0].get<double>(), r[1].get<double>());
    EXPECT_EQ(choose_variation(c[1].get<double>(), ranges), c[3].get<int>()) << name;
  }
}

TEST(ConformanceBucketingTest, GetEqualWeights) {
  COHORT_REQUIRE_CONFORMANCE_FILE();
  for (const json& c : section("getEqualWeights", 6)) {
    const int n = c[0].get<int>();
    const std::string name = "getEqualWeights(" + std::to_string(n) + ")";
    const std::vector<double> actual = equal_weights(n);
    const json& expected = c[1];
    ASSERT_EQ(actual.size(), expected.size()) << name;
    for (std::size_t i = 0; i < actual.size(); ++i) {
      EXPECT_EQ(eighth_decimals(actual[i]), eighth_decimals(expected[i].get<double>()))
          << name << ": weight " << i;
    }
  }
}

TEST(ConformanceBucketingTest, InNamespace) {
  COHORT_REQUIRE_CONFORMANCE_FILE();
  for (const json& c : section("inNamespace", 16)) {
    const auto name = c[0].get<std::string>();
    const json& ns = c[2];
    EXPECT_EQ(in_namespace(c[1].get<std::string>(), ns[0].get<std::string>(), ns[1].get<double>(),
                           ns[2].get<double>()),
              c[3].get<bool>())
        << name;
  }
}

}  // namespace
}  // namespace cohort::growthbook
