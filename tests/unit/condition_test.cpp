#include "cohort/conditions/condition.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "cohort/conditions/re2_regex_engine.hpp"
#include "cohort/json/value_json.hpp"

namespace cohort {
namespace {

const Re2RegexEngine kRegex;

// Saved groups, encoded as the definitions loader holds them.
const std::string kGroups =
    encode_json(Json::parse(R"({"admins": [1, "2", null], "beta": ["x"], "broken": 7})"));

ConditionOptions options() {
  ConditionOptions o;
  o.regex = &kRegex;
  o.saved_groups = Value(reinterpret_cast<const unsigned char*>(kGroups.data()));
  return o;
}

// Compiles `condition` (JSON text) and evaluates it against `attributes`.
bool eval(const std::string& condition, const std::string& attributes, Errors* errors = nullptr) {
  Errors local;
  const Condition c = Condition::compile(Json::parse(condition), options(), "", local);
  if (errors != nullptr) *errors = local;
  return c.matches(Json::parse(attributes));
}

// As eval, and also expects the condition to compile cleanly.
bool clean(const std::string& condition, const std::string& attributes) {
  Errors errors;
  const bool result = eval(condition, attributes, &errors);
  EXPECT_TRUE(errors.empty()) << condition << ": " << errors.front().describe();
  return result;
}

Errors errors_of(const std::string& condition, const std::string& path = "/c") {
  Errors errors;
  Condition::compile(Json::parse(condition), options(), path, errors);
  return errors;
}

TEST(ConditionTest, DefaultMatchesEverything) {
  Condition c;
  EXPECT_TRUE(c.matches(Json::object()));
  EXPECT_TRUE(c.matches(Json()));
  const Condition moved = std::move(c);
  EXPECT_TRUE(moved.matches(Json::object()));
}

TEST(ConditionTest, LogicalOperators) {
  EXPECT_TRUE(clean(R"({"$and": [{"a": 1}, {"b": 2}]})", R"({"a": 1, "b": 2})"));
  EXPECT_FALSE(clean(R"({"$and": [{"a": 1}, {"b": 2}]})", R"({"a": 1, "b": 3})"));
  EXPECT_TRUE(clean(R"({"$or": [{"a": 1}, {"b": 2}]})", R"({"a": 0, "b": 2})"));
  EXPECT_FALSE(clean(R"({"$or": [{"a": 1}, {"b": 2}]})", R"({"a": 0, "b": 0})"));
  EXPECT_TRUE(clean(R"({"$nor": [{"a": 1}, {"b": 2}]})", R"({"a": 0, "b": 0})"));
  EXPECT_FALSE(clean(R"({"$nor": [{"a": 1}]})", R"({"a": 1})"));
  EXPECT_TRUE(clean(R"({"$not": {"a": 1}})", R"({"a": 2})"));
  // GrowthBook: an empty $or and an empty $and pass; an empty $nor fails.
  EXPECT_TRUE(clean(R"({"$or": []})", "{}"));
  EXPECT_TRUE(clean(R"({"$and": []})", "{}"));
  EXPECT_FALSE(clean(R"({"$nor": []})", "{}"));
  EXPECT_TRUE(clean("{}", "{}"));
}

TEST(ConditionTest, LiteralsCoerceLikeJavaScript) {
  // String literal: String(value) === literal.
  EXPECT_TRUE(clean(R"({"n": "5"})", R"({"n": 5})"));
  EXPECT_TRUE(clean(R"({"n": "0.1"})", R"({"n": 0.1})"));
  EXPECT_TRUE(clean(R"({"n": "1e+21"})", R"({"n": 1e21})"));
  EXPECT_TRUE(clean(R"({"tags": "a,b"})", R"({"tags": ["a", "b"]})"));
  EXPECT_TRUE(clean(R"({"flag": "true"})", R"({"flag": true})"));
  EXPECT_TRUE(clean(R"({"x": "null"})", "{}"));
  // Number literal: value * 1 === literal (null * 1 is 0).
  EXPECT_TRUE(clean(R"({"n": 5})", R"({"n": " 5 "})"));
  EXPECT_TRUE(clean(R"({"n": 31})", R"({"n": "0x1F"})"));
  EXPECT_TRUE(clean(R"({"n": 1})", R"({"n": true})"));
  EXPECT_TRUE(clean(R"({"n": 0})", "{}"));
  EXPECT_TRUE(clean(R"({"n": 7})", R"({"n": [7]})"));
  EXPECT_FALSE(clean(R"({"n": 5})", R"({"n": "5x"})"));
  // Boolean literal: truthiness, but never for null.
  EXPECT_TRUE(clean(R"({"b": true})", R"({"b": "yes"})"));
  EXPECT_TRUE(clean(R"({"b": false})", R"({"b": 0})"));
  EXPECT_FALSE(clean(R"({"b": false})", R"({"b": null})"));
  EXPECT_TRUE(clean(R"({"b": true})", R"({"b": []})"));
  // Null literal matches null and missing.
  EXPECT_TRUE(clean(R"({"x": null})", R"({"x": null})"));
  EXPECT_TRUE(clean(R"({"x": null})", "{}"));
  EXPECT_FALSE(clean(R"({"x": null})", R"({"x": 0})"));
}

TEST(ConditionTest, LiteralArraysAndObjectsCompareAsJsonText) {
  EXPECT_TRUE(clean(R"({"t": [1, "a", null, {"k": [true]}]})",
                    R"({"t": [1.0, "a", null, {"k": [true]}]})"));
  EXPECT_FALSE(clean(R"({"t": [1, 2]})", R"({"t": [2, 1]})"));
  EXPECT_TRUE(clean(R"({"o": {}})", R"({"o": {}})"));
  EXPECT_FALSE(clean(R"({"o": {}})", R"({"o": []})"));
  // Insertion order matters for ordinary keys, as JSON.stringify shows it...
  EXPECT_FALSE(clean(R"({"o": {"a": 1, "b": 2}})", R"({"o": {"b": 2, "a": 1}})"));
  // ...but array-index keys always come first, in ascending order.
  EXPECT_TRUE(clean(R"({"o": {"a": 1, "2": 2, "1": 3}})", R"({"o": {"1": 3, "2": 2, "a": 1}})"));
  EXPECT_FALSE(clean(R"({"o": {"1": 3, "a": 1}})", R"({"o": {"1": 4, "a": 1}})"));
}

TEST(ConditionTest, EqualityIsStrict) {
  EXPECT_TRUE(clean(R"({"a": {"$eq": 5}})", R"({"a": 5.0})"));
  EXPECT_FALSE(clean(R"({"a": {"$eq": 5}})", R"({"a": "5"})"));
  EXPECT_TRUE(clean(R"({"a": {"$eq": null}})", "{}"));
  EXPECT_TRUE(clean(R"({"a": {"$ne": "x"}})", "{}"));
  EXPECT_FALSE(clean(R"({"a": {"$ne": false}})", R"({"a": false})"));
}

TEST(ConditionTest, RelationalOperatorsCompareAcrossTypes) {
  EXPECT_TRUE(clean(R"({"a": {"$gt": 5, "$lt": 10}})", R"({"a": "8"})"));
  EXPECT_TRUE(clean(R"({"a": {"$gte": "5", "$lte": "10"}})", R"({"a": 10})"));
  // Two strings compare as strings: "10" < "9".
  EXPECT_TRUE(clean(R"({"a": {"$lt": "9"}})", R"({"a": "10"})"));
  // Missing is null, which compares as 0.
  EXPECT_TRUE(clean(R"({"a": {"$lt": 1, "$gte": 0}})", "{}"));
  // NaN compares false every way.
  EXPECT_FALSE(clean(R"({"a": {"$lt": 1}})", R"({"a": "abc"})"));
  EXPECT_FALSE(clean(R"({"a": {"$gte": 1}})", R"({"a": "abc"})"));
  // Arrays become strings: [7] is "7".
  EXPECT_TRUE(clean(R"({"a": {"$gt": 6}})", R"({"a": [7]})"));
  // JS orders UTF-16 code units: an astral character sorts below U+FFFD.
  EXPECT_TRUE(clean(R"({"a": {"$lt": "\uFFFD"}})", R"({"a": "\uD83D\uDE00"})"));
}

TEST(ConditionTest, MembershipOperators) {
  EXPECT_TRUE(clean(R"({"a": {"$in": [1, "x", null]}})", R"({"a": "x"})"));
  EXPECT_TRUE(clean(R"({"a": {"$in": [1, "x", null]}})", "{}"));
  EXPECT_FALSE(clean(R"({"a": {"$in": [1]}})", R"({"a": "1"})"));
  EXPECT_TRUE(clean(R"({"a": {"$in": ["x", "y"]}})", R"({"a": ["z", "y"]})"));
  EXPECT_FALSE(clean(R"({"a": {"$in": [[1]]}})", R"({"a": [[1]]})"));
  EXPECT_TRUE(clean(R"({"a": {"$nin": ["x"]}})", R"({"a": ["y"]})"));
  EXPECT_TRUE(clean(R"({"a": {"$ini": ["Hello"]}})", R"({"a": "hELLO"})"));
  EXPECT_FALSE(clean(R"({"a": {"$nini": ["Hello", 3]}})", R"({"a": [1, "HELLO"]})"));
  EXPECT_TRUE(clean(R"({"a": {"$inGroup": "admins"}})", R"({"a": "2"})"));
  EXPECT_TRUE(clean(R"({"a": {"$inGroup": "admins"}})", "{}"));
  EXPECT_FALSE(clean(R"({"a": {"$inGroup": "admins"}})", R"({"a": 2})"));
  EXPECT_TRUE(clean(R"({"a": {"$notInGroup": "beta"}})", R"({"a": "y"})"));
  // Long lists are searched rather than scanned; same answers.
  Json many = Json::array();
  for (int i = 0; i < 50; ++i) many.push_back("Item" + std::to_string(i));
  Errors errors;
  const Condition in = Condition::compile({{"a", {{"$in", many}}}}, options(), "", errors);
  const Condition ini = Condition::compile({{"a", {{"$ini", many}}}}, options(), "", errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_TRUE(in.matches({{"a", "Item42"}}));
  EXPECT_FALSE(in.matches({{"a", "item42"}}));
  EXPECT_TRUE(ini.matches({{"a", "ITEM42"}}));
  EXPECT_FALSE(ini.matches({{"a", "ITEM50"}}));
}

TEST(ConditionTest, ArrayOperators) {
  EXPECT_TRUE(clean(R"({"t": {"$all": ["a", {"$gt": 5}]}})", R"({"t": ["a", 9]})"));
  EXPECT_FALSE(clean(R"({"t": {"$all": ["a", "b"]}})", R"({"t": ["a"]})"));
  EXPECT_TRUE(clean(R"({"t": {"$all": []}})", R"({"t": []})"));
  EXPECT_FALSE(clean(R"({"t": {"$all": []}})", R"({"t": "a"})"));
  EXPECT_TRUE(clean(R"({"t": {"$alli": ["A", "b"]}})", R"({"t": ["B", "a"]})"));
  EXPECT_TRUE(clean(R"({"t": {"$elemMatch": {"$gt": 1}}})", R"({"t": [0, 2]})"));
  EXPECT_TRUE(clean(R"({"t": {"$elemMatch": {"n": {"$regex": "^p"}}}})",
                    R"({"t": [{"n": "x"}, {"n": "pong"}]})"));
  // Falsy elements are skipped, so {"$eq": 0} never matches.
  EXPECT_FALSE(clean(R"({"t": {"$elemMatch": {"$eq": 0}}})", R"({"t": [0]})"));
  EXPECT_FALSE(clean(R"({"t": {"$elemMatch": {"$gt": 1}}})", R"({"t": 5})"));
  EXPECT_TRUE(clean(R"({"t": {"$size": 2}})", R"({"t": [0, 0]})"));
  EXPECT_TRUE(clean(R"({"t": {"$size": {"$gte": 2, "$lt": 3}}})", R"({"t": [0, 0]})"));
  EXPECT_FALSE(clean(R"({"t": {"$size": 0}})", R"({"t": ""})"));
}

TEST(ConditionTest, ExistsTypeAndNot) {
  EXPECT_TRUE(clean(R"({"a": {"$exists": true}})", R"({"a": 0})"));
  EXPECT_FALSE(clean(R"({"a": {"$exists": true}})", R"({"a": null})"));
  EXPECT_TRUE(clean(R"({"a": {"$exists": false}})", "{}"));
  EXPECT_TRUE(clean(R"({"a": {"$type": "null"}})", "{}"));
  EXPECT_TRUE(clean(R"({"a": {"$type": "array"}})", R"({"a": []})"));
  EXPECT_TRUE(clean(R"({"a": {"$type": "object"}})", R"({"a": {}})"));
  EXPECT_TRUE(clean(R"({"a": {"$type": "number"}})", R"({"a": 1.5})"));
  EXPECT_TRUE(clean(R"({"a": {"$not": {"$in": [1, 2]}}})", R"({"a": 3})"));
  EXPECT_FALSE(clean(R"({"a": {"$not": 3}})", R"({"a": "3"})"));
}

TEST(ConditionTest, RegexOperators) {
  EXPECT_TRUE(clean(R"({"ua": {"$regex": "Mobile|Tablet"}})", R"({"ua": "x Mobile y"})"));
  EXPECT_FALSE(clean(R"({"ua": {"$regex": "mobile"}})", R"({"ua": "Mobile"})"));
  EXPECT_TRUE(clean(R"({"ua": {"$regexi": "mobile"}})", R"({"ua": "MOBILE"})"));
  // The attribute goes through String(): numbers, null, arrays.
  EXPECT_TRUE(clean(R"({"n": {"$regex": "^12\\.5$"}})", R"({"n": 12.5})"));
  EXPECT_TRUE(clean(R"({"n": {"$regex": "^null$"}})", "{}"));
  EXPECT_TRUE(clean(R"({"n": {"$regex": "^a,b$"}})", R"({"n": ["a", "b"]})"));
  // GrowthBook escapes "/"; RE2 needs no escaping for it.
  EXPECT_TRUE(clean(R"({"p": {"$regex": "^/a/b"}})", R"({"p": "/a/b/c"})"));
}

TEST(ConditionTest, VersionOperators) {
  EXPECT_TRUE(clean(R"({"v": {"$vgt": "1.9.9", "$vlt": "1.10.0"}})", R"({"v": "1.9.10"})"));
  EXPECT_TRUE(clean(R"({"v": {"$veq": "v2.0.0"}})", R"({"v": "2.0.0+build.7"})"));
  EXPECT_TRUE(clean(R"({"v": {"$vlt": "1.0.0"}})", R"({"v": "1.0.0-rc.1"})"));
  EXPECT_TRUE(clean(R"({"v": {"$vgte": 2}})", R"({"v": "2"})"));
  EXPECT_TRUE(clean(R"({"v": {"$veq": "1.5"}})", R"({"v": 1.5})"));
  // A missing version pads like "0".
  EXPECT_TRUE(clean(R"({"v": {"$veq": "0"}})", "{}"));
  EXPECT_TRUE(clean(R"({"v": {"$vne": "1.0.0"}})", "{}"));
}

TEST(ConditionTest, DottedPaths) {
  EXPECT_TRUE(clean(R"({"a.b.c": 1})", R"({"a": {"b": {"c": 1}}})"));
  EXPECT_FALSE(clean(R"({"a.b.c": 1})", R"({"a": {"b": 5}})"));
  EXPECT_TRUE(clean(R"({"a.b": {"$exists": false}})", R"({"a": "b"})"));
  // JS indexes arrays by "0", "1"... and answers "length".
  EXPECT_TRUE(clean(R"({"items.1.name": "y"})", R"({"items": [{"name": "x"}, {"name": "y"}]})"));
  EXPECT_FALSE(clean(R"({"items.01": "y"})", R"({"items": ["x", "y"]})"));
  EXPECT_TRUE(clean(R"({"items.length": {"$gte": 2}})", R"({"items": ["x", "y"]})"));
  EXPECT_TRUE(clean(R"({"o.length": 3})", R"({"o": {"length": 3}})"));
  EXPECT_FALSE(clean(R"({"s.length": 3})", R"({"s": "abc"})"));
  // "$groups"-style keys are attribute names at the top level.
  EXPECT_TRUE(clean(R"({"$groups": {"$elemMatch": {"$eq": "a"}}})", R"({"$groups": ["a"]})"));
  EXPECT_TRUE(clean(R"({"": 1})", R"({"": 1})"));
}

TEST(ConditionTest, PrototypeKeysArePlainKeys) {
  EXPECT_TRUE(clean(R"({"__proto__": {"$exists": false}})", "{}"));
  EXPECT_TRUE(clean(R"({"constructor": {"$exists": false}})", "{}"));
  EXPECT_TRUE(clean(R"({"toString": {"$exists": false}})", "{}"));
  EXPECT_TRUE(clean(R"({"__proto__.admin": true})", R"({"__proto__": {"admin": true}})"));
  EXPECT_FALSE(clean(R"({"constructor.name": "Object"})", "{}"));
  EXPECT_TRUE(clean(R"({"x": {"__proto__": 1}})", R"({"x": {"__proto__": 1}})"));
}

TEST(ConditionTest, ErrorsNameThePathAndWhatWasExpected) {
  const std::string base = "/experiments/0/exclude/0";
  Errors e = errors_of(R"({"age": {"$gt": true}})", base);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].path, "/experiments/0/exclude/0/age/$gt");
  EXPECT_EQ(e[0].message, "expected a number or a string, got true");

