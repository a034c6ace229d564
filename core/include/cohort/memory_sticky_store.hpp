#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cohort/sticky_store.hpp"

namespace cohort {

/// The default sticky store: in memory, bounded. Holds at most `capacity`
/// entries and forgets the least recently used beyond that, so memory stays
/// flat however many contexts pass through; entries older than `ttl_ms`
/// (when given) are ignored and dropped.
class MemoryStickyStore final : public StickyStore {
 public:
  explicit MemoryStickyStore(std::size_t capacity = 10'000,
                             std::optional<EpochMs> ttl_ms = std::nullopt);

  std::optional<std::string> get(std::string_view experiment, std::string_view key,
                                 EpochMs now) override;
  void put(std::string_view experiment, std::string_view key, std::string_view variant,
           EpochMs now) override;

  /// Number of entries held.
  std::size_t size() const { return size_; }
  std::size_t capacity() const { return capacity_; }

 private:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  // Entries live in one vector and are linked by index, in LRU order and in
  // hash chains. A slot is reused in place when the oldest entry is evicted,
  // so once the store is full an answer allocates nothing here: the strings
  // keep their capacity.
  struct Entry {
    std::string id;  // see set_id
    std::string variant;
    EpochMs stored_at = 0;
    std::uint64_t hash = 0;
    std::uint32_t newer = kNone;  // toward the most recently used
    std::uint32_t older = kNone;
    std::uint32_t chain = kNone;  // next in the bucket, or in the free list
  };

  void set_id(std::string_view experiment, std::string_view key);
  std::uint32_t find() const;   // the entry whose id is id_, or kNone
  void touch(std::uint32_t i);  // makes entry i the most recently used
  void unlink(std::uint32_t i);
  void push_newest(std::uint32_t i);
  void remove_from_bucket(std::uint32_t i);
  void add_to_bucket(std::uint32_t i);
  void grow_buckets();
  void drop(std::uint32_t i);  // removes entry i; its slot goes to the free list

  std::size_t capacity_;
  std::optional<EpochMs> ttl_ms_;
  std::vector<Entry> entries_;
  std::vector<std::uint32_t> buckets_;  // a power of two, at least twice the entries
  std::uint32_t newest_ = kNone;
  std::uint32_t oldest_ = kNone;
  std::uint32_t free_ = kNone;
  std::size_t size_ = 0;
  std::string id_;  // the id of the current lookup
  std::uint64_t hash_ = 0;
};

}  // namespace cohort
