#include "cohort/resolver.hpp"

#include "cohort/context_key.hpp"
#include "cohort/hashing/bucketing.hpp"
#include "cohort/hashing/growthbook_bucketing.hpp"

namespace cohort {
namespace {

constexpr std::string_view kControl = "control";

Answer make_answer(const Definition& def, std::size_t index, std::string key, Reason reason) {
  Answer a;
  a.experiment = def.name;
  a.variant = def.variants[index];
  a.variant_index = index;
  a.key = std::move(key);
  a.reason = reason;
  return a;
}

}  // namespace

Answer error_answer(std::string experiment, std::string message) {
  Answer a;
  a.experiment = std::move(experiment);
  a.variant = kControl;
  a.reason = Reason::error;
  a.error = std::move(message);
  return a;
}

Resolver::Resolver(std::shared_ptr<const Definitions> definitions, ResolverOptions options)
    : definitions_(definitions ? std::move(definitions) : std::make_shared<const Definitions>()),
      options_(std::move(options)) {}

void Resolver::stub(std::string experiment, std::string variant) {
  stubs_[std::move(experiment)] = std::move(variant);
}

void Resolver::clear_stubs() {
  stubs_.clear();
}

void Resolver::publish(std::string experiment, Published data) {
  published_[std::move(experiment)] = std::move(data);
}

void Resolver::clear_published() {
  published_.clear();
}

std::vector<Answer> Resolver::resolve_all(const Context& context, EpochMs now) {
  std::vector<Answer> answers;
  answers.reserve(definitions_->all().size());
  for (const Definition& def : definitions_->all())
    answers.push_back(resolve(def.name, context, now));
  return answers;
}

Answer Resolver::resolve(std::string_view experiment, const Context& context, EpochMs now) {
  const Definition* def = definitions_->find(experiment);

  // 1. A stub (tests): any variant, known experiment or not.
  if (const auto stub = stubs_.find(experiment); stub != stubs_.end()) {
    Answer a;
    a.experiment = std::string(experiment);
    a.variant = stub->second;
    a.reason = Reason::stubbed;
    a.tracked = true;
    if (def) {
      a.key = context_key(*def, context, options_.secret);
      a.variant_index = def->index_of(a.variant).value_or(0);
    }
    return a;
  }

  // 2. Server-pushed data, unless it names a variant the definition no
  // longer has (then it is ignored and resolution goes on).
  if (const auto pushed = published_.find(experiment); pushed != published_.end()) {
    const Published& data = pushed->second;
    const auto index = def ? def->index_of(data.variant) : std::optional<std::size_t>(0);
    if (index) {
      Answer a;
      a.experiment = std::string(experiment);
      a.variant = data.variant;
      a.variant_index = *index;
      a.key = !data.key.empty() || !def ? data.key : context_key(*def, context, options_.secret);
      a.migration_keys = data.migration_keys;
      a.reason = Reason::published;
      return a;
    }
  }

  // 3. Unknown or off: control, nothing tracked.
  if (!def) {
    Answer a;
    a.experiment = std::string(experiment);
    a.variant = kControl;
    a.reason = Reason::unknown;
    return a;
  }
  if (def->state == State::off) {
    return make_answer(*def, 0, context_key(*def, context, options_.secret), Reason::disabled);
  }
  return resolve_defined(*def, context, now);
}

Answer Resolver::resolve_defined(const Definition& def, const Context& context, EpochMs now) {
  std::string key = context_key(def, context, options_.secret);
  std::vector<std::string> migration_keys;
  for (const Context& old : context.migrated_from()) {
    migration_keys.push_back(context_key(def, old, options_.secret));
  }

  // 4. The sticky store, old keys first (GLEX migrations); a remembered
  // variant the definition no longer has is ignored.
  if (options_.store) {
    for (const std::string& old_key : migration_keys) {
      const auto cached = options_.store->get(def.name, old_key, now);
      const auto index = cached ? def.index_of(*cached) : std::nullopt;
      if (!index) continue;
      options_.store->put(def.name, key, *cached, now);
      Answer a = make_answer(def, *index, std::move(key), Reason::cached);
      a.migration_keys = std::move(migration_keys);
      a.tracked = true;
      return a;
    }
    const auto cached = options_.store->get(def.name, key, now);
    if (const auto index = cached ? def.index_of(*cached) : std::nullopt) {
      Answer a = make_answer(def, *index, std::move(key), Reason::cached);
      a.migration_keys = std::move(migration_keys);
      a.tracked = true;
      return a;
    }
  }

  const auto finish = [&](std::size_t index, Reason reason) {
    Answer a = make_answer(def, index, std::move(key), reason);
    a.migration_keys = std::move(migration_keys);
    a.tracked = true;
    if (options_.store) options_.store->put(def.name, a.key, a.variant, now);
    return a;
  };
  const auto exclude = [&] {
    Answer a = make_answer(def, 0, std::move(key), Reason::excluded);
    a.migration_keys = std::move(migration_keys);
    a.excluded = true;
    return a;
  };

  // 5. Exclusions: rules, the enrollment window, the namespace.
  if (excluded(def, context, now)) return exclude();

  // 6. Overrides, lowest variant index first; 7. segments, in order.
  for (const VariantRule& rule : def.overrides) {
    if (rule.when.matches(context.attributes())) return finish(rule.variant, Reason::forced);
  }
  for (const VariantRule& rule : def.segments) {
    if (rule.when.matches(context.attributes())) return finish(rule.variant, Reason::segment);
  }

  // 8–9. The gate, then the weighted split. The edx and fnv1a modes bucket
  // on a raw identity; a context without one (anonymous) is left out, as edX
  // leaves anonymous users in bucket 0.
  std::optional<std::string> identity;
  if (def.hash == HashMode::edx || def.hash == HashMode::fnv1a_v1 ||
      def.hash == HashMode::fnv1a_v2) {
    identity = bucketing_identity(def, context);
    if (!identity) return exclude();
  }
  BucketingInput input{
      key, identity ? std::string_view(*identity) : std::string_view(),
      context.course().is_string() ? context.course().string() : std::string_view()};
  input.skip_gate = in_actors(def, context, key);
  const Placement placement = place(def, input);
  if (!placement.in_gate) return finish(0, Reason::gate);
  return finish(placement.variant, Reason::split);
}

bool Resolver::in_actors(const Definition& def, const Context& context,
                         std::string_view key) const {
  if (def.actors.empty()) return false;
  if (def.has_actor(key)) return true;
  const Value actor = context.attributes().find("actor");
  if (actor.is_string()) return def.has_actor(actor.string());
  if (is_integer(actor)) return def.has_actor(actor.number_text());
  return false;
}

bool Resolver::excluded(const Definition& def, const Context& context, EpochMs now) const {
  for (const Condition& rule : def.exclude) {
    if (rule.matches(context.attributes())) return true;
  }
  if (def.enrollment) {
    const EnrollmentWindow& window = *def.enrollment;
    if (window.invalid) return true;
    EpochMs enrolled = now;
    if (const Value created = context.attributes().find("enrollment_created"); !created.is_null()) {
      const auto t = parse_timestamp(created);
      if (!t) return true;
      enrolled = *t;
    }
    if (window.start && enrolled < *window.start) return true;
    if (window.end && enrolled >= *window.end) return true;
  }
  if (def.namespace_range) {
    const auto identity = namespace_identity(def, context, options_.secret);
    const NamespaceRange& ns = def.namespace_range.value();
    if (!identity || !growthbook::in_namespace(*identity, ns.id, ns.start, ns.end)) return true;
  }
  return false;
}

}  // namespace cohort
