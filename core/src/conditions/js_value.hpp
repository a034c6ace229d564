#pragma once

// JavaScript value semantics, as GrowthBook's evalCondition relies on them:
// conversions (condition_coerce.cpp, js_number.cpp), comparisons
// (condition_compare.cpp) and version padding (version.cpp). Private to the
// core's conditions.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "cohort/json/value.hpp"

namespace cohort {
namespace condition_detail {

// A value under test is a `Value` (cohort/value.hpp); a missing one stands
// for an absent attribute, which GrowthBook's getPath turns into null, so it
// behaves exactly like a JSON null. Operands are compiled from JSON and,
// where they are compared as values, encoded the same way.

/// Text produced while evaluating (numbers, joined arrays, padded versions).
/// Short text stays on the stack so the hot path does not allocate.
class TextBuffer {
 public:
  TextBuffer() = default;
  TextBuffer(const TextBuffer&) = delete;
  TextBuffer& operator=(const TextBuffer&) = delete;

  void append(std::string_view text) {
    if (!on_heap_ && size_ + text.size() <= kInline) {
      text.copy(inline_.data() + size_, text.size());
      size_ += text.size();
    } else {
      spill(text);
    }
  }
  void push_back(char c) {
    if (!on_heap_ && size_ < kInline) {
      inline_[size_++] = c;
    } else {
      spill(std::string_view(&c, 1));
    }
  }
  std::string_view view() const {
    return on_heap_ ? std::string_view(heap_) : std::string_view(inline_.data(), size_);
  }

 private:
  void spill(std::string_view text);  // moves to the heap, then appends

  static constexpr std::size_t kInline = 128;
  std::array<char, kInline> inline_;
  std::size_t size_ = 0;
  std::string heap_;
  bool on_heap_ = false;
};

/// Room for any number rendered by `format_number`.
using NumberText = std::array<char, 40>;

inline bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

/// True for null and for a missing value.
inline bool is_null(Value value) {
  return value.is_null();
}

/// Byte equality, inlined for short text: attribute names and `$in` members
/// are short, and a memcmp call per comparison dominated evaluation.
inline bool same_text(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.size() > 16) return a == b;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

/// JavaScript `Number.prototype.toString()` (shortest round-trip digits).
std::string_view format_number(double number, NumberText& out);
/// JavaScript `Number(string)`: trims whitespace, accepts hex/octal/binary
/// prefixes and "Infinity"; anything else malformed is NaN.
double string_to_number(std::string_view text);
/// JavaScript `String(value)` appended to `out` (arrays join with ",").
void append_js_string(Value value, TextBuffer& out);
/// JavaScript `Number(value)`.
double to_number(Value value);
/// JavaScript truthiness.
bool truthy(Value value);
/// ASCII lower case, the part of `toLowerCase` conditions meet in practice.
char fold_char(char c);
std::string fold_case(std::string_view text);
/// `String(value) === expected`, lower-casing `String(value)` when `fold`
/// (`expected` is then already lower case).
bool js_string_equals(Value value, std::string_view expected, bool fold);
/// JavaScript string order: UTF-16 code units, compared on UTF-8 input.
int js_compare(std::string_view a, std::string_view b);
/// `JSON.stringify(value) === JSON.stringify(literal)`, without building
/// either text. Recursion is bounded by the literal's depth.
bool json_text_equal(Value value, Value literal);
/// GrowthBook's `paddedVersionString`.
void padded_version(Value value, TextBuffer& out);
/// Canonical array index ("0", "17"; not "01" or "-1").
bool array_index(std::string_view key, std::size_t& index);

/// A scalar operand with the coercions JavaScript applies to it done once.
struct Scalar {
  enum class Kind : std::uint8_t { kNull, kBoolean, kNumber, kString };
  Kind kind = Kind::kNull;
  bool boolean = false;
  double number = 0;  ///< `Number(operand)`, for comparisons with non-strings
  std::string text;   ///< the string, or `String(operand)` of an array/object
};

/// `actual === expected` for a scalar `expected`.
bool strict_equals(Value actual, const Scalar& expected);

enum class Order : std::uint8_t { kLess, kEqual, kGreater, kUnordered };
/// JavaScript's abstract relational comparison of `actual` with `expected`.
Order js_order(Value actual, const Scalar& expected);

}  // namespace condition_detail
}  // namespace cohort
