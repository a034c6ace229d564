#include "cohort/context.hpp"

#include <algorithm>
#include <charconv>

#include "cohort/json_text.hpp"
#include "json_describe.hpp"

namespace cohort {
namespace {

bool deeper_than(const Json& value, std::size_t limit) {
  if (!value.is_structured()) return false;
  if (limit == 0) return true;
  for (const auto& child : value) {
    if (deeper_than(child, limit - 1)) return true;
  }
  return false;
}

}  // namespace

bool is_reserved_context_key(std::string_view key) {
  return key == "sticky_to" || key == "migrated_from";
}

namespace {

// Well-formed UTF-8 per the Unicode Standard, Table 3-7 (no overlongs, no
// surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view text) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  while (i < n) {
    const unsigned char b = at(i);
    if (b < 0x80) {
      ++i;
      continue;
    }
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
      return false;
    }
    if (n - i < len || at(i + 1) < lo || at(i + 1) > hi) return false;
    for (std::size_t k = 2; k < len; ++k) {
      if (at(i + k) < 0x80 || at(i + k) > 0xbf) return false;
    }
    i += len;
  }
  return true;
}

}  // namespace

void append_json_string(std::string_view text, std::string& out) {
  if (!is_valid_utf8(text)) {
    // Only values built in C++ get here (parsed text is valid UTF-8): let
    // nlohmann replace the bad bytes with U+FFFD, never throw.
    out += Json(std::string(text)).dump(-1, ' ', false, Json::error_handler_t::replace);
    return;
  }
  // The escapes nlohmann's dump() writes, without building a serializer per
  // call: this runs for every context key computed.
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  std::size_t run = 0;  // start of the pending run of characters kept as is
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x20 && byte != '"' && byte != '\\') continue;
    out.append(text, run, i - run);
    run = i + 1;
    switch (byte) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += "\\u00";
        out += kHex[byte >> 4];
        out += kHex[byte & 0xf];
    }
  }
  out.append(text, run, text.size() - run);
  out += '"';
}

void write_canonical_json(const Json& value, std::string& out) {
  if (value.is_object()) {
    std::vector<std::pair<const std::string*, const Json*>> members;
    members.reserve(value.size());
    for (auto it = value.begin(); it != value.end(); ++it) members.emplace_back(&it.key(), &*it);
    std::sort(members.begin(), members.end(),
              [](const auto& a, const auto& b) { return *a.first < *b.first; });
    out += '{';
    for (std::size_t i = 0; i < members.size(); ++i) {
      if (i) out += ',';
      append_json_string(*members[i].first, out);
      out += ':';
      write_canonical_json(*members[i].second, out);
    }
    out += '}';
  } else if (value.is_array()) {
    out += '[';
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (i) out += ',';
      write_canonical_json(value[i], out);
    }
    out += ']';
  } else if (value.is_string()) {
    append_json_string(value.get_ref<const std::string&>(), out);
  } else if (value.is_number_integer()) {
    char digits[24];
    const auto [end, ec] =
        value.is_number_unsigned()
            ? std::to_chars(digits, digits + sizeof digits, value.get<std::uint64_t>())
            : std::to_chars(digits, digits + sizeof digits, value.get<std::int64_t>());
    out.append(digits, end);
  } else if (value.is_boolean()) {
    out += value.get<bool>() ? "true" : "false";
  } else if (value.is_null()) {
    out += "null";
  } else {
    out += value.dump(-1, ' ', false, Json::error_handler_t::replace);
  }
}

std::optional<Context> Context::from_json(Json value, Error& error, const ContextLimits& limits) {
  return validate(std::move(value), error, limits, "", 0);
}

std::optional<Context> Context::parse(std::string_view text, Error& error,
                                      const ContextLimits& limits) {
  auto value = parse_json_text(text, limits.max_bytes, limits.max_depth, error);
  if (!value) return std::nullopt;
  return from_json(std::move(*value), error, limits);
}

const Json* Context::sticky_to() const {
  const auto it = attributes_.find("sticky_to");
  return it == attributes_.end() || it->is_null() ? nullptr : &*it;
}

std::optional<Context> Context::validate(Json value, Error& error, const ContextLimits& limits,
                                         const std::string& path, std::size_t migrations) {
  if (!value.is_object()) {
    error = {path, expected("a context object such as {\"actor\": \"user:42\"}", value)};
    return std::nullopt;
  }
  if (deeper_than(value, limits.max_depth)) {
    error = {path, "nested deeper than " + std::to_string(limits.max_depth) + " levels"};
    return std::nullopt;
  }
  if (const auto sticky = value.find("sticky_to"); sticky != value.end()) {
    if (!(sticky->is_string() || sticky->is_number() || sticky->is_object() || sticky->is_null())) {
      error = {child_path(path, "sticky_to"), expected("a string, a number or an object", *sticky)};
      return std::nullopt;
    }
    if (sticky->is_string() && sticky->get_ref<const std::string&>().empty()) {
      error = {child_path(path, "sticky_to"), "expected a non-empty string: it becomes the key"};
      return std::nullopt;
    }
  }
  std::vector<Context> chain;
  if (const auto old = value.find("migrated_from"); old != value.end() && !old->is_null()) {
    const std::string old_path = child_path(path, "migrated_from");
    if (migrations + 1 > limits.max_migrations) {
      error = {old_path, "migration chain longer than " + std::to_string(limits.max_migrations)};
      return std::nullopt;
    }
    auto previous = validate(*old, error, limits, old_path, migrations + 1);
    if (!previous) return std::nullopt;
    chain.push_back(*previous);
    for (const auto& older : previous->migrated_from()) chain.push_back(older);
  }

  Json fields = Json::object();
  for (auto it = value.begin(); it != value.end(); ++it) {
    if (!is_reserved_context_key(it.key())) fields[it.key()] = *it;
  }

  Context context;
  write_canonical_json(fields, context.canonical_);
  context.attributes_ = std::move(value);
  context.migrated_from_ = std::move(chain);
  return context;
}

}  // namespace cohort
