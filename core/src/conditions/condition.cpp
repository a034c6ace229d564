// Compiles conditions and condition values (see condition_compiler.hpp), and
// the public face of Condition.

#include "cohort/conditions/condition.hpp"

#include <algorithm>
#include <string_view>
#include <utility>

#include "cohort/context.hpp"
#include "cohort/json/value_json.hpp"
#include "conditions/condition_compiler.hpp"

namespace cohort {
namespace condition_detail {
namespace {

using Node = Condition::Node;

bool starts_with_dollar(std::string_view key) {
  return !key.empty() && key[0] == '$';
}

bool has_operator_key(Value value) {
  for (auto c = value.children(); !c.done(); c.next()) {
    if (starts_with_dollar(c.key())) return true;
  }
  return false;
}

std::vector<PathPart> split_path(const std::string& dotted) {
  std::vector<PathPart> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = dotted.find('.', start);
    PathPart part;
    part.key = dotted.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    part.is_index = array_index(part.key, part.index);
    part.is_length = part.key == "length";
    parts.push_back(std::move(part));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return parts;
}

// A node that never matches.
Node never() {
  Node node;
  node.clauses.emplace_back();  // Clause::Kind::kNever
  return node;
}

}  // namespace

bool is_operator_object(Value value) {
  if (!value.is_object() || value.size() == 0) return false;
  for (auto c = value.children(); !c.done(); c.next()) {
    if (!starts_with_dollar(c.key())) return false;
  }
  return true;
}

Node Compiler::condition(Value source, const std::string& path, std::size_t depth) {
  Node node;
  if (too_deep(path, depth)) return never();
  switch (source.type()) {
    case Value::Type::object:
      for (auto c = source.children(); !c.done(); c.next()) {
        node.clauses.push_back(entry(std::string(c.key()), c.value(), path, depth));
      }
      return node;
    case Value::Type::array: {
      // Object.entries of an array: its indices as attribute names.
      fail(path, expected("a condition object", source));
      std::size_t i = 0;
      for (auto c = source.children(); !c.done(); c.next(), ++i) {
        node.clauses.push_back(field(std::to_string(i), c.value(), path, depth));
      }
      return node;
    }
    case Value::Type::string:
      // GrowthBook would test attribute "0" against the first character,
      // "1" against the second... Emulating that would turn each byte of
      // a hostile string into a node, so a string fails closed instead.
    case Value::Type::missing:
    case Value::Type::null:
      // Object.entries(null) throws, which fails the whole evaluation.
      fail(path, expected("a condition object", source));
      fails_closed_ = true;
      return never();
    default:
      // Numbers and booleans have no entries: the condition holds.
      fail(path, expected("a condition object", source));
      return node;
  }
}

ValueTest Compiler::value(Value source, const std::string& path, std::size_t depth, bool fold) {
  ValueTest test;
  if (too_deep(path, depth)) return test;  // kNever
  switch (source.type()) {
    case Value::Type::string:
      test.kind = ValueTest::Kind::kString;
      test.fold = fold;
      test.text = fold ? fold_case(source.string()) : std::string(source.string());
      return test;
    case Value::Type::number:
      test.kind = ValueTest::Kind::kNumber;
      test.number = source.number();
      return test;
    case Value::Type::boolean:
      test.kind = ValueTest::Kind::kBoolean;
      test.boolean = source.boolean();
      return test;
    case Value::Type::missing:
    case Value::Type::null:
      test.kind = ValueTest::Kind::kNull;
      return test;
    default:
      break;
  }
  if (!is_operator_object(source)) {
    if (source.is_object() && has_operator_key(source)) {
      fail(path,
           "expected either operators (keys starting with \"$\") or a literal object, "
           "got a mix of both");
    }
    // The literal is compared by recursion over its depth, so bound it.
    if (deeper_than(source, options_.max_depth - std::min(depth, options_.max_depth))) {
      too_deep(path, options_.max_depth + 1);
      return test;
    }
    test.kind = ValueTest::Kind::kLiteral;
    test.literal = std::string(source.bytes());
    return test;
  }
  test.kind = ValueTest::Kind::kOperators;
  for (auto c = source.children(); !c.done(); c.next()) {
    const std::string key(c.key());
    test.ops.push_back(op(key, c.value(), child_path(path, key), depth));
  }
  return test;
}

Clause Compiler::entry(const std::string& key, Value operand, const std::string& path,
                       std::size_t depth) {
  const std::string entry_path = child_path(path, key);
  Clause clause;
  if (key == "$and" || key == "$or" || key == "$nor") {
    clause.kind = key == "$and" ? Clause::Kind::kAnd
                                : (key == "$or" ? Clause::Kind::kOr : Clause::Kind::kNor);
    list(operand, entry_path, depth + 1, clause);
    return clause;
  }
  if (key == "$not") {
    clause.kind = Clause::Kind::kNot;
    clause.children.push_back(condition(operand, entry_path, depth + 1));
    return clause;
  }
  // Any other key, "$groups" included, names an attribute; a value operator
  // here is surely misplaced, though GrowthBook reads it as an attribute too.
  if (is_value_operator(key)) {
    fail(entry_path, "expected an attribute name or $and, $or, $nor, $not, got the operator \"" +
                         key + "\" outside an attribute");
  }
  return field(key, operand, path, depth);
}

Clause Compiler::field(const std::string& key, Value operand, const std::string& path,
                       std::size_t depth) {
  Clause clause;
  clause.kind = Clause::Kind::kField;
  clause.path = split_path(key);
  clause.test = value(operand, child_path(path, key), depth + 1, false);
  return clause;
}

void Compiler::list(Value operand, const std::string& path, std::size_t depth, Clause& clause) {
  if (operand.is_array()) {
    std::size_t i = 0;
    for (auto c = operand.children(); !c.done(); c.next(), ++i) {
      clause.children.push_back(condition(c.value(), child_path(path, i), depth));
    }
    return;
  }
  // GrowthBook loops up to `.length`: other values act as empty lists,
  // except null (`.length` throws) and strings (one condition per character,
  // which would let a hostile string blow up into nodes): those fail closed.
  fail(path, expected("an array of conditions", operand));
  if (operand.is_null() || operand.is_string()) fails_closed_ = true;
}

bool Compiler::too_deep(const std::string& path, std::size_t depth) {
  if (depth <= options_.max_depth) return false;
  fail(path, "nested deeper than " + std::to_string(options_.max_depth) + " levels");
  fails_closed_ = true;
  return true;
}

}  // namespace condition_detail

Condition::Condition() = default;
Condition::~Condition() = default;
Condition::Condition(Condition&&) noexcept = default;
Condition& Condition::operator=(Condition&&) noexcept = default;
Condition::Condition(std::unique_ptr<const Node> root) : root_(std::move(root)) {}

Condition Condition::compile(Value source, const ConditionOptions& options, const std::string& path,
                             Errors& errors) {
#if defined(__cpp_exceptions)
  try {
#endif
    condition_detail::Compiler compiler(options, errors);
    Node root = compiler.condition(source, path, 0);
    if (compiler.fails_closed()) root = condition_detail::never();
    return Condition(std::make_unique<const Node>(std::move(root)));
#if defined(__cpp_exceptions)
  } catch (const std::exception& e) {
    // Only allocation failure can land here; fail closed rather than throw.
    errors.push_back({path, std::string("condition could not be compiled: ") + e.what()});
    return Condition(std::make_unique<const Node>(condition_detail::never()));
  }
#endif
}

Condition Condition::compile(const Json& source, const ConditionOptions& options,
                             const std::string& path, Errors& errors) {
  const std::string encoded = encode_json(source);
  return compile(Value(reinterpret_cast<const unsigned char*>(encoded.data())), options, path,
                 errors);
}

bool Condition::matches(const Json& attributes) const {
  const std::string encoded = encode_json(attributes);
  return matches(Value(reinterpret_cast<const unsigned char*>(encoded.data())));
}

}  // namespace cohort
