// JavaScript's numbers as text and back: Number::toString (ECMA-262
// §6.1.6.1.20) and Number(string) (StringToNumber, §7.1.4.1.1), on which
// GrowthBook's conditions lean. The correctly rounded step in between is
// decimal_conversion.hpp's.

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string_view>

#include "conditions/decimal_conversion.hpp"
#include "conditions/js_value.hpp"

namespace cohort {
namespace condition_detail {
namespace {

// Length of the JS whitespace or line terminator starting at `text[i]`, or 0.
std::size_t whitespace_at(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) {
    return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u;
  };
  const unsigned c0 = byte(0);
  if (c0 == ' ' || (c0 >= '\t' && c0 <= '\r')) return 1;
  if (c0 == 0xC2 && byte(1) == 0xA0) return 2;                     // U+00A0
  if (c0 == 0xE1 && byte(1) == 0x9A && byte(2) == 0x80) return 3;  // U+1680
  if (c0 == 0xE2 && byte(1) == 0x80) {
    const unsigned c2 = byte(2);
    // U+2000..U+200A, U+2028, U+2029, U+202F
    if ((c2 >= 0x80 && c2 <= 0x8A) || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF) return 3;
  }
  if (c0 == 0xE2 && byte(1) == 0x81 && byte(2) == 0x9F) return 3;  // U+205F
  if (c0 == 0xE3 && byte(1) == 0x80 && byte(2) == 0x80) return 3;  // U+3000
  if (c0 == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF) return 3;  // U+FEFF
  return 0;
}

std::string_view trim_whitespace(std::string_view text) {
  while (const std::size_t n = whitespace_at(text, 0)) text.remove_prefix(n);
  for (bool trimmed = true; trimmed && !text.empty();) {
    trimmed = false;
    for (std::size_t n = 1; n <= 3 && n <= text.size(); ++n) {
      if (whitespace_at(text, text.size() - n) == n) {
        text.remove_suffix(n);
        trimmed = true;
        break;
      }
    }
  }
  return text;
}

// `0x`, `0o`, `0b` literals (no sign, no fraction), as Number() reads them.
double radix_number(std::string_view digits, int radix) {
  if (digits.empty()) return std::numeric_limits<double>::quiet_NaN();
  double value = 0;
  for (const char c : digits) {
    int d = radix;
    if (is_digit(c)) {
      d = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      d = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      d = c - 'A' + 10;
    }
    if (d >= radix) return std::numeric_limits<double>::quiet_NaN();
    value = value * radix + d;
  }
  return value;
}

// StrUnsignedDecimalLiteral: digits [. digits] | . digits, then [e [+-] digits].
bool decimal_literal(std::string_view text) {
  std::size_t i = 0;
  std::size_t mantissa_digits = 0;
  while (i < text.size() && is_digit(text[i])) ++i, ++mantissa_digits;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && is_digit(text[i])) ++i, ++mantissa_digits;
  }
  if (mantissa_digits == 0) return false;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    const std::size_t start = i;
    while (i < text.size() && is_digit(text[i])) ++i;
    if (i == start) return false;
  }
  return i == text.size();
}

}  // namespace

std::string_view format_number(double number, NumberText& out) {
  if (std::isnan(number)) return "NaN";
  if (std::isinf(number)) return number < 0 ? "-Infinity" : "Infinity";
  if (number == 0) return "0";  // also -0

  // Shortest round-trip digits and the decimal exponent, then JS layout
  // (Number::toString, ECMA-262 §6.1.6.1.20).
  decimal::ScientificText sci;
  const std::string_view text = decimal::shortest_scientific(std::fabs(number), sci);
  const std::size_t e = text.find('e');
  std::array<char, 20> digits{};
  int k = 0;
  for (std::size_t i = 0; i < e; ++i) {
    if (is_digit(text[i])) digits[static_cast<std::size_t>(k++)] = text[i];
  }
  int exponent = 0;
  std::from_chars(text.data() + e + (text[e + 1] == '+' ? 2 : 1), text.data() + text.size(),
                  exponent);
  const int n = exponent + 1;  // position of the decimal point

  std::size_t len = 0;
  const auto put = [&](char c) { out[len++] = c; };
  const auto digit = [&](int i) { return digits[static_cast<std::size_t>(i)]; };
  if (number < 0) put('-');
  if (k <= n && n <= 21) {
    for (int i = 0; i < k; ++i) put(digit(i));
    for (int i = k; i < n; ++i) put('0');
  } else if (0 < n && n <= 21) {
    for (int i = 0; i < n; ++i) put(digit(i));
    put('.');
    for (int i = n; i < k; ++i) put(digit(i));
  } else if (-6 < n && n <= 0) {
    put('0');
    put('.');
    for (int i = n; i < 0; ++i) put('0');
    for (int i = 0; i < k; ++i) put(digit(i));
  } else {
    put(digit(0));
    if (k > 1) {
      put('.');
      for (int i = 1; i < k; ++i) put(digit(i));
    }
    put('e');
    put(n - 1 < 0 ? '-' : '+');
    const auto written = std::to_chars(out.data() + len, out.data() + out.size(), std::abs(n - 1));
    len = static_cast<std::size_t>(written.ptr - out.data());
  }
  return {out.data(), len};
}

double string_to_number(std::string_view text) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  text = trim_whitespace(text);
  if (text.empty()) return 0;
  if (text.size() > 2 && text[0] == '0') {
    const char p = fold_char(text[1]);
    if (p == 'x') return radix_number(text.substr(2), 16);
    if (p == 'o') return radix_number(text.substr(2), 8);
    if (p == 'b') return radix_number(text.substr(2), 2);
  }
  bool negative = false;
  if (text[0] == '+' || text[0] == '-') {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  double value = 0;
  if (text == "Infinity") {
    value = std::numeric_limits<double>::infinity();
  } else if (decimal_literal(text)) {
    value = decimal::parse(text);
  } else {
    return kNaN;
  }
  return negative ? -value : value;
}

}  // namespace condition_detail
}  // namespace cohort
