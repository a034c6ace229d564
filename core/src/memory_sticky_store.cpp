#include "cohort/memory_sticky_store.hpp"

#include <algorithm>
#include <cstring>

#include "hashing/xxh3.hpp"

namespace cohort {

MemoryStickyStore::MemoryStickyStore(std::size_t capacity, std::optional<EpochMs> ttl_ms)
    : capacity_(std::min<std::size_t>(capacity, kNone - 1)), ttl_ms_(ttl_ms) {}

void MemoryStickyStore::set_id(std::string_view experiment, std::string_view key) {
  // The experiment's length comes first, as four bytes, so no (experiment,
  // key) pair can spell another's id, whatever bytes (NUL included) either
  // holds.
  const auto length = static_cast<std::uint32_t>(experiment.size());
  char prefix[sizeof length];
  std::memcpy(prefix, &length, sizeof length);
  const std::size_t size = sizeof prefix + experiment.size() + key.size();
  // An answer's put follows its get with the same id: kept, not rebuilt.
  if (id_.size() == size && std::memcmp(id_.data(), prefix, sizeof prefix) == 0 &&
      id_.compare(sizeof prefix, experiment.size(), experiment) == 0 &&
      id_.compare(sizeof prefix + experiment.size(), key.size(), key) == 0) {
    return;
  }
  id_.resize(size);
  std::memcpy(id_.data(), prefix, sizeof prefix);
  std::memcpy(id_.data() + sizeof prefix, experiment.data(), experiment.size());
  std::memcpy(id_.data() + sizeof prefix + experiment.size(), key.data(), key.size());
  hash_ = xxh3_64(id_);
}

std::uint32_t MemoryStickyStore::find() const {
  if (buckets_.empty()) return kNone;
  for (std::uint32_t i = buckets_[hash_ & (buckets_.size() - 1)]; i != kNone;
       i = entries_[i].chain) {
    if (entries_[i].hash == hash_ && entries_[i].id == id_) return i;
  }
  return kNone;
}

void MemoryStickyStore::unlink(std::uint32_t i) {
  Entry& e = entries_[i];
  (e.newer == kNone ? newest_ : entries_[e.newer].older) = e.older;
  (e.older == kNone ? oldest_ : entries_[e.older].newer) = e.newer;
  e.newer = e.older = kNone;
}

void MemoryStickyStore::push_newest(std::uint32_t i) {
  Entry& e = entries_[i];
  e.newer = kNone;
  e.older = newest_;
  if (newest_ != kNone) entries_[newest_].newer = i;
  newest_ = i;
  if (oldest_ == kNone) oldest_ = i;
}

void MemoryStickyStore::touch(std::uint32_t i) {
  if (newest_ == i) return;
  unlink(i);
  push_newest(i);
}

void MemoryStickyStore::remove_from_bucket(std::uint32_t i) {
  std::uint32_t* link = &buckets_[entries_[i].hash & (buckets_.size() - 1)];
  while (*link != i) link = &entries_[*link].chain;
  *link = entries_[i].chain;
  entries_[i].chain = kNone;
}

void MemoryStickyStore::add_to_bucket(std::uint32_t i) {
  std::uint32_t& head = buckets_[entries_[i].hash & (buckets_.size() - 1)];
  entries_[i].chain = head;
  head = i;
}

void MemoryStickyStore::grow_buckets() {
  buckets_.assign(buckets_.empty() ? 16 : buckets_.size() * 2, kNone);
  for (std::uint32_t i = newest_; i != kNone; i = entries_[i].older) add_to_bucket(i);
}

void MemoryStickyStore::drop(std::uint32_t i) {
  remove_from_bucket(i);
  unlink(i);
  entries_[i].chain = free_;
  free_ = i;
  --size_;
}

std::optional<std::string> MemoryStickyStore::get(std::string_view experiment, std::string_view key,
                                                  EpochMs now) {
  set_id(experiment, key);
  const std::uint32_t i = find();
  if (i == kNone) return std::nullopt;
  if (ttl_ms_ && now - entries_[i].stored_at >= *ttl_ms_) {
    drop(i);
    return std::nullopt;
  }
  touch(i);
  return entries_[i].variant;
}

void MemoryStickyStore::put(std::string_view experiment, std::string_view key,
                            std::string_view variant, EpochMs now) {
  if (capacity_ == 0) return;
  set_id(experiment, key);
  if (const std::uint32_t i = find(); i != kNone) {
    entries_[i].variant.assign(variant);
    entries_[i].stored_at = now;
    touch(i);
    return;
  }
  std::uint32_t slot;
  if (size_ >= capacity_) {
    slot = oldest_;  // evicted: its strings are reused in place
    remove_from_bucket(slot);
    unlink(slot);
    --size_;
  } else if (free_ != kNone) {
    slot = free_;
    free_ = entries_[slot].chain;
  } else {
    slot = static_cast<std::uint32_t>(entries_.size());
    entries_.emplace_back();
  }
  Entry& e = entries_[slot];
  e.id.assign(id_);
  e.variant.assign(variant);
  e.stored_at = now;
  e.hash = hash_;
  e.chain = kNone;
  ++size_;
  push_newest(slot);
  if (buckets_.size() < 2 * size_) {
    grow_buckets();  // adds every linked entry, this one included
  } else {
    add_to_bucket(slot);
  }
}

}  // namespace cohort
