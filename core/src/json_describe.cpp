#include "json_describe.hpp"

namespace cohort {

std::string expected(const std::string& what, const Json& value) {
  // Long values are cut so one bad field cannot flood a log.
  constexpr std::size_t kMaxShown = 60;
  std::string shown = value.dump(-1, ' ', false, Json::error_handler_t::replace);
  if (shown.size() > kMaxShown) shown = shown.substr(0, kMaxShown) + "...";
  return "expected " + what + ", got " + shown;
}

}  // namespace cohort
