#pragma once

// The state behind the module's exported C functions, shared by the
// shipped exports (exports.cpp) and the test build's (test_exports.cpp).

#include <cstdint>
#include <string>
#include <string_view>

#include "engine.hpp"

namespace cohort::wasm {

/// The one engine of the module instance.
Engine& exported_engine();
/// `length` bytes of the input buffer from `offset`, as JavaScript wrote them.
std::string_view input(std::uint32_t offset, std::uint32_t length);
/// Keeps `bytes` as the result of the current call and returns its address:
/// a u32 length, then the bytes. Valid until the next call.
const char* result(std::string_view bytes);

}  // namespace cohort::wasm
