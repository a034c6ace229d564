#include "input.hpp"

#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

#include "args.hpp"
#include "cohort/conditions/re2_regex_engine.hpp"
#include "cohort/json/json_text.hpp"

namespace cohort::cli {

void print_error(std::string_view message) {
  std::cerr << "cohort: " << message << '\n';
}

void print_warning(std::string_view message) {
  std::cerr << "cohort: warning: " << message << '\n';
}

int usage_error(std::string_view command, std::string_view problem, std::string_view synopsis) {
  const std::string name = command.empty() ? "cohort" : "cohort " + std::string(command);
  std::cerr << name << ": " << problem << '\n'
            << "usage: " << synopsis << '\n'
            << "Try '" << name << " --help' for more information.\n";
  return kExitBadInput;
}

std::optional<Args> command_args(const CommandSpec& spec, std::span<const std::string_view> argv,
                                 int& exit_status) {
  std::string problem;
  auto args = parse_args(argv, spec.flags, spec.allow_positional, problem);
  if (!args || (!args->help && !require(*args, spec.required, problem))) {
    exit_status = usage_error(spec.name, problem, spec.synopsis);
    return std::nullopt;
  }
  if (args->help) {
    std::cout << spec.help;
    exit_status = kExitOk;
    return std::nullopt;
  }
  return args;
}

std::optional<std::string> read_file(const std::string& path, std::size_t max_bytes,
                                     std::string& error) {
  std::error_code ec;
  // Checked up front: an ifstream "opens" a directory on Linux and then
  // reads nothing, which would surface as a confusing JSON error.
  if (std::filesystem::is_directory(path, ec)) {
    error = "is a directory";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::string("cannot open: ") + std::strerror(errno);
    return std::nullopt;
  }
  std::string text;
  char buffer[64 * 1024];
  // Read in chunks rather than trusting the file size, so pipes and
  // /dev/zero-like files stop at the limit too.
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_bytes) {
      error = "larger than the limit of " + std::to_string(max_bytes) + " bytes";
      return std::nullopt;
    }
  }
  if (in.bad()) {
    error = "read error";
    return std::nullopt;
  }
  return text;
}

std::optional<LoadedDefinitions> load_definitions(const std::string& path) {
  const LoadOptions defaults;
  std::string read_error;
  const auto text = read_file(path, defaults.limits.max_document_bytes, read_error);
  if (!text) {
    print_error(path + ": " + read_error);
    return std::nullopt;
  }
  // Parsed here rather than by Definitions::parse (which does the same two
  // steps) so the document is at hand to name the skipped experiments; into
  // the value encoding directly, so a large document costs no DOM.
  Error parse_error;
  Errors duplicates;
  const auto encoded = parse_json_text_encoded(*text, defaults.limits.max_document_bytes,
                                               defaults.limits.max_depth, parse_error, &duplicates);
  if (!encoded) {
    print_error(path + ": " + parse_error.describe());
    return std::nullopt;
  }
  const Value document(reinterpret_cast<const unsigned char*>(encoded->data()));

  static const Re2RegexEngine regex;
  LoadOptions options;
  options.regex = &regex;
  LoadResult result = Definitions::load(document, options);
  for (const Error& warning : duplicates) print_warning(path + ": " + warning.describe());
  for (const Error& warning : result.warnings) print_warning(path + ": " + warning.describe());
  for (const Error& error : result.errors) print_error(path + ": " + error.describe());

  LoadedDefinitions loaded;
  loaded.definitions = result.definitions;
  if (loaded.definitions->all().empty() && !result.errors.empty()) {
    print_error(path + ": no experiment could be loaded");
    return std::nullopt;
  }

  Value experiments;
  std::string base;
  if (document.is_array()) {
    experiments = document;
  } else if (const Value listed = document.find("experiments"); listed.is_array()) {
    experiments = listed;
    base = "/experiments";
  }
  // The order of the document, loaded and skipped experiments alike.
  loaded.skipped = result.skipped;
  std::set<std::string, std::less<>> listed;
  std::size_t i = 0;
  for (auto c = experiments.children(); !c.done(); c.next(), ++i) {
    const Value name = c.value().find("name");
    if (!name.is_string()) continue;
    const std::string_view text_name = name.string();
    const Definition* def = loaded.definitions->find(text_name);
    const bool loaded_here = def && def->path == child_path(base, i);
    // A duplicate of a loaded name is not an answer of its own: the first
    // definition wins, and the error was reported above.
    if ((loaded_here || (!def && loaded.skipped.count(text_name))) &&
        listed.emplace(text_name).second) {
      loaded.order.emplace_back(text_name);
    }
  }
  return loaded;
}

std::optional<Json> load_json_file(const std::string& path) {
  // Vector files hold a definitions document plus cases: allow more room
  // than one definitions document, but still a bound.
  constexpr std::size_t kMaxBytes = 64u << 20;
  constexpr std::size_t kMaxDepth = 128;
  std::string error;
  const auto text = read_file(path, kMaxBytes, error);
  if (!text) {
    print_error(path + ": " + error);
    return std::nullopt;
  }
  Error parse_error;
  auto document = parse_json_text(*text, kMaxBytes, kMaxDepth, parse_error);
  if (!document) {
    print_error(path + ": " + parse_error.describe());
    return std::nullopt;
  }
  return document;
}

std::optional<Context> parse_context_flag(std::string_view text) {
  Error error;
  auto context = Context::parse(text, error);
  if (!context) print_error("--context: " + error.describe());
  return context;
}

std::optional<EpochMs> parse_now_flag(const std::string* text) {
  if (!text) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
  const auto parsed = parse_iso8601(*text);
  if (!parsed) {
    print_error("--now: expected an ISO-8601 time such as 2026-01-31T12:00:00Z, got '" + *text +
                "'");
  }
  return parsed;
}

std::optional<ResolutionInputs> read_resolution_inputs(const Args& args) {
  auto context = parse_context_flag(*args.get("context"));
  const auto now = parse_now_flag(args.get("now"));
  if (!context || !now) return std::nullopt;
  auto loaded = load_definitions(*args.get("definitions"));
  if (!loaded) return std::nullopt;
  const std::string* secret = args.get("secret");
  return ResolutionInputs{std::move(*context), *now, std::move(*loaded),
                          secret ? *secret : std::string()};
}

}  // namespace cohort::cli
