#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "cohort/json/json.hpp"
#include "cohort/json/value.hpp"

namespace cohort {

/// Milliseconds since 1970-01-01T00:00:00Z.
using EpochMs = std::int64_t;

/// Parses an ISO-8601 date or date-time: "2020-01-01", "2020-01-01T10:00",
/// "2020-01-01T10:00:00.250Z", "2020-01-01 10:00:00+02:00". Explicit offsets
/// are honoured; a time without an offset is UTC. nullopt when malformed.
std::optional<EpochMs> parse_iso8601(std::string_view text);

/// A timestamp given as an ISO-8601 string or as a number of epoch
/// milliseconds. nullopt for anything else.
std::optional<EpochMs> parse_timestamp(const Json& value);
/// The same for an encoded value (a context attribute).
std::optional<EpochMs> parse_timestamp(Value value);

}  // namespace cohort
