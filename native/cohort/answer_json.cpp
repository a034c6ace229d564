#include "answer_json.hpp"

#include "cohort/json/json_output.hpp"
#include "cohort/tracking.hpp"

namespace cohort::cli {

std::string answer_line(const Answer& answer) {
  std::string line;
  write_answer_json(answer, line);
  return line;
}

Json published_entry(const Answer& answer) {
  // GLEX pushes the same fields its Snowplow experiment context carries.
  return experiment_context(answer)["data"];
}

std::string script_safe_json(const Json& value) {
  const std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size() + 16);
  // The characters replaced here only ever occur inside JSON strings (they
  // are not JSON syntax), where a \u escape means the same thing.
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else if (c == '\xE2' && i + 2 < text.size() && text[i + 1] == '\x80' &&
               (text[i + 2] == '\xA8' || text[i + 2] == '\xA9')) {
      out += text[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace cohort::cli
