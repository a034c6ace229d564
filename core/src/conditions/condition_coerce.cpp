// JavaScript conversions for conditions: GrowthBook's evalCondition leans on
// JS coercions (`value + ""`, `value * 1`, `!!value`), so these reproduce
// them on JSON values. Numbers to and from text live in js_number.cpp,
// comparisons in condition_compare.cpp.

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>

#include "conditions/condition_node.hpp"

namespace cohort {
namespace condition_detail {
namespace {

// Arrays nested deeper than this inside an attribute are not joined further
// when converted to a string: real contexts never get close, and it keeps a
// hostile context from exhausting the stack.
constexpr int kMaxJoinDepth = 64;

constexpr std::string_view kObjectText = "[object Object]";

void append_joined(Value array, TextBuffer& out, int depth) {
  bool first = true;
  for (auto c = array.children(); !c.done(); c.next()) {
    if (!first) out.push_back(',');
    first = false;
    const Value element = c.value();
    // Array.prototype.join renders null and undefined as "".
    if (element.is_null()) continue;
    if (element.is_array()) {
      if (depth < kMaxJoinDepth) append_joined(element, out, depth + 1);
      continue;
    }
    append_js_string(element, out);
  }
}

}  // namespace

NumberValue::NumberValue(std::size_t n) {
  bytes_[0] = static_cast<unsigned char>(ValueTag::number);
  const auto number = static_cast<double>(n);
  std::memcpy(&bytes_[1], &number, sizeof number);
  char* text = reinterpret_cast<char*>(&bytes_[13]);
  const auto written = std::to_chars(text, text + 24, n);
  const auto length = static_cast<std::uint32_t>(written.ptr - text);
  std::memcpy(&bytes_[9], &length, sizeof length);
}

void TextBuffer::spill(std::string_view text) {
  if (!on_heap_) {
    heap_.assign(inline_.data(), size_);
    on_heap_ = true;
  }
  heap_.append(text);
}

void append_js_string(Value value, TextBuffer& out) {
  switch (value.type()) {
    case Value::Type::missing:
    case Value::Type::null:
      out.append("null");
      return;
    case Value::Type::boolean:
      out.append(value.boolean() ? "true" : "false");
      return;
    case Value::Type::number:
      out.append(value.number_text());
      return;
    case Value::Type::string:
      out.append(value.string());
      return;
    case Value::Type::array:
      append_joined(value, out, 0);
      return;
    case Value::Type::object:
      out.append(kObjectText);
      return;
  }
}

double to_number(Value value) {
  switch (value.type()) {
    case Value::Type::missing:
    case Value::Type::null:
      return 0;
    case Value::Type::boolean:
      return value.boolean() ? 1 : 0;
    case Value::Type::number:
      return value.number();
    case Value::Type::string:
      return string_to_number(value.string());
    case Value::Type::array: {
      if (value.size() == 0) return 0;
      TextBuffer text;
      append_js_string(value, text);
      return string_to_number(text.view());
    }
    case Value::Type::object:
      return std::numeric_limits<double>::quiet_NaN();
  }
  return std::numeric_limits<double>::quiet_NaN();
}

bool truthy(Value value) {
  switch (value.type()) {
    case Value::Type::missing:
    case Value::Type::null:
      return false;
    case Value::Type::boolean:
      return value.boolean();
    case Value::Type::number: {
      const double n = value.number();
      return n == n && n != 0;
    }
    case Value::Type::string:
      return !value.string().empty();
    default:
      return true;
  }
}

char fold_char(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string fold_case(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = fold_char(c);
  return out;
}

bool js_string_equals(Value value, std::string_view expected, bool fold) {
  const auto equal = [&](std::string_view actual) {
    if (!fold) return actual == expected;
    return actual.size() == expected.size() &&
           std::equal(actual.begin(), actual.end(), expected.begin(),
                      [](char a, char b) { return fold_char(a) == b; });
  };
  if (value.is_string()) return equal(value.string());
  TextBuffer text;
  append_js_string(value, text);
  return equal(text.view());
}

bool array_index(std::string_view key, std::size_t& index) {
  // Up to 2^32 - 2, the largest JS array index; "0" but no leading zeros.
  if (key.empty() || key.size() > 10 || (key.size() > 1 && key[0] == '0')) return false;
  std::uint64_t value = 0;
  for (const char c : key) {
    if (!is_digit(c)) return false;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (value >= 0xFFFFFFFFull) return false;
  index = static_cast<std::size_t>(value);
  return true;
}

}  // namespace condition_detail
}  // namespace cohort
