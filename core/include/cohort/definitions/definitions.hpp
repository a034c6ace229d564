#pragma once

#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cohort/conditions/regex.hpp"
#include "cohort/definitions/definition.hpp"
#include "cohort/error.hpp"
#include "cohort/json/json.hpp"
#include "cohort/json/value.hpp"

namespace cohort {

/// Limits on what a definitions document may hold (SPEC §8).
struct DefinitionLimits {
  std::size_t max_experiments = 10'000;
  std::size_t max_variants = 1'000;
  std::size_t max_rules = 1'000;  ///< exclude + overrides + segments, each
  std::size_t max_actors = 100'000;
  std::size_t max_document_bytes = 16u << 20;
  std::size_t max_depth = 64;  ///< JSON nesting
};

struct LoadOptions {
  /// Engine for `$regex`; without one those conditions never match.
  const RegexEngine* regex = nullptr;
  DefinitionLimits limits;
};

class Definitions;

/// What loading produced: the experiments that were valid, and one error per
/// problem found. An experiment with an error is skipped; the rest load.
struct LoadResult {
  std::shared_ptr<const Definitions> definitions;
  Errors errors;
  /// Problems that did not skip anything: unknown fields (likely typos), an
  /// unparseable enrollment bound (which excludes everyone).
  Errors warnings;
  /// Experiments skipped for an error, by name: the first error, described
  /// ("/experiments/1/weights: ..."). SPEC §8: they answer control with
  /// reason `error` instead of vanishing. A name that also loaded (a later
  /// definition of it) is not here.
  std::map<std::string, std::string, std::less<>> skipped;
};

/// A definitions document compiled into an immutable, indexed form:
/// `{"experiments": [...], "saved_groups": {...}}` or a bare array.
class Definitions {
 public:
  /// Compiles a document in the value encoding (cohort/value.hpp), as the
  /// package hands it over: checked, then compiled.
  static LoadResult decode(std::string_view encoded, const LoadOptions& options = {});
  /// Compiles a parsed document (encoding it first).
  static LoadResult load(const Json& document, const LoadOptions& options = {});
  /// Compiles a document already in the value encoding and well formed (as
  /// parse_json_text_encoded writes it); no size limit applies to it.
  static LoadResult load(Value document, const LoadOptions& options = {});
  /// Parses JSON text (bounded in size and depth), then compiles it.
  static LoadResult parse(std::string_view text, const LoadOptions& options = {});

  /// The definition named `name`, or nullptr.
  const Definition* find(std::string_view name) const;
  /// Every loaded definition, in document order.
  std::span<const Definition> all() const { return experiments_; }

  Definitions() = default;
  /// What a load compiled: the definitions in document order, their names
  /// unique, and the encoded saved groups their conditions were compiled
  /// against (kept alive here; the conditions point into those bytes).
  Definitions(std::vector<Definition> experiments, std::shared_ptr<const std::string> saved_groups);

 private:
  std::vector<Definition> experiments_;
  /// Positions in experiments_, ordered by name: find() searches it. A
  /// sorted array rather than a hash map: as fast for the names a page
  /// holds, and no hash table code in the WebAssembly module.
  std::vector<std::uint32_t> by_name_;
  std::shared_ptr<const std::string> saved_groups_;
};

}  // namespace cohort
