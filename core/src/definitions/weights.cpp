#include "definitions/weights.hpp"

#include <algorithm>
#include <cmath>

namespace cohort {

bool normalize_weights(std::vector<double>& weights, bool& equal) {
  double total = 0;
  for (double w : weights) total += w;
  if (std::isinf(total)) {
    const double largest = *std::max_element(weights.begin(), weights.end());
    total = 0;
    for (double& w : weights) total += (w /= largest);
  }
  if (!(total > 0)) return false;
  double first_positive = 0;
  equal = true;
  for (double& w : weights) {
    w /= total;
    if (w <= 0) continue;
    if (first_positive == 0) first_positive = w;
    if (w != first_positive) equal = false;
  }
  return true;
}

}  // namespace cohort
