#include "chi_square.hpp"

#include <cmath>
#include <limits>

namespace cohort::cli {
namespace {

// Written for this tool after the method of Numerical Recipes (Press et al.,
// "Incomplete Gamma Function", §6.2): the series for P converges quickly
// when x < a + 1, the continued fraction for Q (evaluated with the modified
// Lentz algorithm) when x >= a + 1; each is used where it converges fast.
constexpr double kEpsilon = 1e-15;
constexpr double kTiny = std::numeric_limits<double>::min() / kEpsilon;
// Enough for a up to ~10^6 (thousands of variants); both expansions need
// O(sqrt(a)) terms.
constexpr int kMaxIterations = 100'000;

// exp(-x) x^a / Gamma(a): the common prefactor, in logs to avoid overflow.
double prefactor(double a, double x) {
  return std::exp(-x + a * std::log(x) - std::lgamma(a));
}

// P(a, x) by its series: sum_{n>=0} x^n / (a (a+1) ... (a+n)).
double series_p(double a, double x) {
  double ap = a;
  double term = 1 / a;
  double sum = term;
  for (int n = 0; n < kMaxIterations; ++n) {
    ap += 1;
    term *= x / ap;
    sum += term;
    if (std::fabs(term) < std::fabs(sum) * kEpsilon) break;
  }
  return sum * prefactor(a, x);
}

// Q(a, x) by its continued fraction 1/(x+1-a- 1(1-a)/(x+3-a- 2(2-a)/(x+5-a- ...))).
double fraction_q(double a, double x) {
  double b = x + 1 - a;
  double c = 1 / kTiny;
  double d = 1 / b;
  double h = d;
  for (int i = 1; i < kMaxIterations; ++i) {
    const double an = -static_cast<double>(i) * (static_cast<double>(i) - a);
    b += 2;
    d = an * d + b;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = b + an / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1 / d;
    const double delta = d * c;
    h *= delta;
    if (std::fabs(delta - 1) < kEpsilon) break;
  }
  return prefactor(a, x) * h;
}

}  // namespace

double gamma_p(double a, double x) {
  if (!(a > 0) || !(x >= 0) || std::isnan(x)) return std::numeric_limits<double>::quiet_NaN();
  if (x == 0) return 0;
  if (std::isinf(x)) return 1;
  return x < a + 1 ? series_p(a, x) : 1 - fraction_q(a, x);
}

double gamma_q(double a, double x) {
  if (!(a > 0) || !(x >= 0) || std::isnan(x)) return std::numeric_limits<double>::quiet_NaN();
  if (x == 0) return 1;
  if (std::isinf(x)) return 0;
  return x < a + 1 ? 1 - series_p(a, x) : fraction_q(a, x);
}

double chi_square_sf(double x, double dof) {
  return gamma_q(dof / 2, x / 2);
}

ChiSquareTest chi_square_test(std::span<const std::uint64_t> observed,
                              std::span<const double> expected_shares) {
  ChiSquareTest test;
  std::uint64_t total = 0;
  for (const std::uint64_t count : observed) total += count;
  if (total == 0) return test;
  std::size_t cells = 0;
  bool impossible = false;
  for (std::size_t i = 0; i < observed.size() && i < expected_shares.size(); ++i) {
    const double share = expected_shares[i];
    const auto count = static_cast<double>(observed[i]);
    if (share <= 0) {
      impossible = impossible || observed[i] > 0;
      continue;
    }
    ++cells;
    const double expected = share * static_cast<double>(total);
    test.statistic += (count - expected) * (count - expected) / expected;
  }
  test.dof = cells > 0 ? cells - 1 : 0;
  if (impossible) {
    test.statistic = std::numeric_limits<double>::infinity();
    test.p_value = 0;
  } else if (test.dof > 0) {
    test.p_value = chi_square_sf(test.statistic, static_cast<double>(test.dof));
  }
  return test;
}

}  // namespace cohort::cli
