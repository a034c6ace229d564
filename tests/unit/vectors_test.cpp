#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "cohort/conditions/re2_regex_engine.hpp"
#include "cohort/reason.hpp"
#include "vectors/vector_runner.hpp"

namespace cohort {
namespace {

std::vector<std::filesystem::path> vector_files() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(COHORT_VECTORS_DIR)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

class VectorFileTest : public testing::TestWithParam<std::filesystem::path> {};

TEST_P(VectorFileTest, EveryCaseMatches) {
  std::ifstream in(GetParam());
  ASSERT_TRUE(in) << "cannot read " << GetParam();
  std::stringstream text;
  text << in.rdbuf();
  const Json vector = Json::parse(text.str());
  Re2RegexEngine regex;
  const auto results = vectors::run_vector(vector, regex);
  ASSERT_FALSE(results.empty());
  ASSERT_EQ(results.size(), vector["cases"].size());
  for (const auto& r : results) {
    std::string why;
    for (const auto& m : r.mismatches) why += "\n  " + m;
    EXPECT_TRUE(r.passed) << GetParam().filename() << ": " << r.name << why;
  }
}

INSTANTIATE_TEST_SUITE_P(SharedVectors, VectorFileTest, testing::ValuesIn(vector_files()),
                         [](const auto& param_info) { return param_info.param.stem().string(); });

TEST(VectorFilesTest, EveryReasonIsCovered) {
  std::set<std::string> seen;
  for (const auto& file : vector_files()) {
    std::ifstream in(file);
    const Json vector = Json::parse(in);
    for (const auto& c : vector["cases"]) {
      if (c["expected"].contains("reason")) seen.insert(c["expected"]["reason"].get<std::string>());
    }
  }
  // Every reason the core has (reason.cpp's table, checked against SPEC §3's
  // list in reason_test.cpp).
  for (int r = 0; r <= static_cast<int>(Reason::error); ++r) {
    const std::string reason(to_string(static_cast<Reason>(r)));
    EXPECT_TRUE(seen.count(reason)) << "no vector case expects reason " << reason;
  }
}

}  // namespace
}  // namespace cohort
