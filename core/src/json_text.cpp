#include "cohort/json_text.hpp"

#include <string>

namespace cohort {
namespace {

// nlohmann's parser recurses once per nesting level, so depth is checked on
// the raw text first: a hostile "[[[[..." must not exhaust the stack.
std::optional<std::size_t> too_deep_at(std::string_view text, std::size_t max_depth) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<Json> parse_json_text(std::string_view text, std::size_t max_bytes,
                                    std::size_t max_depth, Error& error) {
  if (text.size() > max_bytes) {
    error = {"", "document is " + std::to_string(text.size()) + " bytes; the limit is " +
                     std::to_string(max_bytes)};
    return std::nullopt;
  }
  // Byte offsets in messages count from 1, as nlohmann's parse errors do.
  if (const auto at = too_deep_at(text, max_depth)) {
    error = {"", "nesting deeper than " + std::to_string(max_depth) + " levels at byte " +
                     std::to_string(*at + 1)};
    return std::nullopt;
  }
  // nlohmann's lexer takes a NUL byte for the end of input and would
  // silently ignore whatever follows; a raw NUL is never valid JSON.
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    error = {"", "invalid JSON at byte " + std::to_string(nul + 1) + ": a NUL byte"};
    return std::nullopt;
  }
#if defined(__cpp_exceptions)
  try {
    return Json::parse(text);
  } catch (const Json::parse_error& e) {
    error = {"", "invalid JSON at byte " + std::to_string(e.byte) + ": " + e.what()};
    return std::nullopt;
  }
#else
  Json value = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) {
    error = {"", "invalid JSON"};
    return std::nullopt;
  }
  return value;
#endif
}

}  // namespace cohort
