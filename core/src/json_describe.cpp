#include "json_describe.hpp"

#include "cohort/context.hpp"

namespace cohort {
namespace {

std::string expected_shown(const std::string& what, std::string shown) {
  // Long values are cut so one bad field cannot flood a log.
  constexpr std::size_t kMaxShown = 60;
  if (shown.size() > kMaxShown) shown = shown.substr(0, kMaxShown) + "...";
  return "expected " + what + ", got " + shown;
}

}  // namespace

std::string expected(const std::string& what, const Json& value) {
  return expected_shown(what, value.dump(-1, ' ', false, Json::error_handler_t::replace));
}

std::string expected(const std::string& what, Value value) {
  std::string shown;
  write_json(value, shown);
  return expected_shown(what, std::move(shown));
}

}  // namespace cohort
