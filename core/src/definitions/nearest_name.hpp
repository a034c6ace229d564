#pragma once

#include <span>
#include <string>
#include <string_view>

namespace cohort {

/// The known name `key` most likely misspells: within two edits (one for
/// names of four letters or fewer; an adjacent swap counts as one), else "".
std::string_view nearest_name(std::string_view key, std::span<const std::string_view> names);

/// "unknown field ignored", with "; did you mean "x"?" when `near` is a name.
std::string unknown_field_message(std::string_view near);

}  // namespace cohort
