#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "args.hpp"
#include "cohort/context.hpp"
#include "cohort/definitions/definitions.hpp"
#include "cohort/json/json.hpp"
#include "cohort/time.hpp"

namespace cohort::cli {

/// Exit statuses, documented in `cohort --help`.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;    ///< `vectors`: some case failed
inline constexpr int kExitBadInput = 2;  ///< usage errors and unusable input

/// "cohort: <message>" on stderr.
void print_error(std::string_view message);
/// "cohort: warning: <message>" on stderr: something was ignored, nothing skipped.
void print_warning(std::string_view message);
/// A usage error of `command`: the problem, the command's synopsis and a
/// pointer to its --help, on stderr. Returns kExitBadInput.
int usage_error(std::string_view command, std::string_view problem, std::string_view synopsis);

/// What a command accepts and how it describes itself.
struct CommandSpec {
  std::string_view name;  ///< as typed after "cohort"
  std::span<const FlagSpec> flags;
  std::span<const std::string_view> required;
  std::string_view synopsis;
  std::string_view help;
  bool allow_positional = false;
};

/// What every command does first: parses `argv`, checks the required flags
/// and answers --help. Returns the arguments to run with, or nullopt with
/// `exit_status` set to what the command returns now (a usage error on
/// stderr, or the help printed).
std::optional<Args> command_args(const CommandSpec& spec, std::span<const std::string_view> argv,
                                 int& exit_status);

/// Reads the whole of `path`, refusing files larger than `max_bytes` before
/// reading them in full (no unbounded memory). On failure returns nullopt
/// with `error` saying why, without the file name.
std::optional<std::string> read_file(const std::string& path, std::size_t max_bytes,
                                     std::string& error);

/// A definitions file, compiled, plus what the CLI needs to answer for the
/// experiments that were skipped.
struct LoadedDefinitions {
  std::shared_ptr<const Definitions> definitions;
  /// Experiments skipped for an error, by name -> the first error. SPEC §8:
  /// they answer control with reason `error` instead of vanishing.
  std::map<std::string, std::string, std::less<>> skipped;
  /// Every named experiment, loaded or skipped, in document order.
  std::vector<std::string> order;
};

/// Loads a definitions file with the RE2 regex engine. Every error and
/// warning goes to stderr as "cohort: FILE: /json/path: message". Returns
/// nullopt when the file cannot be used at all: unreadable, not JSON, over
/// the size or depth limits, not a definitions document, or no experiment
/// in it loads (exit status 2). A file where only some experiments are bad
/// loads the rest.
std::optional<LoadedDefinitions> load_definitions(const std::string& path);

/// Parses a JSON file (vector files) with the same size and depth bounds as
/// definitions; reports problems as "cohort: FILE: message".
std::optional<Json> load_json_file(const std::string& path);

/// The --context value: nullopt after printing "cohort: --context: ...".
std::optional<Context> parse_context_flag(std::string_view text);

/// The --now value (ISO-8601), or the system clock when not given. nullopt
/// after printing an error when the text does not parse.
std::optional<EpochMs> parse_now_flag(const std::string* text);

struct Args;

/// What `resolve` and `publish` both read: --context, --now, --definitions
/// and --secret. nullopt after the problem was printed.
struct ResolutionInputs {
  Context context;
  EpochMs now = 0;
  LoadedDefinitions loaded;
  std::string secret;
};
std::optional<ResolutionInputs> read_resolution_inputs(const Args& args);

}  // namespace cohort::cli
