// Definitions documents of any bytes: parsed, compiled (RE2 for $regex),
// and every loaded experiment resolved for an empty and a small context.
// Nothing may crash, hang or leak; errors are values.
#include "cohort/conditions/re2_regex_engine.hpp"
#include "cohort/definitions/definitions.hpp"
#include "cohort/memory_sticky_store.hpp"
#include "cohort/resolver.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
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
