#include "cohort/tracking.hpp"

namespace cohort {

AssignmentTracker::AssignmentTracker(std::size_t capacity) : seen_(capacity) {}

bool AssignmentTracker::should_emit(const Answer& answer, std::string_view course) {
  if (!answer.tracked || answer.excluded) return false;
  // As documented: these never emit, whatever `tracked` says.
  switch (answer.reason) {
    case Reason::excluded:
    case Reason::disabled:
    case Reason::unknown:
    case Reason::published:
    case Reason::error:
      return false;
    default:
      break;
  }
  std::string scope = answer.experiment;
  if (!course.empty()) {
    // A separator no experiment name or course id uses, so ("a.b", no
    // course) and ("a", course "b") stay distinct.
    scope += '\x1f';
    scope += course;
  }
  // The tracker's clock does not matter: entries never expire.
  if (seen_.get(scope, answer.key, 0)) return false;
  seen_.put(scope, answer.key, "1", 0);
  return true;
}

Json experiment_context(const Answer& answer) {
  Json data = Json::object();
  data["experiment"] = answer.experiment;
  data["key"] = answer.key;
  data["variant"] = answer.variant;
  if (!answer.migration_keys.empty()) data["migration_keys"] = answer.migration_keys;
  Json context = Json::object();
  context["schema"] = kExperimentContextSchema;
  context["data"] = std::move(data);
  return context;
}

Json edx_bucketed_event(const Answer& answer, const EdxEventSource& source) {
  Json properties = Json::object();
  properties["site"] = source.site;
  properties["app_label"] = source.app_label;
  properties["experiment"] = answer.experiment;
  properties["course_id"] = source.course_id.empty() ? Json(nullptr) : Json(source.course_id);
  properties["bucket"] = answer.variant_index;
  properties["is_staff"] = source.is_staff;
  properties["nonInteraction"] = 1;
  return properties;
}

}  // namespace cohort
