// The rules that pick a variant before the split, or keep a context out:
// exclude, overrides (edX's per-variant flags) and segments.
#include <charconv>
#include <optional>
#include <string>

#include "cohort/conditions/condition.hpp"
#include "definitions/field_parsers.hpp"
#include "json/json_describe.hpp"
#include "sorting.hpp"

namespace cohort {
namespace {

bool compile_condition(const FieldInput& in, Value source, const std::string& path,
                       Condition& out) {
  if (!source.is_object()) return in.fail(path, expected("a condition object", source));
  ConditionOptions copts;
  copts.regex = in.options.regex;
  copts.saved_groups = in.saved_groups;
  copts.regex_budget = in.regex_budget;
  Errors problems;
  out = Condition::compile(source, copts, path, problems);
  if (problems.empty()) return true;
  for (auto& p : problems) in.fail(std::move(p.path), std::move(p.message));
  return false;
}

std::optional<std::size_t> variant_ref(const std::string& ref, const Definition& def) {
  if (const auto by_name = def.index_of(ref)) return by_name;
  std::size_t index = 0;
  const auto [end, ec] = std::from_chars(ref.data(), ref.data() + ref.size(), index);
  if (ec == std::errc() && end == ref.data() + ref.size() && index < def.variants.size()) {
    return index;
  }
  return std::nullopt;
}

// A variant named by index ("1", 1) or by name ("red").
std::optional<std::size_t> variant_ref(Value ref, const Definition& def) {
  if (const auto index = count_of(ref); index && *index < def.variants.size()) {
    return static_cast<std::size_t>(*index);
  }
  if (!ref.is_string()) return std::nullopt;
  return variant_ref(std::string(ref.string()), def);
}

}  // namespace

bool parse_exclude(const FieldInput& in, Definition& def) {
  const auto exclude = field(in.source, "exclude");
  if (!exclude) return true;
  const std::string epath = child_path(in.path, "exclude");
  if (!exclude->is_array() || exclude->size() > in.options.limits.max_rules) {
    return in.fail(epath, expected("an array of conditions", *exclude));
  }
  def.exclude.resize(exclude->size());
  std::size_t i = 0;
  for (auto c = exclude->children(); !c.done(); c.next(), ++i) {
    if (!compile_condition(in, c.value(), child_path(epath, i), def.exclude[i])) return false;
  }
  return true;
}

bool parse_overrides(const FieldInput& in, Definition& def) {
  const auto overrides = field(in.source, "overrides");
  if (!overrides) return true;
  const std::string opath = child_path(in.path, "overrides");
  if (!overrides->is_object() || overrides->size() > in.options.limits.max_rules) {
    return in.fail(opath, expected("an object of variant index -> condition", *overrides));
  }
  for (auto c = overrides->children(); !c.done(); c.next()) {
    const std::string key(c.key());
    const auto index = variant_ref(key, def);
    if (!index) {
      return in.fail(child_path(opath, key), "\"" + key + "\" is not a variant index or name");
    }
    VariantRule rule{*index, {}};
    if (!compile_condition(in, c.value(), child_path(opath, key), rule.when)) return false;
    def.overrides.push_back(std::move(rule));
  }
  // The lowest matching index wins (edX checks <flag>.0, .1, ... in order).
  sort_stable(def.overrides, [](const auto& a, const auto& b) { return a.variant < b.variant; });
  return true;
}

bool parse_segments(const FieldInput& in, Definition& def) {
  const auto segments = field(in.source, "segments");
  if (!segments) return true;
  const std::string spath = child_path(in.path, "segments");
  if (!segments->is_array() || segments->size() > in.options.limits.max_rules) {
    return in.fail(spath, expected("an array of {variant, when}", *segments));
  }
  std::size_t i = 0;
  for (auto c = segments->children(); !c.done(); c.next(), ++i) {
    const Value seg = c.value();
    const std::string ipath = child_path(spath, i);
    if (!seg.is_object()) return in.fail(ipath, expected("an object {variant, when}", seg));
    const auto variant = field(seg, "variant");
    const auto index = variant ? variant_ref(*variant, def) : std::nullopt;
    if (!index) {
      return in.fail(child_path(ipath, "variant"),
                     variant ? expected("one of the experiment's variants", *variant)
                             : "missing: expected one of the experiment's variants");
    }
    const auto when = field(seg, "when");
    if (!when) return in.fail(child_path(ipath, "when"), "missing: expected a condition");
    VariantRule rule{*index, {}};
    if (!compile_condition(in, *when, child_path(ipath, "when"), rule.when)) return false;
    def.segments.push_back(std::move(rule));
  }
  return true;
}

}  // namespace cohort
