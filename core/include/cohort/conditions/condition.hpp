#pragma once

#include <memory>
#include <string>

#include "cohort/conditions/regex.hpp"
#include "cohort/error.hpp"
#include "cohort/json/json.hpp"
#include "cohort/json/value.hpp"

namespace cohort {

/// What a condition needs at compile time.
struct ConditionOptions {
  /// Engine for `$regex` / `$regexi`; without one, those operators never match
  /// and compiling reports an error.
  const RegexEngine* regex = nullptr;
  /// Saved groups for `$inGroup` / `$notInGroup`: an object of id -> array
  /// (missing for none).
  Value saved_groups;
  /// Deepest nesting of operators accepted.
  std::size_t max_depth = 32;
  /// What is left of the document's budget of `$regex` program states
  /// (kMaxRegexProgramPerDocument); each compiled pattern takes its
  /// estimate from it. nullptr: no budget beyond each pattern's own limit.
  std::size_t* regex_budget = nullptr;
};

/// A MongoDB-style condition (GrowthBook semantics), compiled once and
/// evaluated many times against a context without re-parsing.
class Condition {
 public:
  class Node;

  /// Compiles `source`. Always yields a condition that evaluates the way
  /// GrowthBook evaluates the same JSON; problems that look like mistakes
  /// (unknown operators, invalid regexes, wrong operand types, too deep) are
  /// appended to `errors` with paths below `path`.
  static Condition compile(Value source, const ConditionOptions& options, const std::string& path,
                           Errors& errors);
  /// The same for a JSON value (encoded first: for callers holding JSON).
  static Condition compile(const Json& source, const ConditionOptions& options,
                           const std::string& path, Errors& errors);

  /// A condition that every context matches.
  Condition();
  ~Condition();
  Condition(Condition&&) noexcept;
  Condition& operator=(Condition&&) noexcept;

  /// True when `attributes` satisfies the condition. Dotted paths in the
  /// condition descend into nested objects.
  bool matches(Value attributes) const;
  /// The same for a JSON value (encoded first: for callers holding JSON).
  bool matches(const Json& attributes) const;

 private:
  explicit Condition(std::unique_ptr<const Node> root);
  std::unique_ptr<const Node> root_;
};

}  // namespace cohort
