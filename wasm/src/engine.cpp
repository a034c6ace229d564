#include "engine.hpp"

#include <cmath>
#include <cstring>

#include "cohort/context_key.hpp"
#include "cohort/reason.hpp"

namespace cohort::wasm {
namespace {

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

// {} in the value encoding: tag 6, no members, no bytes.
constexpr std::string_view kEmptyContext("\x06\0\0\0\0\0\0\0\0", 9);

void put_u32(std::size_t n, std::string& out) {
  const auto word = static_cast<std::uint32_t>(n);
  char bytes[4];
  std::memcpy(bytes, &word, sizeof word);
  out.append(bytes, sizeof bytes);
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

void write_answer_record(const Answer& answer, const Definition* definition, std::string& out) {
  const bool variant_given = definition == nullptr ||
                             answer.variant_index >= definition->variants.size() ||
                             definition->variants[answer.variant_index] != answer.variant;
  std::uint32_t flags = 0;
  if (answer.excluded) flags |= 1;
  if (answer.tracked) flags |= 2;
  if (variant_given) flags |= 4;
  out.clear();
  put_u32(answer.variant_index, out);
  put_u32(static_cast<std::size_t>(answer.reason), out);
  put_u32(flags, out);
  put_u32(answer.key.size(), out);
  put_u32(answer.migration_keys.size(), out);
  put_u32(answer.error.size(), out);
  out += answer.key;
  for (const std::string& key : answer.migration_keys) {
    put_u32(key.size(), out);
    out += key;
  }
  out += answer.error;
  if (variant_given) {
    put_u32(answer.variant.size(), out);
    out += answer.variant;
  }
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

const Context* Engine::context_for(std::string_view encoded, Error& error) {
  if (encoded.empty()) {
    if (!current_) current_ = Context::decode(kEmptyContext, error);
    return current_ ? &*current_ : nullptr;
  }
  // Reused from call to call: a fresh context allocates nothing once warm.
  if (!scratch_) scratch_ = Context::decode(kEmptyContext, error);
  return scratch_->assign(encoded, error) ? &*scratch_ : nullptr;
}

const Answer& Engine::resolve(std::uint32_t index, std::string_view name, std::string_view encoded,
                              double now_ms) {
  const auto all = definitions_->all();
  const std::string_view experiment = index < all.size() ? std::string_view(all[index].name) : name;
  Error error;
  const Context* context = context_for(encoded, error);
  answer_ = context ? resolver_->resolve(experiment, *context, epoch_from(now_ms))
                    : error_answer(std::string(experiment), "context: " + error.describe());
  return answer_;
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
