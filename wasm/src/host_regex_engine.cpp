#include "host_regex_engine.hpp"

#include <emscripten/emscripten.h>

#include "cohort/regex_hazard.hpp"

namespace {

// The compiled RegExp objects live in a JavaScript table; C++ holds indexes.
// Text crosses as (pointer, length) and is decoded piece by piece between NUL
// bytes (UTF8ToString stops at a NUL), so NUL characters survive; TextDecoder
// is not used because some hosts (jsdom) lack it.

// clang-format off
EM_JS(int, cohort_regex_compile, (const char* pattern, int length, int ignore_case), {
  var table = Module["cohortRegex"] || (Module["cohortRegex"] = {list: [], free: [], text: function(ptr, size) {
    var out = "", start = ptr, end = ptr + size;
    for (var i = ptr; i <= end; i++) {
      if (i === end || HEAPU8[i] === 0) {
        out += UTF8ToString(start, i - start);
        if (i < end) out += String.fromCharCode(0);
        start = i + 1;
      }
    }
    return out;
  }});
  var re;
  try {
    re = new RegExp(table.text(pattern, length), ignore_case ? "i" : "");
  } catch (e) {
    return -1;
  }
  var id = table.free.length ? table.free.pop() : table.list.length;
  table.list[id] = re;
  return id;
});

EM_JS(int, cohort_regex_test, (int id, const char* text, int length), {
  var table = Module["cohortRegex"];
  try {
    return table.list[id].test(table.text(text, length)) ? 1 : 0;
  } catch (e) {
    return 0;
  }
});

EM_JS(void, cohort_regex_release, (int id), {
  var table = Module["cohortRegex"];
  table.list[id] = null;
  table.free.push(id);
});
// clang-format on

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
  if (const auto hazard = backtracking_hazard(pattern)) {
    error = "pattern refused: " + *hazard + " can make matching take exponential time";
    return nullptr;
  }
  const int id =
      cohort_regex_compile(pattern.data(), static_cast<int>(pattern.size()), ignore_case ? 1 : 0);
  if (id < 0) {
    error = "invalid regular expression";
    return nullptr;
  }
  return std::make_unique<HostRegex>(id);
}

}  // namespace cohort::wasm
