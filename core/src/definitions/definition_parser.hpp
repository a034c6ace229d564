#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cohort/conditions/regex.hpp"
#include "cohort/definitions/definitions.hpp"
#include "cohort/json/value.hpp"

namespace cohort {

/// Turns one document into Definitions. Each experiment is read field by
/// field (experiment_fields.hpp); the first problem in an experiment skips
/// it with an error that names the JSON path, and the others still load.
class DefinitionParser {
 public:
  DefinitionParser(const LoadOptions& options, Errors& errors, Errors& warnings)
      : options_(options), errors_(errors), warnings_(warnings) {}

  std::shared_ptr<const Definitions> parse(Value document);

  /// Filled by parse: see LoadResult::skipped.
  std::map<std::string, std::string, std::less<>> skipped;

 private:
  /// The document's experiments array (the document itself, or its
  /// "experiments"), its path in `base`; copies the saved groups into
  /// `groups_bytes` and warns of unknown fields. nullopt, reported, when
  /// there is none.
  std::optional<Value> experiments_of(Value document, std::string& base,
                                      std::shared_ptr<std::string>& groups_bytes);
  std::vector<Definition> parse_experiments(Value experiments, const std::string& base);
  std::optional<Definition> parse_experiment(Value source, const std::string& path);
  void drop_duplicate_names(std::vector<Definition>& loaded,
                            const std::vector<std::size_t>& errors_after);
  void remember_skipped(Value source, std::size_t errors_before);

  const LoadOptions& options_;
  Errors& errors_;
  Errors& warnings_;
  Value saved_groups_;
  std::size_t regex_budget_ = kMaxRegexProgramPerDocument;
};

}  // namespace cohort
