#include "cohort/conditions/re2_regex_engine.hpp"

#include <re2/re2.h>

namespace cohort {
namespace {

class Re2Regex final : public Regex {
 public:
  explicit Re2Regex(std::unique_ptr<re2::RE2> re) : re_(std::move(re)) {}
  bool search(std::string_view text) const override {
    return re2::RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *re_);
  }

 private:
  std::unique_ptr<re2::RE2> re_;
};

// Bounds the memory RE2 may use for one compiled pattern.
constexpr int64_t kMaxProgramMemory = 1 << 20;

}  // namespace

std::unique_ptr<Regex> Re2RegexEngine::compile(std::string_view pattern, bool ignore_case,
                                               std::string& error) const {
  if (pattern.size() > kMaxRegexLength) {
    error = "pattern longer than " + std::to_string(kMaxRegexLength) + " bytes";
    return nullptr;
  }
  re2::RE2::Options options;
  options.set_case_sensitive(!ignore_case);
  options.set_log_errors(false);
  options.set_max_mem(kMaxProgramMemory);
  auto re = std::make_unique<re2::RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
  if (!re->ok()) {
    error = "invalid regular expression: " + re->error();
    return nullptr;
  }
  return std::make_unique<Re2Regex>(std::move(re));
}

}  // namespace cohort
