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

#include "cohort/condition.hpp"
#include "cohort/error.hpp"
#include "cohort/json.hpp"
#include "cohort/value_json.hpp"
#include "condition_node.hpp"

namespace cohort {
namespace condition_detail {

/// A JSON operand encoded, for the functions shared with evaluation, which
/// read encoded values.
struct Encoded {
  explicit Encoded(const Json& json) : bytes(encode_json(json)) {}
  Value value() const { return Value(reinterpret_cast<const unsigned char*>(bytes.data())); }
  std::string bytes;
};

/// "expected <what>, got <value>", with the value shortened.
std::string expected(std::string_view what, const Json& value);
/// GrowthBook treats an object as operators only when it has keys and every
/// key starts with "$".
bool is_operator_object(const Json& value);
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
  Condition::Node condition(const Json& source, const std::string& path, std::size_t depth);
  /// GrowthBook's evalConditionValue(source, value); `fold` for `$alli`.
  ValueTest value(const Json& source, const std::string& path, std::size_t depth, bool fold);
  /// One entry of an operator object (condition_operators.cpp).
  OpTest op(const std::string& name, const Json& operand, const std::string& path,
            std::size_t depth);

 private:
  Clause entry(const std::string& key, const Json& operand, const std::string& path,
               std::size_t depth);
  Clause field(const std::string& key, const Json& operand, const std::string& path,
               std::size_t depth);
  void list(const Json& operand, const std::string& path, std::size_t depth, Clause& clause);
  void saved_group(const Json& operand, const std::string& path, OpTest& test);
  void type_name(const Json& operand, const std::string& path, OpTest& test);
  std::unique_ptr<const Regex> regex(const Json& operand, const std::string& path,
                                     bool ignore_case);
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
