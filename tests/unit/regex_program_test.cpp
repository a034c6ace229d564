// The estimate that bounds compile time (regex_program_size) never falls
// below the program RE2 really compiles: RE2's own ProgramSize is the
// reference, on patterns of every kind the estimate weighs differently.
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <string>

#include "conditions/regex_cost.hpp"

namespace cohort::condition_detail {
namespace {

const char* const kPatterns[] = {
    "a",
    "abcdefghij",
    "^user-\\d+$",
    "(foo|bar|baz)+qux",
    "[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}",
    "^(?:[0-9]{1,3}\\.){3}[0-9]{1,3}$",
    "\\p{L}",
    "\\PL",
    "\\p{Lu}\\p{Ll}{1,10}",
    "[\\p{L}\\d_]+",
    "[^\\p{L}]",
    "\\p{Greek}+",
    "\\p{Han}{1,5}",
    ".",
    ".{1,1000}",
    "[^a]{1,100}",
    "\\D\\S\\W\\d\\s\\w",
    "[[:^alpha:]]",
    "é",
    "é{100}",
    "日本語",
    "\\x{1F600}{10}",
    "\\Qa.b*c\\E",
    "k{1000}",
    "(?i)k{1000}",
    "(?i)s",
    "(?i)[a-z]{100}",
    "(?i)\\p{Lu}",
    "(?i).{1,100}",
    "(?i:ab)c",
    "(a|a)*$",
    "(.*a){20}",
    "x*y+z?",
    "a{2,}b{3}c{0,7}",
    "[a-z]{1000}",
    "^.{1,1000}$",
    "(?s).{1,100}",
    "(?i)[^aeiouk]{50}",
    "[^\\x{10000}\\x{20000}\\x{30000}\\x{40000}\\x{50000}\\x{60000}]",
    "(?i)[^\\x{100}\\x{300}\\x{500}\\x{700}]",
    "(?i)\\x{1F600}",
    "[\\x{80}-\\x{10FFFF}]",
    "[é-ü]+",
    "[[:^alpha:]a]",
    "[\\W\\d]",
    "(?i)[[:^alpha:]]",
    "((a{2}){3}){4}",
    "(?i)(ß|ſ|ǅ)+",
    "\\C+",
    "(?i)\\W\\S\\D",
};

TEST(RegexProgramTest, EstimateIsAtLeastRe2sProgram) {
  for (const char* pattern : kPatterns) {
    for (const bool ignore_case : {false, true}) {
      re2::RE2::Options options;
      options.set_log_errors(false);
      options.set_case_sensitive(!ignore_case);
      const re2::RE2 re(pattern, options);
      ASSERT_TRUE(re.ok()) << pattern << ": " << re.error();
      EXPECT_GE(regex_program_size(pattern, ignore_case),
                static_cast<std::size_t>(re.ProgramSize()))
          << pattern << (ignore_case ? " (ignore case)" : "");
    }
  }
}

// Counted by hand from regex_cost.hpp's weights.
TEST(RegexProgramTest, WeighsUnicodeClassesBytesAndFolding) {
  // \p{L}: 1,200, plus the overhead of 5.
  EXPECT_EQ(regex_program_size("\\p{L}", false), 1205u);
  // ^ 1, \p{L} 1,200 and + 1, $ 1, overhead 5.
  EXPECT_EQ(regex_program_size("^\\p{L}+$", false), 1208u);
  // A class with a property: 12, 8 per member (\d), 1,200 per property; + 5.
  EXPECT_EQ(regex_program_size("[\\p{L}\\d]", false), 1225u);
  // . 8, [^a] 12 + 8, [a-z] 1 + 1 + 1; + 5.
  EXPECT_EQ(regex_program_size(".[^a][a-z]", false), 36u);
  // Folding: [a-z] is 24 + 8 + 8; + 5.
  EXPECT_EQ(regex_program_size("[a-z]", true), 45u);
  // é is two bytes; 日 three.
  EXPECT_EQ(regex_program_size("é日", false), 10u);
  // Folded: k is 4 (and again with the i flag written in the pattern).
  EXPECT_EQ(regex_program_size("k", true), 9u);
  EXPECT_EQ(regex_program_size("(?i)k", false), 9u);
  // \p{L}{1,100}: 100 copies of 1,200 + 1, plus 1, plus 5.
  EXPECT_EQ(regex_program_size("\\p{L}{1,100}", false), 120106u);
  // (ab){0,7}: the group a + b + 2 = 4, 7 copies of 4 + 1, plus 1, plus 5.
  EXPECT_EQ(regex_program_size("(ab){0,7}", false), 41u);
  // The work estimate still counts each class and character once.
  EXPECT_EQ(regex_cost("\\p{L}"), 1u);
  EXPECT_EQ(regex_cost("é日"), 2u);
  EXPECT_EQ(regex_cost("\\Qé日\\E"), 2u);
}

}  // namespace
}  // namespace cohort::condition_detail
