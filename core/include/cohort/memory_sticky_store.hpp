#pragma once

#include <list>
#include <optional>
#include <string>
#include <unordered_map>

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
  std::size_t size() const { return entries_.size(); }
  std::size_t capacity() const { return capacity_; }

 private:
  struct Entry {
    std::string id;  // see make_id
    std::string variant;
    EpochMs stored_at;
  };
  struct IdHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  static std::string make_id(std::string_view experiment, std::string_view key);

  std::size_t capacity_;
  std::optional<EpochMs> ttl_ms_;
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator, IdHash, std::equal_to<>> index_;
};

}  // namespace cohort
