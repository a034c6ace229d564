#include "cohort/context_key.hpp"

#include <algorithm>

#include "cohort/hashing/gitlab_bucketing.hpp"
#include "cohort/hashing/hex.hpp"
#include "cohort/json/json_writer.hpp"
#include "hashing/xxh3.hpp"

namespace cohort {
namespace {

// Separates the parts that are hashed together so "ab"+"c" and "a"+"bc"
// differ.
constexpr char kSeparator = '\x1f';

// The hash input under construction, emptied for each use.
std::string& scratch() {
  thread_local std::string buffer;
  buffer.clear();
  return buffer;
}

// GLEX's identify(): Ruby's to_s of each value. nil becomes "".
std::string identify(Value value) {
  if (value.is_string()) return std::string(value.string());
  if (value.is_null()) return "";
  std::string out;
  write_canonical_json(value, out);
  return out;
}

// Appends the canonical JSON of the fields a definition selects to `out`.
void append_selected_canonical(const Definition& def, const Context& context, std::string& out) {
  if (const Value sticky = context.sticky_to(); !sticky.missing()) {
    write_canonical_json(sticky, out);
    return;
  }
  if (!def.context_keys) {
    out += context.canonical();
    return;
  }
  out += '{';
  bool first = true;
  for (const auto& name : def.sorted_context_keys) {
    const Value field = context.attributes().find(name);
    if (field.missing() || is_reserved_context_key(name)) continue;
    if (!first) out += ',';
    first = false;
    append_json_string(name, out);
    out += ':';
    write_canonical_json(field, out);
  }
  out += '}';
}

std::string gitlab_key(const Definition& def, const Context& context, std::string_view secret) {
  std::vector<std::string> keys;
  std::vector<std::string> values;
  const Value sticky = context.sticky_to();
  const bool from_sticky = !sticky.missing();
  if (from_sticky && !sticky.is_object()) {
    values.push_back(identify(sticky));
    return gitlab::context_key(secret, def.name, keys, values);
  }
  const Value object = from_sticky ? sticky : context.attributes();
  for (auto c = object.children(); !c.done(); c.next()) {
    if (!from_sticky && is_reserved_context_key(c.key())) continue;
    if (!from_sticky && def.context_keys &&
        std::find(def.context_keys->begin(), def.context_keys->end(), c.key()) ==
            def.context_keys->end()) {
      continue;
    }
    keys.emplace_back(c.key());
    values.push_back(identify(c.value()));
  }
  return gitlab::context_key(secret, def.name, keys, values);
}

std::string hex128(Xxh3Digest128 h) {
  std::string out;
  out.reserve(32);
  append_hex(h.high, out);
  append_hex(h.low, out);
  return out;
}

std::optional<std::string> scalar_text(Value value) {
  if (value.is_string()) return std::string(value.string());
  if (is_integer(value)) return std::string(value.number_text());
  return std::nullopt;
}

}  // namespace

std::string context_key(const Definition& definition, const Context& context,
                        std::string_view secret) {
  if (const Value sticky = context.sticky_to(); sticky.is_string()) {
    return std::string(sticky.string());
  }
  if (definition.hash == HashMode::gitlab) return gitlab_key(definition, context, secret);

  // One buffer and one-shot hashing: for inputs this short, XXH3's
  // streaming state costs more than the hashing itself. The buffer is kept
  // from call to call, so hashing allocates nothing once warm.
  std::string& input = scratch();
  input.append(secret).append(1, kSeparator).append(definition.name).append(1, kSeparator);
  append_selected_canonical(definition, context, input);
  return hex128(xxh3_128(input));
}

std::optional<std::string> bucketing_identity(const Definition& definition,
                                              const Context& context) {
  if (const Value sticky = context.sticky_to(); sticky.is_string()) {
    return std::string(sticky.string());
  }
  const std::string field = definition.context_keys            ? definition.context_keys->front()
                            : definition.hash == HashMode::edx ? "username"
                                                               : "id";
  const Value value = context.attributes().find(field);
  if (value.missing()) return std::nullopt;
  auto text = scalar_text(value);
  if (text && text->empty()) return std::nullopt;
  return text;
}

std::optional<std::string> namespace_identity(const Definition& definition, const Context& context,
                                              std::string_view secret) {
  if (definition.hash == HashMode::fnv1a_v1 || definition.hash == HashMode::fnv1a_v2) {
    return bucketing_identity(definition, context);
  }
  std::string& input = scratch();
  input.append(secret).append(1, kSeparator);
  append_selected_canonical(definition, context, input);
  std::string out;
  append_hex(xxh3_64(input), out);
  return out;
}

}  // namespace cohort
