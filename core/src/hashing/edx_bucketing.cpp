#include "cohort/hashing/edx_bucketing.hpp"

#include <string>

#include "cohort/hashing/md5.hpp"

namespace cohort::edx {

std::uint32_t hash_value(std::string_view group, std::string_view username) {
  std::string message;
  message.reserve(group.size() + username.size());
  message.append(group);
  message.append(username);

  // edX maps each hex digit 0-7 to 0 and 8-f to 1: that is the top bit of
  // each nibble, so it can be read straight off the digest bytes without
  // formatting them as hex first.
  std::uint32_t value = 0;
  for (const std::uint8_t byte : md5(message)) {
    value = (value << 1) | ((byte >> 7) & 1u);
    value = (value << 1) | ((byte >> 3) & 1u);
  }
  return value;
}

std::uint32_t bucket(std::string_view group, std::string_view username, std::uint32_t num_buckets) {
  // A zero count breaks the contract; answer 0 rather than divide by zero,
  // which is undefined natively and a trap in WebAssembly.
  if (num_buckets == 0) return 0;
  return hash_value(group, username) % num_buckets;
}

}  // namespace cohort::edx
