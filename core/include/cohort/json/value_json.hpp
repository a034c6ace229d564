#pragma once

// nlohmann/json values and the value encoding (cohort/value.hpp): how
// native callers and tests, who hold JSON, hand it to the core.

#include <string>

#include "cohort/json/json.hpp"
#include "cohort/json/value.hpp"

namespace cohort {

/// Appends the encoding of `value`. Numbers become doubles, as JavaScript
/// holds them (integers beyond 2^53 round), with JavaScript's text; text
/// that is not valid UTF-8 has the bad bytes replaced by U+FFFD.
void encode_json(const Json& value, std::string& out);
std::string encode_json(const Json& value);

/// The JSON value an encoded value stands for (numbers as doubles, or as
/// integers when they are integral and within ±2^53).
Json to_json(Value value);

}  // namespace cohort
