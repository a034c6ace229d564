#include "cohort/hashing/crc32.hpp"

#include <array>

namespace cohort {
namespace {

/// The byte-at-a-time lookup table of the reflected polynomial 0xEDB88320,
/// built at compile time so there is no lazy initialisation (and so no
/// mutable global) at run time.
constexpr std::array<std::uint32_t, 256> make_table() {
  std::array<std::uint32_t, 256> table{};
  for (std::uint32_t n = 0; n < 256; ++n) {
    std::uint32_t c = n;
    for (int bit = 0; bit < 8; ++bit) {
      c = (c & 1u) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    }
    table[n] = c;
  }
  return table;
}

constexpr std::array<std::uint32_t, 256> kTable = make_table();

// The standard check value (catalogue "CRC-32/ISO-HDLC") pins the table.
static_assert(kTable[1] == 0x77073096u && kTable[255] == 0x2D02EF8Du);

}  // namespace

std::uint32_t crc32(std::string_view data) {
  // zlib's convention: start from all ones and invert at the end, so the
  // empty string hashes to 0.
  std::uint32_t c = 0xFFFFFFFFu;
  for (const char ch : data) {
    const auto byte = static_cast<std::uint8_t>(ch);
    c = kTable[(c ^ byte) & 0xFFu] ^ (c >> 8);
  }
  return c ^ 0xFFFFFFFFu;
}

}  // namespace cohort
