#pragma once

#include <cstdint>
#include <span>
#include <string>

namespace cohort {

/// Lowercase hex digits of `bytes`.
std::string to_hex(std::span<const std::uint8_t> bytes);

}  // namespace cohort
