#include "cohort/definitions.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>

#include "cohort/bucketing.hpp"
#include "cohort/json_text.hpp"
#include "json_describe.hpp"

namespace cohort {

// Turns one JSON document into Definitions. Each experiment is checked field
// by field; the first problem in an experiment skips it with an error that
// names the JSON path, and the other experiments still load.
class DefinitionParser {
 public:
  DefinitionParser(const LoadOptions& options, Errors& errors, Errors& warnings)
      : options_(options), errors_(errors), warnings_(warnings) {}

  std::shared_ptr<const Definitions> parse(const Json& document) {
    auto defs = std::make_shared<Definitions>();
    const Json* experiments = nullptr;
    std::string base;
    if (document.is_array()) {
      experiments = &document;
    } else if (document.is_object()) {
      for (const auto& [key, value] : document.items()) {
        if (key != "experiments" && key != "saved_groups") {
          warnings_.push_back({child_path("", key), "unknown field ignored"});
        }
      }
      const auto groups = document.find("saved_groups");
      if (groups != document.end()) {
        if (groups->is_object()) {
          defs->saved_groups_ = *groups;
        } else {
          errors_.push_back({"/saved_groups", expected("an object of group id -> array", *groups)});
        }
      }
      const auto found = document.find("experiments");
      if (found == document.end()) {
        errors_.push_back({"/experiments", "missing: expected an array of experiment definitions"});
        return defs;
      }
      if (!found->is_array()) {
        errors_.push_back({"/experiments", expected("an array of experiment definitions", *found)});
        return defs;
      }
      experiments = &*found;
      base = "/experiments";
    } else {
      errors_.push_back({"", expected("an object with \"experiments\" or an array", document)});
      return defs;
    }

    saved_groups_ = &defs->saved_groups_;
    const std::size_t limit = options_.limits.max_experiments;
    if (experiments->size() > limit) {
      errors_.push_back({base, "holds " + std::to_string(experiments->size()) +
                                   " experiments; only the first " + std::to_string(limit) +
                                   " are loaded"});
    }
    const std::size_t count = std::min(experiments->size(), limit);
    defs->experiments_.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      const std::string path = child_path(base, i);
      std::optional<Definition> def = parse_experiment((*experiments)[i], path);
      if (!def) continue;
      if (const auto it = defs->index_.find(def->name); it != defs->index_.end()) {
        errors_.push_back({child_path(path, "name"),
                           "duplicate experiment name \"" + def->name + "\" (first defined at " +
                               defs->experiments_[it->second].path + "); skipped"});
        continue;
      }
      defs->index_.emplace(def->name, defs->experiments_.size());
      defs->experiments_.push_back(std::move(*def));
    }
    return defs;
  }

 private:
  // Thrown-free failure signalling: each field parser records the error and
  // returns false, and the experiment is dropped.
  bool fail(std::string path, std::string message) {
    errors_.push_back({std::move(path), std::move(message) + "; experiment skipped"});
    return false;
  }

  std::optional<Definition> parse_experiment(const Json& source, const std::string& path) {
    if (!source.is_object()) {
      fail(path, expected("an experiment object", source));
      return std::nullopt;
    }
    Definition def;
    def.path = path;
    bool ok = parse_name(source, path, def) && parse_variants(source, path, def) &&
              parse_state(source, path, def) && parse_gate(source, path, def) &&
              parse_hashing(source, path, def) && parse_rules(source, path, def) &&
              parse_edx(source, path, def) && parse_weights(source, path, def);
    if (!ok) return std::nullopt;
    for (const auto& [key, value] : source.items()) {
      if (!is_known_field(key))
        warnings_.push_back({child_path(path, key), "unknown field ignored"});
    }
    return def;
  }

  static bool is_known_field(std::string_view key) {
    static constexpr std::string_view kFields[] = {
        "name",     "variants",   "num_buckets", "state",        "percentage",    "actors",
        "weights",  "hash",       "seed",        "context_keys", "exclude",       "overrides",
        "segments", "enrollment", "namespace",   "course_aware", "experiment_id", "description"};
    return std::find(std::begin(kFields), std::end(kFields), key) != std::end(kFields);
  }

  // A non-negative integer, stored signed (built in C++) or unsigned (parsed).
  // Read as 64 bits: a 32-bit size_t (WebAssembly) would truncate before the
  // caller's range check.
  static std::optional<std::uint64_t> count_of(const Json& value) {
    if (value.is_number_unsigned()) return value.get<std::uint64_t>();
    if (value.is_number_integer() && value.get<std::int64_t>() >= 0) {
      return static_cast<std::uint64_t>(value.get<std::int64_t>());
    }
    return std::nullopt;
  }

