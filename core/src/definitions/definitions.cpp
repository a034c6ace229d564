#include "cohort/definitions/definitions.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "cohort/hashing/bucketing.hpp"
#include "cohort/json/json_text.hpp"
#include "cohort/json/value_json.hpp"
#include "definitions/name_table.hpp"
#include "json/json_describe.hpp"
#include "sorting.hpp"

namespace cohort {
namespace {

// Scales `weights` to sum to 1; false when none is positive. Huge weights
// whose total overflows are first scaled by the largest (else every weight
// would normalise to 0). `equal` tells whether every positive weight is the
// same (the split then needs no weighted search).
bool normalize_weights(std::vector<double>& weights, bool& equal) {
  double total = 0;
  for (double w : weights) total += w;
  if (std::isinf(total)) {
    const double largest = *std::max_element(weights.begin(), weights.end());
    total = 0;
    for (double& w : weights) total += (w /= largest);
  }
  if (!(total > 0)) return false;
  double first_positive = 0;
  equal = true;
  for (double& w : weights) {
    w /= total;
    if (w <= 0) continue;
    if (first_positive == 0) first_positive = w;
    if (w != first_positive) equal = false;
  }
  return true;
}

// Each enum's names, for parsing and printing alike.
constexpr std::array<Named<State>, 3> kStateNames = {{
    {"off", State::off},
    {"conditional", State::conditional},
    {"on", State::on},
}};
constexpr std::array<Named<HashMode>, 5> kHashModeNames = {{
    {"xxh3", HashMode::xxh3},
    {"gitlab", HashMode::gitlab},
    {"edx", HashMode::edx},
    {"fnv1a_v1", HashMode::fnv1a_v1},
    {"fnv1a_v2", HashMode::fnv1a_v2},
}};

// The optimal string alignment distance (edits, adjacent swaps counted as
// one) between two short ASCII names, capped: above `cap` it answers cap+1.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t cap) {
  if (a.size() > b.size() + cap || b.size() > a.size() + cap) return cap + 1;
  std::vector<std::size_t> prev2(b.size() + 1), prev(b.size() + 1), row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        row[j] = std::min(row[j], prev2[j - 2] + 1);
      }
    }
    prev2.swap(prev);
    prev.swap(row);
  }
  return prev[b.size()];
}

// The known name `key` most likely misspells: within two edits (one for
// names of four letters or fewer), else "".
std::string_view nearest(std::string_view key, std::span<const std::string_view> names) {
  const std::size_t cap = key.size() <= 4 ? 1 : 2;
  std::string_view best;
  std::size_t best_distance = cap + 1;
  for (const std::string_view name : names) {
    const std::size_t d = edit_distance(key, name, cap);
    if (d < best_distance) {
      best = name;
      best_distance = d;
    }
  }
  return best;
}

}  // namespace

// Turns one JSON document into Definitions. Each experiment is checked field
// by field; the first problem in an experiment skips it with an error that
// names the JSON path, and the other experiments still load.
class DefinitionParser {
 public:
  DefinitionParser(const LoadOptions& options, Errors& errors, Errors& warnings)
      : options_(options), errors_(errors), warnings_(warnings) {}

  /// Filled by parse: see LoadResult::skipped.
  std::map<std::string, std::string, std::less<>> skipped;

