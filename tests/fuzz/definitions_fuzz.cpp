// Definitions documents of any bytes: parsed, compiled (RE2 for $regex),
// and every loaded experiment resolved for an empty and a small context.
// Nothing may crash, hang or leak; errors are values. The text is also
// parsed both ways the core can (into a DOM, and straight into the value
// encoding): they must agree byte for byte, or refuse alike.
#include "cohort/conditions/re2_regex_engine.hpp"
#include "cohort/definitions/definitions.hpp"
#include "cohort/json/json_text.hpp"
#include "cohort/json/value_json.hpp"
#include "cohort/memory_sticky_store.hpp"
#include "cohort/resolver.hpp"
#include "fuzz_input.hpp"

namespace {

void parse_both_ways(std::string_view text) {
  constexpr std::size_t kMaxBytes = 16u << 20;
  constexpr std::size_t kMaxDepth = 64;
  cohort::Error dom_error;
  cohort::Error direct_error;
  cohort::Errors dom_warnings;
  cohort::Errors direct_warnings;
  const auto dom = cohort::parse_json_text(text, kMaxBytes, kMaxDepth, dom_error, &dom_warnings);
  const auto direct =
      cohort::parse_json_text_encoded(text, kMaxBytes, kMaxDepth, direct_error, &direct_warnings);
  if (dom.has_value() != direct.has_value()) __builtin_trap();
  if (!dom) {
    if (!(dom_error == direct_error)) __builtin_trap();
    return;
  }
  if (cohort::encode_json(*dom) != *direct || !(dom_warnings == direct_warnings)) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  parse_both_ways(cohort::fuzz::text_of(data, size));
  static const cohort::Re2RegexEngine regex;
  cohort::LoadOptions options;
  options.regex = &regex;
  const cohort::LoadResult loaded =
      cohort::Definitions::parse(cohort::fuzz::text_of(data, size), options);
  if (!loaded.definitions) return 0;
  cohort::MemoryStickyStore store(64);
  cohort::Resolver resolver(loaded.definitions, {"fuzz", &store});
  cohort::Error error;
  const auto empty = cohort::Context::parse("{}", error);
  const auto small = cohort::Context::parse(
      R"({"actor": "user:1", "id": 7, "username": "ada", "course": "c", "email": "a@example.com"})",
      error);
  for (const cohort::Definition& def : loaded.definitions->all()) {
    resolver.resolve(def.name, *empty, 0);
    resolver.resolve(def.name, *small, 1'600'000'000'000);
  }
  return 0;
}
