#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace cohort {

/// Why an answer is what it is: the pipeline step that produced it (SPEC §3).
enum class Reason : std::uint8_t {
  stubbed,    ///< a test stub for the experiment
  published,  ///< data the server pushed into the page
  unknown,    ///< no definition with that name
  disabled,   ///< the definition's state is `off`
  cached,     ///< a variant remembered by the sticky store
  excluded,   ///< an exclusion rule, the enrollment window or the namespace
  forced,     ///< an override (edX forced bucket)
  segment,    ///< a segment rule
  gate,       ///< outside the percentage gate while `conditional`
  split,      ///< the weighted split
  error,      ///< bad input; the answer is control
};

/// The lowercase name used in answers and vectors ("split", "gate", ...).
std::string_view to_string(Reason reason);

/// The inverse of to_string; nullopt for anything else.
std::optional<Reason> reason_from_string(std::string_view name);

/// The OpenFeature resolution reason this maps onto (STATIC, DEFAULT,
/// DISABLED, CACHED, TARGETING_MATCH, SPLIT, ERROR).
std::string_view openfeature_reason(Reason reason);

}  // namespace cohort
