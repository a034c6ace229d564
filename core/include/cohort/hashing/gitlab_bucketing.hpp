#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cohort::gitlab {

/// GLEX's context key: sha256 hex of
/// secret + "|" + name + "|" + key_1 + ... + "|" + value_1 + ..., joining the
/// context's keys then its values, in the context's own order, with "|".
/// `values` are already rendered as GLEX's identify() renders them.
std::string context_key(std::string_view secret, std::string_view name,
                        const std::vector<std::string>& keys,
                        const std::vector<std::string>& values);

/// Flipper's percentage-of-actors gate as GitLab runs it for experiments:
/// crc32(feature + "Experiment;" + name + ":" + key) % 100000 < percentage * 1000,
/// where feature is `name` with "/" replaced by "_".
bool gate(std::string_view name, std::string_view key, double percentage);

/// crc32(name + ":" + key): the number GLEX's rollout splits on.
std::uint32_t split_value(std::string_view name, std::string_view key);

}  // namespace cohort::gitlab
