#pragma once

#include <memory>
#include <optional>
#include <string>

#include "cohort/context.hpp"
#include "cohort/memory_sticky_store.hpp"
#include "cohort/resolver.hpp"
#include "host_regex_engine.hpp"

namespace cohort::wasm {

/// What JavaScript holds of the core: compiled definitions, the resolver over
/// them, its bounded sticky store and the current context. Results and
/// errors both come back as JSON text; nothing throws across the boundary.
class Engine {
 public:
  Engine();

  /// Compiles a definitions document and replaces the loaded one (stubs and
  /// published data start empty again). Returns
  /// {"experiments": N, "errors": [...], "warnings": [...]}.
  std::string load(const std::string& definitions_json, const std::string& secret,
                   double sticky_capacity, double sticky_ttl_ms);
  /// Makes `context_json` the context `resolve` uses when given "".
  /// Returns the problems as a JSON array, [] when it was accepted.
  std::string set_context(const std::string& context_json);

  /// One answer as JSON (cohort::answer_to_json); "" for the context means
  /// the current one.
  std::string resolve(const std::string& experiment, const std::string& context_json,
                      double now_ms);
  /// Answers for every loaded experiment, as a JSON array.
  std::string resolve_all(const std::string& context_json, double now_ms);

  void stub(const std::string& experiment, const std::string& variant);
  void clear_stubs();
  void publish(const std::string& experiment, const std::string& variant, const std::string& key);
  void clear_published();
  /// Puts `variant` into the sticky store under the key `context_json` has
  /// for `experiment`. Returns the problems as a JSON array.
  std::string remember(const std::string& experiment, const std::string& context_json,
                       const std::string& variant, double now_ms);
  /// The variants of `experiment` as a JSON array, or "null" when unknown.
  std::string variants(const std::string& experiment) const;

 private:
  const Context* context_for(const std::string& context_json, Error& error);

  HostRegexEngine regex_;
  std::unique_ptr<MemoryStickyStore> store_;
  std::shared_ptr<const Definitions> definitions_;
  std::string secret_;
  std::unique_ptr<Resolver> resolver_;
  std::optional<Context> current_;
  std::optional<Context> scratch_;
};

}  // namespace cohort::wasm
