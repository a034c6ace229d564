#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cohort/answer.hpp"
#include "cohort/context.hpp"
#include "cohort/definitions/definitions.hpp"
#include "cohort/sticky_store.hpp"
#include "cohort/time.hpp"

namespace cohort {

/// A variant the server already decided and pushed into the page.
struct Published {
  std::string variant;
  std::string key;  ///< empty: computed locally when the definition is known
  std::vector<std::string> migration_keys;
};

struct ResolverOptions {
  /// Mixed into every context key, so keys cannot be recomputed from ids.
  std::string secret;
  /// Where assigned variants are remembered; nullptr for none.
  StickyStore* store = nullptr;
};

/// Runs the resolution pipeline of SPEC §3 over compiled definitions:
/// stub, published, unknown/off, sticky, excluded, override, segment, gate,
/// split — the first step that answers wins, with its reason.
class Resolver {
 public:
  explicit Resolver(std::shared_ptr<const Definitions> definitions, ResolverOptions options = {});

  /// Forces `variant` for `experiment` (tests). Wins over everything.
  void stub(std::string experiment, std::string variant);
  void clear_stubs();
  /// Records server-pushed data for `experiment`.
  void publish(std::string experiment, Published data);
  void clear_published();

  /// The answer for one experiment and one context at time `now`.
  Answer resolve(std::string_view experiment, const Context& context, EpochMs now);
  /// Answers for every defined experiment, in document order.
  std::vector<Answer> resolve_all(const Context& context, EpochMs now);

  const Definitions& definitions() const { return *definitions_; }

 private:
  Answer resolve_defined(const Definition& def, const Context& context, EpochMs now);
  bool excluded(const Definition& def, const Context& context, EpochMs now) const;
  bool in_actors(const Definition& def, const Context& context, std::string_view key) const;

  std::shared_ptr<const Definitions> definitions_;
  ResolverOptions options_;
  std::map<std::string, std::string, std::less<>> stubs_;
  std::map<std::string, Published, std::less<>> published_;
};

/// A control answer with reason `error` carrying `message`.
Answer error_answer(std::string experiment, std::string message);

}  // namespace cohort
