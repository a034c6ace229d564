// Compiles the operand of each value operator: tables of names, scalar
// operands with their JS coercions done once, `$in` sets, saved groups,
// regexes.

#include <array>
#include <string_view>
#include <utility>

#include "conditions/condition_compiler.hpp"
#include "conditions/regex_cost.hpp"

namespace cohort {
namespace condition_detail {
namespace {

using Node = Condition::Node;

struct OperatorName {
  std::string_view name;
  Op op;
};

constexpr std::array<OperatorName, 29> kOperators = {{
    {"$eq", Op::kEq},       {"$ne", Op::kNe},           {"$lt", Op::kLt},
    {"$lte", Op::kLte},     {"$gt", Op::kGt},           {"$gte", Op::kGte},
    {"$veq", Op::kVeq},     {"$vne", Op::kVne},         {"$vlt", Op::kVlt},
    {"$vlte", Op::kVlte},   {"$vgt", Op::kVgt},         {"$vgte", Op::kVgte},
    {"$in", Op::kIn},       {"$nin", Op::kNin},         {"$ini", Op::kIni},
    {"$nini", Op::kNini},   {"$inGroup", Op::kInGroup}, {"$notInGroup", Op::kNotInGroup},
    {"$all", Op::kAll},     {"$alli", Op::kAlli},       {"$elemMatch", Op::kElemMatch},
    {"$size", Op::kSize},   {"$exists", Op::kExists},   {"$type", Op::kType},
    {"$regex", Op::kRegex}, {"$regexi", Op::kRegexi},   {"$not", Op::kNot},
    {"$and", Op::kNever},   {"$or", Op::kNever},
}};

// `$and`/`$or` are listed above only so that they are recognised as
// misplaced (they belong next to attribute names, not under one).
bool find_operator(std::string_view name, Op& op) {
  for (const auto& entry : kOperators) {
    if (entry.name == name) {
      op = entry.op;
      return true;
    }
  }
  return false;
}

constexpr std::array<std::pair<std::string_view, JsType>, 6> kTypeNames = {{
    {"string", JsType::kString},
    {"number", JsType::kNumber},
    {"boolean", JsType::kBoolean},
    {"object", JsType::kObject},
    {"array", JsType::kArray},
    {"null", JsType::kNull},
}};

Scalar scalar_of(Value operand) {
  Scalar s;
  switch (operand.type()) {
    case Value::Type::missing:
    case Value::Type::null:
      s.kind = Scalar::Kind::kNull;
      break;
    case Value::Type::boolean:
      s.kind = Scalar::Kind::kBoolean;
      s.boolean = operand.boolean();
      s.number = s.boolean ? 1 : 0;
      break;
    case Value::Type::number:
      s.kind = Scalar::Kind::kNumber;
      s.number = operand.number();
      break;
    default: {
      // Strings, and arrays/objects through ToPrimitive.
      s.kind = Scalar::Kind::kString;
      TextBuffer text;
      append_js_string(operand, text);
      s.text = std::string(text.view());
      s.number = string_to_number(s.text);
      break;
    }
  }
  return s;
}

}  // namespace

bool is_value_operator(std::string_view name) {
  Op op = Op::kNever;
  return find_operator(name, op) && op != Op::kNever;
}

OpTest Compiler::op(const std::string& name, Value operand, const std::string& path,
                    std::size_t depth) {
  OpTest test;
  if (!find_operator(name, test.op) || test.op == Op::kNever) {
    fail(path, "expected an operator such as $eq, $in, $gt or $regex, got \"" + name + "\"");
    test.op = Op::kNever;
    return test;
  }
  switch (test.op) {
    case Op::kEq:
    case Op::kNe:
      equality(operand, path, test);
      break;
    case Op::kLt:
    case Op::kLte:
    case Op::kGt:
    case Op::kGte:
      if (!operand.is_string() && !operand.is_number()) {
        fail(path, expected("a number or a string", operand));
      }
      test.scalar = scalar_of(operand);
      break;
    case Op::kVeq:
    case Op::kVne:
    case Op::kVlt:
    case Op::kVlte:
    case Op::kVgt:
    case Op::kVgte:
      version(operand, path, test);
      break;
    case Op::kIn:
    case Op::kNin:
    case Op::kIni:
    case Op::kNini:
      membership(operand, path, test);
      break;
    case Op::kInGroup:
    case Op::kNotInGroup:
      saved_group(operand, path, test);
      break;
    case Op::kAll:
    case Op::kAlli:
      all_of(operand, path, depth, test);
      break;
    case Op::kElemMatch:
      // Operators test each element; anything else is a condition on it.
      if (is_operator_object(operand)) {
        test.value = std::make_unique<ValueTest>(value(operand, path, depth + 1, false));
      } else {
        test.object = std::make_unique<Node>(condition(operand, path, depth + 1));
      }
      break;
    case Op::kSize:
    case Op::kNot:
      test.value = std::make_unique<ValueTest>(value(operand, path, depth + 1, false));
      break;
    case Op::kExists:
      if (!operand.is_boolean()) fail(path, expected("true or false", operand));
      test.exists = truthy(operand);
      break;
    case Op::kType:
      type_name(operand, path, test);
      break;
    case Op::kRegex:
    case Op::kRegexi:
      test.regex = regex(operand, path, test.op == Op::kRegexi);
      if (test.regex) test.regex_cost = regex_cost(operand.string());
      break;
    default:
      break;
  }
  return test;
}

void Compiler::equality(Value operand, const std::string& path, OpTest& test) {
  if (operand.is_structured()) {
    // `===` compares arrays and objects by identity: never equal.
    fail(path, expected("a string, number, boolean or null", operand));
    test.op = test.op == Op::kEq ? Op::kNever : Op::kAlways;
  } else {
    test.scalar = scalar_of(operand);
  }
}

void Compiler::version(Value operand, const std::string& path, OpTest& test) {
  if (!operand.is_string() && !operand.is_number()) {
    fail(path, expected("a version string", operand));
  }
  TextBuffer padded;
  padded_version(operand, padded);
  test.version = std::string(padded.view());
}

void Compiler::membership(Value operand, const std::string& path, OpTest& test) {
  if (!operand.is_array()) {
    fail(path, expected("an array", operand));
    test.op = Op::kNever;  // GrowthBook: false for $in and $nin alike
    return;
  }
  test.set.fold = test.op == Op::kIni || test.op == Op::kNini;
  for (auto c = operand.children(); !c.done(); c.next()) test.set.add(c.value());
  test.set.finish();
}

void Compiler::all_of(Value operand, const std::string& path, std::size_t depth, OpTest& test) {
  if (!operand.is_array()) {
    fail(path, expected("an array", operand));
    test.op = Op::kNever;
    return;
  }
  std::size_t i = 0;
  for (auto c = operand.children(); !c.done(); c.next(), ++i) {
    test.each.push_back(value(c.value(), child_path(path, i), depth + 1, test.op == Op::kAlli));
  }
}

void Compiler::saved_group(Value operand, const std::string& path, OpTest& test) {
  // GrowthBook reads savedGroups[id] || []: an unknown id is an empty group.
  if (!operand.is_string()) fail(path, expected("a saved group id", operand));
  TextBuffer id;
  append_js_string(operand, id);
  const Value group = options_.saved_groups.find(id.view());
  if (group.missing()) {
    if (operand.is_string()) fail(path, "unknown saved group \"" + std::string(id.view()) + "\"");
  } else if (!group.is_array()) {
    // GrowthBook calls `.includes` on it, which throws for most values.
    fail(path, "saved group \"" + std::string(id.view()) + "\" is not an array");
    fails_closed_ = true;
  } else {
    for (auto c = group.children(); !c.done(); c.next()) test.set.add(c.value());
  }
  test.set.finish();
}

void Compiler::type_name(Value operand, const std::string& path, OpTest& test) {
  if (operand.is_string()) {
    for (const auto& [name, type] : kTypeNames) {
      if (operand.string() == name) {
        test.type = type;
        return;
      }
    }
  }
  // "undefined" is a JS type too, but missing attributes read as null.
  fail(path, expected("one of \"string\", \"number\", \"boolean\", \"object\", \"array\", \"null\"",
                      operand));
  test.op = Op::kNever;
}

std::unique_ptr<const Regex> Compiler::regex(Value operand, const std::string& path,
                                             bool ignore_case) {
  if (!operand.is_string()) {
    fail(path, expected("a regular expression string", operand));
    return nullptr;
  }
  const std::string_view pattern = operand.string();
  if (pattern.size() > kMaxRegexLength) {
    fail(path, "expected a regular expression of at most " + std::to_string(kMaxRegexLength) +
                   " bytes, got " + std::to_string(pattern.size()) + " bytes");
    return nullptr;
  }
  if (const std::size_t cost = regex_cost(pattern); cost > kMaxRegexCost) {
    fail(path, "expected a regular expression of at most " + std::to_string(kMaxRegexCost) +
                   " states, got about " + std::to_string(cost) +
                   " (counted repetitions such as {1000} multiply what they repeat)");
    return nullptr;
  }
  const std::size_t program = regex_program_size(pattern, ignore_case);
  if (program > kMaxRegexProgram) {
    fail(path, "expected a regular expression that compiles to at most " +
                   std::to_string(kMaxRegexProgram) + " states, got about " +
                   std::to_string(program) +
                   " (a Unicode class such as \\p{L} is about 1200, and a counted repetition "
                   "copies it)");
    return nullptr;
  }
  if (options_.regex_budget != nullptr) {
    if (program > *options_.regex_budget) {
      fail(path, "the document's regular expressions compile to more than " +
                     std::to_string(kMaxRegexProgramPerDocument) +
                     " states in all; this one (about " + std::to_string(program) +
                     ") is over that budget");
      return nullptr;
    }
    *options_.regex_budget -= program;
  }
  if (options_.regex == nullptr) {
    fail(path, "no regular expression engine is configured, so this never matches");
    return nullptr;
  }
  std::string problem;
  auto compiled = options_.regex->compile(pattern, ignore_case, problem);
  if (compiled == nullptr) {
    fail(path, expected("a valid regular expression (" + problem + ")", operand));
  }
  return compiled;
}

}  // namespace condition_detail
}  // namespace cohort