  std::shared_ptr<const Definitions> parse(Value document) {
    // The saved groups' bytes are allocated once and never move: compiled
    // conditions point into them, and the Definitions keep them.
    std::shared_ptr<std::string> groups_bytes;
    std::vector<Definition> loaded;
    const auto done = [&] {
      return std::make_shared<const Definitions>(std::move(loaded), std::move(groups_bytes));
    };
    Value experiments;
    std::string base;
    if (document.is_array()) {
      experiments = document;
    } else if (document.is_object()) {
      for (auto c = document.children(); !c.done(); c.next()) {
        if (c.key() != "experiments" && c.key() != "saved_groups") {
          static constexpr std::string_view kDocumentFields[] = {"experiments", "saved_groups"};
          const std::string_view near = nearest(c.key(), kDocumentFields);
          warnings_.push_back({child_path("", std::string(c.key())),
                               near.empty() ? "unknown field ignored"
                                            : "unknown field ignored; did you mean \"" +
                                                  std::string(near) + "\"?"});
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
        return done();
      }
      if (!found.is_array()) {
        errors_.push_back({"/experiments", expected("an array of experiment definitions", found)});
        return done();
      }
      experiments = found;
      base = "/experiments";
    } else {
      errors_.push_back({"", expected("an object with \"experiments\" or an array", document)});
      return done();
    }

    if (groups_bytes) {
      saved_groups_ = Value(reinterpret_cast<const unsigned char*>(groups_bytes->data()));
    }
    const std::size_t limit = options_.limits.max_experiments;
    if (experiments.size() > limit) {
      errors_.push_back({base, "holds " + std::to_string(experiments.size()) +
                                   " experiments; only the first " + std::to_string(limit) +
                                   " are loaded"});
    }
    const std::size_t count = std::min<std::size_t>(experiments.size(), limit);
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
    return done();
  }

 private:
  // A name loaded twice keeps its first definition; each later one is an
  // error, placed among the others where its experiment stands. Found by
  // sorting names once rather than with a hash set: no hash table code in
  // the WebAssembly module.
  void drop_duplicate_names(std::vector<Definition>& loaded,
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

  // Thrown-free failure signalling: each field parser records the error and
  // returns false, and the experiment is dropped.
  bool fail(std::string path, std::string message) {
    errors_.push_back({std::move(path), std::move(message) + "; experiment skipped"});
    return false;
  }

  // A skipped experiment with a usable name keeps its first error.
  void remember_skipped(Value source, std::size_t errors_before) {
    const Value name = source.find("name");
    if (!name.is_string() || name.string().empty() || errors_.size() == errors_before) return;
    skipped.try_emplace(std::string(name.string()), errors_[errors_before].describe());
  }

  std::optional<Definition> parse_experiment(Value source, const std::string& path) {
    if (!source.is_object()) {
      fail(path, expected("an experiment object", source));
      return std::nullopt;
    }
    Definition def;
    def.path = path;
    // Each parser once, in the order of its first row in the field table.
    FieldParser last = nullptr;
    for (const Field& field : fields()) {
      if (field.parser == nullptr || field.parser == last) continue;
      last = field.parser;
      if (!(this->*last)(source, path, def)) return std::nullopt;
    }
    for (auto c = source.children(); !c.done(); c.next()) {
      if (is_known_field(c.key())) continue;
      const std::string key(c.key());
      const std::string_view near = nearest(key, field_names());
      // A misspelt field whose intended one is absent would silently take
      // that field's default ("variant" for "variants": a 50/50 split): an
      // error, not a warning.
      if (!near.empty() && source.find(near).missing()) {
        fail(child_path(path, key), "unknown field; did you mean \"" + std::string(near) +
                                        "\"? Without it the experiment would take its default");
        return std::nullopt;
      }
      warnings_.push_back(
          {child_path(path, key),
           near.empty() ? "unknown field ignored"
                        : "unknown field ignored; did you mean \"" + std::string(near) + "\"?"});
    }
    return def;
  }

  using FieldParser = bool (DefinitionParser::*)(Value, const std::string&, Definition&);
  struct Field {
    std::string_view name;
    FieldParser parser;  ///< nullptr: accepted and kept out of the compiled form
  };
  static constexpr std::size_t kFieldCount = 18;

  // Every field an experiment may have, and the parser that reads it. A
  // parser reading several fields has a row for each, and the rows are in
  // the order the parsers must run: later ones use what earlier ones set
  // (the rules need the variants and the hash mode, the weights the
  // variants and the state). What is known, and what a misspelling is
  // compared with, come from here.
  static const std::array<Field, kFieldCount>& fields() {
    static constexpr std::array<Field, kFieldCount> kTable = {{
        {"name", &DefinitionParser::parse_name},
        {"variants", &DefinitionParser::parse_variants},
        {"num_buckets", &DefinitionParser::parse_variants},
        {"state", &DefinitionParser::parse_state},
        {"percentage", &DefinitionParser::parse_gate},
        {"actors", &DefinitionParser::parse_gate},
        {"hash", &DefinitionParser::parse_hashing},
        {"seed", &DefinitionParser::parse_hashing},
        {"context_keys", &DefinitionParser::parse_hashing},
        {"namespace", &DefinitionParser::parse_hashing},
        {"exclude", &DefinitionParser::parse_rules},
        {"overrides", &DefinitionParser::parse_rules},
        {"segments", &DefinitionParser::parse_rules},
        {"course_aware", &DefinitionParser::parse_edx},
        {"enrollment", &DefinitionParser::parse_edx},
        {"weights", &DefinitionParser::parse_weights},
        {"experiment_id", nullptr},
        {"description", nullptr},
    }};
    return kTable;
  }

  static const std::array<std::string_view, kFieldCount>& field_names() {
    static const std::array<std::string_view, kFieldCount> kNames = [] {
      std::array<std::string_view, kFieldCount> names;
      for (std::size_t i = 0; i < kFieldCount; ++i) names[i] = fields()[i].name;
      return names;
    }();
    return kNames;
  }

  static bool is_known_field(std::string_view key) {
    const auto& names = field_names();
    return std::find(names.begin(), names.end(), key) != names.end();
  }

  // A non-negative integer. Read as 64 bits: a 32-bit size_t (WebAssembly)
  // would truncate before the caller's range check; beyond 2^53 a double
  // holds no exact integer anyway.
  static std::optional<std::uint64_t> count_of(Value value) {
    if (!is_integer(value) || value.number() < 0 || value.number() > 9007199254740992.0) {
      return std::nullopt;
    }
    return static_cast<std::uint64_t>(value.number());
  }

  // A member of an object; nullopt when absent.
  static std::optional<Value> field(Value source, const char* name) {
    const Value found = source.find(name);
    if (found.missing()) return std::nullopt;
    return found;
  }

  bool parse_name(Value source, const std::string& path, Definition& def) {
    const auto name = field(source, "name");
    if (!name) return fail(child_path(path, "name"), "missing: expected the experiment's name");
    if (!name->is_string() || name->string().empty() || name->string().size() > kMaxNameLength) {
      return fail(child_path(path, "name"),
                  expected("a non-empty string of at most 255 bytes", *name));
    }
    def.name = name->string();
    return true;
  }

  bool parse_variants(Value source, const std::string& path, Definition& def) {
    const auto variants = field(source, "variants");
    const auto buckets = field(source, "num_buckets");
    const std::size_t max = options_.limits.max_variants;
    if (variants && buckets) {
      return fail(child_path(path, "num_buckets"), "give either variants or num_buckets, not both");
    }
    if (buckets) {
      const auto n = count_of(*buckets);
      if (!n || *n < 1 || *n > max) {
        return fail(child_path(path, "num_buckets"),
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
    const std::string vpath = child_path(path, "variants");
    if (!variants->is_array() || variants->size() == 0 || variants->size() > max) {
      return fail(
          vpath, expected("an array of 1 to " + std::to_string(max) + " variant names", *variants));
    }
    std::size_t i = 0;
    for (auto c = variants->children(); !c.done(); c.next(), ++i) {
      const Value v = c.value();
      if (!v.is_string() || v.string().empty() || v.string().size() > kMaxNameLength) {
        return fail(child_path(vpath, i), expected("a non-empty variant name", v));
      }
      const std::string name(v.string());
      if (std::find(def.variants.begin(), def.variants.end(), name) != def.variants.end()) {
        return fail(child_path(vpath, i), "duplicate variant \"" + name + "\"");
      }
      def.variants.push_back(name);
    }
    return true;
  }

  bool parse_state(Value source, const std::string& path, Definition& def) {
    const auto state = field(source, "state");
    if (!state) return true;
    const auto named = state->is_string() ? from_name(kStateNames, state->string()) : std::nullopt;
    if (!named) return fail(child_path(path, "state"), expected(one_of(kStateNames), *state));
    def.state = *named;
    return true;
  }

  bool parse_gate(Value source, const std::string& path, Definition& def) {
    if (const auto p = field(source, "percentage")) {
      if (!p->is_number() || !(p->number() >= 0 && p->number() <= 100)) {
        return fail(child_path(path, "percentage"), expected("a number from 0 to 100", *p));
      }
      def.percentage = p->number();
    }
    if (const auto actors = field(source, "actors")) {
      const std::string apath = child_path(path, "actors");
      if (!actors->is_array() || actors->size() > options_.limits.max_actors) {
        return fail(apath,
                    expected("an array of at most " + std::to_string(options_.limits.max_actors) +
                                 " context keys or actor ids",
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
          return fail(child_path(apath, i), expected("a string or an integer", a));
        }
      }
      sort_stable(def.actors, std::less<>());
      def.actors.erase(std::unique(def.actors.begin(), def.actors.end()), def.actors.end());
    }
    return true;
  }

  bool parse_hashing(Value source, const std::string& path, Definition& def) {
    if (const auto hash = field(source, "hash")) {
      const auto named =
          hash->is_string() ? from_name(kHashModeNames, hash->string()) : std::nullopt;
      if (!named) return fail(child_path(path, "hash"), expected(one_of(kHashModeNames), *hash));
      def.hash = *named;
    }
    def.seed = def.name;
    if (const auto seed = field(source, "seed")) {
      if (!seed->is_string()) return fail(child_path(path, "seed"), expected("a string", *seed));
      def.seed = seed->string();
    }
    def.seed_hash = xxh3_seed(def.seed);
    if (const auto keys = field(source, "context_keys")) {
      const std::string kpath = child_path(path, "context_keys");
      if (!keys->is_array() || keys->size() == 0) {
        return fail(kpath, expected("a non-empty array of context field names", *keys));
      }
      std::vector<std::string> names;
      std::size_t i = 0;
      for (auto c = keys->children(); !c.done(); c.next(), ++i) {
        const Value k = c.value();
        if (!k.is_string() || k.string().empty()) {
          return fail(child_path(kpath, i), expected("a context field name", k));
        }
        names.emplace_back(k.string());
      }
      def.sorted_context_keys = names;
      sort_stable(def.sorted_context_keys, std::less<>());
      def.sorted_context_keys.erase(
          std::unique(def.sorted_context_keys.begin(), def.sorted_context_keys.end()),
          def.sorted_context_keys.end());
      def.context_keys = std::move(names);
    }
    if (const auto ns = field(source, "namespace")) {
      const std::string npath = child_path(path, "namespace");
      if (!ns->is_array() || ns->size() != 3 || !ns->element(0).is_string() ||
          !ns->element(1).is_number() || !ns->element(2).is_number()) {
        return fail(npath, expected("[id, start, end] with 0 <= start <= end <= 1", *ns));
      }
      NamespaceRange range{std::string(ns->element(0).string()), ns->element(1).number(),
                           ns->element(2).number()};
      if (!(range.start >= 0 && range.start <= range.end && range.end <= 1)) {
        return fail(npath, expected("[id, start, end] with 0 <= start <= end <= 1", *ns));
      }
      def.namespace_range = std::move(range);
    }
    return true;
  }

  bool compile_condition(Value source, const std::string& path, Condition& out) {
    if (!source.is_object()) return fail(path, expected("a condition object", source));
    ConditionOptions copts;
    copts.regex = options_.regex;
    copts.saved_groups = saved_groups_;
    Errors problems;
    out = Condition::compile(source, copts, path, problems);
    if (problems.empty()) return true;
    for (auto& p : problems) fail(std::move(p.path), std::move(p.message));
    return false;
  }

  // A variant named by index ("1", 1) or by name ("red").
  std::optional<std::size_t> variant_ref(Value ref, const Definition& def) const {
    if (const auto index = count_of(ref); index && *index < def.variants.size()) {
      return static_cast<std::size_t>(*index);
    }
    if (!ref.is_string()) return std::nullopt;
    return variant_ref(std::string(ref.string()), def);
  }

  std::optional<std::size_t> variant_ref(const std::string& ref, const Definition& def) const {
    if (const auto by_name = def.index_of(ref)) return by_name;
    std::size_t index = 0;
    const auto [end, ec] = std::from_chars(ref.data(), ref.data() + ref.size(), index);
    if (ec == std::errc() && end == ref.data() + ref.size() && index < def.variants.size()) {
      return index;
    }
    return std::nullopt;
  }

  bool parse_rules(Value source, const std::string& path, Definition& def) {
    const std::size_t max = options_.limits.max_rules;
    if (const auto exclude = field(source, "exclude")) {
      const std::string epath = child_path(path, "exclude");
      if (!exclude->is_array() || exclude->size() > max) {
        return fail(epath, expected("an array of conditions", *exclude));
      }
      def.exclude.resize(exclude->size());
      std::size_t i = 0;
      for (auto c = exclude->children(); !c.done(); c.next(), ++i) {
        if (!compile_condition(c.value(), child_path(epath, i), def.exclude[i])) return false;
      }
    }
    if (const auto overrides = field(source, "overrides")) {
      const std::string opath = child_path(path, "overrides");
      if (!overrides->is_object() || overrides->size() > max) {
        return fail(opath, expected("an object of variant index -> condition", *overrides));
      }
      for (auto c = overrides->children(); !c.done(); c.next()) {
        const std::string key(c.key());
        const Value condition = c.value();
        const auto index = variant_ref(key, def);
        if (!index) {
          return fail(child_path(opath, key), "\"" + key + "\" is not a variant index or name");
        }
        VariantRule rule{*index, {}};
        if (!compile_condition(condition, child_path(opath, key), rule.when)) return false;
        def.overrides.push_back(std::move(rule));
      }
      // The lowest matching index wins (edX checks <flag>.0, .1, ... in order).
      sort_stable(def.overrides,
                  [](const auto& a, const auto& b) { return a.variant < b.variant; });
    }
    if (const auto segments = field(source, "segments")) {
      const std::string spath = child_path(path, "segments");
      if (!segments->is_array() || segments->size() > max) {
        return fail(spath, expected("an array of {variant, when}", *segments));
      }
      std::size_t i = 0;
      for (auto c = segments->children(); !c.done(); c.next(), ++i) {
        const Value seg = c.value();
        const std::string ipath = child_path(spath, i);
        if (!seg.is_object()) return fail(ipath, expected("an object {variant, when}", seg));
        const auto variant = field(seg, "variant");
        const auto index = variant ? variant_ref(*variant, def) : std::nullopt;
        if (!index) {
          return fail(child_path(ipath, "variant"),
                      variant ? expected("one of the experiment's variants", *variant)
                              : "missing: expected one of the experiment's variants");
        }
        const auto when = field(seg, "when");
        if (!when) return fail(child_path(ipath, "when"), "missing: expected a condition");
        VariantRule rule{*index, {}};
        if (!compile_condition(*when, child_path(ipath, "when"), rule.when)) return false;
        def.segments.push_back(std::move(rule));
      }
    }
    return true;
  }

  bool parse_edx(Value source, const std::string& path, Definition& def) {
    if (const auto aware = field(source, "course_aware")) {
      if (!aware->is_boolean()) {
        return fail(child_path(path, "course_aware"), expected("true or false", *aware));
      }
      def.course_aware = aware->boolean();
    }
    if (const auto id = field(source, "experiment_id")) {
      // Above INT64_MAX (stored unsigned) a signed read would wrap.
      // Within ±2^63 so the conversion cannot overflow.
      if (!is_integer(*id) || !(std::fabs(id->number()) < 9223372036854775808.0)) {
        return fail(child_path(path, "experiment_id"), expected("an integer", *id));
      }
      def.experiment_id = static_cast<std::int64_t>(id->number());
    }
    if (const auto window = field(source, "enrollment")) {
      const std::string wpath = child_path(path, "enrollment");
      if (!window->is_object()) {
        return fail(wpath, expected("an object {start, end}", *window));
      }
      EnrollmentWindow w;
      for (const char* bound : {"start", "end"}) {
        const auto value = field(*window, bound);
        if (!value || value->is_null()) continue;
        const auto t = parse_timestamp(*value);
        if (!t) {
          // SPEC §2: an unparseable bound excludes everyone rather than
          // silently opening the window.
          w.invalid = true;
          warnings_.push_back({child_path(wpath, bound),
                               expected("an ISO-8601 time or epoch milliseconds", *value) +
                                   "; every context is excluded"});
          continue;
        }
        (std::string_view(bound) == "start" ? w.start : w.end) = t;
      }
      def.enrollment = w;
    }
    return true;
  }

  bool parse_weights(Value source, const std::string& path, Definition& def) {
    const std::size_t n = def.variants.size();
    std::vector<double> weights(n, 1.0);
    if (const auto given = field(source, "weights")) {
      const std::string wpath = child_path(path, "weights");
      if (!given->is_array() || given->size() != n) {
        return fail(wpath, expected("an array of " + std::to_string(n) +
                                        " weights, one per variant (control included)",
                                    *given));
      }
      std::size_t i = 0;
      for (auto c = given->children(); !c.done(); c.next(), ++i) {
        const Value w = c.value();
        if (!w.is_number() || !std::isfinite(w.number()) || w.number() < 0) {
          return fail(child_path(wpath, i), expected("a non-negative number", w));
        }
        weights[i] = w.number();
      }
    }
    if (def.state == State::on) weights[0] = 0;
    if (!normalize_weights(weights, def.equal_weights)) {
      return fail(child_path(path, "weights"),
                  def.state == State::on
                      ? "state \"on\" needs a non-control variant with a positive weight"
                      : "at least one weight must be positive");
    }
    def.weights = std::move(weights);
    return true;
  }

  static constexpr std::size_t kMaxNameLength = 255;

  const LoadOptions& options_;
  Errors& errors_;
  Errors& warnings_;
  Value saved_groups_;
};

LoadResult Definitions::load(Value document, const LoadOptions& options) {
  LoadResult result;
  DefinitionParser parser(options, result.errors, result.warnings);
  result.definitions = parser.parse(document);
  result.skipped = std::move(parser.skipped);
  return result;
}

LoadResult Definitions::decode(std::string_view encoded, const LoadOptions& options) {
  const std::size_t max_bytes = options.limits.max_document_bytes;
  std::string problem;
  if (encoded.size() > max_bytes) {
    problem = "the document is " + std::to_string(encoded.size()) + " bytes; the limit is " +
              std::to_string(max_bytes);
  } else {
    problem = check_encoding(encoded, options.limits.max_depth);
  }
  if (!problem.empty()) {
    LoadResult result;
    result.definitions = std::make_shared<Definitions>();
    result.errors.push_back({"", problem});
    return result;
  }
  return load(Value(reinterpret_cast<const unsigned char*>(encoded.data())), options);
}

LoadResult Definitions::load(const Json& document, const LoadOptions& options) {
  const std::string encoded = encode_json(document);
  return load(Value(reinterpret_cast<const unsigned char*>(encoded.data())), options);
}

LoadResult Definitions::parse(std::string_view text, const LoadOptions& options) {
  // Straight from the text into the value encoding, with no DOM: a large
  // document (16 MiB of saved groups) costs a small multiple of its size.
  Error error;
  Errors duplicates;
  const auto encoded = parse_json_text_encoded(text, options.limits.max_document_bytes,
                                               options.limits.max_depth, error, &duplicates);
  if (!encoded) {
    LoadResult result;
    result.definitions = std::make_shared<Definitions>();
    result.errors.push_back(std::move(error));
    return result;
  }
  // The text's size was checked against the limit; its encoding may be
  // larger ({} is 9 bytes encoded) and is well formed by construction.
  LoadResult result = load(Value(reinterpret_cast<const unsigned char*>(encoded->data())), options);
  result.warnings.insert(result.warnings.begin(), duplicates.begin(), duplicates.end());
  return result;
}

Definitions::Definitions(std::vector<Definition> experiments,
                         std::shared_ptr<const std::string> saved_groups)
    : experiments_(std::move(experiments)), saved_groups_(std::move(saved_groups)) {
  by_name_.resize(experiments_.size());
  for (std::uint32_t i = 0; i < by_name_.size(); ++i) by_name_[i] = i;
  sort_stable(by_name_, [this](std::uint32_t a, std::uint32_t b) {
    return experiments_[a].name < experiments_[b].name;
  });
}

const Definition* Definitions::find(std::string_view name) const {
  const auto it = std::lower_bound(
      by_name_.begin(), by_name_.end(), name,
      [this](std::uint32_t i, std::string_view n) { return experiments_[i].name < n; });
  if (it == by_name_.end() || experiments_[*it].name != name) return nullptr;
  return &experiments_[*it];
}

bool Definition::has_actor(std::string_view id) const {
  return std::binary_search(actors.begin(), actors.end(), id, std::less<>());
}

std::optional<std::size_t> Definition::index_of(std::string_view variant) const {
  for (std::size_t i = 0; i < variants.size(); ++i) {
    if (variants[i] == variant) return i;
  }
  return std::nullopt;
}

std::string_view to_string(State state) {
  return name_of(kStateNames, state);
}

std::string_view to_string(HashMode mode) {
  return name_of(kHashModeNames, mode);
}

}  // namespace cohort
