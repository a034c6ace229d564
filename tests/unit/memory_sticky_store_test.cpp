// MemoryStickyStore: the bounded in-memory sticky store (SPEC §3 step 4,
// SPEC §9 "memory flat over 1,000,000 answers (bounded sticky store)").

#include "cohort/memory_sticky_store.hpp"

#include <gtest/gtest.h>

#include <string>

namespace cohort {
namespace {

using std::string_view_literals::operator""sv;

constexpr EpochMs kNow = 1'700'000'000'000;

TEST(MemoryStickyStoreTest, GetAfterPut) {
  MemoryStickyStore store;
  EXPECT_EQ(store.get("e", "k", kNow), std::nullopt);
  store.put("e", "k", "red", kNow);
  EXPECT_EQ(store.get("e", "k", kNow), "red");
  EXPECT_EQ(store.size(), 1u);
  EXPECT_EQ(store.capacity(), 10'000u);  // the documented default
}

TEST(MemoryStickyStoreTest, PutOverwrites) {
  MemoryStickyStore store;
  store.put("e", "k", "red", kNow);
  store.put("e", "k", "blue", kNow);
  EXPECT_EQ(store.get("e", "k", kNow), "blue");
  EXPECT_EQ(store.size(), 1u);
}

TEST(MemoryStickyStoreTest, ExperimentAndKeyAreSeparate) {
  MemoryStickyStore store;
  store.put("e", "k", "a", kNow);
  store.put("f", "k", "b", kNow);
  store.put("e", "j", "c", kNow);
  EXPECT_EQ(store.get("e", "k", kNow), "a");
  EXPECT_EQ(store.get("f", "k", kNow), "b");
  EXPECT_EQ(store.get("e", "j", kNow), "c");
  // "ab" + "c" is not "a" + "bc".
  store.put("ab", "c", "x", kNow);
  EXPECT_EQ(store.get("a", "bc", kNow), std::nullopt);
  // Empty parts and embedded NULs are ordinary bytes.
  store.put("", "", "empty", kNow);
  EXPECT_EQ(store.get("", "", kNow), "empty");
  store.put("a\0b"sv, "c", "nul", kNow);
  EXPECT_EQ(store.get("a\0b"sv, "c", kNow), "nul");
  EXPECT_EQ(store.get("a", "b\0c"sv, kNow), std::nullopt);
}

TEST(MemoryStickyStoreTest, EvictsTheLeastRecentlyUsedAtCapacity) {
  MemoryStickyStore store(3);
  store.put("e", "1", "a", kNow);
  store.put("e", "2", "a", kNow);
  store.put("e", "3", "a", kNow);
  // Recency now (most recent first): 3, 2, 1. A get makes 1 the most recent:
  // 1, 3, 2.
  EXPECT_TRUE(store.get("e", "1", kNow).has_value());
  store.put("e", "4", "a", kNow);  // evicts 2: 4, 1, 3
  EXPECT_EQ(store.size(), 3u);
  EXPECT_EQ(store.get("e", "2", kNow), std::nullopt);
  // A put of an existing entry refreshes it too: 3, 4, 1.
  store.put("e", "3", "b", kNow);
  store.put("e", "5", "a", kNow);  // evicts 1: 5, 3, 4
  EXPECT_EQ(store.get("e", "1", kNow), std::nullopt);
  EXPECT_EQ(store.get("e", "3", kNow), "b");
  EXPECT_EQ(store.get("e", "4", kNow), "a");
  EXPECT_EQ(store.get("e", "5", kNow), "a");
  EXPECT_EQ(store.size(), 3u);
}

TEST(MemoryStickyStoreTest, CapacityOneKeepsTheLatest) {
  MemoryStickyStore store(1);
  store.put("e", "1", "a", kNow);
  store.put("e", "2", "b", kNow);
  EXPECT_EQ(store.size(), 1u);
  EXPECT_EQ(store.get("e", "1", kNow), std::nullopt);
  EXPECT_EQ(store.get("e", "2", kNow), "b");
}

TEST(MemoryStickyStoreTest, CapacityZeroRemembersNothing) {
  MemoryStickyStore store(0);
  store.put("e", "k", "red", kNow);
  EXPECT_EQ(store.size(), 0u);
  EXPECT_EQ(store.get("e", "k", kNow), std::nullopt);
}

TEST(MemoryStickyStoreTest, TtlExpiresEntries) {
  MemoryStickyStore store(10, 1'000);
  store.put("e", "k", "red", kNow);
  EXPECT_EQ(store.get("e", "k", kNow), "red");
  EXPECT_EQ(store.get("e", "k", kNow + 999), "red");
  // At exactly ttl milliseconds the entry is stale, and it is dropped.
  EXPECT_EQ(store.get("e", "k", kNow + 1'000), std::nullopt);
  EXPECT_EQ(store.size(), 0u);
  EXPECT_EQ(store.get("e", "k", kNow), std::nullopt);  // gone, not just hidden
}

TEST(MemoryStickyStoreTest, PutRenewsTheTtl) {
  MemoryStickyStore store(10, 1'000);
  store.put("e", "k", "red", kNow);
  store.put("e", "k", "red", kNow + 900);
  EXPECT_EQ(store.get("e", "k", kNow + 1'500), "red");
  EXPECT_EQ(store.get("e", "k", kNow + 1'900), std::nullopt);
}

TEST(MemoryStickyStoreTest, AGetDoesNotRenewTheTtl) {
  MemoryStickyStore store(10, 1'000);
  store.put("e", "k", "red", kNow);
  EXPECT_EQ(store.get("e", "k", kNow + 900), "red");
  EXPECT_EQ(store.get("e", "k", kNow + 1'000), std::nullopt);
}

TEST(MemoryStickyStoreTest, WithoutTtlEntriesNeverExpire) {
  MemoryStickyStore store(10);
  store.put("e", "k", "red", 0);
  EXPECT_EQ(store.get("e", "k", kNow * 1000), "red");
}

TEST(MemoryStickyStoreTest, SizeStaysAtCapacityAfterAMillionPuts) {
  MemoryStickyStore store(1'000);
  for (int i = 0; i < 1'000'000; ++i) {
    store.put("e", std::to_string(i), "v", kNow);
    ASSERT_LE(store.size(), 1'000u);
  }
  EXPECT_EQ(store.size(), 1'000u);
  // The last 1,000 keys are the ones held.
  EXPECT_EQ(store.get("e", "999999", kNow), "v");
  EXPECT_EQ(store.get("e", "999000", kNow), "v");
  EXPECT_EQ(store.get("e", "998999", kNow), std::nullopt);
}

TEST(MemoryStickyStoreTest, UsableThroughTheInterface) {
  MemoryStickyStore memory(2);
  StickyStore& store = memory;
  store.put("e", "k", "red", kNow);
  EXPECT_EQ(store.get("e", "k", kNow), "red");
}

}  // namespace
}  // namespace cohort
