// Exports of the test build only (cohort_test.wasm, never shipped): stubs,
// pushed data and sticky entries in the core, as the shared vectors set
// them up, and GrowthBook's primitives, so every conformance section the
// core passes runs through WebAssembly too. Lists cross as JSON text.
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "cohort/conditions/condition.hpp"
#include "cohort/hashing/growthbook_bucketing.hpp"
#include "cohort/json/json.hpp"
#include "cohort/json/json_text.hpp"
#include "cohort/json/value_json.hpp"
#include "exports.hpp"
#include "host_regex_engine.hpp"

namespace {

using cohort::Json;
using cohort::wasm::input;
using cohort::wasm::result;
namespace gb = cohort::growthbook;

constexpr std::uint32_t kNone = 0xFFFFFFFFu;

std::optional<Json> json_input(std::uint32_t offset, std::uint32_t length) {
  cohort::Error error;
  return cohort::parse_json_text(input(offset, length), 1 << 20, 64, error);
}

}  // namespace

extern "C" {

/// Input: experiment name, variant.
void cohort_test_stub(std::uint32_t name_length, std::uint32_t variant_length) {
  cohort::wasm::exported_engine().stub(input(0, name_length), input(name_length, variant_length));
}

/// Input: experiment name, variant, key.
void cohort_test_publish(std::uint32_t name_length, std::uint32_t variant_length,
                         std::uint32_t key_length) {
  cohort::wasm::exported_engine().publish(input(0, name_length), input(name_length, variant_length),
                                          input(name_length + variant_length, key_length));
}

/// Input: an encoded context, then the variant. Returns an envelope.
const char* cohort_test_remember(std::uint32_t index, std::uint32_t context_length,
                                 std::uint32_t variant_length, double now_ms) {
  return result(cohort::wasm::exported_engine().remember(
      index, input(0, context_length), input(context_length, variant_length), now_ms));
}

/// evalCondition(condition, attributes, savedGroups), each as JSON text:
/// 1 or 0, or -1 when one is not valid JSON. Conditions evaluate as
/// GrowthBook's do even where compiling reports a problem.
int cohort_test_eval_condition(std::uint32_t condition_length, std::uint32_t attributes_length,
                               std::uint32_t groups_length) {
  const auto source = json_input(0, condition_length);
  const auto values = json_input(condition_length, attributes_length);
  const auto groups = json_input(condition_length + attributes_length, groups_length);
  if (!source || !values || !groups) return -1;
  const cohort::wasm::HostRegexEngine regex;
  cohort::ConditionOptions options;
  options.regex = &regex;
  const std::string encoded_groups = cohort::encode_json(*groups);
  options.saved_groups =
      cohort::Value(reinterpret_cast<const unsigned char*>(encoded_groups.data()));
  cohort::Errors errors;
  return cohort::Condition::compile(*source, options, "", errors).matches(*values) ? 1 : 0;
}

/// Input: seed, value. NaN stands for GrowthBook's null (an unknown version).
double cohort_test_hash(std::uint32_t seed_length, std::uint32_t value_length, int version) {
  return gb::hash(input(0, seed_length), input(seed_length, value_length), version)
      .value_or(std::numeric_limits<double>::quiet_NaN());
}

const char* cohort_test_equal_weights(int n) {
  return result(Json(gb::equal_weights(n)).dump());
}

/// Input: the weights as JSON text, or nothing when `weights_length` is
/// 0xFFFFFFFF (GrowthBook's undefined).
const char* cohort_test_bucket_ranges(int n, double coverage, std::uint32_t weights_length) {
  std::vector<double> list;
  bool given = false;
  if (weights_length != kNone) {
    const auto weights = json_input(0, weights_length);
    given = weights && weights->is_array();
    if (given) {
      for (const Json& w : *weights) list.push_back(w.is_number() ? w.get<double>() : 0.0);
    }
  }
  Json out = Json::array();
  for (const auto& [start, end] : gb::bucket_ranges(n, coverage, given ? &list : nullptr)) {
    out.push_back({start, end});
  }
  return result(out.dump());
}

/// Input: the ranges as JSON text.
int cohort_test_choose_variation(double n, std::uint32_t ranges_length) {
  const auto ranges = json_input(0, ranges_length);
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

/// Input: the hash value, then the namespace id.
int cohort_test_in_namespace(std::uint32_t hash_length, std::uint32_t id_length, double start,
                             double end) {
  return gb::in_namespace(input(0, hash_length), input(hash_length, id_length), start, end) ? 1 : 0;
}

}  // extern "C"
