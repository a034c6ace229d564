#pragma once

// The compiled form of a condition, and the JavaScript value semantics it is
// evaluated with. Private to the core: condition.cpp and
// condition_operators.cpp compile (see condition_compiler.hpp),
// condition_eval.cpp evaluates, condition_coerce.cpp and
// condition_compare.cpp hold JavaScript's conversions and comparisons.

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

namespace cohort {
namespace condition_detail {

// ---------------------------------------------------------------------------
// JavaScript value semantics (condition_coerce.cpp, condition_compare.cpp).
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
