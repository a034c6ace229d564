#include <algorithm>
#include <array>
#include <cinttypes>
#include <cstdio>
#include <iostream>
#include <limits>
#include <map>

#include "args.hpp"
#include "chi_square.hpp"
#include "cohort/resolver.hpp"
#include "commands.hpp"
#include "input.hpp"
#include "progress.hpp"

namespace cohort::cli {
namespace {

constexpr std::string_view kSynopsis =
    "cohort simulate --definitions FILE --experiment NAME --contexts N [--seed S] [--secret S] "
    "[--now ISO8601]";

constexpr std::string_view kHelp =
    R"(Resolves many synthetic contexts and checks the split for sample-ratio mismatch.

usage: cohort simulate --definitions FILE --experiment NAME --contexts N
                       [--seed S] [--secret S] [--now ISO8601]

  --definitions FILE  a definitions document
  --experiment NAME   the experiment to simulate
  --contexts N        how many contexts to resolve (1 to 1000000000)
  --seed S            which contexts (an integer, default 0; see below)
  --secret S          the secret mixed into context keys (default: none)
  --now ISO8601       the time used for enrollment windows (default: the clock)

Context i (0 <= i < N) is {"actor": "user:<id>", "username": "user<id>",
"id": "<id>"} with id = i for seed 0; any other seed picks N other distinct
ids, the same ones on every run. Nothing is remembered between contexts (no
sticky store).

The table counts the answers the hash decides (reasons gate, split, and
disabled for a state "off" experiment) per variant, beside the share the
definition predicts: its weights times the gate's percentage, with control
also taking the share the gate keeps out (in hash mode gitlab the split is
over the non-control variants only). Answers decided by rules (excluded,
forced, segment) are counted apart and left out of the test.

The last line is Pearson's chi-square statistic, its degrees of freedom and
p-value; p < 0.001 is flagged as a sample-ratio mismatch. On a terminal a
progress bar is drawn on stderr. Exit status 2 for usage errors, an unusable
definitions file, or an experiment that is unknown or was skipped.
)";

constexpr std::array<FlagSpec, 6> kFlags{
    {{"definitions"}, {"experiment"}, {"contexts"}, {"seed"}, {"secret"}, {"now"}}};
constexpr std::array<std::string_view, 3> kRequired{"definitions", "experiment", "contexts"};

// The threshold conventionally used for sample-ratio-mismatch alarms.
constexpr double kMismatchThreshold = 0.001;

// SplitMix64's finalizer: a bijection on 64-bit integers, so distinct inputs
// give distinct ids.
std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

Json synthetic_context(std::uint64_t id) {
  const std::string text = std::to_string(id);
  Json context = Json::object();
  context["actor"] = "user:" + text;
  context["username"] = "user" + text;
  context["id"] = text;
  return context;
}

// The share of contexts each variant should get when only the hash decides
// (SPEC §2, the hash modes' rules).
std::vector<double> expected_shares(const Definition& def) {
  std::vector<double> shares(def.variants.size(), 0.0);
  if (def.state == State::off) {
    shares[0] = 1;
    return shares;
  }
  const double gate = def.state == State::on ? 1.0 : def.percentage / 100;
  std::vector<double> weights = def.weights;
  if (def.hash == HashMode::gitlab) {
    // GLEX gives control only through the gate: the rollout splits the
    // non-control variants (all of them through control when none has weight).
    weights[0] = 0;
    double total = 0;
    for (const double w : weights) total += w;
    if (!(total > 0)) {
      shares[0] = 1;
      return shares;
    }
    for (double& w : weights) w /= total;
  }
  for (std::size_t i = 0; i < shares.size(); ++i) shares[i] = gate * weights[i];
  shares[0] += 1 - gate;
  return shares;
}

std::string percent(double share) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4f%%", share * 100);
  return buffer;
}

