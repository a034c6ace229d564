// The engine's cold half: what runs once per definitions load or context
// change, and the test build's set-up calls. Built for size (see
// wasm/CMakeLists.txt); the answer path is in engine.cpp.
#include <cmath>

#include "cohort/context_key.hpp"
#include "cohort/json/json_writer.hpp"
#include "cohort/reason.hpp"
#include "engine.hpp"

namespace cohort::wasm {
namespace {

// Numbers from JavaScript may be anything; NaN, negatives and fractions
// fall back to the defaults rather than wrapping around. 0 asks for no
// sticky store at all: every answer is resolved afresh.
std::size_t capacity_from(double value) {
  if (value == 0) return 0;
  if (!(value >= 1) || value > 1e7) return 10'000;
  return static_cast<std::size_t>(value);
}

void append_errors(const Errors& errors, std::string& out) {
  out += '[';
  for (std::size_t i = 0; i < errors.size(); ++i) {
    if (i) out += ',';
    out += "{\"path\":";
    append_json_string(errors[i].path, out);
    out += ",\"message\":";
    append_json_string(errors[i].message, out);
    out += '}';
  }
  out += ']';
}

void append_strings(const std::vector<std::string>& list, std::string& out) {
  out += '[';
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i) out += ',';
    append_json_string(list[i], out);
  }
  out += ']';
}

}  // namespace

std::string envelope(std::string_view value_json, const Errors& errors, const Errors& warnings,
                     bool ok) {
  std::string out = "{\"status\":";
  out += ok ? "\"ok\"" : "\"error\"";
  out += ",\"value\":";
  out += value_json;
  out += ",\"errors\":";
  append_errors(errors, out);
  out += ",\"warnings\":";
  append_errors(warnings, out);
  out += '}';
  return out;
}

Engine::Engine()
    : store_(std::make_unique<MemoryStickyStore>()), definitions_(std::make_shared<Definitions>()) {
  resolver_ = std::make_unique<Resolver>(definitions_, ResolverOptions{secret_, store_.get()});
}

std::string Engine::load(std::string_view encoded_definitions, std::string_view secret,
                         double sticky_capacity, double sticky_ttl_ms) {
  LoadOptions options;
  options.regex = &regex_;
  LoadResult loaded = Definitions::decode(encoded_definitions, options);
  definitions_ = loaded.definitions ? loaded.definitions : std::make_shared<Definitions>();
  secret_ = std::string(secret);
  std::optional<EpochMs> ttl;
  if (sticky_ttl_ms > 0) ttl = epoch_from(sticky_ttl_ms);
  store_ = std::make_unique<MemoryStickyStore>(capacity_from(sticky_capacity), ttl);
  resolver_ = std::make_unique<Resolver>(definitions_, ResolverOptions{secret_, store_.get()});

  std::string value = "{\"experiments\":[";
  bool first = true;
  for (const Definition& def : definitions_->all()) {
    if (!first) value += ',';
    first = false;
    value += "{\"name\":";
    append_json_string(def.name, value);
    value += ",\"variants\":";
    append_strings(def.variants, value);
    // Whether its answers depend on the time: JavaScript reads the clock
    // (Date.now, 3% of an answer) only for those.
    if (def.enrollment || ttl) value += ",\"timed\":true";
    value += '}';
  }
  value += "],\"skipped\":{";
  first = true;
  for (const auto& [name, error] : loaded.skipped) {
    if (!first) value += ',';
    first = false;
    append_json_string(name, value);
    value += ':';
    append_json_string(error, value);
  }
  value += "},\"reasons\":[";
  for (int r = 0; r <= static_cast<int>(Reason::error); ++r) {
    if (r) value += ',';
    append_json_string(to_string(static_cast<Reason>(r)), value);
  }
  value += "]}";
  // Errors in single experiments skip them; the rest of the document loads.
  return envelope(value, loaded.errors, loaded.warnings, true);
}

std::string Engine::set_context(std::string_view encoded) {
  Error error;
  auto context = Context::decode(encoded, error);
  if (!context) return envelope("null", {error}, {}, false);
  current_ = std::move(context);
  return envelope("null", {}, {}, true);
}

std::string Engine::key(std::uint32_t index, std::string_view encoded) {
  const auto all = definitions_->all();
  if (index >= all.size()) return {};
  Error error;
  const Context* context = context_for(encoded, error);
  return context ? context_key(all[index], *context, secret_) : std::string();
}

void Engine::stub(std::string_view experiment, std::string_view variant) {
  resolver_->stub(std::string(experiment), std::string(variant));
}

void Engine::publish(std::string_view experiment, std::string_view variant, std::string_view key) {
  resolver_->publish(std::string(experiment), {std::string(variant), std::string(key), {}});
}

std::string Engine::remember(std::uint32_t index, std::string_view encoded,
                             std::string_view variant, double now_ms) {
  const auto all = definitions_->all();
  if (index >= all.size())
    return envelope("null", {{"", "no experiment at that index"}}, {}, false);
  Error error;
  const auto context = Context::decode(encoded, error);
  if (!context) return envelope("null", {error}, {}, false);
  const Definition& def = all[index];
  store_->put(def.name, context_key(def, *context, secret_), variant, epoch_from(now_ms));
  return envelope("null", {}, {}, true);
}

}  // namespace cohort::wasm
