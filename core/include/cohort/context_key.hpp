#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cohort/context.hpp"
#include "cohort/definitions/definition.hpp"

namespace cohort {

/// The context key of `context` for `definition` (SPEC §2): a stable
/// lowercase hex digest that leaves the process in place of raw ids.
/// - `sticky_to` as a string is the key as-is;
/// - mode `gitlab`: GLEX's sha256(secret|name|keys...|values...) over the
///   selected fields in the context's own order;
/// - other modes: XXH3-128 of secret, name and the canonical selected
///   fields, so key order never changes the key.
/// The selected fields are `context_keys` when the definition names them,
/// else every non-reserved field.
std::string context_key(const Definition& definition, const Context& context,
                        std::string_view secret);

/// The raw value the `edx` and `fnv1a_*` modes bucket on: `sticky_to` when
/// it is a string, else the field `context_keys[0]` (default "username" for
/// edx, "id" for fnv1a), as a string. nullopt when missing or not a scalar.
std::optional<std::string> bucketing_identity(const Definition& definition, const Context& context);

/// An experiment-independent value for namespace hashing: the identity in
/// the fnv1a modes (as GrowthBook does), else an XXH3-64 hex digest of the
/// secret and the canonical selected fields — the same for every experiment
/// that selects the same fields, which is what makes namespaces exclusive.
std::optional<std::string> namespace_identity(const Definition& definition, const Context& context,
                                              std::string_view secret);

}  // namespace cohort
