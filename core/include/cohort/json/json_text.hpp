#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "cohort/error.hpp"
#include "cohort/json/json.hpp"

namespace cohort {

/// Parses JSON text without risking the stack or unbounded memory: text
/// longer than `max_bytes` or nested deeper than `max_depth` is refused
/// before parsing. On failure returns nullopt and sets `error` (the message
/// names the byte offset, and the line and column of a syntax error).
std::optional<Json> parse_json_text(std::string_view text, std::size_t max_bytes,
                                    std::size_t max_depth, Error& error);
/// The same, appending to `warnings` one entry per duplicate key (its JSON
/// Pointer): the last value given is the one kept, as JSON.parse keeps it.
std::optional<Json> parse_json_text(std::string_view text, std::size_t max_bytes,
                                    std::size_t max_depth, Error& error, Errors* warnings);

/// The same checks and errors, but straight into the value encoding
/// (cohort/json/value.hpp) with no DOM: the bytes encode_json would write
/// for the parsed document, in a small multiple of the text's size.
std::optional<std::string> parse_json_text_encoded(std::string_view text, std::size_t max_bytes,
                                                   std::size_t max_depth, Error& error,
                                                   Errors* warnings = nullptr);

}  // namespace cohort
