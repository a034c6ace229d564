#include <iostream>

#include "args.hpp"
#include "cohort/conditions/re2_regex_engine.hpp"
#include "cohort/json/json_output.hpp"
#include "commands.hpp"
#include "input.hpp"
#include "vectors/vector_runner.hpp"

namespace cohort::cli {
namespace {

constexpr std::string_view kSynopsis = "cohort vectors [--answers] FILE...";

constexpr FlagSpec kFlags[] = {{"answers", false}};

constexpr std::string_view kHelp = R"(Runs shared vector files and reports every case.

usage: cohort vectors [--answers] FILE...

Each FILE is a vector document (tests/vectors/*.json):
  {"description", "definitions", "secret"?, "now"?, "cases": [
    {"name", "context", "experiment", "stubs"?, "published"?, "sticky"?,
     "expected": {"variant"?, "reason"?, "excluded"?, "tracked"?, "key"?,
                  "variant_index"?}}]}
A case passes when every field given in "expected" equals the answer's.
The runner is the one the GoogleTest suite uses, so both agree.

Prints "PASS name" or "FAIL name: field: expected X, got Y; ..." per case,
then "N passed, M failed".
With --answers, prints instead one JSON line per case, {"case": name,
"answer": {...}} with the whole answer as `cohort resolve` prints it, so
another runner (the WebAssembly one) can be compared field by field.
Exit status: 0 when every case passed, 1 when one failed, 2 when a file
could not be read or parsed (the other files still run) or for usage errors.
)";

}  // namespace

int run_vectors(std::span<const std::string_view> argv) {
  int status = kExitOk;
  const auto args = command_args({"vectors", kFlags, {}, kSynopsis, kHelp, true}, argv, status);
  if (!args) return status;
  if (args->positional.empty()) return usage_error("vectors", "no vector file given", kSynopsis);

  const Re2RegexEngine regex;
  std::size_t passed = 0;
  std::size_t failed = 0;
  bool unreadable = false;
  for (const std::string& file : args->positional) {
    const auto document = load_json_file(file);
    if (!document) {
      unreadable = true;
      continue;
    }
    for (const auto& result : vectors::run_vector(*document, regex)) {
      if (args->has("answers")) {
        result.passed ? ++passed : ++failed;
        std::cout << to_json_text(
                         {{"case", result.name}, {"answer", answer_to_json(result.answer)}})
                  << '\n';
        continue;
      }
      if (result.passed) {
        ++passed;
        std::cout << "PASS " << result.name << '\n';
        continue;
      }
      ++failed;
      std::cout << "FAIL " << result.name << ':';
      const char* separator = " ";
      for (const auto& mismatch : result.mismatches) {
        std::cout << separator << mismatch;
        separator = "; ";
      }
      std::cout << '\n';
    }
  }
  if (!args->has("answers")) std::cout << passed << " passed, " << failed << " failed\n";
  if (unreadable) return kExitBadInput;
  return failed > 0 ? kExitFailed : kExitOk;
}

}  // namespace cohort::cli
