// The statistics behind `cohort simulate`, checked against closed forms of
// the chi-square survival function (even degrees of freedom: a Poisson sum;
// 1 and 3: erfc), over values that take both the series and the continued
// fraction branch of the incomplete gamma function.

#include "chi_square.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>
#include <vector>

namespace cohort::cli {
namespace {

// Q(k, x/2) for dof = 2k: exp(-x/2) * sum_{j<k} (x/2)^j / j!.
double even_sf(double x, int dof) {
  const double h = x / 2;
  double term = 1;
  double sum = 1;
  for (int j = 1; j < dof / 2; ++j) {
    term *= h / j;
    sum += term;
  }
  return std::exp(-h) * sum;
}

double odd_sf(double x, int dof) {
  const double sf1 = std::erfc(std::sqrt(x / 2));
  if (dof == 1) return sf1;
  return sf1 + std::sqrt(2 * x / std::numbers::pi) * std::exp(-x / 2);  // dof 3
}

void expect_close(double got, double want, double x, int dof) {
  EXPECT_NEAR(got, want, 1e-12 + 1e-9 * want) << "x=" << x << " dof=" << dof;
}

TEST(ChiSquareTest, MatchesClosedFormsForEvenDegreesOfFreedom) {
  for (int dof : {2, 4, 6, 10, 20, 100}) {
    for (double x : {0.01, 0.5, 1.0, 2.0, 3.9, 4.1, 9.5, 25.0, 80.0, 300.0}) {
      expect_close(chi_square_sf(x, dof), even_sf(x, dof), x, dof);
    }
  }
}

TEST(ChiSquareTest, MatchesClosedFormsForOddDegreesOfFreedom) {
  for (int dof : {1, 3}) {
    for (double x : {0.001, 0.3, 1.0, 2.9, 3.1, 3.841458820694124, 7.8, 30.0, 100.0}) {
      expect_close(chi_square_sf(x, dof), odd_sf(x, dof), x, dof);
    }
  }
  // The textbook 5% critical values.
  EXPECT_NEAR(chi_square_sf(3.841458820694124, 1), 0.05, 1e-12);
  EXPECT_NEAR(chi_square_sf(11.070497693516351, 5), 0.05, 1e-12);
}

TEST(ChiSquareTest, EdgesOfTheIncompleteGamma) {
  EXPECT_EQ(gamma_q(1.5, 0), 1);
  EXPECT_EQ(gamma_p(1.5, 0), 0);
  EXPECT_EQ(gamma_q(1.5, std::numeric_limits<double>::infinity()), 0);
  EXPECT_TRUE(std::isnan(gamma_q(0, 1)));
  EXPECT_TRUE(std::isnan(gamma_q(1, -1)));
  for (double a : {0.5, 1.0, 7.5, 500.0}) {
    for (double x : {0.1, a, a + 1, 3 * a}) {
      EXPECT_NEAR(gamma_p(a, x) + gamma_q(a, x), 1, 1e-12) << a << ' ' << x;
    }
  }
  // Tiny upper tails keep their precision instead of rounding to 0.
  EXPECT_GT(chi_square_sf(1000, 2), 0);
  EXPECT_NEAR(chi_square_sf(1000, 2) / std::exp(-500.0), 1, 1e-9);
}

TEST(ChiSquareTest, PearsonStatisticOverExpectedShares) {
  const std::vector<std::uint64_t> observed{480, 270, 250};
  const std::vector<double> shares{0.5, 0.25, 0.25};
  const ChiSquareTest test = chi_square_test(observed, shares);
  EXPECT_NEAR(test.statistic, 400.0 / 500 + 400.0 / 250 + 0, 1e-12);
  EXPECT_EQ(test.dof, 2u);
  EXPECT_NEAR(test.p_value, std::exp(-test.statistic / 2), 1e-12);
}

TEST(ChiSquareTest, ZeroShareCellsAndEmptySamples) {
  // A cell that cannot be reached takes no part...
  const std::vector<double> shares{0.5, 0.5, 0};
  ChiSquareTest test = chi_square_test(std::vector<std::uint64_t>{50, 50, 0}, shares);
  EXPECT_EQ(test.dof, 1u);
  EXPECT_EQ(test.statistic, 0);
  EXPECT_NEAR(test.p_value, 1, 1e-12);
  // ...unless something landed in it: an impossible outcome.
  test = chi_square_test(std::vector<std::uint64_t>{50, 50, 1}, shares);
  EXPECT_TRUE(std::isinf(test.statistic));
  EXPECT_EQ(test.p_value, 0);
  // Nothing observed, or a single possible cell: nothing to test.
  test = chi_square_test(std::vector<std::uint64_t>{0, 0, 0}, shares);
  EXPECT_EQ(test.p_value, 1);
  test = chi_square_test(std::vector<std::uint64_t>{10, 0}, std::vector<double>{1, 0});
  EXPECT_EQ(test.dof, 0u);
  EXPECT_EQ(test.p_value, 1);
}

}  // namespace
}  // namespace cohort::cli
