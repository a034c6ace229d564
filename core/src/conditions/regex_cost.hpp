#pragma once

#include <cstddef>
#include <string_view>

namespace cohort::condition_detail {

/// An upper estimate of the work a linear-time engine (RE2, re2js) does per
/// character of input for `pattern`: the number of program states the
/// pattern compiles to, counting each atom (a character, a class, `.`, an
/// anchor) once, each `*`, `+`, `?` and `|` once more, and a counted
/// repetition `x{n,m}` as max(n, m) copies of `x` (`x{n,}` as n + 1).
/// Read from the pattern's text alone, so the native build and the
/// WebAssembly build, which run different engines, bound a `$regex` alike.
/// Saturates at `kSaturated`; a pattern the engines would reject still gets
/// an estimate (they report it).
std::size_t regex_cost(std::string_view pattern);

inline constexpr std::size_t kSaturated = std::size_t{1} << 30;

}  // namespace cohort::condition_detail
