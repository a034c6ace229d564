#include "cohort/tracking.hpp"

namespace cohort {

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
