#include "cohort/reason.hpp"

#include <array>

namespace cohort {
namespace {

constexpr std::array<std::string_view, 11> kNames = {
    "stubbed", "published", "unknown", "disabled", "cached", "excluded",
    "forced",  "segment",   "gate",    "split",    "error",
};

}  // namespace

std::string_view to_string(Reason reason) {
  return kNames[static_cast<std::size_t>(reason)];
}

std::optional<Reason> reason_from_string(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<Reason>(i);
  }
  return std::nullopt;
}

std::string_view openfeature_reason(Reason reason) {
  switch (reason) {
    case Reason::stubbed:
    case Reason::published:
      return "STATIC";
    case Reason::unknown:
    case Reason::excluded:
      return "DEFAULT";
    case Reason::disabled:
      return "DISABLED";
    case Reason::cached:
      return "CACHED";
    case Reason::forced:
    case Reason::segment:
      return "TARGETING_MATCH";
    case Reason::gate:
    case Reason::split:
      return "SPLIT";
    case Reason::error:
      return "ERROR";
  }
  return "UNKNOWN";
}

}  // namespace cohort
