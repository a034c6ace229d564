#include "json/json_describe.hpp"

#include "cohort/context.hpp"
#include "cohort/json/json_writer.hpp"

namespace cohort {
namespace {

// Long values are cut so one bad field cannot flood a log.
constexpr std::size_t kMaxShown = 60;

std::string expected_shown(std::string_view what, std::string shown) {
  if (shown.size() > kMaxShown) shown = shown.substr(0, kMaxShown) + "...";
  return "expected " + std::string(what) + ", got " + shown;
}

}  // namespace

std::string expected(std::string_view what, const Json& value) {
  return expected_shown(what, value.dump(-1, ' ', false, Json::error_handler_t::replace));
}

std::string expected(std::string_view what, Value value) {
  // Deep or large values are described rather than written out: the writer
  // recurses, and a rendering that is cut anyway need not be built whole.
  std::string shown;
  if (deeper_than(value, 8)) {
    shown = value.is_array() ? "a deeply nested array" : "a deeply nested object";
  } else if (value.is_structured() && value.size() > kMaxShown) {
    shown = value.is_array() ? "an array of " + std::to_string(value.size()) + " items"
                             : "an object of " + std::to_string(value.size()) + " keys";
  } else {
    write_json(value, shown);
  }
  return expected_shown(what, std::move(shown));
}

}  // namespace cohort
