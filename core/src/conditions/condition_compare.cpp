// JavaScript comparisons for conditions: `<` across types, `===` and
// JSON.stringify equality, reproduced on JSON values. `$in` sets are in
// value_set.cpp, GrowthBook's padded version strings in version.cpp.

#include <algorithm>
#include <utility>

#include "conditions/condition_node.hpp"
#include "sorting.hpp"

namespace cohort {
namespace condition_detail {
namespace {

// Decodes the code point at `text[i]` (which starts one) into its first
// UTF-16 code unit and the code point itself. Invalid bytes stand for
// themselves, so any input compares deterministically.
std::pair<std::uint32_t, std::uint32_t> utf16_key(std::string_view text, std::size_t i) {
  const auto c0 = static_cast<unsigned char>(text[i]);
  std::uint32_t cp = c0;
  std::size_t extra = 0;
  if (c0 >= 0xF8) {
    // Not a UTF-8 lead byte.
  } else if (c0 >= 0xF0) {
    cp = c0 & 0x07u;
    extra = 3;
  } else if (c0 >= 0xE0) {
    cp = c0 & 0x0Fu;
    extra = 2;
  } else if (c0 >= 0xC0) {
    cp = c0 & 0x1Fu;
    extra = 1;
  }
  if (i + extra >= text.size() && extra > 0) return {c0, c0};
  for (std::size_t k = 1; k <= extra; ++k) {
    const auto c = static_cast<unsigned char>(text[i + k]);
    if ((c & 0xC0u) != 0x80u) return {c0, c0};
    cp = (cp << 6) | (c & 0x3Fu);
  }
  const std::uint32_t unit = cp >= 0x10000 ? 0xD800 + ((cp - 0x10000) >> 10) : cp;
  return {unit, cp};
}

// JSON.stringify orders an object's array-index keys first, ascending, then
// the other keys in insertion order; two objects stringify alike when both
// sequences agree pairwise.
bool objects_equal(Value value, Value literal) {
  if (value.size() != literal.size()) return false;
  std::size_t index = 0;
  std::size_t index_keys = 0;
  auto v = value.children();
  auto l = literal.children();
  while (true) {
    while (!v.done() && array_index(v.key(), index)) v.next();
    while (!l.done() && array_index(l.key(), index)) l.next(), ++index_keys;
    if (v.done() || l.done()) {
      if (!v.done() || !l.done()) return false;
      break;
    }
    if (v.key() != l.key() || !json_text_equal(v.value(), l.value())) return false;
    v.next();
    l.next();
  }
  if (index_keys == 0) return true;
  // Sizes match and the other keys matched one to one, so both objects hold
  // the same number of index keys: sort both and compare in order.
  using Entry = std::pair<std::size_t, Value>;
  const auto collect = [](Value object) {
    std::vector<Entry> entries;
    std::size_t i = 0;
    for (auto c = object.children(); !c.done(); c.next()) {
      if (array_index(c.key(), i)) entries.emplace_back(i, c.value());
    }
    sort_stable(entries, [](const Entry& a, const Entry& b) { return a.first < b.first; });
    return entries;
  };
  const std::vector<Entry> a = collect(value);
  const std::vector<Entry> b = collect(literal);
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].first != b[i].first || !json_text_equal(a[i].second, b[i].second)) return false;
  }
  return true;
}

}  // namespace

int js_compare(std::string_view a, std::string_view b) {
  const auto [ia, ib] = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
  if (ia == a.end() || ib == b.end()) {
    if (ia != a.end()) return 1;
    return ib != b.end() ? -1 : 0;
  }
  // Byte order is code point order; JS orders UTF-16 code units, which
  // differs only where astral characters (surrogates) meet U+E000..U+FFFF.
  std::size_t i = static_cast<std::size_t>(ia - a.begin());
  while (i > 0 && (static_cast<unsigned char>(a[i]) & 0xC0u) == 0x80u) --i;
  const auto ka = utf16_key(a, i);
  const auto kb = utf16_key(b, i);
  if (ka != kb) return ka < kb ? -1 : 1;
  return static_cast<unsigned char>(*ia) < static_cast<unsigned char>(*ib) ? -1 : 1;
}

bool json_text_equal(Value value, Value literal) {
  if (is_null(value)) return literal.is_null();
  switch (literal.type()) {
    case Value::Type::missing:
    case Value::Type::null:
      return false;  // value is not null here
    case Value::Type::boolean:
      return value.is_boolean() && value.boolean() == literal.boolean();
    case Value::Type::number:
      return value.is_number() && value.number() == literal.number();
    case Value::Type::string:
      return value.is_string() && value.string() == literal.string();
    case Value::Type::array: {
      if (!value.is_array() || value.size() != literal.size()) return false;
      auto v = value.children();
      for (auto l = literal.children(); !l.done(); l.next(), v.next()) {
        if (!json_text_equal(v.value(), l.value())) return false;
      }
      return true;
    }
    case Value::Type::object:
      return value.is_object() && objects_equal(value, literal);
  }
  return false;
}

bool strict_equals(Value actual, const Scalar& expected) {
  switch (expected.kind) {
    case Scalar::Kind::kNull:
      return is_null(actual);
    case Scalar::Kind::kBoolean:
      return actual.is_boolean() && actual.boolean() == expected.boolean;
    case Scalar::Kind::kNumber:
      return actual.is_number() && actual.number() == expected.number;
    case Scalar::Kind::kString:
      return actual.is_string() && actual.string() == expected.text;
  }
  return false;
}

Order js_order(Value actual, const Scalar& expected) {
  // ToPrimitive: arrays and objects become strings; then two strings compare
  // as strings, anything else as numbers (NaN is unordered).
  double a = 0;
  switch (actual.type()) {
    case Value::Type::string:
    case Value::Type::array:
    case Value::Type::object: {
      TextBuffer text;
      std::string_view s;
      if (actual.is_string()) {
        s = actual.string();
      } else {
        append_js_string(actual, text);
        s = text.view();
      }
      if (expected.kind == Scalar::Kind::kString) {
        const int c = js_compare(s, expected.text);
        return c < 0 ? Order::kLess : (c > 0 ? Order::kGreater : Order::kEqual);
      }
      a = string_to_number(s);
      break;
    }
    case Value::Type::boolean:
      a = actual.boolean() ? 1 : 0;
      break;
    case Value::Type::number:
      a = actual.number();
      break;
    default:
      break;  // null and missing are 0
  }
  const double b = expected.number;
  if (a != a || b != b) return Order::kUnordered;
  if (a < b) return Order::kLess;
  return a > b ? Order::kGreater : Order::kEqual;
}

}  // namespace condition_detail
}  // namespace cohort