  e = errors_of(R"({"$and": [{"a": {"$regx": "x"}}]})");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].path, "/c/$and/0/a/$regx");
  EXPECT_NE(e[0].message.find("expected an operator"), std::string::npos);

  e = errors_of(R"({"$or": {"a": 1}})");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].describe(), R"(/c/$or: expected an array of conditions, got {"a":1})");

  e = errors_of(R"({"a/b~": {"$in": "x"}})");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].describe(), R"(/c/a~1b~0/$in: expected an array, got "x")");

  e = errors_of(R"({"a": {"$all": [{"$type": "int"}]}})");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].path, "/c/a/$all/0/$type");

  EXPECT_EQ(errors_of(R"({"a": {"$exists": 1}})")[0].path, "/c/a/$exists");
  EXPECT_EQ(errors_of(R"({"a": {"$eq": [1]}})")[0].path, "/c/a/$eq");
  EXPECT_EQ(errors_of(R"({"a": {"$vgt": {}}})")[0].path, "/c/a/$vgt");
  EXPECT_EQ(errors_of(R"({"a": {"$inGroup": "nope"}})")[0].message, "unknown saved group \"nope\"");
  EXPECT_EQ(errors_of(R"({"a": {"$inGroup": "broken"}})")[0].path, "/c/a/$inGroup");
  EXPECT_EQ(errors_of(R"({"$gt": 5})")[0].path, "/c/$gt");
  EXPECT_EQ(errors_of(R"({"a": {"$gt": 5, "b": 1}})")[0].path, "/c/a");
  EXPECT_EQ(errors_of(R"({"$and": [5]})")[0].path, "/c/$and/0");
  EXPECT_EQ(errors_of(R"([1])", "")[0].describe(), "expected a condition object, got [1]");
  EXPECT_TRUE(errors_of(R"({"a": {"$regex": "^x", "$size": {"$gt": 1}}})").empty());
}

