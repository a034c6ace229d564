#include "cohort/hashing/edx_bucketing.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace cohort::edx {
namespace {

// Expected values are from a Python 3 re-statement of Open edX's
// stable_bucketing_hash_group (lms/djangoapps/experiments/stable_bucketing.py),
// run with hashlib:
//
//   hv = lambda g, u: int(re.sub('[8-9a-f]', '1', re.sub('[0-7]', '0',
//       hashlib.md5(g.encode('utf-8') + u.encode('utf-8')).hexdigest())), 2)
//
// and bucket = hv(group, username) % num_buckets.

// "José", "Zoë_Ünal" as UTF-8 bytes, independent of the source charset.
const std::string kJose = "Jos\xc3\xa9";
const std::string kZoe =
    "Zo\xc3\xab"
    "_\xc3\x9cnal";
const std::string kCourseGroup = "pill_color.course-v1:edX+DemoX+2026";

TEST(EdxBucketingTest, HashValue) {
  // hv('pill_color', 'alice')
  EXPECT_EQ(hash_value("pill_color", "alice"), 3807740953u);
  // hv('pill_color.course-v1:edX+DemoX+2026', 'alice')
  EXPECT_EQ(hash_value(kCourseGroup, "alice"), 1086136950u);
  // hv('new_dashboard', 'José')
  EXPECT_EQ(hash_value("new_dashboard", kJose), 3960865596u);
  // hv('', ''): md5 of the empty string
  EXPECT_EQ(hash_value("", ""), 2680743921u);
}

TEST(EdxBucketingTest, PlainGroups) {
  // hv('pill_color', 'alice') % 2
  EXPECT_EQ(bucket("pill_color", "alice", 2), 1u);
  // hv('pill_color', 'bob') % 2
  EXPECT_EQ(bucket("pill_color", "bob", 2), 1u);
  // hv('pill_color', 'carol') % 3
  EXPECT_EQ(bucket("pill_color", "carol", 3), 2u);
  // hv('new_dashboard', 'staff') % 5
  EXPECT_EQ(bucket("new_dashboard", "staff", 5), 3u);
  // hv('new_dashboard', 'user123') % 1000
  EXPECT_EQ(bucket("new_dashboard", "user123", 1000), 563u);
  // hv('new_dashboard', 'user123') % 1: one bucket holds everyone
  EXPECT_EQ(bucket("new_dashboard", "user123", 1), 0u);
}

// Course-aware experiments append "." + course key to the group name, so the
// same user can land differently per course.
TEST(EdxBucketingTest, CourseAwareGroups) {
  // hv('pill_color.course-v1:edX+DemoX+2026', 'alice') % 2
  EXPECT_EQ(bucket(kCourseGroup, "alice", 2), 0u);
  // hv('pill_color.course-v1:edX+DemoX+2026', 'bob') % 3
  EXPECT_EQ(bucket(kCourseGroup, "bob", 3), 1u);
  // hv('pill_color.course-v1:edX+DemoX+2026', 'carol') % 4
  EXPECT_EQ(bucket(kCourseGroup, "carol", 4), 2u);
}

TEST(EdxBucketingTest, NonAsciiUsernames) {
  // hv('new_dashboard', 'José') % 2
  EXPECT_EQ(bucket("new_dashboard", kJose, 2), 0u);
  // hv('new_dashboard', 'José') % 7
  EXPECT_EQ(bucket("new_dashboard", kJose, 7), 2u);
  // hv('pill_color.course-v1:edX+DemoX+2026', 'Zoë_Ünal') % 3
  EXPECT_EQ(bucket(kCourseGroup, kZoe, 3), 0u);
}

TEST(EdxBucketingTest, ZeroBucketsDoesNotDivide) {
  EXPECT_EQ(bucket("pill_color", "alice", 0), 0u);
}

}  // namespace
}  // namespace cohort::edx
