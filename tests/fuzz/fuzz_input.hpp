#pragma once

// What the harnesses share: the fuzzer's bytes as text, split in two where
// a harness needs two inputs.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

namespace cohort::fuzz {

inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// The text before the first NUL byte and the text after it (empty when
/// there is none).
inline std::pair<std::string_view, std::string_view> split_at_nul(std::string_view text) {
  const std::size_t nul = text.find('\0');
  if (nul == std::string_view::npos) return {text, {}};
  return {text.substr(0, nul), text.substr(nul + 1)};
}

}  // namespace cohort::fuzz
