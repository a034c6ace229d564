#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cohort {

/// Why `pattern` could make a backtracking engine (a browser's RegExp) take
/// exponential time, or nullopt when it has none of the known shapes:
/// a repeated group that itself contains a repetition (`(a+)+`, `(x*y)*`,
/// `(\d+){2,}`) or a back-reference (`(a)\1`, `\k<name>`). Engines that are
/// linear by construction (RE2) need no such check; the WebAssembly build,
/// which borrows the host's ECMAScript engine, rejects these patterns.
std::optional<std::string> backtracking_hazard(std::string_view pattern);

}  // namespace cohort
