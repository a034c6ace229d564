#include "cohort/memory_sticky_store.hpp"

namespace cohort {

MemoryStickyStore::MemoryStickyStore(std::size_t capacity, std::optional<EpochMs> ttl_ms)
    : capacity_(capacity), ttl_ms_(ttl_ms) {}

std::string MemoryStickyStore::make_id(std::string_view experiment, std::string_view key) {
  // The experiment's length comes first, so no (experiment, key) pair can
  // spell another's id, whatever bytes (NUL included) either holds.
  const std::string length = std::to_string(experiment.size());
  std::string id;
  id.reserve(length.size() + experiment.size() + key.size() + 1);
  id.append(length).push_back('\0');
  id.append(experiment);
  id.append(key);
  return id;
}

std::optional<std::string> MemoryStickyStore::get(std::string_view experiment, std::string_view key,
                                                  EpochMs now) {
  const auto it = index_.find(make_id(experiment, key));
  if (it == index_.end()) return std::nullopt;
  if (ttl_ms_ && now - it->second->stored_at >= *ttl_ms_) {
    entries_.erase(it->second);
    index_.erase(it);
    return std::nullopt;
  }
  entries_.splice(entries_.begin(), entries_, it->second);
  return it->second->variant;
}

void MemoryStickyStore::put(std::string_view experiment, std::string_view key,
                            std::string_view variant, EpochMs now) {
  if (capacity_ == 0) return;
  std::string id = make_id(experiment, key);
  if (const auto it = index_.find(id); it != index_.end()) {
    it->second->variant = variant;
    it->second->stored_at = now;
    entries_.splice(entries_.begin(), entries_, it->second);
    return;
  }
  if (entries_.size() >= capacity_) {
    index_.erase(entries_.back().id);
    entries_.pop_back();
  }
  entries_.push_front(Entry{id, std::string(variant), now});
  index_.emplace(std::move(id), entries_.begin());
}

}  // namespace cohort
