#pragma once

#include <vector>

namespace cohort {

/// Scales `weights` to sum to 1; false when none is positive. Huge weights
/// whose total overflows are first scaled by the largest (else every weight
/// would normalise to 0). `equal` tells whether every positive weight is the
/// same (the split then needs no weighted search).
bool normalize_weights(std::vector<double>& weights, bool& equal);

}  // namespace cohort
