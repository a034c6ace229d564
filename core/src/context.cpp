#include "cohort/context.hpp"

#include <algorithm>
#include <charconv>

#include "cohort/hashing/hex.hpp"
#include "cohort/json/json_text.hpp"
#include "cohort/json/json_writer.hpp"
#include "cohort/json/value_json.hpp"
#include "json/json_describe.hpp"
#include "json/utf8.hpp"
#include "sorting.hpp"

namespace cohort {

bool is_reserved_context_key(std::string_view key) {
  return key == "sticky_to" || key == "migrated_from";
}

namespace {

// Deep enough for any context a limit allows, shallow enough for the stack.
constexpr std::size_t kMaxEncodedDepth = 256;

}  // namespace

Context& Context::operator=(const Context& other) {
  bytes_ = other.bytes_;
  sticky_at_ = other.sticky_at_;
  course_at_ = other.course_at_;
  migrated_from_ = other.migrated_from_;
  canonical_ = other.canonical_;
  has_canonical_ = other.has_canonical_;
  return *this;
}

std::optional<Context> Context::decode(std::string_view encoded, Error& error,
                                       const ContextLimits& limits) {
  if (const std::string problem = check_encoding(encoded, kMaxEncodedDepth); !problem.empty()) {
    error = {"", "malformed context encoding: " + problem};
    return std::nullopt;
  }
  return validate(std::string(encoded), error, limits, "", 0);
}

std::optional<Context> Context::from_json(const Json& value, Error& error,
                                          const ContextLimits& limits) {
  if (!value.is_object()) {
    error = {"", expected("a context object such as {\"actor\": \"user:42\"}", value)};
    return std::nullopt;
  }
  // The encoding is written iteratively, so a built value nested anything is
  // safe to encode; validate() then refuses one deeper than the limit.
  return validate(encode_json(value), error, limits, "", 0);
}

std::optional<Context> Context::parse(std::string_view text, Error& error,
                                      const ContextLimits& limits) {
  auto value = parse_json_text(text, limits.max_bytes, limits.max_depth, error);
  if (!value) return std::nullopt;
  return from_json(*value, error, limits);
}

const std::string& Context::canonical() const {
  if (!has_canonical_) {
    // The object minus reserved keys, without copying it: the members are
    // sorted and written here as write_canonical_json writes an object.
    std::vector<std::pair<std::string_view, Value>> members;
    members.reserve(attributes().size());
    for (auto c = attributes().children(); !c.done(); c.next()) {
      if (!is_reserved_context_key(c.key())) members.emplace_back(c.key(), c.value());
    }
    sort_stable(members, [](const auto& a, const auto& b) { return a.first < b.first; });
    canonical_ = '{';
    for (std::size_t i = 0; i < members.size(); ++i) {
      if (i) canonical_ += ',';
      append_json_string(members[i].first, canonical_);
      canonical_ += ':';
      write_canonical_json(members[i].second, canonical_);
    }
    canonical_ += '}';
    has_canonical_ = true;
  }
  return canonical_;
}

bool Context::assign(std::string_view encoded, Error& error, const ContextLimits& limits) {
  std::size_t deepest = 0;
  if (const std::string problem = check_encoding(encoded, kMaxEncodedDepth, deepest);
      !problem.empty()) {
    error = {"", "malformed context encoding: " + problem};
    return false;
  }
  bytes_.assign(encoded);
  return check(error, limits, "", 0, deepest);
}

std::optional<Context> Context::validate(std::string bytes, Error& error,
                                         const ContextLimits& limits, const std::string& path,
                                         std::size_t migrations) {
  Context context;
  context.bytes_ = std::move(bytes);
  if (!context.check(error, limits, path, migrations, kUnknownDepth)) return std::nullopt;
  return context;
}

bool Context::check(Error& error, const ContextLimits& limits, const std::string& path,
                    std::size_t migrations, std::size_t deepest) {
  has_canonical_ = false;
  migrated_from_.clear();
  sticky_at_ = course_at_ = 0;
  const Value value = attributes();
  if (!value.is_object()) {
    error = {path, expected("a context object such as {\"actor\": \"user:42\"}", value)};
    return false;
  }
  // A structured value nested `max_depth` levels down is one too deep:
  // check_encoding's deepest answers that without walking again.
  if (deepest == kUnknownDepth ? deeper_than(value, limits.max_depth)
                               : deepest >= limits.max_depth) {
    error = {path, "nested deeper than " + std::to_string(limits.max_depth) + " levels"};
    return false;
  }
  // The reserved keys and the course in one pass, the first of each as
  // find() would give it.
  Value sticky;
  Value old;
  Value course;
  for (auto c = value.children(); !c.done(); c.next()) {
    const std::string_view key = c.key();
    if (key == "sticky_to") {
      if (sticky.missing()) sticky = c.value();
    } else if (key == "migrated_from") {
      if (old.missing()) old = c.value();
    } else if (key == "course" && course.missing()) {
      course = c.value();
    }
  }
  const auto offset_of = [&](Value v) {
    return static_cast<std::uint32_t>(reinterpret_cast<const char*>(v.bytes().data()) -
                                      bytes_.data());
  };
  if (!course.missing()) course_at_ = offset_of(course);
  if (!sticky.missing()) {
    if (!(sticky.is_string() || sticky.is_number() || sticky.is_object() || sticky.is_null())) {
      error = {child_path(path, "sticky_to"), expected("a string, a number or an object", sticky)};
      return false;
    }
    if (sticky.is_string() && sticky.string().empty()) {
      error = {child_path(path, "sticky_to"), "expected a non-empty string: it becomes the key"};
      return false;
    }
    if (!sticky.is_null()) sticky_at_ = offset_of(sticky);
  }
  if (!old.is_null()) {
    const std::string old_path = child_path(path, "migrated_from");
    if (migrations + 1 > limits.max_migrations) {
      error = {old_path, "migration chain longer than " + std::to_string(limits.max_migrations)};
      return false;
    }
    auto previous = validate(std::string(old.bytes()), error, limits, old_path, migrations + 1);
    if (!previous) return false;
    migrated_from_.reserve(1 + previous->migrated_from().size());
    migrated_from_.push_back(*previous);
    for (const auto& older : previous->migrated_from()) migrated_from_.push_back(older);
  }
  return true;
}

}  // namespace cohort
