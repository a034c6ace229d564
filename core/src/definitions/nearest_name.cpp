#include "definitions/nearest_name.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace cohort {
namespace {

// The optimal string alignment distance (edits, adjacent swaps counted as
// one) between two short ASCII names, capped: above `cap` it answers cap+1.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t cap) {
  if (a.size() > b.size() + cap || b.size() > a.size() + cap) return cap + 1;
  std::vector<std::size_t> prev2(b.size() + 1), prev(b.size() + 1), row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        row[j] = std::min(row[j], prev2[j - 2] + 1);
      }
    }
    prev2.swap(prev);
    prev.swap(row);
  }
  return prev[b.size()];
}

}  // namespace

std::string_view nearest_name(std::string_view key, std::span<const std::string_view> names) {
  const std::size_t cap = key.size() <= 4 ? 1 : 2;
  std::string_view best;
  std::size_t best_distance = cap + 1;
  for (const std::string_view name : names) {
    const std::size_t d = edit_distance(key, name, cap);
    if (d < best_distance) {
      best = name;
      best_distance = d;
    }
  }
  return best;
}

std::string unknown_field_message(std::string_view near) {
  if (near.empty()) return "unknown field ignored";
  return "unknown field ignored; did you mean \"" + std::string(near) + "\"?";
}

}  // namespace cohort
