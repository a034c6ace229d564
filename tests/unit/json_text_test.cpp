// parse_json_text: bounded JSON parsing (SPEC §8: never unbounded memory,
// never a crash on hostile input; errors are precise).

#include "cohort/json/json_text.hpp"

#include <gtest/gtest.h>

#include <string>

#include "cohort/json/value_json.hpp"

namespace cohort {
namespace {

using std::string_view_literals::operator""sv;

constexpr std::size_t kBig = 64u << 20;

std::optional<Json> parse(std::string_view text, std::size_t max_bytes, std::size_t max_depth,
                          Error& error) {
  return parse_json_text(text, max_bytes, max_depth, error);
}

TEST(JsonTextTest, ParsesValidDocumentsKeepingKeyOrder) {
  Error error;
  const auto value = parse(R"({"b": 1, "a": [true, null, "x"], "c": {"z": 1.5}})", kBig, 64, error);
  ASSERT_TRUE(value.has_value()) << error.describe();
  ASSERT_TRUE(value->is_object());
  // Json is ordered: keys come back as written.
  auto it = value->begin();
  EXPECT_EQ(it.key(), "b");
  EXPECT_EQ((++it).key(), "a");
  EXPECT_EQ((++it).key(), "c");
  EXPECT_EQ((*value)["a"], Json::array({true, nullptr, "x"}));
  EXPECT_EQ((*value)["c"]["z"], 1.5);
  EXPECT_EQ(error, Error{});
}

TEST(JsonTextTest, ScalarsAndEmptyContainersParse) {
  Error error;
  EXPECT_EQ(parse("1", kBig, 0, error), Json(1));
  EXPECT_EQ(parse("\"s\"", kBig, 0, error), Json("s"));
  EXPECT_EQ(parse("null", kBig, 0, error), Json(nullptr));
  EXPECT_EQ(parse("[]", kBig, 1, error), Json::array());
  EXPECT_EQ(parse("{}", kBig, 1, error), Json::object());
}

TEST(JsonTextTest, SizeLimitIsInclusive) {
  const std::string text = R"({"a": 1})";  // 8 bytes
  ASSERT_EQ(text.size(), 8u);
  Error error;
  EXPECT_TRUE(parse(text, 8, 64, error).has_value());
  EXPECT_FALSE(parse(text, 7, 64, error).has_value());
  EXPECT_EQ(error.path, "");
  EXPECT_EQ(error.message, "document is 8 bytes; the limit is 7");
}

TEST(JsonTextTest, OversizedTextIsRefusedBeforeParsing) {
  // 10 MB of garbage over a 1 MB limit: refused on size, not parsed.
  const std::string text(10'000'000, 'x');
  Error error;
  EXPECT_FALSE(parse(text, 1'000'000, 64, error).has_value());
  EXPECT_EQ(error.message, "document is 10000000 bytes; the limit is 1000000");
}

TEST(JsonTextTest, DepthLimitIsInclusive) {
  // 64 nested arrays parse; 65 are refused.
  const std::string ok = std::string(64, '[') + std::string(64, ']');
  const std::string deep = std::string(65, '[') + std::string(65, ']');
  Error error;
  EXPECT_TRUE(parse(ok, kBig, 64, error).has_value());
  EXPECT_FALSE(parse(deep, kBig, 64, error).has_value());
  EXPECT_EQ(error.path, "");
  // The 65th "[" is the 65th byte.
  EXPECT_EQ(error.message, "nesting deeper than 64 levels at byte 65");
}

TEST(JsonTextTest, ObjectsAndArraysBothCountTowardsDepth) {
  // {"a":[{"b":[1]}]} is 4 levels deep.
  const std::string text = R"({"a":[{"b":[1]}]})";
  Error error;
  EXPECT_TRUE(parse(text, kBig, 4, error).has_value());
  EXPECT_FALSE(parse(text, kBig, 3, error).has_value());
  // Levels 1..3 open at bytes 1, 6 and 7 (1-based); the 4th "[" is byte 12.
  EXPECT_EQ(error.message, "nesting deeper than 3 levels at byte 12");
}

TEST(JsonTextTest, SiblingsDoNotAddUp) {
  // Many sibling containers at depth 2: depth is what is open, not a count.
  std::string text = "[";
  for (int i = 0; i < 10'000; ++i) text += i ? ",[]" : "[]";
  text += "]";
  Error error;
  const auto value = parse(text, kBig, 2, error);
  ASSERT_TRUE(value.has_value()) << error.describe();
  EXPECT_EQ(value->size(), 10'000u);
}

TEST(JsonTextTest, AMillionOpenBracketsAreRefusedWithoutACrash) {
  const std::string arrays(1'000'000, '[');
  Error error;
  EXPECT_FALSE(parse(arrays, kBig, 64, error).has_value());
  EXPECT_EQ(error.message, "nesting deeper than 64 levels at byte 65");

  // The same with objects: {"a":{"a":{"a":...
  std::string objects;
  for (int i = 0; i < 200'000; ++i) objects += R"({"a":)";
  EXPECT_FALSE(parse(objects, kBig, 64, error).has_value());
  // Each level is 5 bytes; the 65th "{" starts at byte 64 * 5 + 1 = 321.
  EXPECT_EQ(error.message, "nesting deeper than 64 levels at byte 321");

  // Even with a generous depth limit nothing recurses without bound:
  // closed properly, 10,000 levels parse or are refused, never crash.
  const std::string closed = std::string(10'000, '[') + std::string(10'000, ']');
  EXPECT_FALSE(parse(closed, kBig, 9'999, error).has_value());
}

TEST(JsonTextTest, BracketsInsideStringsDoNotCount) {
  // One level of nesting holding a string full of brackets.
  const std::string text = "[\"" + std::string(100'000, '[') + std::string(100'000, '{') + "\"]";
  Error error;
  const auto value = parse(text, kBig, 1, error);
  ASSERT_TRUE(value.has_value()) << error.describe();
  EXPECT_EQ((*value)[0].get_ref<const std::string&>().size(), 200'000u);
}

TEST(JsonTextTest, EscapedQuotesDoNotEndAString) {
  // ["\"[[[[", "\\"] : an escaped quote keeps the string open, and an escaped
  // backslash before the closing quote does not escape it.
  const std::string text = R"(["\"[[[[", "\\", "[[[["])";
  Error error;
  const auto value = parse(text, kBig, 1, error);
  ASSERT_TRUE(value.has_value()) << error.describe();
  EXPECT_EQ((*value)[0], "\"[[[[");
  EXPECT_EQ((*value)[1], "\\");
  EXPECT_EQ((*value)[2], "[[[[");
  // Brackets after a string has closed count again.
  EXPECT_FALSE(parse(R"(["\\", [[1]]])", kBig, 2, error).has_value());
}

TEST(JsonTextTest, InvalidJsonNamesTheByteOffset) {
  Error error;
  // {"a": } : the "}" where a value should be is the 7th byte.
  EXPECT_FALSE(parse(R"({"a": })", kBig, 64, error).has_value());
  EXPECT_EQ(error.path, "");
  EXPECT_NE(error.message.find("invalid JSON at byte 7"), std::string::npos) << error.message;

  // [1,,2] : the second "," is the 4th byte.
  EXPECT_FALSE(parse("[1,,2]", kBig, 64, error).has_value());
  EXPECT_NE(error.message.find("invalid JSON at byte 4"), std::string::npos) << error.message;

  // [1, 2 : input ends after 5 bytes; the missing "]" would be the 6th.
  EXPECT_FALSE(parse("[1, 2", kBig, 64, error).has_value());
  EXPECT_NE(error.message.find("invalid JSON at byte 6"), std::string::npos) << error.message;
}

TEST(JsonTextTest, HostileTextIsRefused) {
  Error error;
  for (const std::string_view text :
       {""sv, " "sv, "garbage"sv, "]"sv, "}}}}"sv, "{\"a\":1}x"sv, "[1]\0"sv, "\"\xff\""sv,
        "{\"a\" 1}"sv, "[1,]"sv, "NaN"sv, "'single'"sv, "\"unterminated"sv, "\"\\u12\""sv}) {
    error = {};
    EXPECT_FALSE(parse(text, kBig, 64, error).has_value()) << text;
    EXPECT_EQ(error.path, "");
    EXPECT_NE(error.message.find("byte"), std::string::npos) << error.message;
  }
}

TEST(JsonTextTest, ANulByteDoesNotHideTheRestOfTheText) {
  // nlohmann alone stops at a NUL and would accept this as [1], silently
  // dropping the rest; a raw NUL is never valid JSON. It is the 4th byte.
  Error error;
  EXPECT_FALSE(parse("[1]\0{\"experiments\": []}"sv, kBig, 64, error).has_value());
  EXPECT_EQ(error.message, "invalid JSON at byte 4: a NUL byte");
  EXPECT_FALSE(parse("\0"sv, kBig, 64, error).has_value());
  EXPECT_EQ(error.message, "invalid JSON at byte 1: a NUL byte");
  // Escaped, it is an ordinary character of a string.
  const auto value = parse(R"(["a\u0000b"])", kBig, 64, error);
  ASSERT_TRUE(value.has_value()) << error.describe();
  EXPECT_EQ((*value)[0], "a\0b"sv);
}

TEST(JsonTextTest, NumbersNoDoubleCanHoldAreErrorsNotAborts) {
  // nlohmann reports these as out_of_range 406; the lexer's token is the
  // offending text. Byte offsets count from 1: in {"a": [1, 2, {"n": 1e309}]}
  // the number's last byte is the 24th.
  Error error;
  EXPECT_FALSE(parse(R"({"a": [1, 2, {"n": 1e309}]})", kBig, 64, error).has_value());
  EXPECT_EQ(error.path, "/a/2/n");
  EXPECT_EQ(error.message, "number out of range at byte 24: '1e309' does not fit a double");

  EXPECT_FALSE(parse("[-77e7777]", kBig, 64, error).has_value());
  EXPECT_EQ(error.path, "/0");
  EXPECT_NE(error.message.find("'-77e7777' does not fit a double"), std::string::npos)
      << error.message;

  // A 5,001-digit integer overflows every integer type, then double: it is
  // shown shortened, with its length.
  const std::string digits(5001, '9');
  EXPECT_FALSE(parse(R"({"a~b/c": )" + digits + "}", kBig, 64, error).has_value());
  EXPECT_EQ(error.path, "/a~0b~1c");  // RFC 6901 escaping
  EXPECT_NE(error.message.find("(5001 characters) does not fit a double"), std::string::npos)
      << error.message;
  EXPECT_LT(error.message.size(), 200u);

  // At the top level there is no path.
  EXPECT_FALSE(parse("1e400", kBig, 64, error).has_value());
  EXPECT_EQ(error.path, "");

  // Underflow is not an error (JavaScript gives 0 too), nor is the largest double.
  const auto small = parse("[1e-400, 1.7976931348623157e308]", kBig, 64, error);
  ASSERT_TRUE(small.has_value()) << error.describe();
  EXPECT_EQ((*small)[0].get<double>(), 0.0);
}

TEST(JsonTextTest, UnbalancedClosersDoNotUnderflowDepth) {
  // Extra closers must not let later openers slip under the limit.
  Error error;
  const std::string text = std::string(10, ']') + std::string(3, '[');
  EXPECT_FALSE(parse(text, kBig, 2, error).has_value());
  EXPECT_NE(error.message.find("nesting deeper than 2 levels"), std::string::npos) << error.message;
}

}  // namespace
}  // namespace cohort

namespace cohort {
namespace {

TEST(JsonTextTest, DuplicateKeysAreWarningsNamingTheKeyAndTheLastValueWins) {
  Error error;
  Errors warnings;
  const auto value =
      parse_json_text(R"({"a": 1, "b": {"c": 1, "c": 2}, "a": 3})", 1 << 10, 8, error, &warnings);
  ASSERT_TRUE(value.has_value()) << error.describe();
  EXPECT_EQ((*value)["a"], 3);
  EXPECT_EQ((*value)["b"]["c"], 2);
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings[0], (Error{"/b/c", "duplicate key: the last value given is used"}));
  EXPECT_EQ(warnings[1], (Error{"/a", "duplicate key: the last value given is used"}));
}

TEST(JsonTextTest, SyntaxErrorsNameTheLineAndColumn) {
  Error error;
  EXPECT_FALSE(parse_json_text("{\n  \"a\": 1,\n  \"b\": }", 1 << 10, 8, error).has_value());
  // The "}" is byte 20: line 3, column 8.
  EXPECT_NE(error.message.find("invalid JSON at byte 20 (line 3, column 8)"), std::string::npos)
      << error.message;
}

// --- parse_json_text_encoded --------------------------------------------------
// Straight into the value encoding: the same bytes as encoding the DOM the
// other parse builds (encode_json), the same errors and warnings.

std::string via_dom(std::string_view text, Errors* warnings = nullptr) {
  Error error;
  const auto value = parse_json_text(text, kBig, 64, error, warnings);
  EXPECT_TRUE(value.has_value()) << error.describe();
  return value ? encode_json(*value) : std::string();
}

std::string direct(std::string_view text, Errors* warnings = nullptr) {
  Error error;
  const auto encoded = parse_json_text_encoded(text, kBig, 64, error, warnings);
  EXPECT_TRUE(encoded.has_value()) << error.describe();
  return encoded.value_or(std::string());
}

TEST(JsonTextEncodedTest, WritesWhatEncodingTheDomWrites) {
  for (
      const std::string_view text : {
          R"({"b": 1, "a": [true, null, "x"], "c": {"z": 1.5}})"sv,
          "[]"sv,
          "{}"sv,
          "null"sv,
          "\"\\u00e9\\ud83d\\ude00 caf\xc3\xa9\""sv,
          "[0, -0, 0.1, 1e21, 1e-7, -12.5e-3, 9007199254740993, 18446744073709551615, -9223372036854775808]"sv,
          R"([[], [[]], {"": {"": []}}, [{}, {}, {"a": [1, {"b": null}]}]])"sv,
          R"({"experiments": [{"name": "e", "variants": ["control", "a"], "weights": [1, 3]}]})"sv,
      }) {
    EXPECT_EQ(direct(text), via_dom(text)) << text;
  }
}

TEST(JsonTextEncodedTest, ADuplicateKeyKeepsTheLastValueAndWarns) {
  for (const std::string_view text : {
           R"({"a": 1, "b": 2, "a": 3})"sv,
           R"({"a": [1, 2, {"x": 1}], "b": {"c": 1, "c": [2]}, "a": "last", "d": 4})"sv,
           R"({"a": 1, "a": 2, "a": 3, "b": 1, "b": {}})"sv,
           R"([{"k": 1, "k": 2}, {"k": 3}])"sv,
       }) {
    Errors from_dom;
    Errors from_direct;
    EXPECT_EQ(direct(text, &from_direct), via_dom(text, &from_dom)) << text;
    EXPECT_EQ(from_direct, from_dom) << text;
    EXPECT_FALSE(from_direct.empty()) << text;
  }
  // Read back: the last value, and one member per key.
  const std::string encoded = direct(R"({"a": 1, "b": 2, "a": 3})");
  const Value value(reinterpret_cast<const unsigned char*>(encoded.data()));
  EXPECT_EQ(value.size(), 2U);
  EXPECT_EQ(value.find("a").number(), 3);
  EXPECT_EQ(value.find("b").number(), 2);
}

TEST(JsonTextEncodedTest, RefusesWhatTheOtherParseRefusesWithTheSameError) {
  for (const std::string_view text :
       {"{\"a\": }"sv, "[1, 2"sv, "1e309"sv, "[\"\xff\"]"sv,
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["sv,
        "{\"a\": 1}\0{"sv}) {
    Error from_dom;
    Error from_direct;
    EXPECT_FALSE(parse_json_text(text, kBig, 64, from_dom).has_value());
    EXPECT_FALSE(parse_json_text_encoded(text, kBig, 64, from_direct).has_value());
    EXPECT_EQ(from_direct, from_dom) << text;
  }
}

}  // namespace
}  // namespace cohort
