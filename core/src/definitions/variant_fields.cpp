// The experiment's name, its variants and how traffic is split among them.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "definitions/enum_names.hpp"
#include "definitions/field_parsers.hpp"
#include "definitions/weights.hpp"
#include "json/json_describe.hpp"

namespace cohort {

bool parse_name(const FieldInput& in, Definition& def) {
  const auto name = field(in.source, "name");
  const std::string npath = child_path(in.path, "name");
  if (!name) return in.fail(npath, "missing: expected the experiment's name");
  if (!name->is_string() || name->string().empty() || name->string().size() > kMaxNameLength) {
    return in.fail(npath, expected("a non-empty string of at most 255 bytes", *name));
  }
  def.name = name->string();
  return true;
}

bool parse_variants(const FieldInput& in, Definition& def) {
  const auto variants = field(in.source, "variants");
  const auto buckets = field(in.source, "num_buckets");
  const std::size_t max = in.options.limits.max_variants;
  if (variants && buckets) {
    return in.fail(child_path(in.path, "num_buckets"),
                   "give either variants or num_buckets, not both");
  }
  if (buckets) {
    const auto n = count_of(*buckets);
    if (!n || *n < 1 || *n > max) {
      return in.fail(child_path(in.path, "num_buckets"),
                     expected("an integer from 1 to " + std::to_string(max), *buckets));
    }
    for (std::size_t i = 0; i < static_cast<std::size_t>(*n); ++i) {
      def.variants.push_back(std::to_string(i));
    }
    return true;
  }
  if (!variants) {
    def.variants = {"control", "candidate"};
    return true;
  }
  const std::string vpath = child_path(in.path, "variants");
  if (!variants->is_array() || variants->size() == 0 || variants->size() > max) {
    return in.fail(
        vpath, expected("an array of 1 to " + std::to_string(max) + " variant names", *variants));
  }
  std::size_t i = 0;
  for (auto c = variants->children(); !c.done(); c.next(), ++i) {
    const Value v = c.value();
    if (!v.is_string() || v.string().empty() || v.string().size() > kMaxNameLength) {
      return in.fail(child_path(vpath, i), expected("a non-empty variant name", v));
    }
    const std::string name(v.string());
    if (std::find(def.variants.begin(), def.variants.end(), name) != def.variants.end()) {
      return in.fail(child_path(vpath, i), "duplicate variant \"" + name + "\"");
    }
    def.variants.push_back(name);
  }
  return true;
}

bool parse_state(const FieldInput& in, Definition& def) {
  return parse_named(in, "state", kStateNames, def.state);
}

bool parse_weights(const FieldInput& in, Definition& def) {
  const std::size_t n = def.variants.size();
  std::vector<double> weights(n, 1.0);
  const std::string wpath = child_path(in.path, "weights");
  if (const auto given = field(in.source, "weights")) {
    if (!given->is_array() || given->size() != n) {
      return in.fail(wpath, expected("an array of " + std::to_string(n) +
                                         " weights, one per variant (control included)",
                                     *given));
    }
    std::size_t i = 0;
    for (auto c = given->children(); !c.done(); c.next(), ++i) {
      const Value w = c.value();
      if (!w.is_number() || !std::isfinite(w.number()) || w.number() < 0) {
        return in.fail(child_path(wpath, i), expected("a non-negative number", w));
      }
      weights[i] = w.number();
    }
  }
  if (def.state == State::on) weights[0] = 0;
  if (!normalize_weights(weights, def.equal_weights)) {
    return in.fail(wpath, def.state == State::on
                              ? "state \"on\" needs a non-control variant with a positive weight"
                              : "at least one weight must be positive");
  }
  def.weights = std::move(weights);
  return true;
}

}  // namespace cohort
