#include "cohort/context.hpp"

#include <algorithm>

#include "cohort/json_text.hpp"
#include "json_describe.hpp"

namespace cohort {
namespace {

bool deeper_than(const Json& value, std::size_t limit) {
  if (!value.is_structured()) return false;
  if (limit == 0) return true;
  for (const auto& child : value) {
    if (deeper_than(child, limit - 1)) return true;
  }
  return false;
}

}  // namespace

bool is_reserved_context_key(std::string_view key) {
  return key == "sticky_to" || key == "migrated_from";
}

void write_canonical_json(const Json& value, std::string& out) {
  if (value.is_object()) {
    std::vector<std::pair<const std::string*, const Json*>> members;
    members.reserve(value.size());
    for (auto it = value.begin(); it != value.end(); ++it) members.emplace_back(&it.key(), &*it);
    std::sort(members.begin(), members.end(),
              [](const auto& a, const auto& b) { return *a.first < *b.first; });
    out += '{';
    for (std::size_t i = 0; i < members.size(); ++i) {
      if (i) out += ',';
      // Keys built in C++ may hold invalid UTF-8: replaced, never a throw.
      out += Json(*members[i].first).dump(-1, ' ', false, Json::error_handler_t::replace);
      out += ':';
      write_canonical_json(*members[i].second, out);
    }
    out += '}';
  } else if (value.is_array()) {
    out += '[';
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (i) out += ',';
      write_canonical_json(value[i], out);
    }
    out += ']';
  } else {
    out += value.dump(-1, ' ', false, Json::error_handler_t::replace);
  }
}

std::optional<Context> Context::from_json(Json value, Error& error, const ContextLimits& limits) {
  return validate(std::move(value), error, limits, "", 0);
}

std::optional<Context> Context::parse(std::string_view text, Error& error,
                                      const ContextLimits& limits) {
  auto value = parse_json_text(text, limits.max_bytes, limits.max_depth, error);
  if (!value) return std::nullopt;
  return from_json(std::move(*value), error, limits);
}

const Json* Context::sticky_to() const {
  const auto it = attributes_.find("sticky_to");
  return it == attributes_.end() || it->is_null() ? nullptr : &*it;
}

std::optional<Context> Context::validate(Json value, Error& error, const ContextLimits& limits,
                                         const std::string& path, std::size_t migrations) {
  if (!value.is_object()) {
    error = {path, expected("a context object such as {\"actor\": \"user:42\"}", value)};
    return std::nullopt;
  }
  if (deeper_than(value, limits.max_depth)) {
    error = {path, "nested deeper than " + std::to_string(limits.max_depth) + " levels"};
    return std::nullopt;
  }
  if (const auto sticky = value.find("sticky_to"); sticky != value.end()) {
    if (!(sticky->is_string() || sticky->is_number() || sticky->is_object() || sticky->is_null())) {
      error = {child_path(path, "sticky_to"), expected("a string, a number or an object", *sticky)};
      return std::nullopt;
    }
    if (sticky->is_string() && sticky->get_ref<const std::string&>().empty()) {
      error = {child_path(path, "sticky_to"), "expected a non-empty string: it becomes the key"};
      return std::nullopt;
    }
  }
  std::vector<Context> chain;
  if (const auto old = value.find("migrated_from"); old != value.end() && !old->is_null()) {
    const std::string old_path = child_path(path, "migrated_from");
    if (migrations + 1 > limits.max_migrations) {
      error = {old_path, "migration chain longer than " + std::to_string(limits.max_migrations)};
      return std::nullopt;
    }
    auto previous = validate(*old, error, limits, old_path, migrations + 1);
    if (!previous) return std::nullopt;
    chain.push_back(*previous);
    for (const auto& older : previous->migrated_from()) chain.push_back(older);
  }

  Json fields = Json::object();
  for (auto it = value.begin(); it != value.end(); ++it) {
    if (!is_reserved_context_key(it.key())) fields[it.key()] = *it;
  }

  Context context;
  write_canonical_json(fields, context.canonical_);
  context.attributes_ = std::move(value);
  context.migrated_from_ = std::move(chain);
  return context;
}

}  // namespace cohort
