#pragma once

// Where the conformance suites find GrowthBook's cross-SDK cases.json, which
// is not part of the repository: COHORT_CONFORMANCE_FILE in the environment,
// else the path the build was configured with (beside the repository). When
// the file is absent the suites are skipped with a notice saying how to
// provide it; under CI=true its absence is a failure.

#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

namespace cohort::conformance {

inline std::string file_path() {
  const char* from_env = std::getenv("COHORT_CONFORMANCE_FILE");
  return from_env && *from_env ? from_env : COHORT_CONFORMANCE_FILE;
}

inline bool file_present() {
  return std::ifstream(file_path()).good();
}

inline bool required() {
  const char* ci = std::getenv("CI");
  return ci && std::string_view(ci) == "true";
}

inline std::string absent_notice() {
  return "GrowthBook conformance cases skipped: " + file_path() +
         " not found; set COHORT_CONFORMANCE_FILE to GrowthBook's cases.json to run them";
}

}  // namespace cohort::conformance

// Ends the current test when the cases file is absent: skipped, or failed
// under CI=true.
#define COHORT_REQUIRE_CONFORMANCE_FILE()                                                      \
  do {                                                                                         \
    if (!::cohort::conformance::file_present()) {                                              \
      if (::cohort::conformance::required()) FAIL() << ::cohort::conformance::absent_notice(); \
      GTEST_SKIP() << ::cohort::conformance::absent_notice();                                  \
    }                                                                                          \
  } while (false)
