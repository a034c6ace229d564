#pragma once

#include <string>
#include <string_view>

#include "cohort/answer.hpp"
#include "cohort/json/json.hpp"

namespace cohort {

/// The Snowplow schema of GLEX's experiment context, as GitLab's current
/// `~/experimentation/constants` names it (older GitLab used 1-0-0).
inline constexpr std::string_view kExperimentContextSchema =
    "iglu:com.gitlab/gitlab_experiment/jsonschema/1-0-3";

/// GLEX's experiment context for Snowplow:
/// {schema, data: {experiment, key, variant, migration_keys?}} — exactly
/// those fields; migration_keys only when there are some.
Json experiment_context(const Answer& answer);

/// The properties of edX's `edx.bi.experiment.user.bucketed` event.
struct EdxEventSource {
  std::string site;
  std::string app_label = "experiments";
  std::string course_id;  ///< empty: null
  bool is_staff = false;
};
Json edx_bucketed_event(const Answer& answer, const EdxEventSource& source);

/// The name of edX's bucketing event.
inline constexpr std::string_view kEdxBucketedEvent = "edx.bi.experiment.user.bucketed";

}  // namespace cohort
