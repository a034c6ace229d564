// A condition and attributes of any bytes (split at the first NUL): the
// condition compiled as GrowthBook's evalCondition reads it (RE2 for
// $regex) and evaluated, then used as a segment of an experiment and
// resolved through the whole pipeline.
#include "cohort/conditions/condition.hpp"
#include "cohort/conditions/re2_regex_engine.hpp"
#include "cohort/json/json_text.hpp"
#include "cohort/resolver.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const cohort::Re2RegexEngine regex;
  const auto [condition_text, attributes_text] =
      cohort::fuzz::split_at_nul(cohort::fuzz::text_of(data, size));
  cohort::Error error;
  const auto condition = cohort::parse_json_text(condition_text, 1 << 16, 64, error);
  if (!condition) return 0;
  const auto attributes = cohort::parse_json_text(attributes_text, 1 << 16, 64, error);
  cohort::ConditionOptions options;
  options.regex = &regex;
  cohort::Errors errors;
  const cohort::Condition compiled = cohort::Condition::compile(*condition, options, "", errors);
  if (attributes) (void)compiled.matches(*attributes);

  cohort::Json document = {{"experiments", cohort::Json::array()}};
  document["experiments"].push_back({{"name", "c"},
                                     {"variants", {"control", "in"}},
                                     {"segments", {{{"variant", "in"}, {"when", *condition}}}}});
  cohort::LoadOptions load;
  load.regex = &regex;
  const auto loaded = cohort::Definitions::load(document, load);
  if (!attributes || !attributes->is_object()) return 0;
  if (const auto context = cohort::Context::from_json(*attributes, error)) {
    cohort::Resolver(loaded.definitions).resolve("c", *context, 0);
  }
  return 0;
}
