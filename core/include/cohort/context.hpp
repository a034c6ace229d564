#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cohort/error.hpp"
#include "cohort/json/json.hpp"
#include "cohort/json/value.hpp"

namespace cohort {

/// Limits on a context (SPEC §8).
struct ContextLimits {
  std::size_t max_bytes = 64u << 10;  ///< of the JSON text
  std::size_t max_depth = 16;         ///< JSON nesting
  std::size_t max_migrations = 8;     ///< length of a migrated_from chain
};

/// Who or what is being assigned: a JSON object such as
/// {"actor": "user:42", "project": 7}, held in the value encoding
/// (cohort/value.hpp). Validated once, then resolved against any number of
/// experiments.
///
/// Reserved keys: `sticky_to` (a string is the context key as-is; any other
/// value is hashed in place of the context) and `migrated_from` (the context
/// this one replaces: its key is checked in the sticky store first).
class Context {
 public:
  /// Checks and validates an encoded context; nullopt with `error` (path +
  /// what was expected) when it is not a usable context. The bytes are
  /// copied.
  static std::optional<Context> decode(std::string_view encoded, Error& error,
                                       const ContextLimits& limits = {});
  /// `decode` into this context, reusing its memory; false with `error`
  /// (and this context unusable) when the encoding is not a usable context.
  bool assign(std::string_view encoded, Error& error, const ContextLimits& limits = {});
  /// Validates a JSON value (encoding it first).
  static std::optional<Context> from_json(const Json& value, Error& error,
                                          const ContextLimits& limits = {});
  /// Parses JSON text (bounded in size and depth), then validates it.
  static std::optional<Context> parse(std::string_view text, Error& error,
                                      const ContextLimits& limits = {});

  Context(const Context& other) { *this = other; }
  Context& operator=(const Context& other);
  Context(Context&&) = default;
  Context& operator=(Context&&) = default;

  /// The whole context object, reserved keys included: conditions see it.
  Value attributes() const { return Value(reinterpret_cast<const unsigned char*>(bytes_.data())); }
  /// The `sticky_to` value; missing when absent or null.
  Value sticky_to() const { return at(sticky_at_); }
  /// The `course` value (edX's course, which places its experiments and
  /// scopes assignments); missing when absent.
  Value course() const { return at(course_at_); }
  /// The contexts this one migrated from, newest first.
  const std::vector<Context>& migrated_from() const { return migrated_from_; }
  /// The context minus reserved keys, keys sorted at every level, as
  /// compact JSON: the same for any key order. Built on first use.
  const std::string& canonical() const;
  /// The encoded bytes.
  std::string_view encoded() const { return bytes_; }

 private:
  Context() = default;
  static std::optional<Context> validate(std::string bytes, Error& error,
                                         const ContextLimits& limits, const std::string& path,
                                         std::size_t migrations);
  /// `deepest`: the nesting check_encoding found in bytes_, or kUnknownDepth.
  bool check(Error& error, const ContextLimits& limits, const std::string& path,
             std::size_t migrations, std::size_t deepest);
  static constexpr std::size_t kUnknownDepth = static_cast<std::size_t>(-1);
  Value at(std::uint32_t offset) const {
    return offset ? Value(reinterpret_cast<const unsigned char*>(bytes_.data()) + offset) : Value();
  }

  std::string bytes_;
  // Where sticky_to and course are in bytes_ (0: absent), found once by
  // check(): each answer asks for them several times, and a lookup walks
  // the members. Offsets, not Values, so that copies keep them.
  std::uint32_t sticky_at_ = 0;
  std::uint32_t course_at_ = 0;
  std::vector<Context> migrated_from_;
  mutable std::string canonical_;
  mutable bool has_canonical_ = false;
};

/// True for the keys a context reserves for itself.
bool is_reserved_context_key(std::string_view key);

}  // namespace cohort
