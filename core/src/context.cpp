#include "cohort/context.hpp"

#include <algorithm>
#include <charconv>

#include "cohort/hex.hpp"
#include "cohort/json_text.hpp"
#include "cohort/value_json.hpp"
#include "json_describe.hpp"
#include "utf8.hpp"

namespace cohort {

bool is_reserved_context_key(std::string_view key) {
  return key == "sticky_to" || key == "migrated_from";
}

void append_json_string(std::string_view text, std::string& out) {
  if (!is_valid_utf8(text)) {
    // Only text built in C++ gets here (parsed and encoded text is valid
    // UTF-8): the bad bytes become U+FFFD, as nlohmann's dump() replaces them.
    append_json_string(replace_invalid_utf8(text), out);
    return;
  }
  // The escapes nlohmann's dump() writes, without building a serializer per
  // call: this runs for every context key computed.
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
        out += kHexDigits[byte >> 4];
        out += kHexDigits[byte & 0xf];
    }
  }
  out.append(text, run, text.size() - run);
  out += '"';
}

namespace {

void write_json(Value value, std::string& out, bool sorted) {
  switch (value.type()) {
    case Value::Type::object: {
      std::vector<std::pair<std::string_view, Value>> members;
      members.reserve(value.size());
      for (auto c = value.children(); !c.done(); c.next()) members.emplace_back(c.key(), c.value());
      if (sorted) {
        std::sort(members.begin(), members.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
      }
      out += '{';
      for (std::size_t i = 0; i < members.size(); ++i) {
        if (i) out += ',';
        append_json_string(members[i].first, out);
        out += ':';
        write_json(members[i].second, out, sorted);
      }
      out += '}';
      return;
    }
    case Value::Type::array: {
      out += '[';
      bool first = true;
      for (auto c = value.children(); !c.done(); c.next()) {
        if (!first) out += ',';
        first = false;
        write_json(c.value(), out, sorted);
      }
      out += ']';
      return;
    }
    case Value::Type::string:
      append_json_string(value.string(), out);
      return;
    case Value::Type::number: {
      // JSON has no NaN or Infinity: JSON.stringify writes null.
      const std::string_view text = value.number_text();
      out += text == "NaN" || text == "Infinity" || text == "-Infinity" ? "null" : text;
      return;
    }
    case Value::Type::boolean:
      out += value.boolean() ? "true" : "false";
      return;
    case Value::Type::null:
    case Value::Type::missing:
      out += "null";
      return;
  }
}

// Deep enough for any context a limit allows, shallow enough for the stack.
constexpr std::size_t kMaxEncodedDepth = 256;

}  // namespace

void write_canonical_json(Value value, std::string& out) {
  write_json(value, out, true);
}

void write_json(Value value, std::string& out) {
  write_json(value, out, false);
}

Context& Context::operator=(const Context& other) {
  bytes_ = other.bytes_;
  migrated_from_ = other.migrated_from_;
  canonical_ = other.canonical_;
  has_canonical_ = other.has_canonical_;
  return *this;
}

std::optional<Context> Context::decode(std::string_view encoded, Error& error,
                                       const ContextLimits& limits) {
  if (const std::string problem = check_encoding(encoded, kMaxEncodedDepth); !problem.empty()) {
    error = {"", "malformed context encoding: " + problem};
    return std::nullopt;
  }
  return validate(std::string(encoded), error, limits, "", 0);
}

std::optional<Context> Context::from_json(const Json& value, Error& error,
                                          const ContextLimits& limits) {
  if (!value.is_object()) {
    error = {"", expected("a context object such as {\"actor\": \"user:42\"}", value)};
    return std::nullopt;
  }
  // The encoding is written iteratively, so a built value nested anything is
  // safe to encode; validate() then refuses one deeper than the limit.
  return validate(encode_json(value), error, limits, "", 0);
}

std::optional<Context> Context::parse(std::string_view text, Error& error,
                                      const ContextLimits& limits) {
  auto value = parse_json_text(text, limits.max_bytes, limits.max_depth, error);
  if (!value) return std::nullopt;
  return from_json(*value, error, limits);
}

Value Context::sticky_to() const {
  const Value sticky = attributes().find("sticky_to");
  return sticky.is_null() ? Value() : sticky;
}

const std::string& Context::canonical() const {
  if (!has_canonical_) {
    // The object minus reserved keys, without copying it: the members are
    // sorted and written here as write_canonical_json writes an object.
    std::vector<std::pair<std::string_view, Value>> members;
    members.reserve(attributes().size());
    for (auto c = attributes().children(); !c.done(); c.next()) {
      if (!is_reserved_context_key(c.key())) members.emplace_back(c.key(), c.value());
    }
    std::sort(members.begin(), members.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    canonical_ = '{';
    for (std::size_t i = 0; i < members.size(); ++i) {
      if (i) canonical_ += ',';
      append_json_string(members[i].first, canonical_);
      canonical_ += ':';
      write_canonical_json(members[i].second, canonical_);
    }
    canonical_ += '}';
    has_canonical_ = true;
  }
  return canonical_;
}

bool Context::assign(std::string_view encoded, Error& error, const ContextLimits& limits) {
  if (const std::string problem = check_encoding(encoded, kMaxEncodedDepth); !problem.empty()) {
    error = {"", "malformed context encoding: " + problem};
    return false;
  }
  bytes_.assign(encoded);
  return check(error, limits, "", 0);
}

std::optional<Context> Context::validate(std::string bytes, Error& error,
                                         const ContextLimits& limits, const std::string& path,
                                         std::size_t migrations) {
  Context context;
  context.bytes_ = std::move(bytes);
  if (!context.check(error, limits, path, migrations)) return std::nullopt;
  return context;
}

bool Context::check(Error& error, const ContextLimits& limits, const std::string& path,
                    std::size_t migrations) {
  has_canonical_ = false;
  migrated_from_.clear();
  const Value value = attributes();
  if (!value.is_object()) {
    error = {path, expected("a context object such as {\"actor\": \"user:42\"}", value)};
    return false;
  }
  if (deeper_than(value, limits.max_depth)) {
    error = {path, "nested deeper than " + std::to_string(limits.max_depth) + " levels"};
    return false;
  }
  if (const Value sticky = value.find("sticky_to"); !sticky.missing()) {
    if (!(sticky.is_string() || sticky.is_number() || sticky.is_object() || sticky.is_null())) {
      error = {child_path(path, "sticky_to"), expected("a string, a number or an object", sticky)};
      return false;
    }
    if (sticky.is_string() && sticky.string().empty()) {
      error = {child_path(path, "sticky_to"), "expected a non-empty string: it becomes the key"};
      return false;
    }
  }
  if (const Value old = value.find("migrated_from"); !old.is_null()) {
    const std::string old_path = child_path(path, "migrated_from");
    if (migrations + 1 > limits.max_migrations) {
      error = {old_path, "migration chain longer than " + std::to_string(limits.max_migrations)};
      return false;
    }
    auto previous = validate(std::string(old.bytes()), error, limits, old_path, migrations + 1);
    if (!previous) return false;
    migrated_from_.reserve(1 + previous->migrated_from().size());
    migrated_from_.push_back(*previous);
    for (const auto& older : previous->migrated_from()) migrated_from_.push_back(older);
  }
  return true;
}

}  // namespace cohort
