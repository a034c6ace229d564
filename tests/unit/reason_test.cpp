// Reason (SPEC §3): the names answers carry and their OpenFeature mapping.

#include "cohort/reason.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace cohort {
namespace {

using std::string_view_literals::operator""sv;

// SPEC §3, in its order.
constexpr Reason kAll[] = {Reason::stubbed, Reason::published, Reason::unknown, Reason::disabled,
                           Reason::cached,  Reason::excluded,  Reason::forced,  Reason::segment,
                           Reason::gate,    Reason::split,     Reason::error};
constexpr std::string_view kNames[] = {"stubbed", "published", "unknown", "disabled",
                                       "cached",  "excluded",  "forced",  "segment",
                                       "gate",    "split",     "error"};

TEST(ReasonTest, NamesAreTheSpecsLowercaseNames) {
  for (std::size_t i = 0; i < std::size(kAll); ++i) EXPECT_EQ(to_string(kAll[i]), kNames[i]);
}

TEST(ReasonTest, RoundTrips) {
  for (const Reason reason : kAll) EXPECT_EQ(reason_from_string(to_string(reason)), reason);
  for (const std::string_view name : kNames) EXPECT_EQ(to_string(*reason_from_string(name)), name);
}

TEST(ReasonTest, UnknownNamesAreRejected) {
  for (const std::string_view name :
       {""sv, "SPLIT"sv, "Split"sv, " split"sv, "split "sv, "spli"sv, "splits"sv, "split\0"sv,
        "STATIC"sv, "TARGETING_MATCH"sv, "default"sv}) {
    EXPECT_EQ(reason_from_string(name), std::nullopt) << name;
  }
}

TEST(ReasonTest, OpenFeatureMapping) {
  // OpenFeature's resolution reasons: STATIC, DEFAULT, TARGETING_MATCH,
  // SPLIT, CACHED, DISABLED, UNKNOWN, STALE, ERROR.
  EXPECT_EQ(openfeature_reason(Reason::stubbed), "STATIC");
  EXPECT_EQ(openfeature_reason(Reason::published), "STATIC");
  EXPECT_EQ(openfeature_reason(Reason::unknown), "DEFAULT");
  EXPECT_EQ(openfeature_reason(Reason::excluded), "DEFAULT");
  EXPECT_EQ(openfeature_reason(Reason::disabled), "DISABLED");
  EXPECT_EQ(openfeature_reason(Reason::cached), "CACHED");
  EXPECT_EQ(openfeature_reason(Reason::forced), "TARGETING_MATCH");
  EXPECT_EQ(openfeature_reason(Reason::segment), "TARGETING_MATCH");
  EXPECT_EQ(openfeature_reason(Reason::gate), "SPLIT");
  EXPECT_EQ(openfeature_reason(Reason::split), "SPLIT");
  EXPECT_EQ(openfeature_reason(Reason::error), "ERROR");
}

TEST(ReasonTest, OpenFeatureReasonsAreFromItsSet) {
  const std::set<std::string_view> openfeature = {"STATIC",  "DEFAULT", "TARGETING_MATCH",
                                                  "SPLIT",   "CACHED",  "DISABLED",
                                                  "UNKNOWN", "STALE",   "ERROR"};
  for (const Reason reason : kAll) EXPECT_TRUE(openfeature.count(openfeature_reason(reason)));
}

}  // namespace
}  // namespace cohort
