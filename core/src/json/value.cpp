#include "cohort/json/value.hpp"

#include "conditions/condition_node.hpp"
#include "json/utf8.hpp"

namespace cohort {
namespace {

void put_u32(std::uint32_t n, std::string& out) {
  char bytes[4];
  std::memcpy(bytes, &n, sizeof n);
  out.append(bytes, sizeof bytes);
}

// Reads the encoding from `at` up to `end`, one value, checking every length
// against the bytes that remain.
class Checker {
 public:
  Checker(const unsigned char* begin, const unsigned char* end, std::size_t max_depth)
      : begin_(begin), end_(end), max_depth_(max_depth) {}

  // The position after the value at `at`, or nullptr after setting problem_.
  const unsigned char* value(const unsigned char* at, std::size_t depth) {
    if (at >= end_) return fail(at, "truncated value");
    switch (static_cast<ValueTag>(*at)) {
      case ValueTag::null:
      case ValueTag::false_:
      case ValueTag::true_:
        return at + 1;
      case ValueTag::number:
        if (end_ - at < 9) return fail(at, "truncated number");
        return text(at + 9);
      case ValueTag::string:
        return text(at + 1);
      case ValueTag::array:
      case ValueTag::object:
        return structured(at, depth);
    }
    return fail(at, "unknown tag " + std::to_string(*at));
  }

  const std::string& problem() const { return problem_; }
  std::size_t deepest() const { return deepest_; }

 private:
  const unsigned char* structured(const unsigned char* at, std::size_t depth) {
    if (depth >= max_depth_) {
      return fail(at, "nested deeper than " + std::to_string(max_depth_) + " levels");
    }
    if (depth > deepest_) deepest_ = depth;
    std::uint32_t count = 0;
    std::uint32_t size = 0;
    if (!read_u32(at + 1, count) || !read_u32(at + 5, size)) return fail(at, "truncated header");
    const unsigned char* body = at + 9;
    if (static_cast<std::size_t>(end_ - body) < size) return fail(at, "size beyond the end");
    const unsigned char* stop = body + size;
    const bool members = *at == static_cast<unsigned char>(ValueTag::object);
    const unsigned char* p = body;
    for (std::uint32_t i = 0; i < count; ++i) {
      if (members && (p = text(p)) == nullptr) return nullptr;
      if ((p = value(p, depth + 1)) == nullptr) return nullptr;
      if (p > stop) return fail(at, "children beyond the size given");
    }
    if (p != stop) return fail(at, "size does not match the children");
    return stop;
  }

  // A u32 length and that many bytes of UTF-8.
  const unsigned char* text(const unsigned char* at) {
    std::uint32_t n = 0;
    if (!read_u32(at, n)) return fail(at, "truncated length");
    const unsigned char* start = at + 4;
    if (static_cast<std::size_t>(end_ - start) < n) return fail(at, "text beyond the end");
    if (!is_valid_utf8({reinterpret_cast<const char*>(start), n})) {
      return fail(at, "text is not valid UTF-8");
    }
    return start + n;
  }

  bool read_u32(const unsigned char* at, std::uint32_t& n) const {
    if (at > end_ || end_ - at < 4) return false;
    std::memcpy(&n, at, sizeof n);
    return true;
  }

  const unsigned char* fail(const unsigned char* at, const std::string& what) {
    if (problem_.empty()) {
      problem_ = what + " at byte " + std::to_string(at < end_ ? at - begin_ : end_ - begin_);
    }
    return nullptr;
  }

  const unsigned char* begin_;
  const unsigned char* end_;
  std::size_t max_depth_;
  std::size_t deepest_ = 0;
  std::string problem_;
};

}  // namespace

std::size_t Value::byte_size() const {
  switch (static_cast<ValueTag>(*at_)) {
    case ValueTag::number:
      return 13 + u32(at_ + 9);
    case ValueTag::string:
      return 5 + u32(at_ + 1);
    case ValueTag::array:
    case ValueTag::object:
      return 9 + u32(at_ + 5);
    default:
      return 1;
  }
}

Value Value::find(std::string_view key) const {
  if (!is_object()) return {};
  for (Cursor c = children(); !c.done(); c.next()) {
    if (condition_detail::same_text(c.key(), key)) return c.value();
  }
  return {};
}

Value Value::element(std::size_t index) const {
  if (!is_array() || index >= size()) return {};
  Cursor c = children();
  for (std::size_t i = 0; i < index; ++i) c.next();
  return c.value();
}

bool deeper_than(Value value, std::size_t levels) {
  if (!value.is_structured()) return false;
  if (levels == 0) return true;
  for (auto c = value.children(); !c.done(); c.next()) {
    if (deeper_than(c.value(), levels - 1)) return true;
  }
  return false;
}

std::string check_encoding(std::string_view bytes, std::size_t max_depth, std::size_t& deepest) {
  const auto* begin = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto* end = begin + bytes.size();
  Checker checker(begin, end, max_depth);
  const unsigned char* stop = checker.value(begin, 0);
  deepest = checker.deepest();
  if (stop == nullptr) return checker.problem();
  if (stop != end) return "bytes after the value at byte " + std::to_string(stop - begin);
  return "";
}

std::string check_encoding(std::string_view bytes, std::size_t max_depth) {
  std::size_t deepest = 0;
  return check_encoding(bytes, max_depth, deepest);
}

namespace encode {

void null(std::string& out) {
  out += static_cast<char>(ValueTag::null);
}

void boolean(bool value, std::string& out) {
  out += static_cast<char>(value ? ValueTag::true_ : ValueTag::false_);
}

void number(double value, std::string& out, std::string_view text) {
  out += static_cast<char>(ValueTag::number);
  char bytes[8];
  std::memcpy(bytes, &value, sizeof value);
  out.append(bytes, sizeof bytes);
  condition_detail::NumberText buffer;
  if (text.empty()) text = condition_detail::format_number(value, buffer);
  put_u32(static_cast<std::uint32_t>(text.size()), out);
  out.append(text);
}

void string(std::string_view text, std::string& out) {
  out += static_cast<char>(ValueTag::string);
  put_u32(static_cast<std::uint32_t>(text.size()), out);
  out.append(text);
}

std::size_t open(ValueTag kind, std::string& out) {
  const std::size_t at = out.size();
  out += static_cast<char>(kind);
  out.append(8, '\0');
  return at;
}

void key(std::string_view text, std::string& out) {
  put_u32(static_cast<std::uint32_t>(text.size()), out);
  out.append(text);
}

void finish(std::size_t opened, std::uint32_t count, std::string& out) {
  const auto size = static_cast<std::uint32_t>(out.size() - opened - 9);
  std::memcpy(&out[opened + 1], &count, sizeof count);
  std::memcpy(&out[opened + 5], &size, sizeof size);
}

}  // namespace encode
}  // namespace cohort
