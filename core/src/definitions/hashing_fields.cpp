// How a context becomes a bucket: the hash mode, its seed, the context
// fields that make the key, and the namespace's slice of the buckets.
#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "cohort/hashing/bucketing.hpp"
#include "definitions/enum_names.hpp"
#include "definitions/field_parsers.hpp"
#include "json/json_describe.hpp"
#include "sorting.hpp"

namespace cohort {

bool parse_hash(const FieldInput& in, Definition& def) {
  return parse_named(in, "hash", kHashModeNames, def.hash);
}

bool parse_seed(const FieldInput& in, Definition& def) {
  def.seed = def.name;
  if (const auto seed = field(in.source, "seed")) {
    if (!seed->is_string())
      return in.fail(child_path(in.path, "seed"), expected("a string", *seed));
    def.seed = seed->string();
  }
  def.seed_hash = xxh3_seed(def.seed);
  return true;
}

bool parse_context_keys(const FieldInput& in, Definition& def) {
  const auto keys = field(in.source, "context_keys");
  if (!keys) return true;
  const std::string kpath = child_path(in.path, "context_keys");
  if (!keys->is_array() || keys->size() == 0) {
    return in.fail(kpath, expected("a non-empty array of context field names", *keys));
  }
  std::vector<std::string> names;
  std::size_t i = 0;
  for (auto c = keys->children(); !c.done(); c.next(), ++i) {
    const Value k = c.value();
    if (!k.is_string() || k.string().empty()) {
      return in.fail(child_path(kpath, i), expected("a context field name", k));
    }
    names.emplace_back(k.string());
  }
  def.sorted_context_keys = names;
  sort_stable(def.sorted_context_keys, std::less<>());
  def.sorted_context_keys.erase(
      std::unique(def.sorted_context_keys.begin(), def.sorted_context_keys.end()),
      def.sorted_context_keys.end());
  def.context_keys = std::move(names);
  return true;
}

bool parse_namespace(const FieldInput& in, Definition& def) {
  const auto ns = field(in.source, "namespace");
  if (!ns) return true;
  const std::string npath = child_path(in.path, "namespace");
  constexpr std::string_view kShape = "[id, start, end] with 0 <= start <= end <= 1";
  if (!ns->is_array() || ns->size() != 3 || !ns->element(0).is_string() ||
      !ns->element(1).is_number() || !ns->element(2).is_number()) {
    return in.fail(npath, expected(kShape, *ns));
  }
  NamespaceRange range{std::string(ns->element(0).string()), ns->element(1).number(),
                       ns->element(2).number()};
  if (!(range.start >= 0 && range.start <= range.end && range.end <= 1)) {
    return in.fail(npath, expected(kShape, *ns));
  }
  def.namespace_range = std::move(range);
  return true;
}

}  // namespace cohort
