#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "cohort/error.hpp"
#include "cohort/json.hpp"

namespace cohort {

/// Parses JSON text without risking the stack or unbounded memory: text
/// longer than `max_bytes` or nested deeper than `max_depth` is refused
/// before parsing. On failure returns nullopt and sets `error` (the path is
/// empty; the message names the byte offset).
std::optional<Json> parse_json_text(std::string_view text, std::size_t max_bytes,
                                    std::size_t max_depth, Error& error);

}  // namespace cohort
