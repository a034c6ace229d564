#pragma once

#include <cstdint>
#include <string_view>

namespace cohort {

/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as zlib's crc32()
/// and Ruby's Zlib.crc32 compute it.
std::uint32_t crc32(std::string_view data);

}  // namespace cohort