  static const Json* field(const Json& source, const char* name) {
    const auto it = source.find(name);
    return it == source.end() ? nullptr : &*it;
  }

  bool parse_name(const Json& source, const std::string& path, Definition& def) {
    const Json* name = field(source, "name");
    if (!name) return fail(child_path(path, "name"), "missing: expected the experiment's name");
    if (!name->is_string() || name->get_ref<const std::string&>().empty() ||
        name->get_ref<const std::string&>().size() > kMaxNameLength) {
      return fail(child_path(path, "name"),
                  expected("a non-empty string of at most 255 bytes", *name));
    }
    def.name = name->get<std::string>();
    return true;
  }

  bool parse_variants(const Json& source, const std::string& path, Definition& def) {
    const Json* variants = field(source, "variants");
    const Json* buckets = field(source, "num_buckets");
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
    if (!variants->is_array() || variants->empty() || variants->size() > max) {
      return fail(
          vpath, expected("an array of 1 to " + std::to_string(max) + " variant names", *variants));
    }
    for (std::size_t i = 0; i < variants->size(); ++i) {
      const Json& v = (*variants)[i];
      if (!v.is_string() || v.get_ref<const std::string&>().empty() ||
          v.get_ref<const std::string&>().size() > kMaxNameLength) {
        return fail(child_path(vpath, i), expected("a non-empty variant name", v));
      }
      const auto& name = v.get_ref<const std::string&>();
      if (std::find(def.variants.begin(), def.variants.end(), name) != def.variants.end()) {
        return fail(child_path(vpath, i), "duplicate variant \"" + name + "\"");
      }
      def.variants.push_back(name);
    }
    return true;
  }

  bool parse_state(const Json& source, const std::string& path, Definition& def) {
    const Json* state = field(source, "state");
    if (!state) return true;
    const std::string_view s = state->is_string()
                                   ? std::string_view(state->get_ref<const std::string&>())
                                   : std::string_view();
    if (s == "off") {
      def.state = State::off;
    } else if (s == "conditional") {
      def.state = State::conditional;
    } else if (s == "on") {
      def.state = State::on;
    } else {
      return fail(child_path(path, "state"),
                  expected("\"off\", \"conditional\" or \"on\"", *state));
    }
    return true;
  }

  bool parse_gate(const Json& source, const std::string& path, Definition& def) {
    if (const Json* p = field(source, "percentage")) {
      if (!p->is_number() || !(p->get<double>() >= 0 && p->get<double>() <= 100)) {
        return fail(child_path(path, "percentage"), expected("a number from 0 to 100", *p));
      }
      def.percentage = p->get<double>();
    }
    if (const Json* actors = field(source, "actors")) {
      const std::string apath = child_path(path, "actors");
      if (!actors->is_array() || actors->size() > options_.limits.max_actors) {
        return fail(apath,
                    expected("an array of at most " + std::to_string(options_.limits.max_actors) +
                                 " context keys or actor ids",
                             *actors));
      }
      for (std::size_t i = 0; i < actors->size(); ++i) {
        const Json& a = (*actors)[i];
        if (a.is_string()) {
          def.actors.insert(a.get<std::string>());
        } else if (a.is_number_integer()) {
          def.actors.insert(a.dump());
        } else {
          return fail(child_path(apath, i), expected("a string or an integer", a));
        }
      }
    }
    return true;
  }

