#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace cohort {

/// MD5 (RFC 1321) of `data`.
std::array<std::uint8_t, 16> md5(std::string_view data);

/// MD5 of `data` as 32 lowercase hex digits.
std::string md5_hex(std::string_view data);

}  // namespace cohort
