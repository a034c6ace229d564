#pragma once

// The compiled form of a condition: the node tree. Private to the core:
// condition.cpp and condition_operators.cpp compile it (see
// condition_compiler.hpp), condition_eval.cpp evaluates it with the
// JavaScript value semantics of js_value.hpp.

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cohort/conditions/condition.hpp"
#include "cohort/conditions/regex.hpp"
#include "cohort/json/json.hpp"
#include "cohort/json/value.hpp"
#include "conditions/js_value.hpp"

namespace cohort {
namespace condition_detail {

// ---------------------------------------------------------------------------
// The node tree.

// clang-format off
enum class Op : std::uint8_t {
  kEq, kNe, kLt, kLte, kGt, kGte,
  kVeq, kVne, kVlt, kVlte, kVgt, kVgte,
  kIn, kNin, kIni, kNini, kInGroup, kNotInGroup,
  kAll, kAlli, kElemMatch, kSize, kExists, kType,
  kRegex, kRegexi, kNot,
  kNever,   ///< unknown operator or unusable operand: GrowthBook yields false
  kAlways,  ///< e.g. `$ne` with an object operand (never identical)
};
// clang-format on

enum class JsType : std::uint8_t { kString, kNumber, kBoolean, kObject, kArray, kNull };

/// A number as an encoded value (`length`, `$size`), on the stack.
class NumberValue {
 public:
  explicit NumberValue(std::size_t n);
  Value value() const { return Value(bytes_.data()); }

 private:
  std::array<unsigned char, 13 + 24> bytes_{};
};

/// The primitives of an `$in`-style array, indexed for lookup. Arrays and
/// objects in the operand are dropped: `includes` compares them by identity,
/// so they never match an attribute.
struct ValueSet {
  std::vector<std::string> strings;  ///< sorted; lower case when `fold`
  std::vector<double> numbers;       ///< sorted
  bool has_null = false;
  bool has_true = false;
  bool has_false = false;
  bool fold = false;

  void add(Value value);
  void finish();  ///< sorts; call once after the last add
  /// GrowthBook's isIn: membership, or intersection when `actual` is an array.
  bool intersects(Value actual) const;
  bool contains(Value value) const;
};

struct OpTest;

/// GrowthBook's evalConditionValue: one attribute value against a literal or
/// an object of operators.
struct ValueTest {
  enum class Kind : std::uint8_t {
    kString,     ///< `String(value) === text`
    kNumber,     ///< `Number(value) === number`
    kBoolean,    ///< `value !== null && !!value === boolean`
    kNull,       ///< `value === null`
    kLiteral,    ///< JSON text equality with `literal`
    kOperators,  ///< every entry of `ops`
    kNever,
  };
  Kind kind = Kind::kNever;
  bool fold = false;  ///< `$alli` element: compare lower-cased
  bool boolean = false;
  double number = 0;
  std::string text;
  std::string literal;  ///< kLiteral: the encoded literal
  std::vector<OpTest> ops;

  bool matches(Value value) const;
};

/// One field of an attribute path, split and classified at compile time.
struct PathPart {
  std::string key;
  std::size_t index = 0;
  bool is_index = false;   ///< also addresses an array element
  bool is_length = false;  ///< "length" of an array
};

struct Clause;

}  // namespace condition_detail

/// GrowthBook's evalCondition: every clause must hold for the object.
class Condition::Node {
 public:
  std::vector<condition_detail::Clause> clauses;

  bool matches(Value object) const;
};

namespace condition_detail {

struct OpTest {
  Op op = Op::kNever;
  Scalar scalar;                            ///< $eq $ne $lt $lte $gt $gte
  std::string version;                      ///< $v*: padded operand
  ValueSet set;                             ///< $in $nin $ini $nini $inGroup $notInGroup
  std::vector<ValueTest> each;              ///< $all $alli
  std::unique_ptr<ValueTest> value;         ///< $not $size, $elemMatch of operators
  std::unique_ptr<Condition::Node> object;  ///< $elemMatch of a condition
  std::unique_ptr<const Regex> regex;       ///< $regex $regexi; null if unusable
  std::size_t regex_cost = 0;               ///< $regex $regexi: states per text byte
  JsType type = JsType::kNull;              ///< $type
  bool exists = false;                      ///< $exists

  bool matches(Value value) const;
};

struct Clause {
  enum class Kind : std::uint8_t { kField, kAnd, kOr, kNor, kNot, kNever };
  Kind kind = Kind::kNever;
  std::vector<PathPart> path;             ///< kField
  ValueTest test;                         ///< kField
  std::vector<Condition::Node> children;  ///< kAnd kOr kNor; kNot has one

  bool matches(Value object) const;
};

}  // namespace condition_detail
}  // namespace cohort
