// Decimal conversion by the host (see core/src/conditions/decimal_conversion.hpp): the
// loader's imports (js/src/wasm_engine.ts) answer with JavaScript's own
// Number() and toExponential(), so the module carries no strtod, printf or
// long double arithmetic.

#include "../../core/src/conditions/decimal_conversion.hpp"

extern "C" {
__attribute__((import_module("cohort"), import_name("number_parse"))) double cohort_number_parse(
    const char* text, int length);
__attribute__((import_module("cohort"), import_name("number_shortest"))) int cohort_number_shortest(
    double positive, char* out, int capacity);
}

namespace cohort::decimal {

double parse(std::string_view literal) {
  return cohort_number_parse(literal.data(), static_cast<int>(literal.size()));
}

std::string_view shortest_scientific(double positive, ScientificText& out) {
  const int length = cohort_number_shortest(positive, out.data(), static_cast<int>(out.size()));
  return {out.data(), static_cast<std::size_t>(length)};
}

}  // namespace cohort::decimal
