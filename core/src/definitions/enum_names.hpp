#pragma once

#include <array>

#include "cohort/definitions/definition.hpp"
#include "definitions/name_table.hpp"

namespace cohort {

// Each enum's names, for parsing and printing alike.
inline constexpr std::array<Named<State>, 3> kStateNames = {{
    {"off", State::off},
    {"conditional", State::conditional},
    {"on", State::on},
}};
inline constexpr std::array<Named<HashMode>, 5> kHashModeNames = {{
    {"xxh3", HashMode::xxh3},
    {"gitlab", HashMode::gitlab},
    {"edx", HashMode::edx},
    {"fnv1a_v1", HashMode::fnv1a_v1},
    {"fnv1a_v2", HashMode::fnv1a_v2},
}};

}  // namespace cohort