  bool parse_hashing(const Json& source, const std::string& path, Definition& def) {
    if (const Json* hash = field(source, "hash")) {
      static const std::map<std::string, HashMode, std::less<>> kModes = {
          {"xxh3", HashMode::xxh3},
          {"gitlab", HashMode::gitlab},
          {"edx", HashMode::edx},
          {"fnv1a_v1", HashMode::fnv1a_v1},
          {"fnv1a_v2", HashMode::fnv1a_v2}};
      const auto it =
          hash->is_string() ? kModes.find(hash->get_ref<const std::string&>()) : kModes.end();
      if (it == kModes.end()) {
        return fail(
            child_path(path, "hash"),
            expected("one of \"xxh3\", \"gitlab\", \"edx\", \"fnv1a_v1\", \"fnv1a_v2\"", *hash));
      }
      def.hash = it->second;
    }
    def.seed = def.name;
    if (const Json* seed = field(source, "seed")) {
      if (!seed->is_string()) return fail(child_path(path, "seed"), expected("a string", *seed));
      def.seed = seed->get<std::string>();
    }
    def.seed_hash = xxh3_seed(def.seed);
    if (const Json* keys = field(source, "context_keys")) {
      const std::string kpath = child_path(path, "context_keys");
      if (!keys->is_array() || keys->empty()) {
        return fail(kpath, expected("a non-empty array of context field names", *keys));
      }
      std::vector<std::string> names;
      for (std::size_t i = 0; i < keys->size(); ++i) {
        const Json& k = (*keys)[i];
        if (!k.is_string() || k.get_ref<const std::string&>().empty()) {
          return fail(child_path(kpath, i), expected("a context field name", k));
        }
        names.push_back(k.get<std::string>());
      }
      def.sorted_context_keys = names;
      std::sort(def.sorted_context_keys.begin(), def.sorted_context_keys.end());
      def.sorted_context_keys.erase(
          std::unique(def.sorted_context_keys.begin(), def.sorted_context_keys.end()),
          def.sorted_context_keys.end());
      def.context_keys = std::move(names);
    }
    if (const Json* ns = field(source, "namespace")) {
      const std::string npath = child_path(path, "namespace");
      if (!ns->is_array() || ns->size() != 3 || !(*ns)[0].is_string() || !(*ns)[1].is_number() ||
          !(*ns)[2].is_number()) {
        return fail(npath, expected("[id, start, end] with 0 <= start <= end <= 1", *ns));
      }
      NamespaceRange range{(*ns)[0].get<std::string>(), (*ns)[1].get<double>(),
                           (*ns)[2].get<double>()};
      if (!(range.start >= 0 && range.start <= range.end && range.end <= 1)) {
        return fail(npath, expected("[id, start, end] with 0 <= start <= end <= 1", *ns));
      }
      def.namespace_range = std::move(range);
    }
    return true;
  }

