#include <algorithm>
#include <array>
#include <cstdio>
#include <iostream>
#include <limits>

#include "args.hpp"
#include "cohort/hashing/bucketing.hpp"
#include "cohort/hashing/edx_bucketing.hpp"
#include "cohort/hashing/gitlab_bucketing.hpp"
#include "cohort/json/json.hpp"
#include "commands.hpp"
#include "input.hpp"

namespace cohort::cli {
namespace {

constexpr std::string_view kSynopsis =
    "cohort bucket --hash edx|gitlab|xxh3 ... (see cohort bucket --help)";
constexpr std::string_view kEdxSynopsis =
    "cohort bucket --hash edx --group GROUP --id USERNAME --buckets N";
constexpr std::string_view kGitlabSynopsis =
    "cohort bucket --hash gitlab --experiment NAME --key KEY --variants control,a,b "
    "[--percentage P]";
constexpr std::string_view kXxh3Synopsis = "cohort bucket --hash xxh3 --seed SEED --key KEY";

constexpr std::string_view kHelp =
    R"(Prints the raw bucket a hash mode gives, to compare with another system's.

usage: cohort bucket --hash edx --group GROUP --id USERNAME --buckets N
       cohort bucket --hash gitlab --experiment NAME --key KEY --variants control,a,b
                     [--percentage P]
       cohort bucket --hash xxh3 --seed SEED --key KEY

  edx     Open edX's stable_bucketing_hash_group(GROUP, N, USERNAME): prints the
          bucket number, 0 to N-1. GROUP is the flag name, plus "." + course id
          for course-aware bucketing.
  gitlab  GLEX's rollout for context key KEY (the sha256 digest GLEX computes):
          prints "control" when --percentage P (< 100) is given and Flipper's
          gate keeps the key out, else the non-control variant at
          crc32(NAME + ":" + KEY) % (number of non-control variants).
  xxh3    Cohort's default mode: prints {"seed_hash": "<16 hex digits>",
          "gate": G, "split": S} where G and S are the two independent draws
          in [0, 1) for KEY under SEED (the gate passes when G*100 < percentage;
          the split walks the cumulative weights with S).

Exit status 2 for usage errors and invalid numbers.
)";

constexpr std::array<FlagSpec, 9> kFlags{{{"hash"},
                                          {"group"},
                                          {"id"},
                                          {"buckets"},
                                          {"experiment"},
                                          {"key"},
                                          {"variants"},
                                          {"percentage"},
                                          {"seed"}}};

// Every flag that belongs to another mode is refused, so a typo in --hash
// cannot silently ignore what the user meant.
bool only_flags(const Args& args, std::span<const std::string_view> allowed, std::string_view mode,
                std::string& problem) {
  for (const auto& [flag, value] : args.values) {
    if (flag == "hash") continue;
    if (std::find(allowed.begin(), allowed.end(), flag) == allowed.end()) {
      problem = "option '--" + flag + "' does not apply to --hash " + std::string(mode);
      return false;
    }
  }
  return true;
}

int bucket_edx(const Args& args) {
  static constexpr std::array<std::string_view, 3> kUsed{"group", "id", "buckets"};
  std::string problem;
  if (!only_flags(args, kUsed, "edx", problem) || !require(args, kUsed, problem)) {
    return usage_error("bucket", problem, kEdxSynopsis);
  }
  const auto buckets = parse_unsigned("buckets", *args.get("buckets"), 1,
                                      std::numeric_limits<std::uint32_t>::max(), problem);
  if (!buckets) return usage_error("bucket", problem, kEdxSynopsis);
  std::cout << edx::bucket(*args.get("group"), *args.get("id"),
                           static_cast<std::uint32_t>(*buckets))
            << '\n';
  return kExitOk;
}

int bucket_gitlab(const Args& args) {
  static constexpr std::array<std::string_view, 4> kUsed{"experiment", "key", "variants",
                                                         "percentage"};
  static constexpr std::array<std::string_view, 3> kRequired{"experiment", "key", "variants"};
  std::string problem;
  if (!only_flags(args, kUsed, "gitlab", problem) || !require(args, kRequired, problem)) {
    return usage_error("bucket", problem, kGitlabSynopsis);
  }
  const std::vector<std::string> variants = split_list(*args.get("variants"));
  for (const auto& v : variants) {
    if (v.empty()) {
      return usage_error(
          "bucket",
          "--variants: expected comma-separated names, got '" + *args.get("variants") + "'",
          kGitlabSynopsis);
    }
  }
  if (variants.size() < 2) {
    return usage_error("bucket", "--variants: expected control and at least one other variant",
                       kGitlabSynopsis);
  }
  const std::string& name = *args.get("experiment");
  const std::string& key = *args.get("key");
  if (const std::string* text = args.get("percentage")) {
    const auto percentage = parse_number("percentage", *text, 0, 100, problem);
    if (!percentage) return usage_error("bucket", problem, kGitlabSynopsis);
    // Flipper is only consulted below 100%: at 100 every actor is in.
    if (*percentage < 100 && !gitlab::gate(name, key, *percentage)) {
      std::cout << variants[0] << '\n';
      return kExitOk;
    }
  }
  const std::uint32_t value = gitlab::split_value(name, key);
  std::cout << variants[1 + value % (variants.size() - 1)] << '\n';
  return kExitOk;
}

int bucket_xxh3(const Args& args) {
  static constexpr std::array<std::string_view, 2> kUsed{"seed", "key"};
  std::string problem;
  if (!only_flags(args, kUsed, "xxh3", problem) || !require(args, kUsed, problem)) {
    return usage_error("bucket", problem, kXxh3Synopsis);
  }
  const std::uint64_t seed_hash = xxh3_seed(*args.get("seed"));
  const std::string& key = *args.get("key");
  // The 64-bit seed hash as hex: a JSON number would lose bits in JavaScript.
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(seed_hash));
  Json out = Json::object();
  out["seed_hash"] = hex;
  out["gate"] = xxh3_gate_draw(seed_hash, key);
  out["split"] = xxh3_split_draw(seed_hash, key);
  std::cout << out.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
  return kExitOk;
}

constexpr std::array<std::string_view, 1> kNeedsHash{"hash"};

}  // namespace

int run_bucket(std::span<const std::string_view> argv) {
  int status = kExitOk;
  const auto args = command_args({"bucket", kFlags, kNeedsHash, kSynopsis, kHelp}, argv, status);
  if (!args) return status;
  const std::string& mode = *args->get("hash");
  if (mode == "edx") return bucket_edx(*args);
  if (mode == "gitlab") return bucket_gitlab(*args);
  if (mode == "xxh3") return bucket_xxh3(*args);
  return usage_error("bucket", "--hash: expected edx, gitlab or xxh3, got '" + mode + "'",
                     kSynopsis);
}

}  // namespace cohort::cli
