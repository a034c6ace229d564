#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cohort/error.hpp"
#include "cohort/json.hpp"

namespace cohort {

/// Limits on a context (SPEC §8).
struct ContextLimits {
  std::size_t max_bytes = 64u << 10;  ///< of the JSON text
  std::size_t max_depth = 16;         ///< JSON nesting
  std::size_t max_migrations = 8;     ///< length of a migrated_from chain
};

/// Who or what is being assigned: a JSON object such as
/// {"actor": "user:42", "project": 7}. Validated and prepared once, then
/// resolved against any number of experiments.
///
/// Reserved keys: `sticky_to` (a string is the context key as-is; any other
/// value is hashed in place of the context) and `migrated_from` (the context
/// this one replaces: its key is checked in the sticky store first).
class Context {
 public:
  /// Validates `value`; nullopt with `error` (path + what was expected) when
  /// it is not a usable context.
  static std::optional<Context> from_json(Json value, Error& error,
                                          const ContextLimits& limits = {});
  /// Parses JSON text (bounded in size and depth), then validates it.
  static std::optional<Context> parse(std::string_view text, Error& error,
                                      const ContextLimits& limits = {});

  /// The whole context object, reserved keys included: conditions see it.
  const Json& attributes() const { return attributes_; }
  /// The `sticky_to` value, or nullptr.
  const Json* sticky_to() const;
  /// The contexts this one migrated from, newest first.
  const std::vector<Context>& migrated_from() const { return migrated_from_; }
  /// The context minus reserved keys, keys sorted at every level, as
  /// compact JSON: the same for any key order.
  const std::string& canonical() const { return canonical_; }

 private:
  static std::optional<Context> validate(Json value, Error& error, const ContextLimits& limits,
                                         const std::string& path, std::size_t migrations);

  Json attributes_;
  std::vector<Context> migrated_from_;
  std::string canonical_;
};

/// Appends `text` as a JSON string literal, escaped as nlohmann's dump()
/// escapes it (UTF-8 passes through as is).
void append_json_string(std::string_view text, std::string& out);

/// Writes `value` as compact JSON with object keys sorted at every level.
void write_canonical_json(const Json& value, std::string& out);

/// True for the keys a context reserves for itself.
bool is_reserved_context_key(std::string_view key);

}  // namespace cohort
