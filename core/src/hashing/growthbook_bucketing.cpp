#include "cohort/hashing/growthbook_bucketing.hpp"

#include <cstddef>
#include <string>

namespace cohort::growthbook {

std::uint32_t fnv1a32(std::string_view data) {
  // Over UTF-8 bytes. GrowthBook's JavaScript SDK hashes UTF-16 code units
  // instead, so the two agree exactly on ASCII input only.
  std::uint32_t h = 0x811c9dc5u;
  for (const char ch : data) {
    h ^= static_cast<std::uint8_t>(ch);
    h *= 0x01000193u;  // unsigned, so wrapping mod 2^32 is well defined
  }
  return h;
}

std::optional<double> hash(std::string_view seed, std::string_view value, int version) {
  if (version == 2) {
    std::string inner(seed);
    inner.append(value);
    // JavaScript's `number + ""`: the uint32 in plain decimal.
    const std::uint32_t outer = fnv1a32(std::to_string(fnv1a32(inner)));
    return static_cast<double>(outer % 10000u) / 10000.0;
  }
  if (version == 1) {
    std::string joined(value);
    joined.append(seed);
    return static_cast<double>(fnv1a32(joined) % 1000u) / 1000.0;
  }
  return std::nullopt;
}

std::vector<double> equal_weights(int n) {
  if (n < 1) return {};
  return std::vector<double>(static_cast<std::size_t>(n), 1.0 / static_cast<double>(n));
}

std::vector<Range> bucket_ranges(int n, double coverage, const std::vector<double>* weights) {
  // Written as GrowthBook writes it (two one-sided comparisons, a running
  // sum in variation order) so that NaN and the last bits of every range
  // come out as the other SDKs compute them.
  if (coverage < 0) {
    coverage = 0;
  } else if (coverage > 1) {
    coverage = 1;
  }

  const std::vector<double> equal = equal_weights(n);
  const std::vector<double>* chosen = weights != nullptr ? weights : &equal;
  if (chosen->size() != equal.size()) chosen = &equal;
  double total = 0;
  for (const double w : *chosen) total += w;
  if (total < 0.99 || total > 1.01) chosen = &equal;

  std::vector<Range> ranges;
  ranges.reserve(chosen->size());
  double cumulative = 0;
  for (const double w : *chosen) {
    const double start = cumulative;
    cumulative += w;
    ranges.emplace_back(start, start + coverage * w);
  }
  return ranges;
}

int choose_variation(double n, const std::vector<Range>& ranges) {
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    if (n >= ranges[i].first && n < ranges[i].second) return static_cast<int>(i);
  }
  return -1;
}

bool in_namespace(std::string_view hash_value, std::string_view namespace_id, double start,
                  double end) {
  std::string seed = "__";
  seed.append(namespace_id);
  // Version 1 always yields a value, so there is no null case to handle.
  const double n = *hash(seed, hash_value, 1);
  return n >= start && n < end;
}

}  // namespace cohort::growthbook
