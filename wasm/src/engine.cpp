#include "engine.hpp"

#include <cmath>
#include <cstring>

#include "cohort/context_key.hpp"
#include "cohort/reason.hpp"

namespace cohort::wasm {
namespace {

// {} in the value encoding: tag 6, no members, no bytes.
constexpr std::string_view kEmptyContext("\x06\0\0\0\0\0\0\0\0", 9);

// Writes `n` as 4 little-endian bytes at `at`; returns the position after.
char* put_u32(std::size_t n, char* at) {
  const auto word = static_cast<std::uint32_t>(n);
  std::memcpy(at, &word, sizeof word);
  return at + sizeof word;
}

char* put_bytes(std::string_view bytes, char* at) {
  std::memcpy(at, bytes.data(), bytes.size());
  return at + bytes.size();
}

// The context's course (edX), which scopes assignments; empty for none.
std::string_view course_of(const Context& context) {
  const Value course = context.course();
  return course.is_string() ? course.string() : std::string_view();
}

}  // namespace

EpochMs epoch_from(double value) {
  if (!std::isfinite(value) || std::fabs(value) > 8.64e15) return 0;
  return static_cast<EpochMs>(value);
}

void write_answer_record(const Answer& answer, const Definition* definition, bool first_assignment,
                         std::string& out) {
  const bool variant_given = definition == nullptr ||
                             answer.variant_index >= definition->variants.size() ||
                             definition->variants[answer.variant_index] != answer.variant;
  std::uint32_t flags = 0;
  if (answer.excluded) flags |= 1;
  if (answer.tracked) flags |= 2;
  if (variant_given) flags |= 4;
  if (first_assignment) flags |= 8;
  std::size_t size = 6 * 4 + answer.key.size() + answer.error.size();
  for (const std::string& key : answer.migration_keys) size += 4 + key.size();
  if (variant_given) size += 4 + answer.variant.size();
  // Sized once and written in place: appending field by field was 3% of an
  // answer in the module.
  out.resize(size);
  char* at = out.data();
  at = put_u32(answer.variant_index, at);
  at = put_u32(static_cast<std::size_t>(answer.reason), at);
  at = put_u32(flags, at);
  at = put_u32(answer.key.size(), at);
  at = put_u32(answer.migration_keys.size(), at);
  at = put_u32(answer.error.size(), at);
  at = put_bytes(answer.key, at);
  for (const std::string& key : answer.migration_keys) {
    at = put_u32(key.size(), at);
    at = put_bytes(key, at);
  }
  at = put_bytes(answer.error, at);
  if (variant_given) {
    at = put_u32(answer.variant.size(), at);
    put_bytes(answer.variant, at);
  }
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
  first_assignment_ = context && assignments_.should_emit(answer_, course_of(*context));
  return answer_;
}

}  // namespace cohort::wasm