void print_report(const Definition& def, std::uint64_t contexts, std::uint64_t seed,
                  const std::vector<std::uint64_t>& counted,
                  const std::map<std::string, std::uint64_t>& not_counted) {
  const std::vector<double> expected = expected_shares(def);
  std::uint64_t total = 0;
  for (const std::uint64_t n : counted) total += n;

  std::cout << "experiment " << def.name << " (hash " << to_string(def.hash) << ", state "
            << to_string(def.state) << ", percentage " << def.percentage << ")\n"
            << "contexts   " << contexts << " (seed " << seed << "), " << total
            << " decided by the hash\n";
  if (!not_counted.empty()) {
    std::cout << "not tested:";
    const char* separator = " ";
    for (const auto& [reason, n] : not_counted) {
      std::cout << separator << n << ' ' << reason;
      separator = ", ";
    }
    std::cout << " (decided by rules, not the hash)\n";
  }

  std::size_t width = std::string_view("variant").size();
  for (const auto& v : def.variants) width = std::max(width, v.size());
  char line[512];
  std::snprintf(line, sizeof line, "%-*s %12s %15s %15s\n", static_cast<int>(width), "variant",
                "observed", "observed share", "expected share");
  std::cout << '\n' << line;
  for (std::size_t i = 0; i < def.variants.size(); ++i) {
    const double share =
        total > 0 ? static_cast<double>(counted[i]) / static_cast<double>(total) : 0.0;
    std::snprintf(line, sizeof line, "%-*s %12" PRIu64 " %15s %15s\n", static_cast<int>(width),
                  def.variants[i].c_str(), counted[i], percent(share).c_str(),
                  percent(expected[i]).c_str());
    std::cout << line;
  }

  const ChiSquareTest test = chi_square_test(counted, expected);
  std::cout << '\n';
  if (total == 0 || test.dof == 0) {
    std::cout << "sample ratio mismatch: nothing to test (" << test.dof
              << " degrees of freedom); p-value 1\n";
    return;
  }
  std::snprintf(line, sizeof line,
                "sample ratio mismatch: chi-square %.4f, %zu degrees of freedom, p-value %.4g\n",
                test.statistic, test.dof, test.p_value);
  std::cout << line
            << (test.p_value < kMismatchThreshold
                    ? "MISMATCH: p < 0.001, the split does not follow the definition\n"
                    : "no mismatch at p < 0.001\n");
}

}  // namespace

int run_simulate(std::span<const std::string_view> argv) {
  int status = kExitOk;
  const auto args = command_args({"simulate", kFlags, kRequired, kSynopsis, kHelp}, argv, status);
  if (!args) return status;
  std::string problem;
  const auto contexts =
      parse_unsigned("contexts", *args->get("contexts"), 1, 1'000'000'000, problem);
  if (!contexts) return usage_error("simulate", problem, kSynopsis);
  std::uint64_t seed = 0;
  if (const std::string* text = args->get("seed")) {
    const auto parsed =
        parse_unsigned("seed", *text, 0, std::numeric_limits<std::uint64_t>::max(), problem);
    if (!parsed) return usage_error("simulate", problem, kSynopsis);
    seed = *parsed;
  }
  const auto now = parse_now_flag(args->get("now"));
  if (!now) return kExitBadInput;
  const std::string& file = *args->get("definitions");
  const auto loaded = load_definitions(file);
  if (!loaded) return kExitBadInput;
  const std::string& name = *args->get("experiment");
  if (const auto skipped = loaded->skipped.find(name); skipped != loaded->skipped.end()) {
    print_error(file + ": experiment \"" + name + "\" was skipped: " + skipped->second);
    return kExitBadInput;
  }
  const Definition* def = loaded->definitions->find(name);
  if (!def) {
    print_error(file + ": no experiment named \"" + name + "\"");
    return kExitBadInput;
  }

  const std::string* secret = args->get("secret");
  Resolver resolver(loaded->definitions, {secret ? *secret : std::string(), nullptr});
  std::vector<std::uint64_t> counted(def->variants.size(), 0);
  std::map<std::string, std::uint64_t> not_counted;
  const std::uint64_t base = seed == 0 ? 0 : mix64(seed);
  ProgressBar progress(*contexts);
  for (std::uint64_t i = 0; i < *contexts; ++i) {
    const std::uint64_t id = seed == 0 ? i : mix64(base + i);
    Error error;
    const auto context = Context::from_json(synthetic_context(id), error);
    const Answer answer = context ? resolver.resolve(def->name, *context, *now)
                                  : error_answer(def->name, error.describe());
    if (answer.reason == Reason::gate || answer.reason == Reason::split ||
        answer.reason == Reason::disabled) {
      ++counted[answer.variant_index];
    } else {
      ++not_counted[std::string(to_string(answer.reason))];
    }
    // Checking every context would cost more than the bar is worth.
    if ((i & 0x3fff) == 0) progress.update(i);
  }
  progress.finish();
  print_report(*def, *contexts, seed, counted, not_counted);
  return kExitOk;
}

}  // namespace cohort::cli
