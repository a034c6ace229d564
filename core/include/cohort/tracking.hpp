#pragma once

#include <string>
#include <string_view>

#include "cohort/answer.hpp"
#include "cohort/json.hpp"
#include "cohort/memory_sticky_store.hpp"

namespace cohort {

/// The Snowplow schema of GLEX's experiment context, as GitLab's current
/// `~/experimentation/constants` names it (older GitLab used 1-0-0).
inline constexpr std::string_view kExperimentContextSchema =
    "iglu:com.gitlab/gitlab_experiment/jsonschema/1-0-3";

/// Decides which answers emit an `assignment` event: tracked answers, once
/// per (experiment, course, key) per session — as edX marks
/// "tracked.<experiment>[.<course>]" in the session. Bounded: beyond
/// `capacity` remembered assignments the oldest are forgotten (and may be
/// tracked again) rather than memory growing without end.
class AssignmentTracker {
 public:
  explicit AssignmentTracker(std::size_t capacity = 10'000);

  /// True when `answer` should emit an assignment event now; records it so
  /// the same assignment is not emitted again this session. Excluded,
  /// disabled, unknown, published and error answers never emit.
  bool should_emit(const Answer& answer, std::string_view course = {});

 private:
  MemoryStickyStore seen_;
};

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
