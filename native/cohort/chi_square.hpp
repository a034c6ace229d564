#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace cohort::cli {

/// The regularized lower incomplete gamma function P(a, x) and its
/// complement Q(a, x) = 1 - P(a, x), for a > 0 and x >= 0. Q is computed
/// directly (not as 1 - P) where it is small, so tiny p-values keep their
/// precision.
double gamma_p(double a, double x);
double gamma_q(double a, double x);

/// The survival function of the chi-square distribution with `dof` degrees
/// of freedom: the probability of a statistic at least `x` by chance.
double chi_square_sf(double x, double dof);

/// Pearson's goodness-of-fit test of observed counts against expected
/// shares (a sample-ratio-mismatch check).
struct ChiSquareTest {
  double statistic = 0;
  std::size_t dof = 0;  ///< cells with a positive expected share, minus one
  double p_value = 1;   ///< 1 when there is nothing to test (dof 0, no observations)
};

/// Cells with an expected share of 0 take no part, except that any
/// observation in one makes the statistic infinite and the p-value 0: an
/// impossible outcome happened.
ChiSquareTest chi_square_test(std::span<const std::uint64_t> observed,
                              std::span<const double> expected_shares);

}  // namespace cohort::cli
