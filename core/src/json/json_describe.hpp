#pragma once

#include <string>
#include <string_view>

#include "cohort/json/json.hpp"
#include "cohort/json/value.hpp"

namespace cohort {

/// "expected <what>, got <a short rendering of value>": the one shape every
/// input error message takes.
std::string expected(std::string_view what, const Json& value);
std::string expected(std::string_view what, Value value);

}  // namespace cohort
