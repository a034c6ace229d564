#pragma once

#include <string>

#include "cohort/answer.hpp"
#include "cohort/error.hpp"
#include "cohort/json/json.hpp"

namespace cohort {

/// The answer as a JSON object with the keys experiment, variant, key,
/// reason, excluded, tracked, variant_index, then migration_keys and error
/// when present. The CLI prints it, the shared vectors compare it and the
/// WebAssembly binding returns it, so none of them can disagree on a field.
Json answer_to_json(const Answer& answer);

/// The same object as compact JSON text, written directly rather than
/// through a Json value: this runs once per answer across the WebAssembly
/// boundary. Equal, byte for byte, to to_json_text(answer_to_json(answer)).
void write_answer_json(const Answer& answer, std::string& out);

/// Problems as a JSON array of {"path", "message"} objects.
Json errors_to_json(const Errors& errors);

/// Compact JSON text; invalid UTF-8 in strings is replaced by U+FFFD rather
/// than failing, because the text is going to another program.
std::string to_json_text(const Json& value);

}  // namespace cohort
