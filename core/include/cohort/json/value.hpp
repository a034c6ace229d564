#pragma once

// The value encoding: how a context (any JSON value) reaches the core from
// JavaScript and from native callers alike, and what conditions and context
// keys read. A value is a tag byte and a payload; integers are unsigned
// 32-bit little-endian, unaligned (core/README.md, "Value encoding"):
//
//   0 null | 1 false | 2 true
//   3 number  f64 | u32 n | n bytes: ECMAScript Number::toString of it
//   4 string  u32 n | n bytes of UTF-8
//   5 array   u32 count | u32 n | n bytes: count values
//   6 object  u32 count | u32 n | n bytes: count × (u32 k | k key bytes | value)
//
// Objects keep their own key order. A `Value` is a view into such bytes:
// cheap to copy, never owning, valid while the bytes are.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace cohort {

enum class ValueTag : std::uint8_t {
  null = 0,
  false_ = 1,
  true_ = 2,
  number = 3,
  string = 4,
  array = 5,
  object = 6,
};

class Value {
 public:
  enum class Type : std::uint8_t { missing, null, boolean, number, string, array, object };

  /// A missing value (an absent attribute): behaves as null in conditions.
  constexpr Value() = default;
  /// The value encoded at `at`, which must have been checked by
  /// `check_encoding` (or written by `encode`).
  explicit Value(const unsigned char* at) : at_(at) {}

  Type type() const {
    if (at_ == nullptr) return Type::missing;
    switch (static_cast<ValueTag>(*at_)) {
      case ValueTag::null:
        return Type::null;
      case ValueTag::false_:
      case ValueTag::true_:
        return Type::boolean;
      case ValueTag::number:
        return Type::number;
      case ValueTag::string:
        return Type::string;
      case ValueTag::array:
        return Type::array;
      default:
        return Type::object;
    }
  }
  bool missing() const { return at_ == nullptr; }
  /// Null or missing.
  bool is_null() const { return at_ == nullptr || *at_ == tag(ValueTag::null); }
  bool is_boolean() const { return at_ && (*at_ == 1 || *at_ == 2); }
  bool is_number() const { return at_ && *at_ == tag(ValueTag::number); }
  bool is_string() const { return at_ && *at_ == tag(ValueTag::string); }
  bool is_array() const { return at_ && *at_ == tag(ValueTag::array); }
  bool is_object() const { return at_ && *at_ == tag(ValueTag::object); }
  bool is_structured() const { return is_array() || is_object(); }

  bool boolean() const { return *at_ == tag(ValueTag::true_); }
  double number() const {
    double n;
    std::memcpy(&n, at_ + 1, sizeof n);
    return n;
  }
  /// The number as JavaScript's String(n) writes it.
  std::string_view number_text() const { return text_at(at_ + 9); }
  std::string_view string() const { return text_at(at_ + 1); }
  /// Elements of an array or members of an object.
  std::uint32_t size() const { return u32(at_ + 1); }

  /// The bytes this value occupies.
  std::size_t byte_size() const;
  std::string_view bytes() const {
    return {reinterpret_cast<const char*>(at_), at_ ? byte_size() : 0};
  }

  /// Walks the elements of an array or the members of an object.
  class Cursor {
   public:
    Cursor(const unsigned char* at, std::uint32_t left, bool members)
        : at_(at), left_(left), members_(members) {}
    bool done() const { return left_ == 0; }
    /// The current member's key (objects only).
    std::string_view key() const { return members_ ? text_at(at_) : std::string_view(); }
    Value value() const { return Value(members_ ? at_ + 4 + u32(at_) : at_); }
    void next() {
      const Value v = value();
      at_ = v.at_ + v.byte_size();
      --left_;
    }

   private:
    const unsigned char* at_;
    std::uint32_t left_;
    bool members_;
  };
  /// Elements or members; an empty walk for anything else.
  Cursor children() const {
    if (!is_structured()) return {nullptr, 0, false};
    return {at_ + 9, size(), is_object()};
  }

  /// The member `key` of an object (the first one), or a missing value.
  Value find(std::string_view key) const;
  /// Element `index` of an array, or a missing value.
  Value element(std::size_t index) const;

  const unsigned char* data() const { return at_; }

 private:
  static constexpr unsigned char tag(ValueTag t) { return static_cast<unsigned char>(t); }
  static std::uint32_t u32(const unsigned char* at) {
    std::uint32_t n;
    std::memcpy(&n, at, sizeof n);
    return n;
  }
  static std::string_view text_at(const unsigned char* at) {
    return {reinterpret_cast<const char*>(at + 4), u32(at)};
  }

  const unsigned char* at_ = nullptr;
};

/// A number JavaScript writes as plain digits: integral and below 1e21.
inline bool is_integer(Value value) {
  if (!value.is_number()) return false;
  const double n = value.number();
  return n > -1e21 && n < 1e21 && std::trunc(n) == n;
}

/// True when `value` nests more than `levels` levels of arrays and objects.
/// The recursion stops at `levels`, so hostile depth cannot exhaust the stack.
bool deeper_than(Value value, std::size_t levels);

/// Checks that `bytes` hold exactly one well-formed encoded value whose
/// nesting is at most `max_depth` levels (the top level is 0) and whose
/// text is valid UTF-8. Returns "" when it does, else what is wrong.
std::string check_encoding(std::string_view bytes, std::size_t max_depth);
/// The same, also setting `deepest` to the nesting level of the deepest
/// array or object (0: the top one; 0 too when there is none), which
/// answers `deeper_than` for the whole value without a second walk.
std::string check_encoding(std::string_view bytes, std::size_t max_depth, std::size_t& deepest);

/// Writers for the encoding, used by native callers and tests; JavaScript
/// has its own (js/src/encode.ts) and the property test holds the two to
/// the same bytes.
namespace encode {
void null(std::string& out);
void boolean(bool value, std::string& out);
/// `text` empty: written as ECMAScript Number::toString(value).
void number(double value, std::string& out, std::string_view text = {});
void string(std::string_view text, std::string& out);
/// Starts an array or object; `finish` fills in its count and size.
std::size_t open(ValueTag kind, std::string& out);
void key(std::string_view text, std::string& out);
void finish(std::size_t opened, std::uint32_t count, std::string& out);
}  // namespace encode

}  // namespace cohort
