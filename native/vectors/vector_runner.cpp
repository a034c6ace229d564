#include "vectors/vector_runner.hpp"

#include "cohort/context.hpp"
#include "cohort/context_key.hpp"
#include "cohort/definitions/definitions.hpp"
#include "cohort/json/json_output.hpp"
#include "cohort/memory_sticky_store.hpp"
#include "cohort/resolver.hpp"

namespace cohort::vectors {
namespace {

std::string string_or(const Json& object, const char* name, std::string fallback) {
  const auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : fallback;
}

CaseResult failed(std::string name, std::string problem) {
  CaseResult r;
  r.name = std::move(name);
  r.mismatches.push_back(std::move(problem));
  return r;
}

// Puts the case's remembered variants into the store under the keys their
// contexts have for the case's experiment.
std::optional<std::string> seed_store(const Json& entries, const Definitions& defs,
                                      const std::string& experiment, const std::string& secret,
                                      EpochMs now, MemoryStickyStore& store) {
  const Definition* def = defs.find(experiment);
  if (!def) return "sticky entries need a defined experiment";
  for (const Json& entry : entries) {
    Error error;
    const auto context = Context::from_json(entry.value("context", Json::object()), error);
    if (!context) return "sticky context: " + error.describe();
    store.put(def->name, context_key(*def, *context, secret),
              string_or(entry, "variant", "control"), now);
  }
  return std::nullopt;
}

CaseResult run_case(const Json& c, const std::shared_ptr<const Definitions>& defs,
                    const std::string& secret, EpochMs now) {
  const std::string name = string_or(c, "name", "(unnamed case)");
  if (!c.is_object() || !c.contains("experiment") || !c.contains("expected")) {
    return failed(name, "a case needs experiment, context and expected");
  }
  const std::string experiment = string_or(c, "experiment", "");
  MemoryStickyStore store;
  Resolver resolver(defs, {secret, &store});
  if (const auto stubs = c.find("stubs"); stubs != c.end() && stubs->is_object()) {
    for (const auto& [exp, variant] : stubs->items()) {
      resolver.stub(exp, variant.is_string() ? variant.get<std::string>() : variant.dump());
    }
  }
  if (const auto pushed = c.find("published"); pushed != c.end() && pushed->is_object()) {
    for (const auto& [exp, data] : pushed->items()) {
      resolver.publish(exp, {string_or(data, "variant", ""), string_or(data, "key", ""), {}});
    }
  }
  if (const auto sticky = c.find("sticky"); sticky != c.end() && sticky->is_array()) {
    if (auto problem = seed_store(*sticky, *defs, experiment, secret, now, store)) {
      return failed(name, *problem);
    }
  }

  CaseResult result;
  result.name = name;
  Error error;
  const auto context = Context::from_json(c.value("context", Json::object()), error);
  result.answer = context ? resolver.resolve(experiment, *context, now)
                          : error_answer(experiment, "context: " + error.describe());

  const Json actual = answer_to_json(result.answer);
  for (const auto& [field, want] : c["expected"].items()) {
    const auto got = actual.find(field);
    const Json shown = got == actual.end() ? Json() : *got;
    if (got == actual.end() || *got != want) {
      result.mismatches.push_back(field + ": expected " + want.dump() + ", got " + shown.dump());
    }
  }
  result.passed = result.mismatches.empty();
  return result;
}

}  // namespace

std::vector<CaseResult> run_vector(const Json& vector, const RegexEngine& regex) {
  if (!vector.is_object() || !vector.contains("definitions") || !vector.contains("cases") ||
      !vector["cases"].is_array()) {
    return {failed("(vector file)", "expected {definitions, cases: [...]}")};
  }
  LoadOptions options;
  options.regex = &regex;
  LoadResult loaded = Definitions::load(vector["definitions"], options);
  if (!loaded.errors.empty()) {
    return {failed("(definitions)", loaded.errors.front().describe())};
  }
  const std::string secret = string_or(vector, "secret", "");
  EpochMs now = 0;
  if (const auto it = vector.find("now"); it != vector.end()) {
    const auto t = parse_timestamp(*it);
    if (!t) return {failed("(vector file)", "now: expected an ISO-8601 time")};
    now = *t;
  }
  std::vector<CaseResult> results;
  for (const Json& c : vector["cases"])
    results.push_back(run_case(c, loaded.definitions, secret, now));
  return results;
}

}  // namespace cohort::vectors
