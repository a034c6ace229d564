#include "host_regex_engine.hpp"

// The compiled patterns live in a JavaScript table (the loader's imports,
// js/src/wasm_engine.ts, over re2js: RE2's syntax and semantics, linear
// time); C++ holds indexes. Text crosses as (address, length) of UTF-8, so
// NUL characters survive. regex_compile answers -1 for an invalid pattern
// and kNoEngine when no engine is loaded.
extern "C" {
__attribute__((import_module("cohort"), import_name("regex_compile"))) int cohort_regex_compile(
    const char* pattern, int length, int ignore_case);
__attribute__((import_module("cohort"), import_name("regex_test"))) int cohort_regex_test(
    int id, const char* text, int length);
__attribute__((import_module("cohort"), import_name("regex_release"))) void cohort_regex_release(
    int id);
}

namespace {

constexpr int kNoEngine = -2;

class HostRegex final : public cohort::Regex {
 public:
  explicit HostRegex(int id) : id_(id) {}
  ~HostRegex() override { cohort_regex_release(id_); }
  HostRegex(const HostRegex&) = delete;
  HostRegex& operator=(const HostRegex&) = delete;

  bool search(std::string_view text) const override {
    return cohort_regex_test(id_, text.data(), static_cast<int>(text.size())) != 0;
  }

 private:
  int id_;
};

}  // namespace

namespace cohort::wasm {

std::unique_ptr<Regex> HostRegexEngine::compile(std::string_view pattern, bool ignore_case,
                                                std::string& error) const {
  if (pattern.size() > kMaxRegexLength) {
    error = "pattern longer than " + std::to_string(kMaxRegexLength) + " bytes";
    return nullptr;
  }
  const int id =
      cohort_regex_compile(pattern.data(), static_cast<int>(pattern.size()), ignore_case ? 1 : 0);
  if (id == kNoEngine) {
    error = "the regular expression engine could not be loaded, so this never matches";
    return nullptr;
  }
  if (id < 0) {
    error = "invalid regular expression (RE2 syntax)";
    return nullptr;
  }
  return std::make_unique<HostRegex>(id);
}

}  // namespace cohort::wasm
