#pragma once

#include <string>

#include "cohort/json.hpp"
#include "cohort/value.hpp"

namespace cohort {

/// "expected <what>, got <a short rendering of value>": the one shape every
/// input error message takes.
std::string expected(const std::string& what, const Json& value);
std::string expected(const std::string& what, Value value);

}  // namespace cohort
