#pragma once

#include <string>
#include <vector>

namespace cohort {

/// One problem found in an input document: where it is (a JSON Pointer such
/// as "/experiments/2/weights/1", or "" for the whole document) and what was
/// expected there.
struct Error {
  std::string path;
  std::string message;

  /// "<path>: <message>", or the bare message when the path is empty.
  std::string describe() const { return path.empty() ? message : path + ": " + message; }

  friend bool operator==(const Error&, const Error&) = default;
};

using Errors = std::vector<Error>;

/// Appends a JSON Pointer reference token to a path, escaping "~" and "/".
std::string child_path(const std::string& path, const std::string& token);
std::string child_path(const std::string& path, std::size_t index);

}  // namespace cohort
