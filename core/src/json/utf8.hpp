#pragma once

#include <string>
#include <string_view>

namespace cohort {

/// Well-formed UTF-8 per the Unicode Standard, Table 3-7 (no overlongs, no
/// surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view text);

/// `text` with every ill-formed sequence replaced by U+FFFD (maximal
/// subparts, as the Unicode Standard recommends).
std::string replace_invalid_utf8(std::string_view text);

}  // namespace cohort
