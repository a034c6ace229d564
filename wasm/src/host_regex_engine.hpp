#pragma once

#include "cohort/regex.hpp"

namespace cohort::wasm {

/// `$regex` / `$regexi` on the host's own ECMAScript RegExp, the engine
/// GrowthBook's conditions were written for, at no cost in module size.
/// The host engine backtracks, so patterns with a known exponential shape
/// (cohort::backtracking_hazard) are refused, like any invalid pattern.
class HostRegexEngine final : public RegexEngine {
 public:
  std::unique_ptr<Regex> compile(std::string_view pattern, bool ignore_case,
                                 std::string& error) const override;
};

}  // namespace cohort::wasm
