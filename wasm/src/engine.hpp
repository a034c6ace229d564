#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "cohort/assignment_tracker.hpp"
#include "cohort/context.hpp"
#include "cohort/memory_sticky_store.hpp"
#include "cohort/resolver.hpp"
#include "host_regex_engine.hpp"

namespace cohort::wasm {

/// What JavaScript holds of the core: compiled definitions, the resolver over
/// them, its bounded sticky store and the current context. Contexts arrive in
/// the value encoding (cohort/value.hpp); answers leave as a small binary
/// record (`answer_record`), everything else as one JSON envelope
/// {"status", "value", "errors", "warnings"}. Nothing throws across the
/// boundary.
class Engine {
 public:
  Engine();

  /// Compiles a definitions document (in the value encoding) and replaces
  /// the loaded one. The envelope's value lists each experiment's name and
  /// variants, in document order (the index `resolve` takes), the skipped
  /// experiments with their first error, and the reason names.
  std::string load(std::string_view encoded_definitions, std::string_view secret,
                   double sticky_capacity, double sticky_ttl_ms);
  /// Makes the encoded context the one `resolve` uses when given none.
  std::string set_context(std::string_view encoded);

  /// The answer for experiment `index` of the loaded document (or for the
  /// experiment `name` when `index` is out of range), for the encoded
  /// context, or the current one when `encoded` is empty.
  const Answer& resolve(std::uint32_t index, std::string_view name, std::string_view encoded,
                        double now_ms);
  /// The context key experiment `index` gives the encoded context (or the
  /// current one when `encoded` is empty), without resolving: what a stub
  /// decided outside the core carries, as resolver.cpp's stubs do. Empty
  /// for an index out of range or a context the core refuses.
  std::string key(std::uint32_t index, std::string_view encoded);

  /// Whether the last answer `resolve` gave is an assignment to emit now:
  /// tracked, and the first for its (experiment, key, course) this session.
  bool first_assignment() const { return first_assignment_; }

  /// The session's assignments (AssignmentTracker), which outlive loads.
  AssignmentTracker& assignments() { return assignments_; }

  // For the test build only: stubs, pushed data and sticky entries in the
  // core itself, as the shared vectors set them up.
  void stub(std::string_view experiment, std::string_view variant);
  void publish(std::string_view experiment, std::string_view variant, std::string_view key);
  /// Remembers `variant` for the key `encoded` has for experiment `index`;
  /// returns an envelope.
  std::string remember(std::uint32_t index, std::string_view encoded, std::string_view variant,
                       double now_ms);

  const Definitions& definitions() const { return *definitions_; }

 private:
  const Context* context_for(std::string_view encoded, Error& error);

  HostRegexEngine regex_;
  std::unique_ptr<MemoryStickyStore> store_;
  std::shared_ptr<const Definitions> definitions_;
  std::string secret_;
  std::unique_ptr<Resolver> resolver_;
  std::optional<Context> current_;
  std::optional<Context> scratch_;
  Answer answer_;
  bool first_assignment_ = false;
  AssignmentTracker assignments_;
};

/// Milliseconds from JavaScript as an epoch time; NaN, infinities and values
/// beyond ±8.64e15 (the Date range) become 0.
EpochMs epoch_from(double value);

/// The binary form of an answer JavaScript reads (js/src/wasm_engine.ts):
/// u32 words variant_index, reason, flags (1 excluded, 2 tracked, 4 the
/// variant's text follows, 8 the first assignment: emit it), key length, number of migration keys,
/// error length; then the key, each migration key as u32 length + bytes, the error, and the variant
/// as u32 length + bytes when flagged.
void write_answer_record(const Answer& answer, const Definition* definition, bool first_assignment,
                         std::string& out);

/// {"status": "ok"|"error", "value": <value_json>, "errors": [...],
/// "warnings": [...]}: what every call but `resolve` returns. Loading is
/// "ok" with errors: each error skipped one experiment.
std::string envelope(std::string_view value_json, const Errors& errors, const Errors& warnings,
                     bool ok);

}  // namespace cohort::wasm
