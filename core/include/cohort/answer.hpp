#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "cohort/reason.hpp"

namespace cohort {

/// The result of resolving one experiment for one context.
struct Answer {
  std::string experiment;
  std::string variant;
  /// The context key: a digest, never a raw id. Empty when none applies.
  std::string key;
  Reason reason = Reason::unknown;
  /// True when an exclusion rule, the enrollment window or the namespace
  /// kept the context out of the experiment.
  bool excluded = false;
  /// True when this answer counts as an assignment to be tracked.
  bool tracked = false;
  /// Index of `variant` in the definition's variants (0 is control; edX's
  /// bucket number). 0 when the experiment is unknown.
  std::size_t variant_index = 0;
  /// Keys of the contexts this one migrated from (GLEX migrations).
  std::vector<std::string> migration_keys;
  /// What went wrong, for reason `error`.
  std::string error;
};

}  // namespace cohort
