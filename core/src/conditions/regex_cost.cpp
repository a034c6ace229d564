#include "conditions/regex_cost.hpp"

#include <algorithm>
#include <vector>

namespace cohort::condition_detail {
namespace {

std::size_t add(std::size_t a, std::size_t b) {
  return std::min(kSaturated, a + b);
}

std::size_t times(std::size_t a, std::size_t n) {
  if (n != 0 && a > kSaturated / n) return kSaturated;
  return std::min(kSaturated, a * n);
}

/// A group being read: the cost of what it holds so far, and of its last
/// item, which a quantifier that follows applies to.
struct Frame {
  std::size_t sum = 0;
  std::size_t last = 0;

  void item(std::size_t cost) {
    sum = add(sum, last);
    last = cost;
  }
  std::size_t total() const { return add(sum, last); }
};

/// Reads `{n}`, `{n,}` or `{n,m}` at `at` (on '{'); returns the copies it
/// makes and moves `at` past it, or 0 when it is not a repetition (RE2 then
/// reads '{' as a literal).
std::size_t repetition(std::string_view p, std::size_t& at) {
  std::size_t i = at + 1;
  const auto number = [&](std::size_t& value) {
    const std::size_t start = i;
    value = 0;
    while (i < p.size() && p[i] >= '0' && p[i] <= '9') {
      value = std::min<std::size_t>(value * 10 + static_cast<std::size_t>(p[i] - '0'), kSaturated);
      ++i;
    }
    return i > start;
  };
  std::size_t low = 0;
  std::size_t high = 0;
  if (!number(low)) return 0;
  std::size_t copies = low;
  if (i < p.size() && p[i] == ',') {
    ++i;
    copies = number(high) ? std::max(low, high) : add(low, 1);
  }
  if (i >= p.size() || p[i] != '}') return 0;
  at = i + 1;
  return std::max<std::size_t>(copies, 1);
}

/// Moves `at` past a character class starting at `at` (on '[').
void skip_class(std::string_view p, std::size_t& at) {
  std::size_t i = at + 1;
  if (i < p.size() && p[i] == '^') ++i;
  if (i < p.size() && p[i] == ']') ++i;  // a leading ']' is a member
  while (i < p.size() && p[i] != ']') {
    if (p[i] == '\\') {
      i += 2;
    } else if (p[i] == '[' && i + 1 < p.size() && p[i + 1] == ':') {
      const std::size_t end = p.find(":]", i + 2);
      i = end == std::string_view::npos ? i + 1 : end + 2;
    } else {
      ++i;
    }
  }
  at = std::min(p.size(), i + 1);
}

/// Moves `at` past an escape starting at `at` (on '\\'); returns how many
/// atoms it is (`\Q...\E` is one per character).
std::size_t skip_escape(std::string_view p, std::size_t& at) {
  std::size_t i = at + 1;
  if (i >= p.size()) {
    at = i;
    return 1;
  }
  const char c = p[i++];
  if (c == 'Q') {
    const std::size_t end = p.find("\\E", i);
    const std::size_t stop = end == std::string_view::npos ? p.size() : end;
    at = end == std::string_view::npos ? p.size() : end + 2;
    return std::max<std::size_t>(stop - i, 1);
  }
  if ((c == 'x' || c == 'p' || c == 'P') && i < p.size() && p[i] == '{') {
    const std::size_t end = p.find('}', i);
    i = end == std::string_view::npos ? p.size() : end + 1;
  } else if (c == 'x') {
    i = std::min(p.size(), i + 2);
  } else if (c == 'p' || c == 'P') {
    i = std::min(p.size(), i + 1);
  }
  at = i;
  return 1;
}

}  // namespace

std::size_t regex_cost(std::string_view p) {
  std::vector<Frame> open(1);
  std::size_t at = 0;
  while (at < p.size()) {
    const char c = p[at];
    Frame& frame = open.back();
    switch (c) {
      case '\\':
        frame.item(skip_escape(p, at));
        break;
      case '[':
        skip_class(p, at);
        frame.item(1);
        break;
      case '(': {
        ++at;
        if (at < p.size() && p[at] == '?') {
          // (?flags), (?flags:...), (?P<name>...), (?<name>...)
          const std::size_t end = p.find_first_of(":)>", at);
          if (end != std::string_view::npos && p[end] == ')') {
            at = end + 1;  // flags alone: no item
            break;
          }
          at = end == std::string_view::npos ? p.size() : end + 1;
        }
        open.emplace_back();
        break;
      }
      case ')': {
        ++at;
        if (open.size() == 1) {
          frame.item(1);
          break;
        }
        const std::size_t group = add(frame.total(), 1);
        open.pop_back();
        open.back().item(group);
        break;
      }
      case '|':
        ++at;
        frame.sum = add(frame.total(), 1);
        frame.last = 0;
        break;
      case '*':
      case '+':
      case '?':
        ++at;
        if (at < p.size() && p[at] == '?') ++at;  // lazy
        frame.last = add(frame.last, 1);
        break;
      case '{': {
        const std::size_t copies = repetition(p, at);
        if (copies == 0) {
          ++at;
          frame.item(1);
        } else {
          if (at < p.size() && p[at] == '?') ++at;
          frame.last = add(times(frame.last, copies), 1);
        }
        break;
      }
      default:
        ++at;
        // One per character, not per byte of its UTF-8 form.
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) frame.item(1);
        break;
    }
  }
  while (open.size() > 1) {
    const std::size_t group = add(open.back().total(), 1);
    open.pop_back();
    open.back().item(group);
  }
  return open.back().total();
}

}  // namespace cohort::condition_detail
