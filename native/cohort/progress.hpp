#pragma once

#include <cstdint>

namespace cohort::cli {

/// A one-line progress bar on stderr for long runs. Drawn only when stderr
/// is a terminal: redirected to a file or a pipe it would be noise (and
/// would break tools that parse stderr), so it stays silent there.
class ProgressBar {
 public:
  explicit ProgressBar(std::uint64_t total);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  /// Reports `done` items finished; redraws only when the percentage moved.
  void update(std::uint64_t done);
  /// Erases the bar so the next output starts on a clean line.
  void finish();

  bool enabled() const { return enabled_; }

 private:
  void draw(std::uint64_t done);

  std::uint64_t total_;
  bool enabled_;
  int last_percent_ = -1;
};

}  // namespace cohort::cli
