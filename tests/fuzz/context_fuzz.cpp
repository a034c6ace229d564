// Contexts of any bytes, both ways they reach the core: as JSON text
// (Context::parse) and as an encoding written by someone else
// (Context::decode, what the WebAssembly module is handed). A usable
// context is then keyed and resolved in every hash mode.
#include "cohort/context_key.hpp"
#include "cohort/definitions/definitions.hpp"
#include "cohort/resolver.hpp"
#include "fuzz_input.hpp"

namespace {

const std::shared_ptr<const cohort::Definitions>& definitions() {
  static const auto defs = cohort::Definitions::parse(R"({"experiments": [
    {"name": "x", "variants": ["control", "a", "b"]},
    {"name": "g", "hash": "gitlab", "context_keys": ["actor", "project"]},
    {"name": "e", "hash": "edx", "variants": ["0", "1"], "course_aware": true},
    {"name": "f", "hash": "fnv1a_v2", "namespace": ["n", 0, 0.5], "context_keys": ["id"]},
    {"name": "w", "enrollment": {"start": "2020-01-01"}, "exclude": [{"country": {"$in": ["XX"]}}]}
  ]})")
                               .definitions;
  return defs;
}

void use(const cohort::Context& context) {
  cohort::Resolver resolver(definitions(), {"secret", nullptr});
  (void)context.canonical();
  for (const cohort::Definition& def : definitions()->all()) {
    (void)cohort::context_key(def, context, "secret");
    resolver.resolve(def.name, context, 1'700'000'000'000);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = cohort::fuzz::text_of(data, size);
  cohort::Error error;
  if (const auto parsed = cohort::Context::parse(text, error)) use(*parsed);
  if (const auto decoded = cohort::Context::decode(text, error)) use(*decoded);
  return 0;
}
