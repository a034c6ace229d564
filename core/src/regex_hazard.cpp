#include "cohort/regex_hazard.hpp"

#include <cctype>
#include <vector>

namespace cohort {
namespace {

enum class Quantifier { none, optional, repeats };

// Reads the quantifier starting at `i` (if any) and moves `i` past it,
// including a lazy `?` suffix.
Quantifier read_quantifier(std::string_view p, std::size_t& i) {
  if (i >= p.size()) return Quantifier::none;
  Quantifier q = Quantifier::none;
  if (p[i] == '*' || p[i] == '+') {
    q = Quantifier::repeats;
    ++i;
  } else if (p[i] == '?') {
    q = Quantifier::optional;
    ++i;
  } else if (p[i] == '{') {
    // {n}, {n,} or {n,m}; anything else is a literal brace in ECMAScript.
    std::size_t j = i + 1;
    auto number = [&](unsigned long& value) {
      const std::size_t start = j;
      value = 0;
      while (j < p.size() && std::isdigit(static_cast<unsigned char>(p[j])) != 0) {
        value = value * 10 + static_cast<unsigned long>(p[j] - '0');
        if (value > 100000) value = 100000;
        ++j;
      }
      return j > start;
    };
    unsigned long low = 0;
    unsigned long high = 0;
    if (!number(low)) return Quantifier::none;
    high = low;
    if (j < p.size() && p[j] == ',') {
      ++j;
      if (!number(high)) high = 2;  // {n,} is unbounded
    }
    if (j >= p.size() || p[j] != '}') return Quantifier::none;
    i = j + 1;
    q = high >= 2 ? Quantifier::repeats : Quantifier::optional;
  }
  if (q != Quantifier::none && i < p.size() && p[i] == '?') ++i;
  return q;
}

// Moves `i` past a character class that starts at `i` ('[').
void skip_class(std::string_view p, std::size_t& i) {
  for (++i; i < p.size() && p[i] != ']'; ++i) {
    if (p[i] == '\\') ++i;
  }
  if (i < p.size()) ++i;
}

// Moves `i` past a group's prefix: `?:`, `?=`, `?!`, `?<=`, `?<!`, `?<name>`.
void skip_group_prefix(std::string_view p, std::size_t& i) {
  if (i >= p.size() || p[i] != '?') return;
  ++i;
  if (i < p.size() && p[i] == '<' && i + 1 < p.size() && p[i + 1] != '=' && p[i + 1] != '!') {
    while (i < p.size() && p[i] != '>') ++i;
  }
  if (i < p.size()) ++i;
  if (i < p.size() && (p[i] == '=' || p[i] == '!') && p[i - 1] == '<') ++i;
}

}  // namespace

std::optional<std::string> backtracking_hazard(std::string_view p) {
  // One entry per open group: whether something inside it repeats.
  std::vector<bool> repeats_inside{false};
  std::size_t i = 0;
  while (i < p.size()) {
    const char c = p[i];
    if (c == '(') {
      ++i;
      skip_group_prefix(p, i);
      repeats_inside.push_back(false);
      continue;
    }
    bool group_repeats = false;
    std::size_t at = i;
    if (c == ')') {
      ++i;
      if (repeats_inside.size() > 1) {
        group_repeats = repeats_inside.back();
        repeats_inside.pop_back();
      }
    } else if (c == '\\') {
      if (i + 1 < p.size()) {
        const char d = p[i + 1];
        if ((d >= '1' && d <= '9') || (d == 'k' && i + 2 < p.size() && p[i + 2] == '<')) {
          return "a back-reference at byte " + std::to_string(i + 1);
        }
      }
      i += 2;
    } else if (c == '[') {
      skip_class(p, i);
    } else {
      ++i;
    }
    const Quantifier q = read_quantifier(p, i);
    if (q == Quantifier::repeats && group_repeats) {
      return "a repeated group containing a repetition, ending at byte " + std::to_string(at + 1);
    }
    if (q == Quantifier::repeats || group_repeats) repeats_inside.back() = true;
  }
  return std::nullopt;
}

}  // namespace cohort
