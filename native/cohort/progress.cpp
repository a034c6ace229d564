#include "progress.hpp"

#include <unistd.h>

#include <cstdio>
#include <string>

namespace cohort::cli {

ProgressBar::ProgressBar(std::uint64_t total)
    : total_(total), enabled_(total > 0 && ::isatty(STDERR_FILENO) == 1) {}

ProgressBar::~ProgressBar() {
  finish();
}

void ProgressBar::update(std::uint64_t done) {
  if (!enabled_) return;
  const auto percent = static_cast<int>(done * 100 / total_);
  if (percent != last_percent_) draw(done);
}

void ProgressBar::draw(std::uint64_t done) {
  constexpr int kWidth = 40;
  last_percent_ = static_cast<int>(done * 100 / total_);
  const int filled = last_percent_ * kWidth / 100;
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.append(static_cast<std::size_t>(kWidth - filled), ' ');
  std::fprintf(stderr, "\r[%s] %3d%% %llu/%llu", bar.c_str(), last_percent_,
               static_cast<unsigned long long>(done), static_cast<unsigned long long>(total_));
  std::fflush(stderr);
}

void ProgressBar::finish() {
  if (!enabled_) return;
  // Clear the line (ANSI "erase line") rather than leave a stale bar.
  std::fputs("\r\x1b[2K", stderr);
  std::fflush(stderr);
  enabled_ = false;
}

}  // namespace cohort::cli
