// Evaluation of a compiled condition: a walk over the node tree. Nothing here
// parses JSON or allocates on the common paths; text is only built when
// JavaScript would convert a non-string (a number under `$regex`, an array
// compared with a string), and then on the stack unless it is long.

#include <algorithm>

#include "conditions/condition_node.hpp"

namespace cohort {
namespace condition_detail {
namespace {

// Where a path leads: a value (missing for null/missing), or the length of
// an array, which has no encoded value of its own.
struct Resolved {
  Value value;
  bool is_length = false;
  std::size_t length = 0;
};

// GrowthBook's getPath: descends while the current value is an object (or
// an array, which JS indexes by "0", "1"... and answers "length"); anything
// else yields null. Only own keys count: "__proto__" or "constructor" are
// ordinary keys here, not JavaScript's prototype members.
Resolved resolve(const std::vector<PathPart>& path, Value object) {
  Resolved out;
  Value current = object;
  for (std::size_t p = 0; p < path.size(); ++p) {
    const PathPart& part = path[p];
    if (current.is_object()) {
      // A plain scan of the members: objects in a context are small.
      current = current.find(part.key);
    } else if (current.is_array()) {
      if (part.is_index && part.index < current.size()) {
        current = current.element(part.index);
      } else if (part.is_length && p + 1 == path.size()) {
        out.is_length = true;
        out.length = current.size();
        return out;
      } else {
        return out;  // includes "length" with more parts: a number has no keys
      }
    } else {
      return out;
    }
  }
  out.value = current;
  return out;
}

JsType type_of(Value value) {
  switch (value.type()) {
    case Value::Type::missing:
    case Value::Type::null:
      return JsType::kNull;
    case Value::Type::array:
      return JsType::kArray;
    case Value::Type::object:
      return JsType::kObject;
    case Value::Type::string:
      return JsType::kString;
    case Value::Type::boolean:
      return JsType::kBoolean;
    case Value::Type::number:
      return JsType::kNumber;
  }
  return JsType::kObject;
}

bool version_matches(Op op, Value actual, const std::string& expected) {
  TextBuffer padded;
  padded_version(actual, padded);
  const int c = js_compare(padded.view(), expected);
  switch (op) {
    case Op::kVeq:
      return c == 0;
    case Op::kVne:
      return c != 0;
    case Op::kVlt:
      return c < 0;
    case Op::kVlte:
      return c <= 0;
    case Op::kVgt:
      return c > 0;
    default:
      return c >= 0;
  }
}

// Within kMaxRegexWork: a text too long for the pattern's cost does not match.
bool regex_search(const Regex& regex, std::size_t cost, std::string_view text) {
  if (cost != 0 && text.size() > kMaxRegexWork / cost) return false;
  return regex.search(text);
}

bool regex_matches(const Regex* regex, std::size_t cost, Value actual) {
  if (regex == nullptr) return false;
  // RegExp.prototype.test converts its argument with String().
  if (actual.is_string()) return regex_search(*regex, cost, actual.string());
  TextBuffer text;
  append_js_string(actual, text);
  return regex_search(*regex, cost, text.view());
}

bool is_array(Value value) {
  return value.is_array();
}

// Whether `test` holds for any element of `array`.
template <typename Test>
bool any_element(Value array, const Test& test) {
  for (auto c = array.children(); !c.done(); c.next()) {
    if (test(c.value())) return true;
  }
  return false;
}

}  // namespace

// The hot paths below use plain loops: the unrolled std::all_of is larger
// and no faster for the one or two entries a condition usually holds.

bool ValueTest::matches(Value value) const {
  switch (kind) {
    case Kind::kString:
      return js_string_equals(value, text, fold);
    case Kind::kNumber:
      return to_number(value) == number;
    case Kind::kBoolean:
      return !is_null(value) && truthy(value) == boolean;
    case Kind::kNull:
      return is_null(value);
    case Kind::kLiteral:
      return json_text_equal(value, Value(reinterpret_cast<const unsigned char*>(literal.data())));
    case Kind::kOperators:
      for (const OpTest& op : ops) {
        if (!op.matches(value)) return false;
      }
      return true;
    case Kind::kNever:
      return false;
  }
  return false;
}

bool OpTest::matches(Value actual) const {
  switch (op) {
    case Op::kEq:
      return strict_equals(actual, scalar);
    case Op::kNe:
      return !strict_equals(actual, scalar);
    case Op::kLt:
      return js_order(actual, scalar) == Order::kLess;
    case Op::kLte: {
      const Order o = js_order(actual, scalar);
      return o == Order::kLess || o == Order::kEqual;
    }
    case Op::kGt:
      return js_order(actual, scalar) == Order::kGreater;
    case Op::kGte: {
      const Order o = js_order(actual, scalar);
      return o == Order::kGreater || o == Order::kEqual;
    }
    case Op::kVeq:
    case Op::kVne:
    case Op::kVlt:
    case Op::kVlte:
    case Op::kVgt:
    case Op::kVgte:
      return version_matches(op, actual, version);
    case Op::kIn:
    case Op::kIni:
    case Op::kInGroup:
      return set.intersects(actual);
    case Op::kNin:
    case Op::kNini:
    case Op::kNotInGroup:
      return !set.intersects(actual);
    case Op::kAll:
    case Op::kAlli:
      if (!is_array(actual)) return false;
      return std::all_of(each.begin(), each.end(), [&](const ValueTest& test) {
        return any_element(actual, [&](Value element) { return test.matches(element); });
      });
    case Op::kElemMatch:
      if (!is_array(actual)) return false;
      // Falsy elements (0, "", false, null) never match, as in GrowthBook.
      return any_element(actual, [&](Value element) {
        if (!truthy(element)) return false;
        return value ? value->matches(element) : object->matches(element);
      });
    case Op::kSize: {
      if (!is_array(actual)) return false;
      const NumberValue length(actual.size());
      return value->matches(length.value());
    }
    case Op::kExists:
      return exists != is_null(actual);
    case Op::kType:
      return type_of(actual) == type;
    case Op::kRegex:
    case Op::kRegexi:
      return regex_matches(regex.get(), regex_cost, actual);
    case Op::kNot:
      return !value->matches(actual);
    case Op::kNever:
      return false;
    case Op::kAlways:
      return true;
  }
  return false;
}

bool Clause::matches(Value object) const {
  switch (kind) {
    case Kind::kField: {
      const Resolved found = resolve(path, object);
      if (!found.is_length) return test.matches(found.value);
      const NumberValue length(found.length);
      return test.matches(length.value());
    }
    case Kind::kAnd:
      for (const Condition::Node& child : children) {
        if (!child.matches(object)) return false;
      }
      return true;
    case Kind::kOr:
    case Kind::kNor: {
      // An empty $or passes and an empty $nor fails, as in GrowthBook.
      bool any = children.empty();
      for (const Condition::Node& child : children) {
        if (child.matches(object)) {
          any = true;
          break;
        }
      }
      return kind == Kind::kOr ? any : !any;
    }
    case Kind::kNot:
      return !children.front().matches(object);
    case Kind::kNever:
      return false;
  }
  return false;
}

}  // namespace condition_detail

bool Condition::Node::matches(Value object) const {
  for (const condition_detail::Clause& clause : clauses) {
    if (!clause.matches(object)) return false;
  }
  return true;
}

bool Condition::matches(Value attributes) const {
  return root_ == nullptr || root_->matches(attributes);
}

}  // namespace cohort
