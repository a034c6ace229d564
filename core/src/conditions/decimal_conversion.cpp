// Native decimal conversion over <charconv> (see decimal_conversion.hpp).

#include "conditions/decimal_conversion.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <limits>
#include <system_error>

namespace cohort::decimal {
namespace {

// from_chars reports overflow and underflow alike; JS gives Infinity or 0.
double out_of_range(std::string_view text) {
  std::int64_t exponent = 0;
  const std::size_t e = text.find_first_of("eE");
  if (e != std::string_view::npos) {
    // Saturate: only the sign of the magnitude matters here.
    std::string_view digits = text.substr(e + 1);
    bool negative = false;
    if (!digits.empty() && (digits[0] == '+' || digits[0] == '-')) {
      negative = digits[0] == '-';
      digits.remove_prefix(1);
    }
    constexpr std::int64_t kSaturated = std::int64_t{1} << 40;
    for (const char c : digits)
      exponent = std::min<std::int64_t>(exponent * 10 + (c - '0'), kSaturated);
    if (negative) exponent = -exponent;
  }
  const std::string_view mantissa = text.substr(0, e);
  const std::size_t point = std::min(mantissa.find('.'), mantissa.size());
  const std::size_t first = mantissa.find_first_of("123456789");
  if (first == std::string_view::npos) return 0;
  const std::int64_t magnitude = first < point ? static_cast<std::int64_t>(point - first)
                                               : -static_cast<std::int64_t>(first - point - 1);
  return magnitude + exponent > 0 ? std::numeric_limits<double>::infinity() : 0.0;
}

}  // namespace

double parse(std::string_view literal) {
  double value = 0;
  const auto result = std::from_chars(literal.data(), literal.data() + literal.size(), value,
                                      std::chars_format::general);
  if (result.ec == std::errc::result_out_of_range) return out_of_range(literal);
  if (result.ec != std::errc() || result.ptr != literal.data() + literal.size())
    return std::numeric_limits<double>::quiet_NaN();
  return value;
}

std::string_view shortest_scientific(double positive, ScientificText& out) {
  const auto result =
      std::to_chars(out.data(), out.data() + out.size(), positive, std::chars_format::scientific);
  return {out.data(), static_cast<std::size_t>(result.ptr - out.data())};
}

}  // namespace cohort::decimal
