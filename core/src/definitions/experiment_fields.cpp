#include "definitions/experiment_fields.hpp"

#include <algorithm>
#include <array>

#include "definitions/field_parsers.hpp"

namespace cohort {
namespace {

constexpr std::size_t kFieldCount = 18;

// A parser reading two fields (the two spellings of the variants) has a row
// for each. The rows are in the order the parsers must run: later ones use
// what earlier ones set (the seed defaults to the name, the rules need the
// variants, the weights the variants and the state).
constexpr std::array<ExperimentField, kFieldCount> kFields = {{
    {"name", parse_name},
    {"variants", parse_variants},
    {"num_buckets", parse_variants},
    {"state", parse_state},
    {"percentage", parse_percentage},
    {"actors", parse_actors},
    {"hash", parse_hash},
    {"seed", parse_seed},
    {"context_keys", parse_context_keys},
    {"namespace", parse_namespace},
    {"exclude", parse_exclude},
    {"overrides", parse_overrides},
    {"segments", parse_segments},
    {"course_aware", parse_course_aware},
    {"experiment_id", parse_experiment_id},
    {"enrollment", parse_enrollment},
    {"weights", parse_weights},
    {"description", nullptr},
}};

constexpr std::array<std::string_view, kFieldCount> kFieldNames = [] {
  std::array<std::string_view, kFieldCount> names;
  for (std::size_t i = 0; i < kFieldCount; ++i) names[i] = kFields[i].name;
  return names;
}();

}  // namespace

bool FieldInput::fail(std::string at, std::string message) const {
  errors.push_back({std::move(at), std::move(message) + "; experiment skipped"});
  return false;
}

std::span<const ExperimentField> experiment_fields() {
  return kFields;
}

std::span<const std::string_view> experiment_field_names() {
  return kFieldNames;
}

bool is_experiment_field(std::string_view key) {
  return std::find(kFieldNames.begin(), kFieldNames.end(), key) != kFieldNames.end();
}

std::optional<Value> field(Value source, const char* name) {
  const Value found = source.find(name);
  if (found.missing()) return std::nullopt;
  return found;
}

std::optional<std::uint64_t> count_of(Value value) {
  if (!is_integer(value) || value.number() < 0 || value.number() > 9007199254740992.0) {
    return std::nullopt;
  }
  return static_cast<std::uint64_t>(value.number());
}

}  // namespace cohort
