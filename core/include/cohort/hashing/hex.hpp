#pragma once

#include <cstdint>
#include <span>
#include <string>

namespace cohort {

/// The lowercase hex digits, by value.
inline constexpr char kHexDigits[] = "0123456789abcdef";

/// Lowercase hex digits of `bytes`.
std::string to_hex(std::span<const std::uint8_t> bytes);

/// Appends the 16 lowercase hex digits of `value`, most significant first.
void append_hex(std::uint64_t value, std::string& out);

}  // namespace cohort
