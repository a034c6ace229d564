#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cohort/time.hpp"

namespace cohort {

/// Remembers assigned variants so a context keeps its variant when the
/// definition's percentage or weights change. Implementations decide where
/// the memory lives (process, sessionStorage, a server cache).
class StickyStore {
 public:
  virtual ~StickyStore() = default;
  /// The variant remembered for (experiment, key), if any and still fresh.
  virtual std::optional<std::string> get(std::string_view experiment, std::string_view key,
                                         EpochMs now) = 0;
  /// Remembers `variant` for (experiment, key).
  virtual void put(std::string_view experiment, std::string_view key, std::string_view variant,
                   EpochMs now) = 0;
};

}  // namespace cohort
