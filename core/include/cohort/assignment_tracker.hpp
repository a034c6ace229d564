#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cohort/answer.hpp"

namespace cohort {

/// Decides which answers emit an `assignment` event: tracked answers, once
/// per (experiment, key, course) per session (SPEC §4), as edX marks
/// "tracked.<experiment>[.<course>]" in the session. This is the one owner
/// of that rule: the WebAssembly module flags the first time in each answer
/// record, and the package only persists what it flags (sessionStorage).
///
/// Bounded and O(1) per call: 64-bit digests of the assignment in two
/// generations of `capacity / 2` each. When the young one is full it becomes
/// the old one and the previous old one is dropped; a digest found in the
/// old generation moves to the young one. So recent assignments are kept,
/// and beyond `capacity` the oldest are forgotten (and may emit again)
/// rather than memory growing without end. The tables start small and
/// double as they fill, up to the size that holds `capacity / 2`.
class AssignmentTracker {
 public:
  explicit AssignmentTracker(std::size_t capacity = 10'000);

  /// True when `answer` should emit an assignment event now; records it so
  /// the same assignment is not emitted again this session. Excluded,
  /// disabled, unknown, published and error answers never emit.
  bool should_emit(const Answer& answer, std::string_view course = {});

  /// True the first time this assignment is offered; records it.
  bool first_time(std::string_view experiment, std::string_view key, std::string_view course);

  /// Forgets every assignment (tests, and a new session).
  void forget();

  /// Assignments held now (at most about `capacity`).
  std::size_t size() const;

 private:
  bool insert(std::uint64_t digest);

  std::size_t half_;
  std::size_t full_size_;
  std::vector<std::uint64_t> young_;
  std::vector<std::uint64_t> old_;
  std::size_t young_count_ = 0;
  std::string scratch_;
};

}  // namespace cohort
