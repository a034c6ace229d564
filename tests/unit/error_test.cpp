#include "cohort/error.hpp"

#include <gtest/gtest.h>

namespace cohort {
namespace {

TEST(ErrorTest, ChildPathEscapesPointerTokens) {
  EXPECT_EQ(child_path("", "experiments"), "/experiments");
  EXPECT_EQ(child_path("/experiments", 2), "/experiments/2");
  EXPECT_EQ(child_path("/a", "b/c~d"), "/a/b~1c~0d");
}

TEST(ErrorTest, DescribeNamesPathAndMessage) {
  EXPECT_EQ((Error{"/experiments/0/weights", "expected an array of numbers"}).describe(),
            "/experiments/0/weights: expected an array of numbers");
  EXPECT_EQ((Error{"", "expected an object or an array"}).describe(),
            "expected an object or an array");
}

}  // namespace
}  // namespace cohort
