#include "cohort/json/value_json.hpp"

#include <cmath>
#include <vector>

#include "json/utf8.hpp"

namespace cohort {
namespace {

// Text built in C++ may be ill-formed UTF-8: it is encoded with U+FFFD in
// place of the bad bytes, as nlohmann's dump() would print it.
std::string valid_text(const std::string& text) {
  return is_valid_utf8(text) ? text : replace_invalid_utf8(text);
}

// One value without descending; arrays and objects are only opened.
void encode_scalar_or_open(const Json& value, std::string& out) {
  switch (value.type()) {
    case Json::value_t::boolean:
      encode::boolean(value.get<bool>(), out);
      return;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      encode::number(value.get<double>(), out);
      return;
    case Json::value_t::string:
      encode::string(valid_text(value.get_ref<const std::string&>()), out);
      return;
    case Json::value_t::array:
      encode::open(ValueTag::array, out);
      return;
    case Json::value_t::object:
      encode::open(ValueTag::object, out);
      return;
    default:  // null, discarded, binary
      encode::null(out);
      return;
  }
}

}  // namespace

void encode_json(const Json& value, std::string& out) {
  // Iterative: a value built in C++ can be nested deeper than the stack.
  struct Open {
    const Json* value;
    std::size_t next;    // index of the next child
    std::size_t opened;  // where its header is in `out`
  };
  std::vector<Open> stack;
  const auto visit = [&](const Json& v) {
    const std::size_t at = out.size();
    encode_scalar_or_open(v, out);
    if (v.is_structured()) stack.push_back({&v, 0, at});
  };
  visit(value);
  while (!stack.empty()) {
    Open& top = stack.back();
    const Json& v = *top.value;
    if (top.next == v.size()) {
      encode::finish(top.opened, static_cast<std::uint32_t>(v.size()), out);
      stack.pop_back();
      continue;
    }
    const std::size_t i = top.next++;
    if (v.is_array()) {
      visit(v[i]);
    } else {
      // ordered_json keeps members in a vector: indexing is constant time.
      const auto& member =
          *(v.get_ref<const Json::object_t&>().begin() + static_cast<std::ptrdiff_t>(i));
      encode::key(valid_text(member.first), out);
      visit(member.second);
    }
  }
}

std::string encode_json(const Json& value) {
  std::string out;
  encode_json(value, out);
  return out;
}

Json to_json(Value value) {
  switch (value.type()) {
    case Value::Type::missing:
    case Value::Type::null:
      return nullptr;
    case Value::Type::boolean:
      return value.boolean();
    case Value::Type::number: {
      const double n = value.number();
      constexpr double kExact = 9007199254740992.0;  // 2^53
      if (std::trunc(n) == n && std::fabs(n) <= kExact) return static_cast<std::int64_t>(n);
      return n;
    }
    case Value::Type::string:
      return std::string(value.string());
    case Value::Type::array: {
      Json out = Json::array();
      for (auto c = value.children(); !c.done(); c.next()) out.push_back(to_json(c.value()));
      return out;
    }
    case Value::Type::object: {
      Json out = Json::object();
      for (auto c = value.children(); !c.done(); c.next()) {
        out[std::string(c.key())] = to_json(c.value());
      }
      return out;
    }
  }
  return nullptr;
}

}  // namespace cohort
