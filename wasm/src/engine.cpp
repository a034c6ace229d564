#include "engine.hpp"

#include <cmath>

#include "cohort/context_key.hpp"
#include "cohort/json_output.hpp"

namespace cohort::wasm {
namespace {

std::string errors_text(const Errors& errors) {
  return to_json_text(errors_to_json(errors));
}

// Numbers from JavaScript may be anything; NaN, negatives and fractions
// fall back to the defaults rather than wrapping around.
std::size_t capacity_from(double value) {
  if (!(value >= 1) || value > 1e7) return 10'000;
  return static_cast<std::size_t>(value);
}

EpochMs epoch_from(double value) {
  if (!std::isfinite(value) || std::fabs(value) > 8.64e15) return 0;
  return static_cast<EpochMs>(value);
}

}  // namespace

Engine::Engine()
    : store_(std::make_unique<MemoryStickyStore>()), definitions_(std::make_shared<Definitions>()) {
  resolver_ = std::make_unique<Resolver>(definitions_, ResolverOptions{secret_, store_.get()});
}

std::string Engine::load(const std::string& definitions_json, const std::string& secret,
                         double sticky_capacity, double sticky_ttl_ms) {
  LoadOptions options;
  options.regex = &regex_;
  LoadResult loaded = Definitions::parse(definitions_json, options);
  definitions_ = loaded.definitions ? loaded.definitions : std::make_shared<Definitions>();
  secret_ = secret;
  std::optional<EpochMs> ttl;
  if (sticky_ttl_ms > 0) ttl = epoch_from(sticky_ttl_ms);
  store_ = std::make_unique<MemoryStickyStore>(capacity_from(sticky_capacity), ttl);
  resolver_ = std::make_unique<Resolver>(definitions_, ResolverOptions{secret_, store_.get()});
  Json out = Json::object();
  out["experiments"] = definitions_->all().size();
  out["errors"] = errors_to_json(loaded.errors);
  out["warnings"] = errors_to_json(loaded.warnings);
  return to_json_text(out);
}

std::string Engine::set_context(const std::string& context_json) {
  Error error;
  auto context = Context::parse(context_json, error);
  if (!context) return errors_text({error});
  current_ = std::move(context);
  return "[]";
}

const Context* Engine::context_for(const std::string& context_json, Error& error) {
  if (context_json.empty()) {
    if (!current_) current_ = Context::parse("{}", error);
    return current_ ? &*current_ : nullptr;
  }
  scratch_ = Context::parse(context_json, error);
  return scratch_ ? &*scratch_ : nullptr;
}

std::string Engine::resolve(const std::string& experiment, const std::string& context_json,
                            double now_ms) {
  Error error;
  const Context* context = context_for(context_json, error);
  const Answer answer = context ? resolver_->resolve(experiment, *context, epoch_from(now_ms))
                                : error_answer(experiment, "context: " + error.describe());
  std::string out;
  write_answer_json(answer, out);
  return out;
}

std::string Engine::resolve_all(const std::string& context_json, double now_ms) {
  Error error;
  const Context* context = context_for(context_json, error);
  std::vector<Answer> answers;
  if (context) {
    answers = resolver_->resolve_all(*context, epoch_from(now_ms));
  } else {
    for (const Definition& def : definitions_->all()) {
      answers.push_back(error_answer(def.name, "context: " + error.describe()));
    }
  }
  std::string out = "[";
  for (const Answer& answer : answers) {
    if (out.size() > 1) out += ',';
    write_answer_json(answer, out);
  }
  out += ']';
  return out;
}

void Engine::stub(const std::string& experiment, const std::string& variant) {
  resolver_->stub(experiment, variant);
}

void Engine::clear_stubs() {
  resolver_->clear_stubs();
}

void Engine::publish(const std::string& experiment, const std::string& variant,
                     const std::string& key) {
  resolver_->publish(experiment, {variant, key, {}});
}

void Engine::clear_published() {
  resolver_->clear_published();
}

std::string Engine::remember(const std::string& experiment, const std::string& context_json,
                             const std::string& variant, double now_ms) {
  const Definition* def = definitions_->find(experiment);
  if (!def) return errors_text({{"", "no experiment named \"" + experiment + "\" is loaded"}});
  Error error;
  const auto context = Context::parse(context_json, error);
  if (!context) return errors_text({error});
  store_->put(def->name, context_key(*def, *context, secret_), variant, epoch_from(now_ms));
  return "[]";
}

std::string Engine::variants(const std::string& experiment) const {
  const Definition* def = definitions_->find(experiment);
  if (!def) return "null";
  std::string out = "[";
  for (const std::string& variant : def->variants) {
    if (out.size() > 1) out += ',';
    append_json_string(variant, out);
  }
  out += ']';
  return out;
}

}  // namespace cohort::wasm
