// Who may enter: the rollout percentage, the listed actors, and edX's course
// awareness, experiment id and enrollment window.
#include <algorithm>
#include <cmath>
#include <functional>
#include <string>

#include "cohort/time.hpp"
#include "definitions/field_parsers.hpp"
#include "json/json_describe.hpp"
#include "sorting.hpp"

namespace cohort {

bool parse_percentage(const FieldInput& in, Definition& def) {
  const auto p = field(in.source, "percentage");
  if (!p) return true;
  if (!p->is_number() || !(p->number() >= 0 && p->number() <= 100)) {
    return in.fail(child_path(in.path, "percentage"), expected("a number from 0 to 100", *p));
  }
  def.percentage = p->number();
  return true;
}

bool parse_actors(const FieldInput& in, Definition& def) {
  const auto actors = field(in.source, "actors");
  if (!actors) return true;
  const std::string apath = child_path(in.path, "actors");
  const std::size_t max = in.options.limits.max_actors;
  if (!actors->is_array() || actors->size() > max) {
    return in.fail(
        apath, expected("an array of at most " + std::to_string(max) + " context keys or actor ids",
                        *actors));
  }
  std::size_t i = 0;
  for (auto c = actors->children(); !c.done(); c.next(), ++i) {
    const Value a = c.value();
    if (a.is_string()) {
      def.actors.emplace_back(a.string());
    } else if (is_integer(a)) {
      def.actors.emplace_back(a.number_text());
    } else {
      return in.fail(child_path(apath, i), expected("a string or an integer", a));
    }
  }
  sort_stable(def.actors, std::less<>());
  def.actors.erase(std::unique(def.actors.begin(), def.actors.end()), def.actors.end());
  return true;
}

bool parse_course_aware(const FieldInput& in, Definition& def) {
  const auto aware = field(in.source, "course_aware");
  if (!aware) return true;
  if (!aware->is_boolean()) {
    return in.fail(child_path(in.path, "course_aware"), expected("true or false", *aware));
  }
  def.course_aware = aware->boolean();
  return true;
}

bool parse_experiment_id(const FieldInput& in, Definition& def) {
  const auto id = field(in.source, "experiment_id");
  if (!id) return true;
  // Above INT64_MAX (stored unsigned) a signed read would wrap.
  // Within ±2^63 so the conversion cannot overflow.
  if (!is_integer(*id) || !(std::fabs(id->number()) < 9223372036854775808.0)) {
    return in.fail(child_path(in.path, "experiment_id"), expected("an integer", *id));
  }
  def.experiment_id = static_cast<std::int64_t>(id->number());
  return true;
}

bool parse_enrollment(const FieldInput& in, Definition& def) {
  const auto window = field(in.source, "enrollment");
  if (!window) return true;
  const std::string wpath = child_path(in.path, "enrollment");
  if (!window->is_object()) return in.fail(wpath, expected("an object {start, end}", *window));
  EnrollmentWindow w;
  for (const char* bound : {"start", "end"}) {
    const auto value = field(*window, bound);
    if (!value || value->is_null()) continue;
    const auto t = parse_timestamp(*value);
    if (!t) {
      // SPEC §2: an unparseable bound excludes everyone rather than
      // silently opening the window.
      w.invalid = true;
      in.warnings.push_back(
          {child_path(wpath, bound), expected("an ISO-8601 time or epoch milliseconds", *value) +
                                         "; every context is excluded"});
      continue;
    }
    (std::string_view(bound) == "start" ? w.start : w.end) = t;
  }
  def.enrollment = w;
  return true;
}

}  // namespace cohort
