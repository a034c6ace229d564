#include "cohort/hashing/gitlab_bucketing.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "cohort/hashing/crc32.hpp"
#include "cohort/hashing/sha256.hpp"

namespace cohort::gitlab {
namespace {

const std::string kStubKey = "300b002687ba1f68591adb2f45ae67f1e56be05ad55f317cc00f1c4aa38f081a";

// The values of GitLab's own GLEX spec for the experiment "namespaced/stub"
// with no secret and an empty context.
TEST(GitlabBucketingTest, GitlabSpecValues) {
  EXPECT_EQ(sha256_hex("|namespaced/stub"), kStubKey);
  EXPECT_EQ(context_key("", "namespaced/stub", {}, {}), kStubKey);
  EXPECT_EQ(split_value("namespaced/stub", kStubKey), 2201206415u);
  EXPECT_EQ(crc32("namespaced/stub:" + kStubKey), 2201206415u);
  // Two non-control variants: the second one.
  EXPECT_EQ(split_value("namespaced/stub", kStubKey) % 2u, 1u);
}

// Expected keys from Python 3:
//   hashlib.sha256('|'.join([secret, name, *keys, *values]).encode()).hexdigest()
TEST(GitlabBucketingTest, ContextKeyJoinsKeysThenValues) {
  // '|'.join(['s3cret', 'growth/onboarding_tour', 'user', 'project', '42',
  //           'gitlab-org/gitlab'])
  EXPECT_EQ(context_key("s3cret", "growth/onboarding_tour", {"user", "project"},
                        {"42", "gitlab-org/gitlab"}),
            "6221914ca6985184304b9bd2de081fcda5bf8fc0108327ff4d8e6d138dd1b7df");
  // '|'.join(['', 'growth/onboarding_tour', 'user', '42'])
  EXPECT_EQ(context_key("", "growth/onboarding_tour", {"user"}, {"42"}),
            "c1c2d32a82ccf6a2e917e01e075d638e383cfdacdfa3ca7e7f687ca4c1389d96");
  // '|'.join(['', 'growth/onboarding_tour', 'user', 'Zoë'])
  EXPECT_EQ(context_key("", "growth/onboarding_tour", {"user"}, {"Zo\xc3\xab"}),
            "f507276b36204c9c52630596714d339f8476b0ab7b33d691cb9f99665b28da3f");
  // '|'.join(['s3cret', 'plain'])
  EXPECT_EQ(context_key("s3cret", "plain", {}, {}),
            "bd787e0459fc3d697074a3b93c641d5c8997ce8635bac8434002850f08a06542");
}

// Each gate's slot is, in Python 3,
//   zlib.crc32((name.replace('/', '_') + 'Experiment;' + name + ':' + key)
//              .encode()) % 100000
// and the gate is open when slot < percentage * 1000. Each case probes a
// percentage just above the slot and one at or below it.
TEST(GitlabBucketingTest, GateAroundTheSlot) {
  // slot 35183 for ('growth/onboarding_tour', 'abc123')
  EXPECT_TRUE(gate("growth/onboarding_tour", "abc123", 35.5));
  EXPECT_FALSE(gate("growth/onboarding_tour", "abc123", 35));
  // slot 77981 for ('growth/onboarding_tour', 'def456')
  EXPECT_TRUE(gate("growth/onboarding_tour", "def456", 78));
  // 77.981 * 1000 is exactly 77981.0 in binary64, so this is the boundary.
  EXPECT_FALSE(gate("growth/onboarding_tour", "def456", 77.981));
  // slot 93027 for ('a/b/c', 'user-7'): every "/" becomes "_" in the feature
  EXPECT_TRUE(gate("a/b/c", "user-7", 93.028));
  EXPECT_FALSE(gate("a/b/c", "user-7", 93));
  // slot 92634 for ('plain', 'user-7'): no "/" to replace
  EXPECT_TRUE(gate("plain", "user-7", 92.7));
  EXPECT_FALSE(gate("plain", "user-7", 92.6));
  // slot 90318 for ('namespaced/stub', <the spec key>)
  EXPECT_TRUE(gate("namespaced/stub", kStubKey, 90.5));
  EXPECT_FALSE(gate("namespaced/stub", kStubKey, 90.3));
}

TEST(GitlabBucketingTest, GateExtremes) {
  EXPECT_TRUE(gate("a/b/c", "user-7", 100));
  EXPECT_FALSE(gate("growth/onboarding_tour", "abc123", 0));
}

// Expected values from Python 3: zlib.crc32((name + ':' + key).encode()).
TEST(GitlabBucketingTest, SplitValue) {
  // zlib.crc32(b'growth/onboarding_tour:abc123')
  EXPECT_EQ(split_value("growth/onboarding_tour", "abc123"), 1269454174u);
  // zlib.crc32(b'growth/onboarding_tour:def456')
  EXPECT_EQ(split_value("growth/onboarding_tour", "def456"), 2809743468u);
  // zlib.crc32(b'a/b/c:user-7'): the split keeps the "/"
  EXPECT_EQ(split_value("a/b/c", "user-7"), 569121760u);
  // zlib.crc32(b'plain:user-7')
  EXPECT_EQ(split_value("plain", "user-7"), 608244162u);
}

}  // namespace
}  // namespace cohort::gitlab
