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

/// What each estimate counts.
struct Weights {
  std::size_t unicode_class;  ///< \p{..}, \P{..}
  /// A bracket class that may match more than ASCII (negated, holding a
  /// non-ASCII member, \D \S \W or a property, or folding case): a base,
  /// each member (a character, either end of a range, a named class) and
  /// each property in it.
  std::size_t class_base;
  std::size_t class_item;
  std::size_t class_property;
  /// Any other bracket class: a base and each member.
  std::size_t narrow_class_base;
  std::size_t narrow_class_item;
  std::size_t perl_class;  ///< \d \s \w \D \S \W
  std::size_t dot;         ///< `.`
  bool per_byte;           ///< a literal character: per byte of UTF-8, not once
  std::size_t fold;        ///< each literal byte, times this (case folding)
  std::size_t group;       ///< a group, besides what it holds
  std::size_t per_copy;    ///< a counted repetition's copy, besides the copy
};

/// The work per character (regex_cost): one per atom, class or character.
constexpr Weights kWork = {1, 1, 0, 0, 1, 0, 1, 1, false, 1, 1, 0};

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

/// Moves `at` past a character class starting at `at` (on '['); returns the
/// states it is.
std::size_t skip_class(std::string_view p, std::size_t& at, const Weights& weights) {
  std::size_t items = 0;       // members, ranges' ends and named classes
  std::size_t properties = 0;  // \p{..} and \P{..} inside
  std::size_t i = at + 1;
  bool wide = weights.fold > 1;
  if (i < p.size() && p[i] == '^') {
    ++i;
    wide = true;
  }
  if (i < p.size() && p[i] == ']') {  // a leading ']' is a member
    ++i;
    ++items;
  }
  while (i < p.size() && p[i] != ']') {
    if (p[i] == '\\' && i + 1 < p.size()) {
      const char e = p[i + 1];
      i += 2;
      if ((e == 'p' || e == 'P' || e == 'x') && i < p.size() && p[i] == '{') {
        const std::size_t end = p.find('}', i);
        i = end == std::string_view::npos ? p.size() : end + 1;
      } else if (e == 'p' || e == 'P') {
        ++i;  // \pL
      }
      if (e == 'p' || e == 'P') {
        ++properties;
      } else {
        ++items;
      }
      if (e == 'p' || e == 'P' || e == 'x' || e == 'D' || e == 'S' || e == 'W') wide = true;
    } else if (p[i] == '[' && i + 1 < p.size() && p[i + 1] == ':') {
      if (i + 2 < p.size() && p[i + 2] == '^') wide = true;
      const std::size_t end = p.find(":]", i + 2);
      i = end == std::string_view::npos ? i + 1 : end + 2;
      ++items;
    } else {
      const auto byte = static_cast<unsigned char>(p[i]);
      if (byte >= 0x80) wide = true;
      if (p[i] != '-' && (byte & 0xC0) != 0x80) ++items;
      ++i;
    }
  }
  at = std::min(p.size(), i + 1);
  if (!wide) return add(weights.narrow_class_base, times(items, weights.narrow_class_item));
  return add(add(weights.class_base, times(items, weights.class_item)),
             times(properties, weights.class_property));
}

/// Moves `at` past an escape starting at `at` (on '\\'); returns how many
/// states it is (`\Q...\E` is a literal per character).
std::size_t skip_escape(std::string_view p, std::size_t& at, const Weights& weights) {
  std::size_t i = at + 1;
  const std::size_t literal = weights.per_byte ? weights.fold : 1;
  if (i >= p.size()) {
    at = i;
    return literal;
  }
  const char c = p[i++];
  if (c == 'Q') {
    const std::size_t end = p.find("\\E", i);
    const std::size_t stop = end == std::string_view::npos ? p.size() : end;
    at = end == std::string_view::npos ? p.size() : end + 2;
    // Quoted bytes: one literal each (per character for the work: its
    // continuation bytes are not counted).
    std::size_t n = 0;
    for (std::size_t k = i; k < stop; ++k) {
      if (weights.per_byte || (static_cast<unsigned char>(p[k]) & 0xC0) != 0x80)
        n = add(n, literal);
    }
    return std::max<std::size_t>(n, 1);
  }
  if ((c == 'x' || c == 'p' || c == 'P') && i < p.size() && p[i] == '{') {
    const std::size_t end = p.find('}', i);
    at = end == std::string_view::npos ? p.size() : end + 1;
    // \x{...}: a character of up to four UTF-8 bytes.
    return c == 'x' ? (weights.per_byte ? 4 * literal : 1) : weights.unicode_class;
  }
  if (c == 'x') {
    i = std::min(p.size(), i + 2);
  } else if (c == 'p' || c == 'P') {
    i = std::min(p.size(), i + 1);
  }
  at = i;
  if (c == 'p' || c == 'P') return weights.unicode_class;
  switch (c) {
    case 'd':
    case 'D':
    case 's':
    case 'S':
    case 'w':
    case 'W':
      return weights.perl_class;
    default:
      return literal;
  }
}

std::size_t estimate(std::string_view p, const Weights& weights) {
  std::vector<Frame> open(1);
  std::size_t at = 0;
  while (at < p.size()) {
    const char c = p[at];
    Frame& frame = open.back();
    switch (c) {
      case '\\':
        frame.item(skip_escape(p, at, weights));
        break;
      case '[':
        frame.item(skip_class(p, at, weights));
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
        const std::size_t group = add(frame.total(), weights.group);
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
          frame.last = add(times(add(frame.last, weights.per_copy), copies), 1);
        }
        break;
      }
      case '.':
        ++at;
        frame.item(weights.dot);
        break;
      default:
        ++at;
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
          frame.item(weights.per_byte ? weights.fold : 1);
        } else if (weights.per_byte) {
          frame.last = add(frame.last, weights.fold);  // the rest of the character
        }
        break;
    }
  }
  while (open.size() > 1) {
    const std::size_t group = add(open.back().total(), weights.group);
    open.pop_back();
    open.back().item(group);
  }
  return open.back().total();
}

// True when `p` sets the i flag anywhere ((?i), (?si:...), even (?-i)).
bool sets_ignore_case(std::string_view p) {
  for (std::size_t at = p.find("(?"); at != std::string_view::npos; at = p.find("(?", at + 2)) {
    const std::size_t end = p.find_first_of(":)", at + 2);
    if (p.substr(at + 2, end == std::string_view::npos ? end : end - at - 2).find('i') !=
        std::string_view::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::size_t regex_cost(std::string_view pattern) {
  return estimate(pattern, kWork);
}

std::size_t regex_program_size(std::string_view pattern, bool ignore_case) {
  const bool fold = ignore_case || sets_ignore_case(pattern);
  const Weights program = {
      kUnicodeClassStates,
      fold ? kFoldedClassStates : kWideClassStates,
      kClassMemberStates,
      kUnicodeClassStates,
      fold ? kFoldedClassStates : 1,
      fold ? kClassMemberStates : 1,
      fold ? 2 * kPerlClassStates : kPerlClassStates,
      kDotStates,
      true,
      fold ? kFoldedByteStates : 1,
      2,  // a capture's open and close
      1,  // a copy's alternation (x{0,7}: up to seven optional copies)
  };
  return add(estimate(pattern, program), kProgramOverhead);
}

}  // namespace cohort::condition_detail
