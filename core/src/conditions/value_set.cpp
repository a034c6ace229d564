// The set of literals `$in`/`$nin` test against, compiled once: JavaScript's
// `includes` (strict equality) over sorted, de-duplicated members.

#include <algorithm>
#include <functional>
#include <string>
#include <string_view>

#include "conditions/condition_node.hpp"
#include "sorting.hpp"

namespace cohort {
namespace condition_detail {
namespace {

// Compares `folded` with `probe` lower-cased, byte by byte (unsigned, as
// std::string orders), without building the lower-cased probe.
int compare_folded(std::string_view folded, std::string_view probe) {
  const std::size_t n = std::min(folded.size(), probe.size());
  for (std::size_t i = 0; i < n; ++i) {
    const auto a = static_cast<unsigned char>(folded[i]);
    const auto b = static_cast<unsigned char>(fold_char(probe[i]));
    if (a != b) return a < b ? -1 : 1;
  }
  if (folded.size() == probe.size()) return 0;
  return folded.size() < probe.size() ? -1 : 1;
}

}  // namespace

void ValueSet::add(Value value) {
  switch (value.type()) {
    case Value::Type::null:
      has_null = true;
      break;
    case Value::Type::boolean:
      (value.boolean() ? has_true : has_false) = true;
      break;
    case Value::Type::number:
      numbers.push_back(value.number());
      break;
    case Value::Type::string:
      strings.push_back(fold ? fold_case(value.string()) : std::string(value.string()));
      break;
    default:
      break;
  }
}

void ValueSet::finish() {
  sort_stable(strings, std::less<>());
  strings.erase(std::unique(strings.begin(), strings.end()), strings.end());
  sort_stable(numbers, std::less<>());
  numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
}

bool ValueSet::contains(Value value) const {
  switch (value.type()) {
    case Value::Type::missing:
    case Value::Type::null:
      return has_null;
    case Value::Type::boolean:
      return value.boolean() ? has_true : has_false;
    case Value::Type::number:
      return std::binary_search(numbers.begin(), numbers.end(), value.number());
    case Value::Type::string: {
      const std::string_view s = value.string();
      // Most lists are short; a scan beats a binary search's three-way
      // compares there.
      constexpr std::size_t kScanLimit = 8;
      if (!fold && strings.size() <= kScanLimit) {
        return std::any_of(strings.begin(), strings.end(),
                           [&](const std::string& member) { return same_text(member, s); });
      }
      if (!fold) return std::binary_search(strings.begin(), strings.end(), s, std::less<>());
      // Fold the probe on the fly: the stored strings are already folded.
      const auto it = std::lower_bound(strings.begin(), strings.end(), s,
                                       [](const std::string& stored, std::string_view probe) {
                                         return compare_folded(stored, probe) < 0;
                                       });
      return it != strings.end() && compare_folded(*it, s) == 0;
    }
    default:
      return false;  // arrays and objects: `includes` compares identity
  }
}

bool ValueSet::intersects(Value actual) const {
  if (actual.is_array()) {
    for (auto c = actual.children(); !c.done(); c.next()) {
      if (contains(c.value())) return true;
    }
    return false;
  }
  return contains(actual);
}

}  // namespace condition_detail
}  // namespace cohort
