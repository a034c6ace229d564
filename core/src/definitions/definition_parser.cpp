#include "definitions/definition_parser.hpp"

#include <algorithm>
#include <limits>

#include "definitions/experiment_fields.hpp"
#include "definitions/nearest_name.hpp"
#include "json/json_describe.hpp"
#include "sorting.hpp"

namespace cohort {

std::shared_ptr<const Definitions> DefinitionParser::parse(Value document) {
  // The saved groups' bytes are allocated once and never move: compiled
  // conditions point into them, and the Definitions keep them.
  std::shared_ptr<std::string> groups_bytes;
  std::string base;
  const std::optional<Value> experiments = experiments_of(document, base, groups_bytes);
  if (groups_bytes) {
    saved_groups_ = Value(reinterpret_cast<const unsigned char*>(groups_bytes->data()));
  }
  std::vector<Definition> loaded;
  if (experiments) loaded = parse_experiments(*experiments, base);
  return std::make_shared<const Definitions>(std::move(loaded), std::move(groups_bytes));
}

std::optional<Value> DefinitionParser::experiments_of(Value document, std::string& base,
                                                      std::shared_ptr<std::string>& groups_bytes) {
  if (document.is_array()) return document;
  if (!document.is_object()) {
    errors_.push_back({"", expected("an object with \"experiments\" or an array", document)});
    return std::nullopt;
  }
  for (auto c = document.children(); !c.done(); c.next()) {
    if (c.key() != "experiments" && c.key() != "saved_groups") {
      static constexpr std::string_view kDocumentFields[] = {"experiments", "saved_groups"};
      warnings_.push_back({child_path("", std::string(c.key())),
                           unknown_field_message(nearest_name(c.key(), kDocumentFields))});
    }
  }
  const Value groups = document.find("saved_groups");
  if (!groups.missing()) {
    if (groups.is_object()) {
      groups_bytes = std::make_shared<std::string>(groups.bytes());
    } else {
      errors_.push_back({"/saved_groups", expected("an object of group id -> array", groups)});
    }
  }
  const Value found = document.find("experiments");
  if (found.missing()) {
    errors_.push_back({"/experiments", "missing: expected an array of experiment definitions"});
    return std::nullopt;
  }
  if (!found.is_array()) {
    errors_.push_back({"/experiments", expected("an array of experiment definitions", found)});
    return std::nullopt;
  }
  base = "/experiments";
  return found;
}

std::vector<Definition> DefinitionParser::parse_experiments(Value experiments,
                                                            const std::string& base) {
  const std::size_t limit = options_.limits.max_experiments;
  if (experiments.size() > limit) {
    errors_.push_back({base, "holds " + std::to_string(experiments.size()) +
                                 " experiments; only the first " + std::to_string(limit) +
                                 " are loaded"});
  }
  const std::size_t count = std::min<std::size_t>(experiments.size(), limit);
  std::vector<Definition> loaded;
  loaded.reserve(count);
  std::vector<std::size_t> errors_after;  // per loaded experiment: errors_.size() then
  auto cursor = experiments.children();
  for (std::size_t i = 0; i < count; ++i, cursor.next()) {
    const std::string path = child_path(base, i);
    const std::size_t errors_before = errors_.size();
    std::optional<Definition> def = parse_experiment(cursor.value(), path);
    if (!def) {
      remember_skipped(cursor.value(), errors_before);
      continue;
    }
    loaded.push_back(std::move(*def));
    errors_after.push_back(errors_.size());
  }
  drop_duplicate_names(loaded, errors_after);
  for (const Definition& def : loaded) skipped.erase(def.name);
  return loaded;
}

std::optional<Definition> DefinitionParser::parse_experiment(Value source,
                                                             const std::string& path) {
  const FieldInput in{source, path, options_, saved_groups_, errors_, warnings_, &regex_budget_};
  if (!source.is_object()) {
    in.fail(path, expected("an experiment object", source));
    return std::nullopt;
  }
  Definition def;
  def.path = path;
  // Each parser once, in the order of its first row in the field table.
  FieldParser last = nullptr;
  for (const ExperimentField& f : experiment_fields()) {
    if (f.parser == nullptr || f.parser == last) continue;
    last = f.parser;
    if (!last(in, def)) return std::nullopt;
  }
  for (auto c = source.children(); !c.done(); c.next()) {
    if (is_experiment_field(c.key())) continue;
    const std::string key(c.key());
    const std::string_view near = nearest_name(key, experiment_field_names());
    // A misspelt field whose intended one is absent would silently take
    // that field's default ("variant" for "variants": a 50/50 split): an
    // error, not a warning.
    if (!near.empty() && source.find(near).missing()) {
      in.fail(child_path(path, key), "unknown field; did you mean \"" + std::string(near) +
                                         "\"? Without it the experiment would take its default");
      return std::nullopt;
    }
    warnings_.push_back({child_path(path, key), unknown_field_message(near)});
  }
  return def;
}

// A name loaded twice keeps its first definition; each later one is an
// error, placed among the others where its experiment stands. Found by
// sorting names once rather than with a hash set: no hash table code in
// the WebAssembly module.
void DefinitionParser::drop_duplicate_names(std::vector<Definition>& loaded,
                                            const std::vector<std::size_t>& errors_after) {
  std::vector<std::uint32_t> by_name(loaded.size());
  for (std::uint32_t i = 0; i < by_name.size(); ++i) by_name[i] = i;
  sort_stable(by_name,
              [&](std::uint32_t a, std::uint32_t b) { return loaded[a].name < loaded[b].name; });
  constexpr std::uint32_t kFirst = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> first_of(loaded.size(), kFirst);
  bool any = false;
  for (std::size_t k = 1; k < by_name.size(); ++k) {
    const std::uint32_t earlier =
        first_of[by_name[k - 1]] == kFirst ? by_name[k - 1] : first_of[by_name[k - 1]];
    if (loaded[by_name[k]].name != loaded[earlier].name) continue;
    first_of[by_name[k]] = earlier;
    any = true;
  }
  if (!any) return;
  Errors errors;
  std::size_t copied = 0;
  for (std::size_t i = 0; i < loaded.size(); ++i) {
    if (first_of[i] == kFirst) continue;
    for (; copied < errors_after[i]; ++copied) errors.push_back(std::move(errors_[copied]));
    errors.push_back({child_path(loaded[i].path, "name"),
                      "duplicate experiment name \"" + loaded[i].name + "\" (first defined at " +
                          loaded[first_of[i]].path + "); skipped"});
  }
  for (; copied < errors_.size(); ++copied) errors.push_back(std::move(errors_[copied]));
  errors_ = std::move(errors);
  std::vector<Definition> kept;
  for (std::size_t i = 0; i < loaded.size(); ++i) {
    if (first_of[i] == kFirst) kept.push_back(std::move(loaded[i]));
  }
  loaded = std::move(kept);
}

// A skipped experiment with a usable name keeps its first error.
void DefinitionParser::remember_skipped(Value source, std::size_t errors_before) {
  const Value name = source.find("name");
  if (!name.is_string() || name.string().empty() || errors_.size() == errors_before) return;
  skipped.try_emplace(std::string(name.string()), errors_[errors_before].describe());
}

}  // namespace cohort
