// The `cohort` command-line tool: dispatches to one command per file.

#include <iostream>
#include <span>
#include <string_view>
#include <vector>

#include "commands.hpp"
#include "input.hpp"

namespace cohort::cli {
namespace {

constexpr std::string_view kSynopsis = "cohort COMMAND [OPTIONS]  (cohort --help lists commands)";

constexpr std::string_view kHelp = R"(cohort: resolve A/B/n experiments from the command line.

usage: cohort COMMAND [OPTIONS]

commands:
  resolve   answers for one context, one JSON line per experiment
  simulate  resolve many contexts; observed vs expected split, SRM p-value
  publish   a <script>-safe snippet setting window.gl.experiments
  bucket    raw buckets of the edx, gitlab and xxh3 hash modes
  vectors   run shared vector files (tests/vectors/*.json)

Run 'cohort COMMAND --help' for a command's options.

Errors name the file and the JSON path, e.g.
  cohort: defs.json: /experiments/1/weights: expected an array of 3 weights, ...
Warnings (unknown fields, unparseable enrollment bounds) start with
"cohort: warning:". A definitions file in which some experiments are bad
still works: each bad one is reported on stderr and skipped (resolve answers
it with control and reason "error"); the rest resolve as usual.

exit status:
  0  success
  1  `vectors`: at least one case failed
  2  usage error (unknown command or option, missing value), or input that
     cannot be used: a definitions file that is unreadable, not JSON, over
     the limits (16 MiB, nesting 64), not a definitions document or with no
     experiment that loads; an invalid --context or --now
)";

}  // namespace
}  // namespace cohort::cli

int main(int argc, char** argv) {
  using namespace cohort::cli;
  const std::vector<std::string_view> words(argv + (argc > 0 ? 1 : 0), argv + argc);
  if (words.empty()) return usage_error("", "no command given", kSynopsis);
  const std::string_view command = words.front();
  const std::span<const std::string_view> rest(words.data() + 1, words.size() - 1);
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kHelp;
    return kExitOk;
  }
  if (command == "resolve") return run_resolve(rest);
  if (command == "simulate") return run_simulate(rest);
  if (command == "publish") return run_publish(rest);
  if (command == "bucket") return run_bucket(rest);
  if (command == "vectors") return run_vectors(rest);
  return usage_error("", "unknown command '" + std::string(command) + "'", kSynopsis);
}
