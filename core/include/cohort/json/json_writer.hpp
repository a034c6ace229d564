#pragma once

#include <string>
#include <string_view>

#include "cohort/json/value.hpp"

// JSON text written from the value encoding, without a DOM: what context
// keys hash (the canonical form), what error messages show, and what the
// WebAssembly envelope carries.
namespace cohort {

/// Appends `text` as a JSON string literal, escaped as nlohmann's dump()
/// escapes it (UTF-8 passes through as is).
void append_json_string(std::string_view text, std::string& out);

/// Writes `value` as compact JSON with object keys sorted at every level
/// (numbers as JavaScript writes them).
void write_canonical_json(Value value, std::string& out);
/// Writes `value` as compact JSON in its own key order.
void write_json(Value value, std::string& out);

}  // namespace cohort
