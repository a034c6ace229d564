// GrowthBook's paddedVersionString, for the $v… operators: versions compare
// as strings once every numeric part is padded to the same width.

#include <string_view>

#include "conditions/js_value.hpp"

namespace cohort {
namespace condition_detail {
namespace {

// \n, \r, U+2028, U+2029 (E2 80 A8/A9): where JS's "." stops matching.
bool is_line_terminator_at(std::string_view text, std::size_t i) {
  const char c = text[i];
  if (c == '\n' || c == '\r') return true;
  return c == '\xE2' && i + 2 < text.size() && text[i + 1] == '\x80' &&
         (text[i + 2] == '\xA8' || text[i + 2] == '\xA9');
}

void pad_version_text(std::string_view text, TextBuffer& out) {
  // `replace(/(^v|\+.*$)/g, "")`: a leading "v", and build metadata from the
  // first "+" that has no line terminator after it ("." stops at those).
  if (!text.empty() && text[0] == 'v') text.remove_prefix(1);
  std::size_t cut = text.size();
  for (std::size_t i = text.size(); i-- > 0;) {
    if (is_line_terminator_at(text, i)) break;
    if (text[i] == '+') cut = i;
  }
  text = text.substr(0, cut);

  // Split on "-" and ".", left-pad numeric parts to 5 with spaces, rejoin
  // with "-"; a plain x.y.z gets a "~" part so it sorts after pre-releases.
  constexpr std::string_view kSpaces = "     ";
  std::size_t parts = 0;
  std::size_t start = 0;
  while (true) {
    std::size_t end = start;
    bool numeric = true;
    while (end < text.size() && text[end] != '-' && text[end] != '.') {
      numeric = numeric && is_digit(text[end]);
      ++end;
    }
    if (parts++ > 0) out.push_back('-');
    const std::size_t length = end - start;
    if (numeric && length > 0 && length < kSpaces.size()) {
      out.append(kSpaces.substr(length));
    }
    out.append(text.substr(start, length));
    if (end >= text.size()) break;
    start = end + 1;
  }
  if (parts == 3) out.append("-~");
}

}  // namespace

void padded_version(Value value, TextBuffer& out) {
  if (value.is_number()) {
    pad_version_text(value.number_text(), out);
  } else if (value.is_string() && !value.string().empty()) {
    pad_version_text(value.string(), out);
  } else {
    pad_version_text("0", out);
  }
}

}  // namespace condition_detail
}  // namespace cohort
