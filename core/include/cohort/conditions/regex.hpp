#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace cohort {

/// A compiled regular expression. Implementations must run in time linear in
/// the input (no backtracking blow-up on hostile patterns).
class Regex {
 public:
  virtual ~Regex() = default;
  /// True when the pattern matches anywhere in `text` (ECMAScript `test`).
  virtual bool search(std::string_view text) const = 0;
};

/// Compiles patterns for `$regex` / `$regexi`. The core has no regex engine
/// of its own: the native build supplies RE2, the WebAssembly build the host's.
class RegexEngine {
 public:
  virtual ~RegexEngine() = default;
  /// Returns the compiled pattern, or nullptr with `error` set.
  virtual std::unique_ptr<Regex> compile(std::string_view pattern, bool ignore_case,
                                         std::string& error) const = 0;
};

/// Longest pattern accepted by `$regex` / `$regexi` (bytes).
inline constexpr std::size_t kMaxRegexLength = 1024;

/// Largest estimated cost (program states, see conditions/regex_cost.hpp)
/// of a `$regex` / `$regexi` pattern; a costlier one is an error.
inline constexpr std::size_t kMaxRegexCost = 4096;

/// Largest estimated program (states RE2 compiles it to, see
/// conditions/regex_cost.hpp: a Unicode class such as \p{L} is about
/// 1,200) of one pattern. RE2 compiles about two states a microsecond, so
/// this keeps one compile within about 10 ms.
inline constexpr std::size_t kMaxRegexProgram = 16384;

/// Largest estimated program of all the patterns of one definitions
/// document together: loading one spends at most about half a second
/// compiling them. The patterns beyond it are errors.
inline constexpr std::size_t kMaxRegexProgramPerDocument = std::size_t{1} << 20;

/// Most work one `$regex` test may do: the pattern's cost times the length
/// of the text in bytes. A longer text does not match (as GrowthBook's
/// `$regex` answers false when it cannot test), on both sides alike, so
/// that no pattern and no input blocks an answer for more than a few
/// milliseconds even in the slowest engine (re2js in a browser).
inline constexpr std::size_t kMaxRegexWork = std::size_t{1} << 17;

}  // namespace cohort
