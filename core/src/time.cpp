#include "cohort/time.hpp"

#include <cmath>
#include <limits>

namespace cohort {
namespace {

// Days from 1970-01-01 to the given proleptic Gregorian date, by counting
// 400-year eras (each 146097 days) from 0000-03-01 so February comes last.
constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

constexpr bool is_leap(std::int64_t y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

unsigned days_in_month(std::int64_t y, unsigned m) {
  constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// A cursor over the text that reads fixed-width decimal fields.
struct Reader {
  std::string_view text;
  std::size_t pos = 0;

  bool done() const { return pos == text.size(); }
  bool peek(char c) const { return pos < text.size() && text[pos] == c; }
  bool eat(char c) {
    if (!peek(c)) return false;
    ++pos;
    return true;
  }
  std::optional<unsigned> digits(std::size_t count) {
    if (text.size() - pos < count) return std::nullopt;
    unsigned value = 0;
    for (std::size_t i = 0; i < count; ++i) {
      const char c = text[pos + i];
      if (c < '0' || c > '9') return std::nullopt;
      value = value * 10 + static_cast<unsigned>(c - '0');
    }
    pos += count;
    return value;
  }
};

}  // namespace

std::optional<EpochMs> parse_iso8601(std::string_view text) {
  Reader r{text};
  const auto year = r.digits(4);
  if (!year || !r.eat('-')) return std::nullopt;
  const auto month = r.digits(2);
  if (!month || *month < 1 || *month > 12 || !r.eat('-')) return std::nullopt;
  const auto day = r.digits(2);
  if (!day || *day < 1 || *day > days_in_month(*year, *month)) return std::nullopt;

  std::int64_t ms = days_from_civil(*year, *month, *day) * 86'400'000;
  if (r.done()) return ms;
  if (!r.eat('T') && !r.eat('t') && !r.eat(' ')) return std::nullopt;

  const auto hour = r.digits(2);
  if (!hour || *hour > 23 || !r.eat(':')) return std::nullopt;
  const auto minute = r.digits(2);
  if (!minute || *minute > 59) return std::nullopt;
  unsigned second = 0;
  unsigned millis = 0;
  if (r.eat(':')) {
    const auto s = r.digits(2);
    if (!s || *s > 59) return std::nullopt;
    second = *s;
    if (r.eat('.') || r.eat(',')) {
      // Keep milliseconds; finer digits are read and dropped.
      std::size_t count = 0;
      while (!r.done() && r.text[r.pos] >= '0' && r.text[r.pos] <= '9') {
        if (count < 3) millis = millis * 10 + static_cast<unsigned>(r.text[r.pos] - '0');
        ++count;
        ++r.pos;
      }
      if (count == 0) return std::nullopt;
      for (; count < 3; ++count) millis *= 10;
    }
  }
  ms += ((*hour * 60 + *minute) * 60 + second) * std::int64_t{1000} + millis;

  if (r.done() || r.eat('Z') || r.eat('z')) return r.done() ? std::optional(ms) : std::nullopt;
  const bool east = r.peek('+');
  if (!r.eat('+') && !r.eat('-')) return std::nullopt;
  const auto off_h = r.digits(2);
  if (!off_h || *off_h > 23) return std::nullopt;
  r.eat(':');
  const auto off_m = r.digits(2);
  if (!off_m || *off_m > 59 || !r.done()) return std::nullopt;
  const std::int64_t offset = (*off_h * 60 + *off_m) * std::int64_t{60'000};
  return east ? ms - offset : ms + offset;
}

std::optional<EpochMs> parse_timestamp(const Json& value) {
  // Outside ECMAScript's time range (±8.64e15 ms) a number cannot be a date
  // anyone means.
  constexpr EpochMs kMaxMs = 8'640'000'000'000'000;
  if (value.is_string()) return parse_iso8601(value.get_ref<const std::string&>());
  if (value.is_number_unsigned()) {
    // Checked as unsigned: above INT64_MAX a signed read would wrap.
    const auto u = value.get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(kMaxMs)) return std::nullopt;
    return static_cast<EpochMs>(u);
  }
  if (value.is_number_integer()) {
    const auto i = value.get<std::int64_t>();
    if (i > kMaxMs || i < -kMaxMs) return std::nullopt;
    return i;
  }
  if (value.is_number_float()) {
    const double d = value.get<double>();
    if (!std::isfinite(d) || std::fabs(d) > 8.64e15) return std::nullopt;
    return static_cast<EpochMs>(d);
  }
  return std::nullopt;
}

std::optional<EpochMs> parse_timestamp(Value value) {
  if (value.is_string()) return parse_iso8601(value.string());
  if (!value.is_number()) return std::nullopt;
  const double d = value.number();
  if (!std::isfinite(d) || std::fabs(d) > 8.64e15) return std::nullopt;
  return static_cast<EpochMs>(d);
}

}  // namespace cohort
