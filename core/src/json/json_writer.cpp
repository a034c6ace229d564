#include "cohort/json/json_writer.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "cohort/hashing/hex.hpp"
#include "json/utf8.hpp"
#include "sorting.hpp"

namespace cohort {

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
        sort_stable(members, [](const auto& a, const auto& b) { return a.first < b.first; });
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

}  // namespace

void write_canonical_json(Value value, std::string& out) {
  write_json(value, out, true);
}

void write_json(Value value, std::string& out) {
  write_json(value, out, false);
}

}  // namespace cohort
