#pragma once

#include <string>

#include "cohort/answer.hpp"
#include "cohort/json/json.hpp"

namespace cohort::cli {

/// One line of `cohort resolve`: compact JSON with the keys experiment,
/// variant, key, reason, excluded, tracked, variant_index (then
/// migration_keys and error when present). The same object the shared
/// vectors compare, so the two can never disagree on a field.
std::string answer_line(const Answer& answer);

/// What `cohort publish` pushes for one answer, as GLEX publishes it to the
/// client: {experiment, key, variant, migration_keys?}.
Json published_entry(const Answer& answer);

/// `value` as compact JSON that can sit inside an HTML <script> element:
/// "<", ">" and "&" become \u003c, \u003e, \u0026 (so "</script>" and
/// "<!--" cannot end or comment out the element), and U+2028/U+2029 become
/// \u2028/\u2029 (line terminators in older JavaScript string literals).
/// Invalid UTF-8 is replaced rather than thrown on.
std::string script_safe_json(const Json& value);

}  // namespace cohort::cli
