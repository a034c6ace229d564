// The functions the module exports (listed in wasm/CMakeLists.txt). They
// take lengths and numbers only: JavaScript first writes strings and
// encoded contexts, back to back, into the buffer `cohort_input` returns.
// Results are read from the address returned, before the next call.
#include "exports.hpp"

#include <cstring>
#include <vector>

namespace cohort::wasm {
namespace {

std::vector<unsigned char>& input_buffer() {
  static std::vector<unsigned char> buffer;
  return buffer;
}

std::string& result_buffer() {
  static std::string buffer;
  return buffer;
}

}  // namespace

Engine& exported_engine() {
  static Engine engine;
  return engine;
}

std::string_view input(std::uint32_t offset, std::uint32_t length) {
  const auto& buffer = input_buffer();
  if (offset > buffer.size() || length > buffer.size() - offset) return {};
  return {reinterpret_cast<const char*>(buffer.data()) + offset, length};
}

const char* result(std::string_view bytes) {
  std::string& out = result_buffer();
  const auto length = static_cast<std::uint32_t>(bytes.size());
  out.resize(4 + bytes.size());
  std::memcpy(out.data(), &length, sizeof length);
  std::memcpy(out.data() + 4, bytes.data(), bytes.size());
  return out.data();
}

}  // namespace cohort::wasm

using cohort::wasm::exported_engine;
using cohort::wasm::input;
using cohort::wasm::result;

extern "C" {

/// The input buffer, at least `size` bytes; its address changes only when
/// it has to grow.
unsigned char* cohort_input(std::uint32_t size) {
  auto& buffer = cohort::wasm::input_buffer();
  if (buffer.size() < size) buffer.resize(size);
  return buffer.data();
}

/// Input: the secret, then the encoded definitions document. Returns the
/// load envelope.
const char* cohort_load(std::uint32_t secret_length, std::uint32_t definitions_length,
                        double sticky_capacity, double sticky_ttl_ms) {
  return result(exported_engine().load(input(secret_length, definitions_length),
                                       input(0, secret_length), sticky_capacity, sticky_ttl_ms));
}

/// Input: an encoded context. Returns an envelope.
const char* cohort_set_context(std::uint32_t context_length) {
  return result(exported_engine().set_context(input(0, context_length)));
}

/// Input: the experiment's name (used only when `index` is not one of the
/// loaded experiments), then the encoded context (none: the current one).
/// Returns the answer record (engine.hpp).
const char* cohort_resolve(std::uint32_t index, std::uint32_t name_length,
                           std::uint32_t context_length, double now_ms) {
  cohort::wasm::Engine& engine = exported_engine();
  const cohort::Answer& answer =
      engine.resolve(index, input(0, name_length), input(name_length, context_length), now_ms);
  const auto all = engine.definitions().all();
  static std::string record;
  cohort::wasm::write_answer_record(answer, index < all.size() ? &all[index] : nullptr,
                                    engine.first_assignment(), record);
  return result(record);
}

/// Input: an encoded context (none: the current one). Returns the context
/// key experiment `index` gives it, without resolving (a stub's key).
const char* cohort_key(std::uint32_t index, std::uint32_t context_length) {
  static std::string key;
  key = exported_engine().key(index, input(0, context_length));
  return result(key);
}

/// Input: an experiment's name, a key, a course. Whether that assignment is
/// the first this session (1) or was seen (0); for answers decided outside
/// the core (stubs), so that one tracker de-duplicates every assignment.
int cohort_first_assignment(std::uint32_t name_length, std::uint32_t key_length,
                            std::uint32_t course_length) {
  return exported_engine().assignments().first_time(input(0, name_length),
                                                    input(name_length, key_length),
                                                    input(name_length + key_length, course_length))
             ? 1
             : 0;
}

/// Forgets the session's assignments (a test's restore).
void cohort_forget_assignments() {
  exported_engine().assignments().forget();
}

}  // extern "C"
