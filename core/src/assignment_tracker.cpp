#include "cohort/assignment_tracker.hpp"

#include <algorithm>

#include "hashing/xxh3.hpp"

namespace cohort {
namespace {

// Open addressing with linear probing over a table at most half full; 0
// marks an empty slot, so a digest of 0 is stored as 1.
std::uint64_t slot_value(std::uint64_t digest) {
  return digest == 0 ? 1 : digest;
}

bool contains(const std::vector<std::uint64_t>& table, std::uint64_t value) {
  if (table.empty()) return false;
  const std::size_t mask = table.size() - 1;
  for (std::size_t i = value & mask;; i = (i + 1) & mask) {
    if (table[i] == value) return true;
    if (table[i] == 0) return false;
  }
}

void add(std::vector<std::uint64_t>& table, std::uint64_t value) {
  const std::size_t mask = table.size() - 1;
  std::size_t i = value & mask;
  while (table[i] != 0 && table[i] != value) i = (i + 1) & mask;
  table[i] = value;
}

/// Doubles a table, keeping what it holds.
void grow(std::vector<std::uint64_t>& table) {
  std::vector<std::uint64_t> bigger(table.size() * 2, 0);
  for (const std::uint64_t value : table)
    if (value != 0) add(bigger, value);
  table.swap(bigger);
}

std::size_t table_size(std::size_t half) {
  std::size_t size = 2;
  while (size < 2 * half) size *= 2;
  return size;
}

// A session's first tables are small: most pages see a few assignments,
// and a large first allocation made the first answer of a page slow.
constexpr std::size_t kFirstTableSize = 64;

}  // namespace

AssignmentTracker::AssignmentTracker(std::size_t capacity)
    : half_(std::max<std::size_t>(1, capacity / 2)), full_size_(table_size(half_)) {}

bool AssignmentTracker::should_emit(const Answer& answer, std::string_view course) {
  if (!answer.tracked || answer.excluded) return false;
  // As documented: these never emit, whatever `tracked` says.
  switch (answer.reason) {
    case Reason::excluded:
    case Reason::disabled:
    case Reason::unknown:
    case Reason::published:
    case Reason::error:
      return false;
    default:
      break;
  }
  return first_time(answer.experiment, answer.key, course);
}

bool AssignmentTracker::first_time(std::string_view experiment, std::string_view key,
                                   std::string_view course) {
  // Fields separated by a byte no experiment name, key or course uses, so
  // ("a.b", no course) and ("a", course "b") stay distinct.
  scratch_.assign(experiment);
  scratch_ += '\x1f';
  scratch_ += key;
  scratch_ += '\x1f';
  scratch_ += course;
  return insert(slot_value(xxh3_64(scratch_)));
}

bool AssignmentTracker::insert(std::uint64_t digest) {
  if (contains(young_, digest)) return false;
  const bool seen = contains(old_, digest);
  if (young_count_ >= half_) {
    young_.swap(old_);
    std::fill(young_.begin(), young_.end(), 0);
    young_count_ = 0;
  }
  // At most half full: grown (doubled) before it would be more, up to the
  // size that holds `half_`.
  if (young_.empty())
    young_.assign(std::min(kFirstTableSize, full_size_), 0);
  else if (2 * (young_count_ + 1) > young_.size() && young_.size() < full_size_)
    grow(young_);
  add(young_, digest);
  ++young_count_;
  return !seen;
}

void AssignmentTracker::forget() {
  std::fill(young_.begin(), young_.end(), 0);
  std::fill(old_.begin(), old_.end(), 0);
  young_count_ = 0;
}

std::size_t AssignmentTracker::size() const {
  const auto held = [](const std::vector<std::uint64_t>& table) {
    return static_cast<std::size_t>(
        std::count_if(table.begin(), table.end(), [](std::uint64_t v) { return v != 0; }));
  };
  return held(young_) + held(old_);
}

}  // namespace cohort
