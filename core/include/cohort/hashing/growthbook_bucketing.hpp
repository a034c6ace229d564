#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace cohort::growthbook {

/// 32-bit FNV-1a of `data`.
std::uint32_t fnv1a32(std::string_view data);

/// GrowthBook's hash(seed, value, version): a number in [0, 1).
/// Version 1: (fnv1a32(value + seed) % 1000) / 1000.
/// Version 2: (fnv1a32(decimal(fnv1a32(seed + value))) % 10000) / 10000.
/// Any other version: nullopt.
std::optional<double> hash(std::string_view seed, std::string_view value, int version);

using Range = std::pair<double, double>;

/// GrowthBook's getEqualWeights(n): n weights of 1/n (empty when n < 1).
std::vector<double> equal_weights(int n);

/// GrowthBook's getBucketRange(n, coverage, weights): one [start, end) range
/// per variation. Coverage is clamped to [0, 1]; weights that do not have n
/// entries or do not sum to 1 (within 0.01) are replaced by equal weights.
std::vector<Range> bucket_ranges(int n, double coverage, const std::vector<double>* weights);

/// GrowthBook's chooseVariation(n, ranges): the index of the range holding
/// `n`, or -1 when none does.
int choose_variation(double n, const std::vector<Range>& ranges);

/// GrowthBook's inNamespace(hashValue, [id, start, end]):
/// hash("__" + id, hashValue, 1) in [start, end).
bool in_namespace(std::string_view hash_value, std::string_view namespace_id, double start,
                  double end);

}  // namespace cohort::growthbook
