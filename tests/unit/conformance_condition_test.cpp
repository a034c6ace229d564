// GrowthBook's cross-SDK evalCondition cases (see shared/conformance/NOTICE.md):
// each tuple is [name, condition, attributes, expected, savedGroups?].

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "cohort/conditions/condition.hpp"
#include "cohort/conditions/re2_regex_engine.hpp"
#include "cohort/json/value_json.hpp"
#include "conformance_file.hpp"

namespace cohort {
namespace {

// The number of evalCondition cases in the pinned file; a mismatch means the
// file changed or was not read, and either needs a look before trusting a pass.
constexpr std::size_t kCaseCount = 248;

Json load_cases() {
  std::ifstream in(conformance::file_path());
  if (!in) return Json();
  // ordered_json keeps each condition's keys in document order, as JS does.
  const Json document = Json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!document.is_object() || !document.contains("evalCondition")) return Json();
  return document.at("evalCondition");
}

TEST(ConformanceConditionTest, EvalCondition) {
  COHORT_REQUIRE_CONFORMANCE_FILE();
  const Json cases = load_cases();
  ASSERT_TRUE(cases.is_array()) << "cannot read evalCondition from " << conformance::file_path();
  ASSERT_EQ(cases.size(), kCaseCount);

  const Re2RegexEngine regex;
  std::size_t passed = 0;
  for (const Json& c : cases) {
    ASSERT_TRUE(c.is_array() && c.size() >= 4) << c.dump();
    const std::string name = c[0].get<std::string>();
    ConditionOptions options;
    options.regex = &regex;
    const std::string groups = c.size() > 4 ? encode_json(c[4]) : std::string();
    if (!groups.empty())
      options.saved_groups = Value(reinterpret_cast<const unsigned char*>(groups.data()));
    Errors errors;
    const Condition condition = Condition::compile(c[1], options, "", errors);
    const bool expected = c[3].get<bool>();
    EXPECT_EQ(condition.matches(c[2]), expected)
        << "case \"" << name << "\"\n  condition:  " << c[1].dump()
        << "\n  attributes: " << c[2].dump();
    if (condition.matches(c[2]) == expected) ++passed;
  }
  EXPECT_EQ(passed, kCaseCount);
}

}  // namespace
}  // namespace cohort
