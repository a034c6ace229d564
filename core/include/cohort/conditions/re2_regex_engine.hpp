#pragma once

#include "cohort/conditions/regex.hpp"

namespace cohort {

/// A regex engine backed by RE2: matching is linear in the input, so no
/// pattern can make a condition hang. Native builds only (target cohort::re2).
/// Patterns use RE2 syntax, which covers the ECMAScript subset conditions use
/// in practice; look-around and back-references are rejected at compile time.
class Re2RegexEngine final : public RegexEngine {
 public:
  std::unique_ptr<Regex> compile(std::string_view pattern, bool ignore_case,
                                 std::string& error) const override;
};

}  // namespace cohort
