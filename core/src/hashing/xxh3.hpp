#pragma once

#include <cstdint>
#include <string_view>

// XXH3, the core's fast non-cryptographic hash, behind two functions of
// its own: with xxHash inlined (XXH_INLINE_ALL), every call site carried a
// copy of XXH3's dispatch on the input's length, 1.5 to 3.5 KB each in the
// WebAssembly module and all of them compiled before the first answer.
namespace cohort {

/// XXH3-64 of `bytes` with `seed`; seed 0 gives XXH3_64bits' value.
std::uint64_t xxh3_64(std::string_view bytes, std::uint64_t seed = 0);

/// XXH3-128 of `bytes`.
struct Xxh3Digest128 {
  std::uint64_t high;
  std::uint64_t low;
};
Xxh3Digest128 xxh3_128(std::string_view bytes);

}  // namespace cohort
