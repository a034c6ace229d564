#include "cohort/json_output.hpp"

namespace cohort {

Json answer_to_json(const Answer& answer) {
  Json out = Json::object();
  out["experiment"] = answer.experiment;
  out["variant"] = answer.variant;
  out["key"] = answer.key;
  out["reason"] = to_string(answer.reason);
  out["excluded"] = answer.excluded;
  out["tracked"] = answer.tracked;
  out["variant_index"] = answer.variant_index;
  if (!answer.migration_keys.empty()) out["migration_keys"] = answer.migration_keys;
  if (!answer.error.empty()) out["error"] = answer.error;
  return out;
}

Json errors_to_json(const Errors& errors) {
  Json out = Json::array();
  for (const Error& e : errors) out.push_back({{"path", e.path}, {"message", e.message}});
  return out;
}

std::string to_json_text(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace cohort
