#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace cohort::detail {

using Block = std::array<std::uint8_t, 64>;

/// The byte order of the bit length that ends the padding.
enum class LengthOrder { little_endian, big_endian };

/// Feeds `data` to `compress` in 64-byte blocks, padded as MD5 (RFC 1321
/// §3.1–3.2) and SHA-256 (FIPS 180-4 §5.1.1) both pad: 0x80, zeros up to 56
/// mod 64, then the length in bits as 64 bits in `order`. The length is
/// computed in 64 bits even on 32-bit targets, where size_t * 8 could
/// overflow.
template <typename Compress>
void merkle_damgard(std::string_view data, LengthOrder order, Compress&& compress) {
  Block block{};
  std::size_t offset = 0;
  for (; data.size() - offset >= block.size(); offset += block.size()) {
    for (std::size_t i = 0; i < block.size(); ++i) {
      block[i] = static_cast<std::uint8_t>(data[offset + i]);
    }
    compress(block);
  }

  // The tail plus padding spans one block, or two when fewer than 9 bytes
  // are left after the data.
  std::array<std::uint8_t, 128> tail{};
  const std::size_t rest = data.size() - offset;
  for (std::size_t i = 0; i < rest; ++i) tail[i] = static_cast<std::uint8_t>(data[offset + i]);
  tail[rest] = 0x80;
  const std::size_t tail_size = rest < 56 ? 64 : 128;
  const std::uint64_t bits = static_cast<std::uint64_t>(data.size()) * 8u;
  for (std::size_t i = 0; i < 8; ++i) {
    const std::size_t at =
        order == LengthOrder::little_endian ? tail_size - 8 + i : tail_size - 1 - i;
    tail[at] = static_cast<std::uint8_t>(bits >> (8 * i));
  }
  for (std::size_t start = 0; start < tail_size; start += block.size()) {
    for (std::size_t i = 0; i < block.size(); ++i) block[i] = tail[start + i];
    compress(block);
  }
}

}  // namespace cohort::detail
