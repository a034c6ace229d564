#pragma once

#include <span>
#include <string_view>

namespace cohort::cli {

// One function per command. Each takes the words after the command name,
// prints its own --help, and returns the process exit status.
int run_resolve(std::span<const std::string_view> argv);
int run_simulate(std::span<const std::string_view> argv);
int run_publish(std::span<const std::string_view> argv);
int run_bucket(std::span<const std::string_view> argv);
int run_vectors(std::span<const std::string_view> argv);

}  // namespace cohort::cli
