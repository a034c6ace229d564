#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace cohort {

/// SHA-256 (FIPS 180-4, RFC 6234) of `data`.
std::array<std::uint8_t, 32> sha256(std::string_view data);

/// SHA-256 of `data` as 64 lowercase hex digits.
std::string sha256_hex(std::string_view data);

}  // namespace cohort
