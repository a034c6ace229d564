#include "cohort/json/json_output.hpp"

#include <gtest/gtest.h>

namespace cohort {
namespace {

Answer full_answer() {
  Answer a;
  a.experiment = "pill \"color\"";
  a.variant =
      "r\xC3\xA9"
      "d\n";
  a.key = "0f3c";
  a.reason = Reason::split;
  a.excluded = false;
  a.tracked = true;
  a.variant_index = 12;
  a.migration_keys = {"k1", "k\\2"};
  a.error = "bad \x01 byte";
  return a;
}

TEST(JsonOutput, AnswerObjectHasTheFieldsInOrder) {
  const Json j = answer_to_json(full_answer());
  std::vector<std::string> keys;
  for (const auto& [k, v] : j.items()) keys.push_back(k);
  EXPECT_EQ(keys,
            (std::vector<std::string>{"experiment", "variant", "key", "reason", "excluded",
                                      "tracked", "variant_index", "migration_keys", "error"}));
  EXPECT_EQ(j["reason"], "split");
  EXPECT_EQ(j["variant_index"], 12);
}

TEST(JsonOutput, OptionalFieldsAreLeftOutWhenEmpty) {
  Answer a;
  a.experiment = "e";
  a.variant = "control";
  EXPECT_EQ(to_json_text(answer_to_json(a)),
            R"({"experiment":"e","variant":"control","key":"","reason":"unknown",)"
            R"("excluded":false,"tracked":false,"variant_index":0})");
}

// The direct writer must never drift from the Json form the vectors compare.
TEST(JsonOutput, DirectWriterMatchesTheJsonForm) {
  Answer minimal;
  minimal.reason = Reason::excluded;
  minimal.excluded = true;
  for (const Answer& a : {full_answer(), minimal}) {
    std::string direct;
    write_answer_json(a, direct);
    EXPECT_EQ(direct, to_json_text(answer_to_json(a)));
  }
}

TEST(JsonOutput, ErrorsBecomePathAndMessage) {
  EXPECT_EQ(to_json_text(errors_to_json({{"/experiments/0", "bad"}, {"", "worse"}})),
            R"([{"path":"/experiments/0","message":"bad"},{"path":"","message":"worse"}])");
}

}  // namespace
}  // namespace cohort
