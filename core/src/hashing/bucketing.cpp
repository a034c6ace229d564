#include "cohort/hashing/bucketing.hpp"

#include "cohort/hashing/edx_bucketing.hpp"
#include "cohort/hashing/gitlab_bucketing.hpp"
#include "cohort/hashing/growthbook_bucketing.hpp"
#include "hashing/xxh3.hpp"

namespace cohort {
namespace {

// The bucketing group of the edx mode: the seed, plus "." + course when the
// definition is course-aware and the context has one.
std::string edx_group(const Definition& definition, std::string_view course) {
  std::string group = definition.seed;
  if (definition.course_aware && !course.empty()) {
    group += '.';
    group += course;
  }
  return group;
}

// The gate and the split hash the same key under different seeds, so which
// contexts pass the gate says nothing about how they split.
constexpr std::uint64_t kGateSalt = 0x9e3779b97f4a7c15ULL;
constexpr std::uint64_t kSplitSalt = 0xc2b2ae3d27d4eb4fULL;

// The top 53 bits as a double in [0, 1): every value exactly representable.
double unit(std::uint64_t h) {
  return static_cast<double>(h >> 11) * 0x1.0p-53;
}

// Walks cumulative weights; rounding at the top end falls to the last
// variant that has any weight.
std::size_t pick_weighted(const std::vector<double>& weights, std::size_t first, double u,
                          double total) {
  double cumulative = 0;
  std::size_t last_positive = 0;
  for (std::size_t i = first; i < weights.size(); ++i) {
    if (weights[i] <= 0) continue;
    last_positive = i;
    cumulative += weights[i] / total;
    if (u < cumulative) return i;
  }
  return last_positive;
}

// The variants with a positive weight, from `first` on.
std::vector<std::size_t> positive_variants(const std::vector<double>& weights, std::size_t first) {
  std::vector<std::size_t> out;
  for (std::size_t i = first; i < weights.size(); ++i) {
    if (weights[i] > 0) out.push_back(i);
  }
  return out;
}

bool gate_open(const Definition& def, const BucketingInput& in) {
  return in.skip_gate || def.state == State::on || def.percentage >= 100;
}

Placement place_xxh3(const Definition& def, const BucketingInput& in) {
  Placement p;
  p.in_gate = gate_open(def, in) || xxh3_gate_draw(def.seed_hash, in.key) * 100 < def.percentage;
  if (p.in_gate)
    p.variant = pick_weighted(def.weights, 0, xxh3_split_draw(def.seed_hash, in.key), 1);
  return p;
}

// GLEX: control only through the gate; the rollout splits the other
// variants, evenly as crc % n, or by their weights when those differ.
Placement place_gitlab(const Definition& def, const BucketingInput& in) {
  Placement p;
  p.in_gate = gate_open(def, in) || gitlab::gate(def.name, in.key, def.percentage);
  if (!p.in_gate) return p;
  const auto candidates = positive_variants(def.weights, 1);
  if (candidates.empty()) return p;
  const std::uint32_t crc = gitlab::split_value(def.name, in.key);
  if (def.equal_weights) {
    p.variant = candidates[crc % candidates.size()];
    return p;
  }
  double total = 0;
  for (std::size_t i : candidates) total += def.weights[i];
  p.variant = pick_weighted(def.weights, 1, static_cast<double>(crc % 10000) / 10000, total);
  return p;
}

// edX: stable_bucketing_hash_group over the buckets, exactly, when weights
// are equal; a weighted walk over the same 32-bit number otherwise.
Placement place_edx(const Definition& def, const BucketingInput& in) {
  Placement p;
  const std::string group = edx_group(def, in.course);
  if (!gate_open(def, in)) {
    const std::uint32_t gate = edx::hash_value(group + "|gate", in.identity);
    p.in_gate = static_cast<double>(gate % 100000) < def.percentage * 1000;
    if (!p.in_gate) return p;
  }
  const std::uint32_t value = edx::hash_value(group, in.identity);
  const auto candidates = positive_variants(def.weights, 0);
  if (def.equal_weights) {
    p.variant = candidates[value % candidates.size()];
  } else {
    p.variant = pick_weighted(def.weights, 0, static_cast<double>(value) * 0x1.0p-32, 1);
  }
  return p;
}

// GrowthBook: one hash against bucket ranges whose coverage is the gate.
Placement place_fnv(const Definition& def, const BucketingInput& in, int version) {
  Placement p;
  const auto n = growthbook::hash(def.seed, in.identity, version);
  const double coverage = gate_open(def, in) ? 1.0 : def.percentage / 100;
  const auto ranges =
      growthbook::bucket_ranges(static_cast<int>(def.variants.size()), coverage, &def.weights);
  const int index = n ? growthbook::choose_variation(*n, ranges) : -1;
  p.in_gate = index >= 0;
  if (p.in_gate) p.variant = static_cast<std::size_t>(index);
  return p;
}

}  // namespace

std::uint64_t xxh3_seed(std::string_view text) {
  return xxh3_64(text);
}

double xxh3_gate_draw(std::uint64_t seed_hash, std::string_view key) {
  return unit(xxh3_64(key, seed_hash ^ kGateSalt));
}

double xxh3_split_draw(std::uint64_t seed_hash, std::string_view key) {
  return unit(xxh3_64(key, seed_hash ^ kSplitSalt));
}

Placement place(const Definition& definition, const BucketingInput& input) {
  switch (definition.hash) {
    case HashMode::xxh3:
      return place_xxh3(definition, input);
    case HashMode::gitlab:
      return place_gitlab(definition, input);
    case HashMode::edx:
      return place_edx(definition, input);
    case HashMode::fnv1a_v1:
      return place_fnv(definition, input, 1);
    case HashMode::fnv1a_v2:
      return place_fnv(definition, input, 2);
  }
  return {};
}

}  // namespace cohort
