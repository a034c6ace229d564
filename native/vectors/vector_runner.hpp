#pragma once

#include <string>
#include <vector>

#include "cohort/answer.hpp"
#include "cohort/conditions/regex.hpp"
#include "cohort/json/json.hpp"

namespace cohort::vectors {

/// The outcome of one case of a shared vector file (tests/vectors/*.json).
struct CaseResult {
  std::string name;
  bool passed = false;
  Answer answer;
  /// For a failure: each expected field that differed, "field: expected X, got Y".
  std::vector<std::string> mismatches;
};

/// Runs every case of one vector document: loads its definitions once, then
/// for each case applies its stubs, published data and sticky entries to a
/// fresh resolver and compares the answer with the fields `expected` gives.
/// An unusable vector document yields one failed case named after the problem.
std::vector<CaseResult> run_vector(const Json& vector, const RegexEngine& regex);

}  // namespace cohort::vectors
