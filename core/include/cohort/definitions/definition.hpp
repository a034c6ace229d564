#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cohort/conditions/condition.hpp"
#include "cohort/time.hpp"

namespace cohort {

/// GLEX's trinary feature-flag state.
enum class State : std::uint8_t { off, conditional, on };

/// How contexts are hashed into the gate and the split (SPEC §2).
enum class HashMode : std::uint8_t { xxh3, gitlab, edx, fnv1a_v1, fnv1a_v2 };

std::string_view to_string(State state);
std::string_view to_string(HashMode mode);

/// A condition that sends matching contexts to one variant.
struct VariantRule {
  std::size_t variant = 0;
  Condition when;
};

/// edX's enrollment window: start <= enrollment_created < end.
struct EnrollmentWindow {
  std::optional<EpochMs> start;
  std::optional<EpochMs> end;
  /// A bound that could not be parsed: everyone is excluded.
  bool invalid = false;
};

/// GrowthBook-style namespace: the context is in when its namespace hash
/// falls in [start, end).
struct NamespaceRange {
  std::string id;
  double start = 0;
  double end = 1;
};

/// One experiment, compiled: every field validated, defaults applied and
/// derived values precomputed. Immutable once loaded.
struct Definition {
  std::string name;
  std::vector<std::string> variants;  ///< variants[0] is control
  State state = State::conditional;
  double percentage = 100;
  std::vector<std::string> actors;  ///< sorted, each once: see has_actor
  /// Effective weights, one per variant, summing to 1 (control's is 0 when
  /// the state is `on`); all zero when nothing can be assigned.
  std::vector<double> weights;
  bool equal_weights = true;  ///< all non-zero weights equal (GLEX/edX modulo split)
  HashMode hash = HashMode::xxh3;
  std::string seed;             ///< defaults to the name
  std::uint64_t seed_hash = 0;  ///< XXH3-64 of `seed`, precomputed for the xxh3 mode
  std::optional<std::vector<std::string>> context_keys;  ///< default: the whole context
  std::vector<std::string> sorted_context_keys;  ///< context_keys, sorted: the canonical order
  std::vector<Condition> exclude;
  std::vector<VariantRule> overrides;  ///< ascending variant index
  std::vector<VariantRule> segments;   ///< in document order
  std::optional<EnrollmentWindow> enrollment;
  std::optional<NamespaceRange> namespace_range;
  bool course_aware = true;
  std::optional<std::int64_t> experiment_id;
  /// Path of the definition in its document, for messages.
  std::string path;

  /// Index of `variant` in `variants`, or nullopt.
  std::optional<std::size_t> index_of(std::string_view variant) const;
  /// True when `id` is one of `actors` (binary search).
  bool has_actor(std::string_view id) const;
};

}  // namespace cohort
