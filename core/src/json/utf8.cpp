#include "json/utf8.hpp"

namespace cohort {
namespace {

// The well-formed sequence starting at text[i] (Unicode Standard, Table
// 3-7: no overlongs, no surrogates, nothing above U+10FFFF): its length, or
// 0 when there is none; `seen` is then the length of the maximal subpart,
// the ill-formed prefix that one U+FFFD replaces (at least 1).
std::size_t sequence_at(std::string_view text, std::size_t i, std::size_t& seen) {
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b = at(i);
  seen = 1;
  if (b < 0x80) return 1;
  std::size_t len = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) {
    len = 2;
  } else if (b >= 0xe0 && b <= 0xef) {
    len = 3;
    if (b == 0xe0) lo = 0xa0;
    if (b == 0xed) hi = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    len = 4;
    if (b == 0xf0) lo = 0x90;
    if (b == 0xf4) hi = 0x8f;
  } else {
    return 0;
  }
  while (seen < len && i + seen < text.size()) {
    const unsigned char c = at(i + seen);
    if (c < (seen == 1 ? lo : 0x80) || c > (seen == 1 ? hi : 0xbf)) break;
    ++seen;
  }
  return seen == len ? len : 0;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t len = sequence_at(text, i, seen);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

std::string replace_invalid_utf8(std::string_view text) {
  // The "maximal subpart" practice of the Unicode Standard (§3.9, U+FFFD
  // substitution), as the WHATWG decoder and nlohmann's serializer apply it.
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(text.size() + 8);
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t len = sequence_at(text, i, seen);
    if (len > 0) {
      out.append(text, i, len);
      i += len;
    } else {
      out += kReplacement;
      i += seen;
    }
  }
  return out;
}

}  // namespace cohort
