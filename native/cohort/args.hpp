#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cohort::cli {

/// A flag a command accepts: `--name VALUE` (or `--name=VALUE`) when it takes
/// a value, a bare `--name` otherwise.
struct FlagSpec {
  std::string_view name;  ///< without the leading "--"
  bool takes_value = true;
};

/// The parsed command line of one command.
struct Args {
  std::map<std::string, std::string, std::less<>> values;  ///< flag -> value ("" for a switch)
  std::vector<std::string> positional;
  bool help = false;

  bool has(std::string_view flag) const { return values.find(flag) != values.end(); }
  /// The value of `flag`, or nullptr when it was not given.
  const std::string* get(std::string_view flag) const;
};

/// Parses `argv` (the words after the command name) against `flags`.
/// `--help`/`-h` anywhere sets `help` and stops parsing, so help always
/// works however broken the rest of the line is. Returns nullopt with
/// `error` set for an unknown flag, a missing value, a flag given twice or a
/// positional argument when `allow_positional` is false.
std::optional<Args> parse_args(std::span<const std::string_view> argv,
                               std::span<const FlagSpec> flags, bool allow_positional,
                               std::string& error);

/// Checks that every flag in `required` was given; sets `error` naming the
/// first one missing.
bool require(const Args& args, std::span<const std::string_view> required, std::string& error);

/// Strict number parsing for flag values: the whole text must be the number.
/// On failure `error` says which flag and what was expected.
std::optional<std::uint64_t> parse_unsigned(std::string_view flag, std::string_view text,
                                            std::uint64_t min, std::uint64_t max,
                                            std::string& error);
std::optional<double> parse_number(std::string_view flag, std::string_view text, double min,
                                   double max, std::string& error);

/// Splits "control,a,b" at commas; empty items are kept so callers can
/// reject them with a precise message.
std::vector<std::string> split_list(std::string_view text);

}  // namespace cohort::cli
