#include "cohort/hashing/gitlab_bucketing.hpp"

#include <algorithm>

#include "cohort/hashing/crc32.hpp"
#include "cohort/hashing/sha256.hpp"

namespace cohort::gitlab {

std::string context_key(std::string_view secret, std::string_view name,
                        const std::vector<std::string>& keys,
                        const std::vector<std::string>& values) {
  // Ruby's [secret, name, *keys, *values].join("|"): a nil secret joins as
  // "", so an unset secret still leaves the leading "|".
  std::string joined;
  joined.append(secret);
  joined.push_back('|');
  joined.append(name);
  for (const std::string& k : keys) {
    joined.push_back('|');
    joined.append(k);
  }
  for (const std::string& v : values) {
    joined.push_back('|');
    joined.append(v);
  }
  return sha256_hex(joined);
}

bool gate(std::string_view name, std::string_view key, double percentage) {
  // Flipper names the feature after the experiment with "/" made "_", and
  // GitLab's actor id is "Experiment;<name>:<key>"; Flipper hashes the two
  // concatenated.
  std::string id(name);
  std::replace(id.begin(), id.end(), '/', '_');
  id.append("Experiment;");
  id.append(name);
  id.push_back(':');
  id.append(key);
  // Compared in double, as Ruby compares an Integer with a Float percentage,
  // so fractional percentages (0.5%) keep their precision.
  const std::uint32_t slot = crc32(id) % 100000u;
  return static_cast<double>(slot) < percentage * 1000.0;
}

std::uint32_t split_value(std::string_view name, std::string_view key) {
  std::string id(name);
  id.push_back(':');
  id.append(key);
  return crc32(id);
}

}  // namespace cohort::gitlab
