#pragma once

#include <string>

#include "cohort/json.hpp"

namespace cohort {

/// "expected <what>, got <a short rendering of value>": the one shape every
/// input error message takes.
std::string expected(const std::string& what, const Json& value);

}  // namespace cohort
