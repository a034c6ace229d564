#include "cohort/json/json_text.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "cohort/json/value.hpp"

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

// The DOM, with nlohmann's own SAX builder (a duplicate key's last value
// replaces the earlier one by itself).
class DomBuilder : public nlohmann::detail::json_sax_dom_parser<Json> {
 public:
  DomBuilder() : json_sax_dom_parser(root_, /*allow_exceptions=*/false) {}
  Json take() { return std::move(root_); }

 private:
  Json root_;
};

// The value encoding (cohort/json/value.hpp), written as the events come,
// with no DOM: the same bytes encode_json writes for the parsed document,
// in a fraction of the memory (a DOM node costs tens of bytes, an encoded
// {} nine). A duplicate key keeps its first place with the last value
// given, as the DOM and JSON.parse keep it: the later member's value is
// spliced into the earlier one's place once it is complete.
class EncodingBuilder {
 public:
  using string_t = Json::string_t;
  using binary_t = Json::binary_t;

  bool null() {
    counted();
    encode::null(out_);
    return true;
  }
  bool boolean(bool value) {
    counted();
    encode::boolean(value, out_);
    return true;
  }
  bool number_integer(Json::number_integer_t value) {
    counted();
    encode::number(static_cast<double>(value), out_);
    return true;
  }
  bool number_unsigned(Json::number_unsigned_t value) {
    counted();
    encode::number(static_cast<double>(value), out_);
    return true;
  }
  bool number_float(Json::number_float_t value, const string_t&) {
    counted();
    encode::number(value, out_);
    return true;
  }
  bool string(string_t& value) {
    counted();
    encode::string(value, out_);
    return true;
  }
  bool binary(binary_t&) { return false; }  // never produced by JSON text
  bool start_object(std::size_t) { return start(ValueTag::object); }
  bool start_array(std::size_t) { return start(ValueTag::array); }
  bool key(string_t& name) {
    Open& open = open_.back();
    settle(open);
    if (const auto found = open.members.find(name); found != open.members.end()) {
      open.pending = Pending{found->second, out_.size()};
    } else {
      open.members.emplace(name, out_.size());
      ++open.count;
    }
    encode::key(name, out_);
    return true;
  }
  bool end_object() { return end(); }
  bool end_array() { return end(); }

  bool is_errored() const { return false; }
  std::string take() { return std::move(out_); }

 private:
  // A member written again under a key the object already has: where the
  // earlier member starts, and where the later one (key and value) does.
  struct Pending {
    std::size_t earlier;
    std::size_t later;
  };
  struct Open {
    std::size_t header;
    std::uint32_t count = 0;
    bool is_object;
    std::unordered_map<std::string, std::size_t> members;  // objects: key -> where it starts
    std::optional<Pending> pending;
  };

  // Once the later member is complete, it replaces the earlier one in place
  // and the members after that place move by the difference.
  void settle(Open& open) {
    if (!open.pending) return;
    const auto [earlier, later] = *open.pending;
    open.pending.reset();
    std::size_t earlier_end = later;
    for (const auto& [name, at] : open.members) {
      if (at > earlier && at < earlier_end) earlier_end = at;
    }
    const std::string member = out_.substr(later);
    out_.resize(later);
    out_.replace(earlier, earlier_end - earlier, member);
    for (auto& [name, at] : open.members) {
      if (at > earlier) at = at - (earlier_end - earlier) + member.size();
    }
  }

  // A value inside an array counts as one element (an object's members
  // are counted by their keys).
  void counted() {
    if (!open_.empty() && !open_.back().is_object) ++open_.back().count;
  }
  bool start(ValueTag kind) {
    counted();
    open_.push_back({encode::open(kind, out_), 0, kind == ValueTag::object, {}, std::nullopt});
    return true;
  }
  bool end() {
    settle(open_.back());
    encode::finish(open_.back().header, open_.back().count, out_);
    open_.pop_back();
    return true;
  }

  std::string out_;
  std::vector<Open> open_;
};

// Feeds nlohmann's SAX events to a Builder (the DOM, or the value encoding
// directly) and remembers where in the document it is, so a failure names
// its JSON Pointer. Errors come back as
// values, never as exceptions: a number no double can hold (1e309, a
// 5,001-digit integer) is nlohmann's out_of_range 406, which escaped every
// caller before and aborted the program.
template <class Builder>
class PathTrackingSax {
 public:
  using number_integer_t = Json::number_integer_t;
  using number_unsigned_t = Json::number_unsigned_t;
  using number_float_t = Json::number_float_t;
  using string_t = Json::string_t;
  using binary_t = Json::binary_t;