TEST(ConditionTest, MalformedInputEvaluatesAsGrowthBookWould) {
  Errors errors;
  EXPECT_FALSE(eval(R"({"a": {"$regx": "x"}})", R"({"a": "x"})", &errors));
  EXPECT_FALSE(eval(R"({"a": {"$in": 1}})", R"({"a": 1})", &errors));
  EXPECT_FALSE(eval(R"({"a": {"$nin": 1}})", R"({"a": 2})", &errors));
  EXPECT_FALSE(eval(R"({"a": {"$eq": {}}})", R"({"a": {}})", &errors));
  EXPECT_TRUE(eval(R"({"a": {"$ne": []}})", R"({"a": []})", &errors));
  EXPECT_FALSE(eval(R"({"a": {"$inGroup": "nope"}})", R"({"a": 1})", &errors));
  EXPECT_TRUE(eval(R"({"a": {"$notInGroup": "nope"}})", R"({"a": 1})", &errors));
  // $or over a non-array loops over `.length`: undefined for an object.
  EXPECT_TRUE(eval(R"({"$or": {"x": 1}})", "{}", &errors));
  EXPECT_FALSE(eval(R"({"$nor": {"x": 1}})", "{}", &errors));
  EXPECT_FALSE(eval(R"({"$and": null})", "{}", &errors));
  // Where GrowthBook throws (null for a condition) the whole condition fails,
  // even under $not; so does a string where conditions belong (GrowthBook
  // would test attributes "0", "1"... against its characters).
  EXPECT_FALSE(eval(R"({"$not": {"$and": null}})", "{}", &errors));
  EXPECT_FALSE(eval(R"({"$nor": [null]})", "{}", &errors));
  EXPECT_FALSE(eval(R"({"$or": "ab"})", R"({"0": "a"})", &errors));
  EXPECT_FALSE(eval(R"({"$not": "ab"})", "{}", &errors));
  EXPECT_FALSE(eval(R"({"a": {"$notInGroup": "broken"}})", "{}", &errors));
  // A mixed object is a literal to GrowthBook.
  EXPECT_TRUE(eval(R"({"a": {"$x": 1, "y": 2}})", R"({"a": {"$x": 1, "y": 2}})", &errors));
  EXPECT_FALSE(errors.empty());
}

