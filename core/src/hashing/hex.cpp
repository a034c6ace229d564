#include "cohort/hashing/hex.hpp"

namespace cohort {

std::string to_hex(std::span<const std::uint8_t> bytes) {
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const std::uint8_t b : bytes) {
    out.push_back(kHexDigits[b >> 4]);
    out.push_back(kHexDigits[b & 0x0Fu]);
  }
  return out;
}

void append_hex(std::uint64_t value, std::string& out) {
  char digits[16];
  for (int i = 15; i >= 0; --i) {
    digits[i] = kHexDigits[value & 0xf];
    value >>= 4;
  }
  out.append(digits, sizeof digits);
}

}  // namespace cohort
