#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "cohort/context.hpp"
#include "cohort/definitions/definition.hpp"

namespace cohort {

/// Where the hash puts a context: through the gate or not, and if through,
/// which variant. Exclusions, overrides and segments come before this.
struct Placement {
  bool in_gate = true;
  std::size_t variant = 0;
};

/// What a context is hashed on.
struct BucketingInput {
  std::string_view key;       ///< the context key (xxh3, gitlab)
  std::string_view identity;  ///< the raw identity (edx, fnv1a_*)
  std::string_view course;    ///< the context's course, for course-aware edx
  bool skip_gate = false;     ///< an allow-listed actor passes the gate
};

/// Places a context by the definition's hash mode (SPEC §2): gate while
/// `conditional` (skipped for `on`), then the weighted split.
Placement place(const Definition& definition, const BucketingInput& input);

/// XXH3-64 of `text`, the seed hash the xxh3 mode starts from.
std::uint64_t xxh3_seed(std::string_view text);

/// The xxh3 mode's two independent uniform draws in [0, 1).
double xxh3_gate_draw(std::uint64_t seed_hash, std::string_view key);
double xxh3_split_draw(std::uint64_t seed_hash, std::string_view key);

}  // namespace cohort
