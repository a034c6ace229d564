#include "cohort/error.hpp"

namespace cohort {

std::string child_path(const std::string& path, const std::string& token) {
  std::string out = path;
  out.reserve(path.size() + token.size() + 1);
  out += '/';
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string child_path(const std::string& path, std::size_t index) {
  return path + "/" + std::to_string(index);
}

}  // namespace cohort
