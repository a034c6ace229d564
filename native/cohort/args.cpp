#include "args.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace cohort::cli {
namespace {

// "100" rather than std::to_string's "100.000000" in messages.
std::string format_number(double value) {
  char buffer[32];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return ec == std::errc() ? std::string(buffer, end) : std::string("?");
}

}  // namespace

const std::string* Args::get(std::string_view flag) const {
  const auto it = values.find(flag);
  return it == values.end() ? nullptr : &it->second;
}

std::optional<Args> parse_args(std::span<const std::string_view> argv,
                               std::span<const FlagSpec> flags, bool allow_positional,
                               std::string& error) {
  Args args;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string_view word = argv[i];
    if (word == "--help" || word == "-h") {
      args.help = true;
      return args;
    }
    if (word == "--") {
      // Everything after "--" is positional, so a file named "--x" can be given.
      if (!allow_positional && i + 1 < argv.size()) {
        error = "unexpected argument '" + std::string(argv[i + 1]) + "'";
        return std::nullopt;
      }
      for (++i; i < argv.size(); ++i) args.positional.emplace_back(argv[i]);
      break;
    }
    if (word.size() < 2 || word[0] != '-') {
      if (!allow_positional) {
        error = "unexpected argument '" + std::string(word) + "'";
        return std::nullopt;
      }
      args.positional.emplace_back(word);
      continue;
    }
    if (word.substr(0, 2) != "--") {
      error = "unknown option '" + std::string(word) + "' (options are spelled --name)";
      return std::nullopt;
    }
    std::string_view name = word.substr(2);
    std::optional<std::string_view> inline_value;
    if (const auto eq = name.find('='); eq != std::string_view::npos) {
      inline_value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    const auto spec =
        std::find_if(flags.begin(), flags.end(), [&](const FlagSpec& f) { return f.name == name; });
    if (spec == flags.end()) {
      error = "unknown option '--" + std::string(name) + "'";
      return std::nullopt;
    }
    if (args.has(name)) {
      error = "option '--" + std::string(name) + "' given twice";
      return std::nullopt;
    }
    std::string value;
    if (!spec->takes_value) {
      if (inline_value) {
        error = "option '--" + std::string(name) + "' takes no value";
        return std::nullopt;
      }
    } else if (inline_value) {
      value = std::string(*inline_value);
    } else {
      // A following "--flag" is taken as a forgotten value rather than as
      // the value itself; a value that really starts with "--" can be given
      // as --name=VALUE.
      if (i + 1 >= argv.size() || argv[i + 1].substr(0, 2) == "--") {
        error = "option '--" + std::string(name) + "' needs a value";
        return std::nullopt;
      }
      value = std::string(argv[++i]);
    }
    args.values.emplace(std::string(name), std::move(value));
  }
  return args;
}

bool require(const Args& args, std::span<const std::string_view> required, std::string& error) {
  for (const std::string_view flag : required) {
    if (!args.has(flag)) {
      error = "missing required option '--" + std::string(flag) + "'";
      return false;
    }
  }
  return true;
}

std::optional<std::uint64_t> parse_unsigned(std::string_view flag, std::string_view text,
                                            std::uint64_t min, std::uint64_t max,
                                            std::string& error) {
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < min ||
      value > max) {
    error = "--" + std::string(flag) + ": expected an integer from " + std::to_string(min) +
            " to " + std::to_string(max) + ", got '" + std::string(text) + "'";
    return std::nullopt;
  }
  return value;
}

std::optional<double> parse_number(std::string_view flag, std::string_view text, double min,
                                   double max, std::string& error) {
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() ||
      !std::isfinite(value) || value < min || value > max) {
    error = "--" + std::string(flag) + ": expected a number from " + format_number(min) + " to " +
            format_number(max) + ", got '" + std::string(text) + "'";
    return std::nullopt;
  }
  return value;
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (true) {
    const auto comma = text.find(',', start);
    items.emplace_back(text.substr(start, comma - start));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return items;
}

}  // namespace cohort::cli
