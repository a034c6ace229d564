#pragma once

#include <nlohmann/json.hpp>

namespace cohort {

/// The JSON value type used throughout Cohort. Object keys keep their
/// insertion order: GitLab-compatible context keys hash the context's own
/// key order, and error paths follow the document as written.
using Json = nlohmann::ordered_json;

}  // namespace cohort
