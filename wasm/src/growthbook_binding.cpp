// GrowthBook's primitives, bound so every conformance section the core
// passes (evalCondition, hash, getBucketRange, chooseVariation,
// getEqualWeights, inNamespace) runs through the WebAssembly build too.
// Lists and documents cross as JSON text.
#include <emscripten/bind.h>

#include <cmath>
#include <limits>
#include <string>

#include "cohort/condition.hpp"
#include "cohort/growthbook_bucketing.hpp"
#include "cohort/json.hpp"
#include "cohort/json_text.hpp"
#include "host_regex_engine.hpp"

namespace {

using cohort::Json;
namespace gb = cohort::growthbook;

std::string numbers_json(const std::vector<double>& values) {
  return Json(values).dump();
}

std::string ranges_json(const std::vector<gb::Range>& ranges) {
  Json out = Json::array();
  for (const auto& [start, end] : ranges) out.push_back({start, end});
  return out.dump();
}

// NaN stands for GrowthBook's null (an unknown hash version).
double hash(const std::string& seed, const std::string& value, int version) {
  return gb::hash(seed, value, version).value_or(std::numeric_limits<double>::quiet_NaN());
}

std::string equal_weights(int n) {
  return numbers_json(gb::equal_weights(n));
}

std::string bucket_ranges(int n, double coverage, const std::string& weights_json) {
  cohort::Error error;
  const auto weights = cohort::parse_json_text(weights_json, 1 << 20, 4, error);
  std::vector<double> list;
  const bool given = weights && weights->is_array();
  if (given) {
    for (const Json& w : *weights) list.push_back(w.is_number() ? w.get<double>() : 0.0);
  }
  return ranges_json(gb::bucket_ranges(n, coverage, given ? &list : nullptr));
}

int choose_variation(double n, const std::string& ranges_text) {
  cohort::Error error;
  const auto ranges = cohort::parse_json_text(ranges_text, 1 << 20, 4, error);
  std::vector<gb::Range> list;
  if (ranges && ranges->is_array()) {
    for (const Json& r : *ranges) {
      if (r.is_array() && r.size() == 2 && r[0].is_number() && r[1].is_number()) {
        list.emplace_back(r[0].get<double>(), r[1].get<double>());
      }
    }
  }
  return gb::choose_variation(n, list);
}

bool in_namespace(const std::string& hash_value, const std::string& id, double start, double end) {
  return gb::in_namespace(hash_value, id, start, end);
}

// evalCondition(condition, attributes, savedGroups): 1 or 0, or -1 when one
// of the three is not valid JSON. Conditions evaluate as GrowthBook's do
// even where compiling reports a problem (an unknown saved group).
int eval_condition(const std::string& condition, const std::string& attributes,
                   const std::string& saved_groups) {
  constexpr std::size_t kMaxBytes = 1 << 20;
  constexpr std::size_t kMaxDepth = 64;
  cohort::Error error;
  const auto source = cohort::parse_json_text(condition, kMaxBytes, kMaxDepth, error);
  const auto values = cohort::parse_json_text(attributes, kMaxBytes, kMaxDepth, error);
  const auto groups = cohort::parse_json_text(saved_groups, kMaxBytes, kMaxDepth, error);
  if (!source || !values || !groups) return -1;
  const cohort::wasm::HostRegexEngine regex;
  cohort::ConditionOptions options;
  options.regex = &regex;
  options.saved_groups = &*groups;
  cohort::Errors errors;
  return cohort::Condition::compile(*source, options, "", errors).matches(*values) ? 1 : 0;
}

}  // namespace

EMSCRIPTEN_BINDINGS(cohort_growthbook) {
  emscripten::function("growthbookEvalCondition", &eval_condition);
  emscripten::function("growthbookHash", &hash);
  emscripten::function("growthbookEqualWeights", &equal_weights);
  emscripten::function("growthbookBucketRanges", &bucket_ranges);
  emscripten::function("growthbookChooseVariation", &choose_variation);
  emscripten::function("growthbookInNamespace", &in_namespace);
}
