// parse_iso8601 and parse_timestamp (SPEC §2 `enrollment`: ISO-8601 or epoch
// milliseconds, explicit offsets honoured, naive times UTC).
//
// Expected values come from Python 3's standard library, with
//   from datetime import datetime, timezone, timedelta
//   def ms(s):
//       d = datetime.fromisoformat(s)
//       if d.tzinfo is None: d = d.replace(tzinfo=timezone.utc)
//       return (d - datetime(1970, 1, 1, tzinfo=timezone.utc)) // timedelta(milliseconds=1)
// and the expression is written next to each value.

#include "cohort/time.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

namespace cohort {
namespace {

using std::string_view_literals::operator""sv;

TEST(ParseIso8601Test, DateOnlyIsUtcMidnight) {
  EXPECT_EQ(parse_iso8601("1970-01-01"), 0);                // ms("1970-01-01")
  EXPECT_EQ(parse_iso8601("2020-01-01"), 1577836800000);    // ms("2020-01-01")
  EXPECT_EQ(parse_iso8601("2000-02-29"), 951782400000);     // ms("2000-02-29")
  EXPECT_EQ(parse_iso8601("9999-12-31"), 253402214400000);  // ms("9999-12-31")
}

TEST(ParseIso8601Test, DateTimesWithAndWithoutSeconds) {
  EXPECT_EQ(parse_iso8601("2020-01-01T10:00"), 1577872800000);     // ms("2020-01-01T10:00")
  EXPECT_EQ(parse_iso8601("2020-01-01T10:00:00"), 1577872800000);  // ms("2020-01-01T10:00:00")
  // A space or a lowercase "t" separates date and time as well.
  EXPECT_EQ(parse_iso8601("2020-01-01 10:00:00"), 1577872800000);
  EXPECT_EQ(parse_iso8601("2020-01-01t10:00:00"), 1577872800000);
  // ms("9999-12-31T23:59:59.999+00:00")
  EXPECT_EQ(parse_iso8601("9999-12-31T23:59:59.999Z"), 253402300799999);
}

TEST(ParseIso8601Test, FractionsKeepMilliseconds) {
  // ms("2020-01-01T10:00:00.250+00:00") == 1577872800250
  EXPECT_EQ(parse_iso8601("2020-01-01T10:00:00.250Z"), 1577872800250);
  // One or two digits are tenths and hundredths: .2 == .20 == .200.
  EXPECT_EQ(parse_iso8601("2020-01-01T10:00:00.2Z"), 1577872800200);
  EXPECT_EQ(parse_iso8601("2020-01-01T10:00:00.20Z"), 1577872800200);
  // A comma is ISO-8601's other decimal sign.
  EXPECT_EQ(parse_iso8601("2020-01-01T10:00:00,1Z"), 1577872800100);
  // Digits finer than a millisecond are dropped (truncated, not rounded):
  // ms("2020-01-01T10:00:00.999999+00:00") == 1577872800999
  EXPECT_EQ(parse_iso8601("2020-01-01T10:00:00.999999Z"), 1577872800999);
  // A decimal sign needs at least one digit.
  EXPECT_EQ(parse_iso8601("2020-01-01T10:00:00.Z"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2020-01-01T10:00:00."), std::nullopt);
}

TEST(ParseIso8601Test, ZuluAndNaiveTimesAreUtc) {
  EXPECT_EQ(parse_iso8601("2020-01-01T00:00:00Z"), 1577836800000);
  EXPECT_EQ(parse_iso8601("2020-01-01T00:00:00z"), 1577836800000);
  EXPECT_EQ(parse_iso8601("2020-01-01T00:00:00"), 1577836800000);
  EXPECT_EQ(parse_iso8601("2020-01-01T00:00:00+00:00"), 1577836800000);
  EXPECT_EQ(parse_iso8601("2020-01-01T00:00:00-00:00"), 1577836800000);
}

TEST(ParseIso8601Test, OffsetsWithAndWithoutColon) {
  // ms("2020-01-01 10:00:00+02:00") == 1577865600000
  EXPECT_EQ(parse_iso8601("2020-01-01 10:00:00+02:00"), 1577865600000);
  EXPECT_EQ(parse_iso8601("2020-01-01 10:00:00+0200"), 1577865600000);
  // ms("2020-01-01T00:00:00-05:30") == 1577856600000
  EXPECT_EQ(parse_iso8601("2020-01-01T00:00:00-05:30"), 1577856600000);
  EXPECT_EQ(parse_iso8601("2020-01-01T00:00:00-0530"), 1577856600000);
  // ms("2020-06-15T12:34:56.789+01:00") == 1592220896789
  EXPECT_EQ(parse_iso8601("2020-06-15T12:34:56.789+01:00"), 1592220896789);
  // An offset on a time without seconds.
  EXPECT_EQ(parse_iso8601("2020-01-01T10:00+02:00"), 1577865600000);
  // Out-of-range or truncated offsets.
  EXPECT_EQ(parse_iso8601("2020-01-01T10:00:00+24:00"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2020-01-01T10:00:00+02:60"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2020-01-01T10:00:00+02:0"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2020-01-01T10:00:00+020"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2020-01-01T10:00:00+"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2020-01-01T10:00:00Z+02:00"), std::nullopt);
}

TEST(ParseIso8601Test, LeapDays) {
  // ms("2024-02-29") == 1709164800000; ms("2024-02-29T23:59:59.999+00:00") == 1709251199999
  EXPECT_EQ(parse_iso8601("2024-02-29"), 1709164800000);
  EXPECT_EQ(parse_iso8601("2024-02-29T23:59:59.999Z"), 1709251199999);
  // 2000 is divisible by 400 (leap); 2023 is not divisible by 4 and 1900 is
  // divisible by 100 but not 400 (neither is leap).
  EXPECT_TRUE(parse_iso8601("2000-02-29").has_value());
  EXPECT_EQ(parse_iso8601("2023-02-29"), std::nullopt);
  EXPECT_EQ(parse_iso8601("1900-02-29"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2024-02-30"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2024-04-31"), std::nullopt);
  EXPECT_TRUE(parse_iso8601("2024-12-31").has_value());
}

TEST(ParseIso8601Test, YearsBefore1970AreNegative) {
  EXPECT_EQ(parse_iso8601("1969-12-31"), -86400000);  // ms("1969-12-31")
  // ms("1969-12-31T23:59:59.999+00:00") == -1
  EXPECT_EQ(parse_iso8601("1969-12-31T23:59:59.999Z"), -1);
  EXPECT_EQ(parse_iso8601("1900-01-01"), -2208988800000);   // ms("1900-01-01")
  EXPECT_EQ(parse_iso8601("0001-01-01"), -62135596800000);  // ms("0001-01-01")
  // An offset that moves a time across the epoch:
  // ms("1970-01-01T00:30:00+01:00") == -1800000
  EXPECT_EQ(parse_iso8601("1970-01-01T00:30:00+01:00"), -1800000);
}

TEST(ParseIso8601Test, OutOfRangeFieldsAreRejected) {
  EXPECT_EQ(parse_iso8601("2020-13-01"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2020-00-10"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2020-01-00"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2020-01-32"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2020-01-01T24:00:00Z"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2020-01-01T10:60:00Z"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2020-01-01T10:00:60Z"), std::nullopt);  // no leap seconds
}

TEST(ParseIso8601Test, HostileStringsAreRejected) {
  EXPECT_EQ(parse_iso8601(""), std::nullopt);
  EXPECT_EQ(parse_iso8601("garbage"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2020"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2020-1-1"), std::nullopt);
  EXPECT_EQ(parse_iso8601("20200101"), std::nullopt);
  EXPECT_EQ(parse_iso8601("+2020-01-01"), std::nullopt);
  EXPECT_EQ(parse_iso8601("-0001-01-01"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2020-01-01T"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2020-01-01T10"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2020-01-01T10:0"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2020-01-01T10:00:0"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2020-01-01X10:00"), std::nullopt);
  EXPECT_EQ(parse_iso8601(" 2020-01-01"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2020-01-01 "), std::nullopt);
  EXPECT_EQ(parse_iso8601("２０２０-01-01"), std::nullopt);  // full-width digits
  // Trailing junk after each kind of ending.
  EXPECT_EQ(parse_iso8601("2020-01-01junk"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2020-01-01T10:00junk"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2020-01-01T10:00:00Zjunk"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2020-01-01T10:00:00+02:00junk"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2020-01-01T10:00:00.5junk"), std::nullopt);
  // An embedded NUL is a character like any other: trailing junk.
  EXPECT_EQ(parse_iso8601("2020-01-01\0"sv), std::nullopt);
  EXPECT_EQ(parse_iso8601("2020-01-01T10:00:00Z\0"sv), std::nullopt);
  EXPECT_EQ(parse_iso8601("2020\0-01-01"sv), std::nullopt);
  // A view that stops in the middle of the text is read no further.
  const std::string_view cut = std::string_view("2020-01-01T10:00:00Z").substr(0, 12);
  EXPECT_EQ(parse_iso8601(cut), std::nullopt);
}

TEST(ParseIso8601Test, OverlongFractionsAreBoundedAndTruncated) {
  // 100,000 fraction digits: read in one pass, only the first three count.
  std::string text = "2020-01-01T10:00:00.";
  text.append(100'000, '9');
  text += 'Z';
  EXPECT_EQ(parse_iso8601(text), 1577872800999);
  text.back() = 'x';
  EXPECT_EQ(parse_iso8601(text), std::nullopt);
}

TEST(ParseTimestampTest, StringsAreIso8601) {
  EXPECT_EQ(parse_timestamp(Json("2020-01-01T00:00:00Z")), 1577836800000);
  EXPECT_EQ(parse_timestamp(Json("2020-13-01")), std::nullopt);
  EXPECT_EQ(parse_timestamp(Json("")), std::nullopt);
  // Digits in a string are not epoch milliseconds.
  EXPECT_EQ(parse_timestamp(Json("1577836800000")), std::nullopt);
}

TEST(ParseTimestampTest, IntegersAreEpochMilliseconds) {
  EXPECT_EQ(parse_timestamp(Json(0)), 0);
  EXPECT_EQ(parse_timestamp(Json(1577836800000)), 1577836800000);
  EXPECT_EQ(parse_timestamp(Json(-86400000)), -86400000);
  // Parsed from text, a positive integer is stored unsigned.
  EXPECT_EQ(parse_timestamp(Json::parse("1577836800000")), 1577836800000);
  EXPECT_EQ(parse_timestamp(Json(std::uint64_t{1577836800000})), 1577836800000);
}

TEST(ParseTimestampTest, FloatsAreTruncatedTowardZero) {
  EXPECT_EQ(parse_timestamp(Json(1577836800000.0)), 1577836800000);
  EXPECT_EQ(parse_timestamp(Json(1577836800000.75)), 1577836800000);
  // As JavaScript's TimeClip: new Date(-1.5).getTime() === -1.
  EXPECT_EQ(parse_timestamp(Json(-1.5)), -1);
  EXPECT_EQ(parse_timestamp(Json::parse("1.5e12")), 1500000000000);
}

TEST(ParseTimestampTest, HugeNumbersAreRejectedWithoutOverflow) {
  // The ECMAScript time range, ±8.64e15 ms (±100,000,000 days), is the edge.
  EXPECT_EQ(parse_timestamp(Json(8.64e15)), 8'640'000'000'000'000);
  EXPECT_EQ(parse_timestamp(Json(-8.64e15)), -8'640'000'000'000'000);
  EXPECT_EQ(parse_timestamp(Json(std::int64_t{8'640'000'000'000'000})), 8'640'000'000'000'000);
  EXPECT_EQ(parse_timestamp(Json(8.7e15)), std::nullopt);
  EXPECT_EQ(parse_timestamp(Json(1e300)), std::nullopt);
  EXPECT_EQ(parse_timestamp(Json(-1e300)), std::nullopt);
  EXPECT_EQ(parse_timestamp(Json(std::numeric_limits<double>::infinity())), std::nullopt);
  EXPECT_EQ(parse_timestamp(Json(std::numeric_limits<double>::quiet_NaN())), std::nullopt);
  // Integers beyond that range are not dates either, and an unsigned value
  // above INT64_MAX must not wrap round to a negative time.
  EXPECT_EQ(parse_timestamp(Json(std::int64_t{8'640'000'000'000'001})), std::nullopt);
  EXPECT_EQ(parse_timestamp(Json(std::numeric_limits<std::int64_t>::max())), std::nullopt);
  EXPECT_EQ(parse_timestamp(Json(std::numeric_limits<std::int64_t>::min())), std::nullopt);
  EXPECT_EQ(parse_timestamp(Json(std::numeric_limits<std::uint64_t>::max())), std::nullopt);
  EXPECT_EQ(parse_timestamp(Json(std::uint64_t{1} << 63)), std::nullopt);
  EXPECT_EQ(parse_timestamp(Json::parse("18446744073709551615")), std::nullopt);
  EXPECT_EQ(parse_timestamp(Json::parse("9223372036854775808")), std::nullopt);
  // Beyond uint64, nlohmann stores a double: rejected by the float range.
  EXPECT_EQ(parse_timestamp(Json::parse("99999999999999999999999")), std::nullopt);
}

TEST(ParseTimestampTest, OtherTypesAreRejected) {
  EXPECT_EQ(parse_timestamp(Json(nullptr)), std::nullopt);
  EXPECT_EQ(parse_timestamp(Json(true)), std::nullopt);
  EXPECT_EQ(parse_timestamp(Json::array({1577836800000})), std::nullopt);
  EXPECT_EQ(parse_timestamp(Json::object({{"ms", 1}})), std::nullopt);
  EXPECT_EQ(parse_timestamp(Json::binary({1, 2, 3})), std::nullopt);
}

}  // namespace
}  // namespace cohort