  bool null() { return scalar(builder_.null()); }
  bool boolean(bool value) { return scalar(builder_.boolean(value)); }
  bool number_integer(number_integer_t value) { return scalar(builder_.number_integer(value)); }
  bool number_unsigned(number_unsigned_t value) { return scalar(builder_.number_unsigned(value)); }
  bool number_float(number_float_t value, const string_t& text) {
    return scalar(builder_.number_float(value, text));
  }
  bool string(string_t& value) { return scalar(builder_.string(value)); }
  bool binary(binary_t& value) { return scalar(builder_.binary(value)); }
  bool start_object(std::size_t size) {
    frames_.push_back({false, 0, {}, {}});
    return builder_.start_object(size);
  }
  bool key(string_t& name) {
    Frame& frame = frames_.back();
    frame.key = name;
    // JSON leaves duplicate keys open; the last value is the one kept (as
    // JSON.parse keeps it), and the earlier one is reported, not lost
    // silently.
    if (!frame.keys.insert(name).second) {
      duplicates_.push_back({pointer(), "duplicate key: the last value given is used"});
    }
    return builder_.key(name);
  }
  bool end_object() {
    frames_.pop_back();
    return scalar(builder_.end_object());
  }
  bool start_array(std::size_t size) {
    frames_.push_back({true, 0, {}, {}});
    return builder_.start_array(size);
  }
  bool end_array() {
    frames_.pop_back();
    return scalar(builder_.end_array());
  }
  bool parse_error(std::size_t position, const std::string& token,
                   const nlohmann::detail::exception& ex) {
    failed_ = true;
    // A syntax error is named by its byte offset alone; a number that does
    // not fit also by the value it was meant to be.
    if (ex.id == 406) {  // out_of_range: a number that does not fit a double
      error_.path = pointer();
      error_.message = "number out of range at byte " + std::to_string(position) + ": " +
                       shortened(token) + " does not fit a double";
    } else {
      error_.message = "invalid JSON at byte " + std::to_string(position) + " (" +
                       line_and_column(position) + "): " + ex.what();
    }
    return false;
  }

  bool failed() const { return failed_ || builder_.is_errored(); }
  const Errors& duplicates() const { return duplicates_; }
  void set_text(std::string_view text) { text_ = text; }
  const Error& error() const { return error_; }
  auto take() { return builder_.take(); }

 private:
  struct Frame {
    bool is_array;
    std::size_t index;
    std::string key;
    std::unordered_set<std::string> keys;  // objects: the keys seen so far
  };

  // "line L, column C" of the 1-based byte offset `position`.
  std::string line_and_column(std::size_t position) const {
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = 0; i + 1 < position && i < text_.size(); ++i) {
      if (text_[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
  }

  // A value ended: the next one in an array has the next index.
  bool scalar(bool ok) {
    if (!frames_.empty() && frames_.back().is_array) ++frames_.back().index;
    return ok;
  }

  std::string pointer() const {
    std::string out;
    for (const Frame& frame : frames_) {
      out = frame.is_array ? child_path(out, frame.index) : child_path(out, frame.key);
    }
    return out;
  }

  // The offending text, bounded: a 5,001-digit number is not worth echoing.
  static std::string shortened(std::string_view token) {
    constexpr std::size_t kShown = 40;
    std::string out = "'";
    out.append(token.substr(0, kShown));
    if (token.size() <= kShown) return out + "'";
    return out + "...' (" + std::to_string(token.size()) + " characters)";
  }

  Builder builder_;
  std::vector<Frame> frames_;
  Error error_;
  Errors duplicates_;
  std::string_view text_;
  bool failed_ = false;
};

// The checks every parse makes before nlohmann reads the text, then the
// parse into `Builder`'s form; nullopt (and `error`) on failure.
template <class Builder>
auto parse_with(std::string_view text, std::size_t max_bytes, std::size_t max_depth, Error& error,
                Errors* warnings) -> std::optional<decltype(std::declval<Builder&>().take())> {
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
  PathTrackingSax<Builder> sax;
  sax.set_text(text);
  Json::sax_parse(text, &sax, nlohmann::detail::input_format_t::json, /*strict=*/true);
  if (sax.failed()) {
    error = sax.error();
    return std::nullopt;
  }
  if (warnings) warnings->insert(warnings->end(), sax.duplicates().begin(), sax.duplicates().end());
  return sax.take();
}

}  // namespace

std::optional<Json> parse_json_text(std::string_view text, std::size_t max_bytes,
                                    std::size_t max_depth, Error& error) {
  return parse_json_text(text, max_bytes, max_depth, error, nullptr);
}

std::optional<Json> parse_json_text(std::string_view text, std::size_t max_bytes,
                                    std::size_t max_depth, Error& error, Errors* warnings) {
  return parse_with<DomBuilder>(text, max_bytes, max_depth, error, warnings);
}

std::optional<std::string> parse_json_text_encoded(std::string_view text, std::size_t max_bytes,
                                                   std::size_t max_depth, Error& error,
                                                   Errors* warnings) {
  return parse_with<EncodingBuilder>(text, max_bytes, max_depth, error, warnings);
}

}  // namespace cohort
