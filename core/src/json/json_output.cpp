#include "cohort/json/json_output.hpp"

#include "cohort/context.hpp"
#include "cohort/json/json_writer.hpp"

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

void write_answer_json(const Answer& answer, std::string& out) {
  out += "{\"experiment\":";
  append_json_string(answer.experiment, out);
  out += ",\"variant\":";
  append_json_string(answer.variant, out);
  out += ",\"key\":";
  append_json_string(answer.key, out);
  out += ",\"reason\":\"";
  out += to_string(answer.reason);
  out += answer.excluded ? "\",\"excluded\":true" : "\",\"excluded\":false";
  out += answer.tracked ? ",\"tracked\":true" : ",\"tracked\":false";
  out += ",\"variant_index\":";
  out += std::to_string(answer.variant_index);
  if (!answer.migration_keys.empty()) {
    out += ",\"migration_keys\":[";
    for (std::size_t i = 0; i < answer.migration_keys.size(); ++i) {
      if (i > 0) out += ',';
      append_json_string(answer.migration_keys[i], out);
    }
    out += ']';
  }
  if (!answer.error.empty()) {
    out += ",\"error\":";
    append_json_string(answer.error, out);
  }
  out += '}';
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
