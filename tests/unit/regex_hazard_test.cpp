#include "cohort/regex_hazard.hpp"

#include <gtest/gtest.h>

namespace cohort {
namespace {

// Patterns known to take exponential time in backtracking engines (the
// classic "evil regex" shapes), or to need back-references.
TEST(RegexHazard, RejectsNestedRepetition) {
  for (const char* pattern :
       {"(a+)+", "(a*)*", "(a+)*$", "^(x+x+)+y$", "((ab)*)+", "(\\d+)*", "([a-z]+)*@", "(?:a+)+",
        "(?<word>\\w+){2,}", "(a{2,})+", "((a|b)+c)+", "(a+?)+?"}) {
    EXPECT_TRUE(backtracking_hazard(pattern).has_value()) << pattern;
  }
}

TEST(RegexHazard, RejectsBackReferences) {
  EXPECT_EQ(backtracking_hazard("(a)\\1"), "a back-reference at byte 4");
  EXPECT_TRUE(backtracking_hazard("(?<q>['\"]).*\\k<q>").has_value());
}

TEST(RegexHazard, NamesWhereTheRepeatedGroupEnds) {
  EXPECT_EQ(backtracking_hazard("^(a+)+$"),
            "a repeated group containing a repetition, ending at byte 5");
}

TEST(RegexHazard, AcceptsEverydayPatterns) {
  for (const char* pattern : {"^hello",     "(mobile|tablet)", "-12-25$",   "^foo.*bar$",
                              "(foo|bar)+", "[(+)]*",          "\\(a+\\)+", "(?:ab)+",
                              "(a+)?",      "(a+){1}",         "(a+){0,1}", "(?<name>a+)",
                              "a{2,5}b{3}", "(?=a+)b",         "(?<!x+)y",  "[\\]+]+",
                              "\\d+-\\d+",  "a{,5}",           "{",         "(",
                              ")+",         "/???***[)",       ""}) {
    EXPECT_EQ(backtracking_hazard(pattern), std::nullopt) << pattern;
  }
}

}  // namespace
}  // namespace cohort
