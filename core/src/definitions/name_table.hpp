#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cohort {

/// One name of an enum's value, as definitions spell it.
template <class E>
struct Named {
  std::string_view name;
  E value;
};

/// The value `name` spells in `table`, if any.
template <class E, std::size_t N>
constexpr std::optional<E> from_name(const std::array<Named<E>, N>& table, std::string_view name) {
  for (const auto& entry : table) {
    if (entry.name == name) return entry.value;
  }
  return std::nullopt;
}

/// The name of `value` in `table` (the first entry's when it has none).
template <class E, std::size_t N>
constexpr std::string_view name_of(const std::array<Named<E>, N>& table, E value) {
  for (const auto& entry : table) {
    if (entry.value == value) return entry.name;
  }
  return table[0].name;
}

/// `one of "a", "b", "c"`: what an error expects instead of a bad name.
template <class E, std::size_t N>
std::string one_of(const std::array<Named<E>, N>& table) {
  std::string out = "one of ";
  for (std::size_t i = 0; i < N; ++i) {
    if (i) out += ", ";
    out += '"';
    out += table[i].name;
    out += '"';
  }
  return out;
}

}  // namespace cohort
