#pragma once

#include <array>
#include <cstdint>
#include <optional>

#include "definitions/experiment_fields.hpp"
#include "definitions/name_table.hpp"
#include "json/json_describe.hpp"

// One parser per experiment field (experiment_fields.cpp lists them in run
// order), grouped by what they set: the variants and their weights, the
// gate, the hashing, the rules.
namespace cohort {

bool parse_name(const FieldInput& in, Definition& def);
/// "variants" and "num_buckets" are two spellings of one choice.
bool parse_variants(const FieldInput& in, Definition& def);
bool parse_state(const FieldInput& in, Definition& def);
/// After the variants and the state.
bool parse_weights(const FieldInput& in, Definition& def);

bool parse_percentage(const FieldInput& in, Definition& def);
bool parse_actors(const FieldInput& in, Definition& def);
bool parse_course_aware(const FieldInput& in, Definition& def);
bool parse_experiment_id(const FieldInput& in, Definition& def);
bool parse_enrollment(const FieldInput& in, Definition& def);

bool parse_hash(const FieldInput& in, Definition& def);
/// After the name, the seed's default.
bool parse_seed(const FieldInput& in, Definition& def);
bool parse_context_keys(const FieldInput& in, Definition& def);
bool parse_namespace(const FieldInput& in, Definition& def);

/// After the variants: rules name them.
bool parse_exclude(const FieldInput& in, Definition& def);
bool parse_overrides(const FieldInput& in, Definition& def);
bool parse_segments(const FieldInput& in, Definition& def);

/// A member of an object; nullopt when absent.
std::optional<Value> field(Value source, const char* name);

/// A non-negative integer. Read as 64 bits: a 32-bit size_t (WebAssembly)
/// would truncate before the caller's range check; beyond 2^53 a double
/// holds no exact integer anyway.
std::optional<std::uint64_t> count_of(Value value);

/// An enum field spelt by one of `table`'s names; `out` keeps its default
/// when the field is absent.
template <class E, std::size_t N>
bool parse_named(const FieldInput& in, const char* name, const std::array<Named<E>, N>& table,
                 E& out) {
  const auto value = field(in.source, name);
  if (!value) return true;
  const auto named = value->is_string() ? from_name(table, value->string()) : std::nullopt;
  if (!named) return in.fail(child_path(in.path, name), expected(one_of(table), *value));
  out = *named;
  return true;
}

/// The longest experiment and variant name, in bytes.
inline constexpr std::size_t kMaxNameLength = 255;

}  // namespace cohort
