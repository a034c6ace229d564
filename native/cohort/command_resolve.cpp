#include <array>
#include <iostream>

#include "answer_json.hpp"
#include "args.hpp"
#include "cohort/resolver.hpp"
#include "commands.hpp"
#include "input.hpp"

namespace cohort::cli {
namespace {

constexpr std::string_view kSynopsis =
    "cohort resolve --definitions FILE --context JSON [--experiment NAME] [--secret S] "
    "[--now ISO8601]";

constexpr std::string_view kHelp =
    R"(Resolves experiments for one context and prints one answer per line.

usage: cohort resolve --definitions FILE --context JSON [--experiment NAME]
                      [--secret S] [--now ISO8601]

  --definitions FILE  a definitions document ({"experiments": [...]} or an array)
  --context JSON      the context, e.g. '{"actor": "user:42", "username": "ada"}'
  --experiment NAME   resolve only NAME (default: every experiment, in file order)
  --secret S          the secret mixed into context keys (default: none)
  --now ISO8601       the time used for enrollment windows (default: the clock)

Each line is a compact JSON object with the keys, in this order:
  experiment, variant, key, reason, excluded, tracked, variant_index
plus migration_keys when the context migrated, and error when reason is
"error". No sticky store is used: every run resolves afresh.

Bad definitions: each bad experiment is reported on stderr with its JSON path
and answers control with reason "error"; the others resolve normally (exit 0).
Exit status 2 when the file cannot be used at all (unreadable, invalid JSON,
too large or deep, not a definitions document, or no experiment loads), for
an invalid --context or --now, and for usage errors.
)";

constexpr std::array<FlagSpec, 5> kFlags{
    {{"definitions"}, {"context"}, {"experiment"}, {"secret"}, {"now"}}};
constexpr std::array<std::string_view, 2> kRequired{"definitions", "context"};

// An answer for `name`: resolved when the experiment loaded, an error answer
// when it was skipped, "unknown" otherwise.
Answer answer_for(std::string_view name, const LoadedDefinitions& loaded, Resolver& resolver,
                  const Context& context, EpochMs now) {
  if (const auto skipped = loaded.skipped.find(name); skipped != loaded.skipped.end()) {
    return error_answer(std::string(name), skipped->second);
  }
  return resolver.resolve(name, context, now);
}

}  // namespace

int run_resolve(std::span<const std::string_view> argv) {
  int status = kExitOk;
  const auto args = command_args({"resolve", kFlags, kRequired, kSynopsis, kHelp}, argv, status);
  if (!args) return status;
  const auto in = read_resolution_inputs(*args);
  if (!in) return kExitBadInput;
  Resolver resolver(in->loaded.definitions, {in->secret, nullptr});
  if (const std::string* name = args->get("experiment")) {
    std::cout << answer_line(answer_for(*name, in->loaded, resolver, in->context, in->now)) << '\n';
  } else {
    for (const std::string& each : in->loaded.order) {
      std::cout << answer_line(answer_for(each, in->loaded, resolver, in->context, in->now))
                << '\n';
    }
  }
  return kExitOk;
}

}  // namespace cohort::cli
