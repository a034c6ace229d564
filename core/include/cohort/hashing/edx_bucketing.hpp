#pragma once

#include <cstdint>
#include <string_view>

namespace cohort::edx {

/// The 32-bit number Open edX's stable_bucketing_hash_group derives from
/// md5(utf8(group) + utf8(username)): the top bit of each of the 32 hex
/// digits, most significant first.
std::uint32_t hash_value(std::string_view group, std::string_view username);

/// stable_bucketing_hash_group(group, num_buckets, username):
/// hash_value(group, username) % num_buckets. `num_buckets` must be > 0.
std::uint32_t bucket(std::string_view group, std::string_view username, std::uint32_t num_buckets);

}  // namespace cohort::edx