TEST(ConditionTest, InvalidRegexIsReportedAndNeverMatches) {
  Errors errors;
  EXPECT_FALSE(eval(R"({"a": {"$regex": "(unclosed"}})", R"({"a": "(unclosed"})", &errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, "/a/$regex");
  EXPECT_NE(errors[0].message.find("expected a valid regular expression"), std::string::npos);
  // GrowthBook catches the RegExp error as false, so $not of it passes.
  EXPECT_TRUE(eval(R"({"a": {"$not": {"$regex": "["}}})", R"({"a": "x"})", &errors));
}

TEST(ConditionTest, RegexWithoutEngineIsReported) {
  Errors errors;
  const Condition c = Condition::compile(Json::parse(R"({"a": {"$regex": "x"}})"),
                                         ConditionOptions{}, "/r", errors);
  EXPECT_FALSE(c.matches(Json::parse(R"({"a": "x"})")));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, "/r/a/$regex");
}

TEST(ConditionTest, OverLongPatternIsRejected) {
  const std::string pattern(kMaxRegexLength + 1, 'a');
  Json condition = {{"a", {{"$regex", pattern}}}};
  Errors errors;
  const Condition c = Condition::compile(condition, options(), "", errors);
  EXPECT_FALSE(c.matches(Json{{"a", pattern}}));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("at most 1024 bytes"), std::string::npos);

  // 1,024 bytes are accepted (its cost, 1,024 states, is within
  // kMaxRegexCost); a text it matches within kMaxRegexWork has at most
  // 2^17 / 1,024 = 128 bytes; 128 "a"s match texts of up to 1,024 bytes.
  condition["a"]["$regex"] = std::string(kMaxRegexLength, 'a');
  errors.clear();
  const Condition accepted = Condition::compile(condition, options(), "", errors);
  EXPECT_TRUE(errors.empty());
  condition["a"]["$regex"] = std::string(128, 'a');
  EXPECT_TRUE(Condition::compile(condition, options(), "", errors)
                  .matches(Json{{"a", std::string(1024, 'a')}}));
  EXPECT_FALSE(accepted.matches(Json{{"a", pattern}}));  // 1,024 x 1,025 bytes is over the work
}

// The costs below are counted by hand as regex_cost counts them: one per
// atom, one more per *, +, ? and |, one more per group, and x{n} as n
// copies of x plus one.
TEST(ConditionTest, RegexWorkIsBoundedByCostTimesTextLength) {
  // ^ u s e r - \d (+1) $ = 9 states: texts up to 131,072 / 9 = 14,563 bytes.
  const std::string user = R"({"s": {"$regex": "^user-\\d+$"}})";
  std::string within = "user-";
  within.append(14'563 - 5, '1');
  std::string over = within;
  over.push_back('1');
  EXPECT_TRUE(clean(user, Json{{"s", within}}.dump()));
  EXPECT_FALSE(clean(user, Json{{"s", over}}.dump()));

  // (.*a){20}: the group is . * a + 1 = 4, times 20, plus 1 = 81 states:
  // texts up to 131,072 / 81 = 1,618 bytes.
  const std::string repeated = R"({"s": {"$regex": "(.*a){20}"}})";
  EXPECT_TRUE(clean(repeated, Json{{"s", std::string(1'618, 'a')}}.dump()));
  EXPECT_FALSE(clean(repeated, Json{{"s", std::string(1'619, 'a')}}.dump()));
  // GrowthBook answers false when it cannot test: $not of it holds.
  EXPECT_TRUE(clean(R"({"s": {"$not": {"$regex": "(.*a){20}"}}})",
                    Json{{"s", std::string(1'619, 'a')}}.dump()));
  // Arrays are tested as their String() text ("a,a,..."), bounded alike:
  // 810 elements make 1,619 bytes.
  EXPECT_FALSE(clean(repeated, Json{{"s", Json(std::vector<std::string>(810, "a"))}}.dump()));
  EXPECT_TRUE(clean(repeated, Json{{"s", Json(std::vector<std::string>(809, "a"))}}.dump()));
}

TEST(ConditionTest, CostlyRegexIsRejectedNamingItsCost) {
  // Each x{1000} is 1,001: five of them are 5,005 > 4,096.
  const Errors errors = errors_of(R"({"s": {"$regex": "a{1000}b{1000}c{1000}d{1000}e{1000}"}})");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, "/c/s/$regex");
  EXPECT_NE(errors[0].message.find("at most 4096 states, got about 5005"), std::string::npos)
      << errors[0].message;
  // Four are 4,004: within the cost.
  EXPECT_TRUE(errors_of(R"({"s": {"$regex": "a{1000}b{1000}c{1000}d{1000}"}})").empty());
  // A class and a \Q...\E quote hold "{9999}" as characters, not as a
  // repetition: (?i) 0, the class 1, the six quoted characters 6 = 7.
  EXPECT_TRUE(errors_of(R"({"s": {"$regex": "(?i)[a{9999}]\\Q{9999}\\E"}})").empty());
}

// RE2 compiles about two program states a microsecond, and a Unicode class
// such as \p{L} is about 1,200 of them: a counted repetition of one would
// spend milliseconds in every compile. Counted as regex_program_size does
// (conditions/regex_cost.hpp): (1,200 + 1) x 100 + 1, plus 5.
TEST(ConditionTest, RegexCompilingToTooLargeAProgramIsRejected) {
  const Errors errors = errors_of(R"({"s": {"$regex": "\\p{L}{1,100}"}})");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, "/c/s/$regex");
  EXPECT_NE(errors[0].message.find("compiles to at most 16384 states, got about 120106"),
            std::string::npos)
      << errors[0].message;
  // Its work estimate is small (\p{L} is one state per character there),
  // so only the program's size refuses it; \p{L}+ is accepted.
  EXPECT_TRUE(errors_of(R"({"s": {"$regex": "^\\p{L}+$"}})").empty());
  // $regexi folds case: a literal is 4 states a byte. k{1000} is
  // (4 + 1) x 1,000 + 1, plus 5 = 5,006: accepted. Four such are
  // 20,009: refused, though their work estimate (4,004) is within its limit.
  EXPECT_TRUE(errors_of(R"({"s": {"$regexi": "k{1000}"}})").empty());
  const Errors folded = errors_of(R"({"s": {"$regexi": "k{1000}l{1000}m{1000}x{1000}"}})");
  ASSERT_EQ(folded.size(), 1u);
  EXPECT_NE(folded[0].message.find("got about 20009"), std::string::npos) << folded[0].message;
}

TEST(ConditionTest, CatastrophicBacktrackingPatternRunsInLinearTime) {
  const Json attributes = {{"s", std::string(50'000, 'a') + "!"}};
  Errors errors;
  const Condition c =
      Condition::compile(Json::parse(R"({"s": {"$regex": "(a+)+$"}})"), options(), "", errors);
  ASSERT_TRUE(errors.empty());
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(c.matches(attributes));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

// Nested `open` `depth` times around `core`, then closed again.
std::string nest(const std::string& open, const std::string& close, int depth,
                 const std::string& core) {
  std::string text;
  for (int i = 0; i < depth; ++i) text += open;
  text += core;
  for (int i = 0; i < depth; ++i) text += close;
  return text;
}

TEST(ConditionTest, DeepNestingIsRejectedWithoutRecursingDeep) {
  for (const auto& [open, close] : std::vector<std::pair<std::string, std::string>>{
           {R"({"$not": )", "}"},
           {R"({"$and": [)", "]}"},
           {R"({"a": {"$elemMatch": )", "}}"},
           {R"({"a": {"$not": )", "}}"},
           {R"({"a": [)", "]}"},
       }) {
    const Json condition = Json::parse(nest(open, close, 10'000, "{}"));
    Errors errors;
    const Condition c = Condition::compile(condition, options(), "/deep", errors);
    ASSERT_EQ(errors.size(), 1u) << open;
    EXPECT_NE(errors[0].message.find("nested deeper than 32 levels"), std::string::npos);
    EXPECT_EQ(errors[0].path.rfind("/deep/", 0), 0u);
    EXPECT_FALSE(c.matches(Json::object())) << open;
  }
}

TEST(ConditionTest, DepthLimitIsConfigurable) {
  const Json condition = Json::parse(nest(R"({"$not": )", "}", 4, R"({"a": 1})"));
  ConditionOptions o = options();
  o.max_depth = 4;  // the value 1 sits at depth 5: four $not, then the field
  Errors errors;
  Condition::compile(condition, o, "", errors);
  EXPECT_FALSE(errors.empty());
  o.max_depth = 5;
  errors.clear();
  EXPECT_TRUE(Condition::compile(condition, o, "", errors).matches(Json{{"a", 1}}));
  EXPECT_TRUE(errors.empty());
}

TEST(ConditionTest, HostileAttributesAreSafe) {
  // A deeply nested attribute converted to a string, compared as JSON text,
  // and walked by $elemMatch.
  // Parsed in place: copying a Json this deep would recurse.
  const Json attributes = Json::parse(R"({"a": )" + nest("[", "]", 100'000, "1") + "}");
  Errors errors;
  for (const char* text : {R"({"a": "x"})", R"({"a": {"$regex": "x"}})", R"({"a": [[1]]})",
                           R"({"a": {"$elemMatch": {"b": 1}}})", R"({"a": {"$gt": 1}})",
                           R"({"a": 1})", R"({"a": {"$vgt": "1"}})"}) {
    const Condition c = Condition::compile(Json::parse(text), options(), "", errors);
    EXPECT_FALSE(c.matches(attributes)) << text;
  }
  EXPECT_TRUE(errors.empty());
}

TEST(ConditionTest, HugeArraysAreFine) {
  Json list = Json::array();
  for (int i = 0; i < 100'000; ++i) list.push_back(std::to_string(i));
  const Json condition = {{"id", {{"$in", list}}}};
  Errors errors;
  const Condition c = Condition::compile(condition, options(), "", errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_TRUE(c.matches(Json{{"id", "99999"}}));
  EXPECT_FALSE(c.matches(Json{{"id", "100000"}}));
  EXPECT_TRUE(c.matches(Json{{"id", list}}));
  // A huge operand in an error message is summarised, not dumped.
  errors.clear();
  Condition::compile(Json{{"id", {{"$regex", list}}}}, options(), "", errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_LT(errors[0].message.size(), 200u);
}

}  // namespace
}  // namespace cohort