  bool compile_condition(const Json& source, const std::string& path, Condition& out) {
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
  std::optional<std::size_t> variant_ref(const Json& ref, const Definition& def) const {
    if (const auto index = count_of(ref); index && *index < def.variants.size()) {
      return static_cast<std::size_t>(*index);
    }
    if (!ref.is_string()) return std::nullopt;
    return variant_ref(ref.get_ref<const std::string&>(), def);
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

  bool parse_rules(const Json& source, const std::string& path, Definition& def) {
    const std::size_t max = options_.limits.max_rules;
    if (const Json* exclude = field(source, "exclude")) {
      const std::string epath = child_path(path, "exclude");
      if (!exclude->is_array() || exclude->size() > max) {
        return fail(epath, expected("an array of conditions", *exclude));
      }
      def.exclude.resize(exclude->size());
      for (std::size_t i = 0; i < exclude->size(); ++i) {
        if (!compile_condition((*exclude)[i], child_path(epath, i), def.exclude[i])) return false;
      }
    }
    if (const Json* overrides = field(source, "overrides")) {
      const std::string opath = child_path(path, "overrides");
      if (!overrides->is_object() || overrides->size() > max) {
        return fail(opath, expected("an object of variant index -> condition", *overrides));
      }
      for (const auto& [key, condition] : overrides->items()) {
        const auto index = variant_ref(key, def);
        if (!index) {
          return fail(child_path(opath, key), "\"" + key + "\" is not a variant index or name");
        }
        VariantRule rule{*index, {}};
        if (!compile_condition(condition, child_path(opath, key), rule.when)) return false;
        def.overrides.push_back(std::move(rule));
      }
      // The lowest matching index wins (edX checks <flag>.0, .1, ... in order).
      std::stable_sort(def.overrides.begin(), def.overrides.end(),
                       [](const auto& a, const auto& b) { return a.variant < b.variant; });
    }
    if (const Json* segments = field(source, "segments")) {
      const std::string spath = child_path(path, "segments");
      if (!segments->is_array() || segments->size() > max) {
        return fail(spath, expected("an array of {variant, when}", *segments));
      }
      for (std::size_t i = 0; i < segments->size(); ++i) {
        const Json& seg = (*segments)[i];
        const std::string ipath = child_path(spath, i);
        if (!seg.is_object()) return fail(ipath, expected("an object {variant, when}", seg));
        const Json* variant = field(seg, "variant");
        const auto index = variant ? variant_ref(*variant, def) : std::nullopt;
        if (!index) {
          return fail(child_path(ipath, "variant"),
                      variant ? expected("one of the experiment's variants", *variant)
                              : "missing: expected one of the experiment's variants");
        }
        const Json* when = field(seg, "when");
        if (!when) return fail(child_path(ipath, "when"), "missing: expected a condition");
        VariantRule rule{*index, {}};
        if (!compile_condition(*when, child_path(ipath, "when"), rule.when)) return false;
        def.segments.push_back(std::move(rule));
      }
    }
    return true;
  }

  bool parse_edx(const Json& source, const std::string& path, Definition& def) {
    if (const Json* aware = field(source, "course_aware")) {
      if (!aware->is_boolean()) {
        return fail(child_path(path, "course_aware"), expected("true or false", *aware));
      }
      def.course_aware = aware->get<bool>();
    }
    if (const Json* id = field(source, "experiment_id")) {
      // Above INT64_MAX (stored unsigned) a signed read would wrap.
      if (!id->is_number_integer() ||
          (id->is_number_unsigned() &&
           id->get<std::uint64_t>() >
               static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))) {
        return fail(child_path(path, "experiment_id"), expected("an integer", *id));
      }
      def.experiment_id = id->get<std::int64_t>();
    }
    if (const Json* window = field(source, "enrollment")) {
      const std::string wpath = child_path(path, "enrollment");
      if (!window->is_object()) {
        return fail(wpath, expected("an object {start, end}", *window));
      }
      EnrollmentWindow w;
      for (const char* bound : {"start", "end"}) {
        const Json* value = field(*window, bound);
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

  bool parse_weights(const Json& source, const std::string& path, Definition& def) {
    const std::size_t n = def.variants.size();
    std::vector<double> weights(n, 1.0);
    if (const Json* given = field(source, "weights")) {
      const std::string wpath = child_path(path, "weights");
      if (!given->is_array() || given->size() != n) {
        return fail(wpath, expected("an array of " + std::to_string(n) +
                                        " weights, one per variant (control included)",
                                    *given));
      }
      for (std::size_t i = 0; i < n; ++i) {
        const Json& w = (*given)[i];
        if (!w.is_number() || !std::isfinite(w.get<double>()) || w.get<double>() < 0) {
          return fail(child_path(wpath, i), expected("a non-negative number", w));
        }
        weights[i] = w.get<double>();
      }
    }
    if (def.state == State::on) weights[0] = 0;
    double total = 0;
    for (double w : weights) total += w;
    if (std::isinf(total)) {
      // Huge weights overflowed the total, which would normalise every
      // weight to 0: scale them by the largest first.
      const double largest = *std::max_element(weights.begin(), weights.end());
      total = 0;
      for (double& w : weights) total += (w /= largest);
    }
    if (!(total > 0)) {
      return fail(child_path(path, "weights"),
                  def.state == State::on
                      ? "state \"on\" needs a non-control variant with a positive weight"
                      : "at least one weight must be positive");
    }
    double first_positive = 0;
    def.equal_weights = true;
    for (double& w : weights) {
      w /= total;
      if (w <= 0) continue;
      if (first_positive == 0) first_positive = w;
      if (w != first_positive) def.equal_weights = false;
    }
    def.weights = std::move(weights);
    return true;
  }

  static constexpr std::size_t kMaxNameLength = 255;

  const LoadOptions& options_;
  Errors& errors_;
  Errors& warnings_;
  const Json* saved_groups_ = nullptr;
};

LoadResult Definitions::load(const Json& document, const LoadOptions& options) {
  LoadResult result;
  DefinitionParser parser(options, result.errors, result.warnings);
  result.definitions = parser.parse(document);
  return result;
}

LoadResult Definitions::parse(std::string_view text, const LoadOptions& options) {
  Error error;
  const auto document =
      parse_json_text(text, options.limits.max_document_bytes, options.limits.max_depth, error);
  if (!document) {
    LoadResult result;
    result.definitions = std::make_shared<Definitions>();
    result.errors.push_back(std::move(error));
    return result;
  }
  return load(*document, options);
}

const Definition* Definitions::find(std::string_view name) const {
  const auto it = index_.find(name);
  return it == index_.end() ? nullptr : &experiments_[it->second];
}

std::optional<std::size_t> Definition::index_of(std::string_view variant) const {
  for (std::size_t i = 0; i < variants.size(); ++i) {
    if (variants[i] == variant) return i;
  }
  return std::nullopt;
}

std::string_view to_string(State state) {
  switch (state) {
    case State::off:
      return "off";
    case State::conditional:
      return "conditional";
    case State::on:
      return "on";
  }
  return "conditional";
}

std::string_view to_string(HashMode mode) {
  switch (mode) {
    case HashMode::xxh3:
      return "xxh3";
    case HashMode::gitlab:
      return "gitlab";
    case HashMode::edx:
      return "edx";
    case HashMode::fnv1a_v1:
      return "fnv1a_v1";
    case HashMode::fnv1a_v2:
      return "fnv1a_v2";
  }
  return "xxh3";
}

}  // namespace cohort
