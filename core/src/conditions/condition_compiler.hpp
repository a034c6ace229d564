#pragma once

// Compilation of condition JSON into the node tree of condition_node.hpp:
// condition.cpp compiles conditions and values, condition_operators.cpp the
// operands of each operator. Every input compiles to something: where
// GrowthBook would quietly evaluate a mistake (an unknown operator, `$in`
// without an array, a broken regex) the node reproduces that evaluation and
// an error names the JSON path.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "cohort/conditions/condition.hpp"
#include "cohort/error.hpp"
#include "cohort/json/value.hpp"
#include "conditions/condition_node.hpp"
#include "json/json_describe.hpp"

namespace cohort {
namespace condition_detail {

/// GrowthBook treats an object as operators only when it has keys and every
/// key starts with "$".
bool is_operator_object(Value value);
/// True for the names of value operators ("$eq", "$in"...).
bool is_value_operator(std::string_view name);

class Compiler {
 public:
  Compiler(const ConditionOptions& options, Errors& errors) : options_(options), errors_(errors) {}

  /// True once part of the source could not be compiled faithfully (too
  /// deep, or where GrowthBook itself would throw). The whole condition must
  /// then fail closed: a subtree that merely failed would pass under `$not`.
  bool fails_closed() const { return fails_closed_; }

  /// GrowthBook's evalCondition(obj, source).
  Condition::Node condition(Value source, const std::string& path, std::size_t depth);
  /// GrowthBook's evalConditionValue(source, value); `fold` for `$alli`.
  ValueTest value(Value source, const std::string& path, std::size_t depth, bool fold);
  /// One entry of an operator object (condition_operators.cpp).
  OpTest op(const std::string& name, Value operand, const std::string& path, std::size_t depth);

 private:
  Clause entry(const std::string& key, Value operand, const std::string& path, std::size_t depth);
  Clause field(const std::string& key, Value operand, const std::string& path, std::size_t depth);
  void list(Value operand, const std::string& path, std::size_t depth, Clause& clause);
  // Each checks and compiles one kind of operand into `test` (condition_operators.cpp).
  void equality(Value operand, const std::string& path, OpTest& test);
  void version(Value operand, const std::string& path, OpTest& test);
  void membership(Value operand, const std::string& path, OpTest& test);
  void all_of(Value operand, const std::string& path, std::size_t depth, OpTest& test);
  void saved_group(Value operand, const std::string& path, OpTest& test);
  void type_name(Value operand, const std::string& path, OpTest& test);
  std::unique_ptr<const Regex> regex(Value operand, const std::string& path, bool ignore_case);
  bool too_deep(const std::string& path, std::size_t depth);
  void fail(const std::string& path, std::string message) {
    errors_.push_back({path, std::move(message)});
  }

  const ConditionOptions& options_;
  Errors& errors_;
  bool fails_closed_ = false;
};

}  // namespace condition_detail
}  // namespace cohort
