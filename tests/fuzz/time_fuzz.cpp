// Times of any bytes: as ISO-8601 text, and as JSON values (numbers of any
// size included) the way enrollment bounds and enrollment_created arrive.
#include "cohort/json/json_text.hpp"
#include "cohort/json/value_json.hpp"
#include "cohort/time.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = cohort::fuzz::text_of(data, size);
  (void)cohort::parse_iso8601(text);
  cohort::Error error;
  if (const auto value = cohort::parse_json_text(text, 1 << 12, 8, error)) {
    (void)cohort::parse_timestamp(*value);
    const std::string encoded = cohort::encode_json(*value);
    (void)cohort::parse_timestamp(
        cohort::Value(reinterpret_cast<const unsigned char*>(encoded.data())));
  }
  return 0;
}
