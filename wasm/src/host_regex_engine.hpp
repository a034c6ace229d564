#pragma once

#include "cohort/conditions/regex.hpp"

namespace cohort::wasm {

/// `$regex` / `$regexi` on the host's regex engine: re2js, RE2's syntax and
/// linear-time matching, the same answers as the native build's RE2. The
/// package loads it only for definitions that hold a `$regex`.
class HostRegexEngine final : public RegexEngine {
 public:
  std::unique_ptr<Regex> compile(std::string_view pattern, bool ignore_case,
                                 std::string& error) const override;
};

}  // namespace cohort::wasm
