#pragma once

#include <array>
#include <string_view>

// Correctly rounded conversion between decimal text and double: the one step
// of JavaScript's number rules that needs a standard library's help. Native
// builds use <charconv> (decimal_conversion.cpp); the WebAssembly module asks
// its host, whose Number() and toExponential() are the reference, which keeps
// strtod, printf and long double arithmetic out of the module
// (wasm/src/host_decimal_conversion.cpp).
namespace cohort::decimal {

/// Room for any text `shortest_scientific` writes.
using ScientificText = std::array<char, 32>;

/// The double nearest `literal`, a decimal literal already validated as
/// digits, an optional fraction and an optional exponent, without sign.
/// Out of range, it saturates to Infinity or 0 as JavaScript does.
double parse(std::string_view literal);

/// The fewest significant digits that read back as `positive` (finite and
/// > 0), in scientific form "d[.ddd]e(+|-)x", as toExponential() writes it.
std::string_view shortest_scientific(double positive, ScientificText& out);

}  // namespace cohort::decimal
