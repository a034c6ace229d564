#pragma once

#include <span>
#include <string>
#include <string_view>

#include "cohort/definitions/definition.hpp"
#include "cohort/definitions/definitions.hpp"
#include "cohort/error.hpp"
#include "cohort/json/value.hpp"

namespace cohort {

/// What a field parser reads from and reports to: one experiment object of
/// the document being loaded.
struct FieldInput {
  Value source;             ///< the experiment object
  const std::string& path;  ///< its JSON Pointer
  const LoadOptions& options;
  Value saved_groups;  ///< the document's, for conditions that name them
  Errors& errors;
  Errors& warnings;
  std::size_t* regex_budget;  ///< the document's, see ConditionOptions

  /// Records an error at `at` that skips the experiment; returns false, for
  /// the parser to return.
  bool fail(std::string at, std::string message) const;
};

/// Reads its field (present or not) into the definition; false once it has
/// failed. A parser runs after every parser of an earlier row.
using FieldParser = bool (*)(const FieldInput& in, Definition& def);

struct ExperimentField {
  std::string_view name;
  FieldParser parser;  ///< nullptr: accepted and kept out of the compiled form
};

/// Every field an experiment may have, with its parser, in the order the
/// parsers run. What is known, and what a misspelling is compared with,
/// come from here.
std::span<const ExperimentField> experiment_fields();

/// The names of experiment_fields(), in the same order.
std::span<const std::string_view> experiment_field_names();

bool is_experiment_field(std::string_view key);

}  // namespace cohort
