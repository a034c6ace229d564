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
    "cohort publish --definitions FILE --context JSON [--secret S] [--now ISO8601]";

constexpr std::string_view kHelp =
    R"(Prints a <script> element that pushes every experiment's answer to the page.

usage: cohort publish --definitions FILE --context JSON [--secret S] [--now ISO8601]

  --definitions FILE  a definitions document
  --context JSON      the context the page is rendered for
  --secret S          the secret mixed into context keys (default: none)
  --now ISO8601       the time used for enrollment windows (default: the clock)

Output (one line), as GitLab pushes experiment data to its frontend:
  <script>window.gl = window.gl || {}; window.gl.experiments = {...};</script>
mapping each loaded experiment's name to {experiment, key, variant} (plus
migration_keys when the context migrated). The client then shows the same
variant without resolving again (reason "published").

The JSON is safe inside <script>: "<", ">", "&", U+2028 and U+2029 are
written as \u escapes, so no name or key can close the element.
An experiment named "__proto__" is never published (in an object literal
that key sets the prototype). Experiments skipped for a definitions error
are not published either (the client falls back to its own resolution);
both are reported on stderr. Exit status 2 as for `cohort resolve`.
)";

constexpr std::array<FlagSpec, 4> kFlags{{{"definitions"}, {"context"}, {"secret"}, {"now"}}};
constexpr std::array<std::string_view, 2> kRequired{"definitions", "context"};

}  // namespace

int run_publish(std::span<const std::string_view> argv) {
  int status = kExitOk;
  const auto args = command_args({"publish", kFlags, kRequired, kSynopsis, kHelp}, argv, status);
  if (!args) return status;
  const auto in = read_resolution_inputs(*args);
  if (!in) return kExitBadInput;
  Resolver resolver(in->loaded.definitions, {in->secret, nullptr});
  Json experiments = Json::object();
  for (const Answer& answer : resolver.resolve_all(in->context, in->now)) {
    // In a JavaScript object literal "__proto__": {...} sets the object's
    // prototype instead of adding a key, so such an entry is never pushed.
    if (answer.experiment == "__proto__") {
      print_warning(*args->get("definitions") +
                    ": experiment \"__proto__\" is not published (it would set the "
                    "prototype of window.gl.experiments)");
      continue;
    }
    experiments[answer.experiment] = published_entry(answer);
  }
  std::cout << "<script>window.gl = window.gl || {}; window.gl.experiments = "
            << script_safe_json(experiments) << ";</script>\n";
  return kExitOk;
}

}  // namespace cohort::cli
