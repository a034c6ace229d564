#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace cohort {

/// Compares the items at two positions of the caller's sequence.
using PositionLess = bool (*)(const void* items, std::uint32_t a, std::uint32_t b);

/// Orders `positions` by `less`; positions that compare equal keep their
/// order. The one instantiation of std::sort in the core: each element
/// type sorted with its own instantiation cost the WebAssembly module 22 KB
/// (24 of them, with their insertion sorts and merges).
void sort_positions(std::vector<std::uint32_t>& positions, PositionLess less, const void* items);

/// Sorts `items` by `less` (a strict weak order), keeping equal items in
/// their order: a stable sort of any element type through sort_positions.
template <class T, class Less>
void sort_stable(std::vector<T>& items, Less less) {
  if (items.size() < 2) return;
  struct Sorting {
    const std::vector<T>& items;
    Less& less;
  } sorting{items, less};
  std::vector<std::uint32_t> positions(items.size());
  for (std::uint32_t i = 0; i < positions.size(); ++i) positions[i] = i;
  sort_positions(
      positions,
      [](const void* s, std::uint32_t a, std::uint32_t b) {
        const auto& [all, by] = *static_cast<const Sorting*>(s);
        return by(all[a], all[b]);
      },
      &sorting);
  std::vector<T> sorted;
  sorted.reserve(items.size());
  for (const std::uint32_t p : positions) sorted.push_back(std::move(items[p]));
  items.swap(sorted);
}

}  // namespace cohort
