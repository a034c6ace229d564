#include "sorting.hpp"

#include <algorithm>

namespace cohort {

void sort_positions(std::vector<std::uint32_t>& positions, PositionLess less, const void* items) {
  // Ties broken by position: std::sort's order, made stable.
  std::sort(positions.begin(), positions.end(), [less, items](std::uint32_t a, std::uint32_t b) {
    if (less(items, a, b)) return true;
    return !less(items, b, a) && a < b;
  });
}

}  // namespace cohort
