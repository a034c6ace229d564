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

/// An upper estimate of the program RE2 compiles `pattern` to (its
/// ProgramSize), counted as regex_cost but with the weights below: a
/// literal per byte of its UTF-8 form (kFoldedByteStates per byte when case
/// folds, with `ignore_case` or an i flag), a group 2 (a capture opens and
/// closes), each copy of a counted repetition 1 more. RE2 compiles about two
/// states a microsecond, so this bounds the time a definitions load spends
/// compiling; re2js, which matches code points, is cheaper, and both builds
/// refuse the same patterns. tests/unit/regex_program_test.cpp holds it to
/// RE2's own sizes.
std::size_t regex_program_size(std::string_view pattern, bool ignore_case);

/// A Unicode property class: `\p{L}` compiles to 1,197 states (it matches
/// UTF-8 bytes), the most of any.
inline constexpr std::size_t kUnicodeClassStates = 1200;
/// A bracket class that may match more than ASCII (negated, with a
/// non-ASCII member, a property or \D \S \W), before its members:
/// `[^a]` is 8, `[[:^alpha:]]` 9.
inline constexpr std::size_t kWideClassStates = 12;
/// Any bracket class when case folds, before its members: `(?i)[^a-z]` is 25.
inline constexpr std::size_t kFoldedClassStates = 24;
/// Each member of such a class (a character, either end of a range, a named
/// class): each splits the UTF-8 ranges it matches. An ASCII class that is
/// not negated costs 1 and 1 per member (`[a-z]` is 1).
inline constexpr std::size_t kClassMemberStates = 8;
/// \d \s \w \D \S \W (twice as much when case folds: `(?i)\W` is 27).
inline constexpr std::size_t kPerlClassStates = 16;
/// `.`: any character but a newline, up to four bytes (8).
inline constexpr std::size_t kDotStates = 8;
/// A byte of a literal when case folds: `(?i)k` is K, k or the Kelvin sign.
inline constexpr std::size_t kFoldedByteStates = 4;
/// The states every program has (its match, fail and unanchored prefix).
inline constexpr std::size_t kProgramOverhead = 5;

inline constexpr std::size_t kSaturated = std::size_t{1} << 30;

}  // namespace cohort::condition_detail
