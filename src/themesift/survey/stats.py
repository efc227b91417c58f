"""The tests behind cross-tabs and group breakdowns: the one copy of each.

* :func:`two_proportion_p`: two-sided two-proportion z-test (pooled), the same
  p-value as a chi-square test of the 2 x 2 table without continuity correction;
* :func:`chi_square`: chi-square test of independence of a 2 x k table (in a
  theme or not, by level), with Cramér's V;
* :func:`benjamini_hochberg`: false-discovery-rate adjusted p-values (q-values);
* :func:`cohens_h`: the effect size of a difference between two proportions.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from scipy.stats import chi2_contingency, false_discovery_control, norm

FloatArray = npt.NDArray[np.float64]


def two_proportion_z(x1: int, n1: int, x2: int, n2: int) -> float:
    """z of x1/n1 - x2/n2 with the pooled standard error (0.0 when undefined)."""
    if n1 == 0 or n2 == 0:
        return 0.0
    pooled = (x1 + x2) / (n1 + n2)
    if pooled in (0.0, 1.0):
        return 0.0
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    return (x1 / n1 - x2 / n2) / se


def two_proportion_p(x1: int, n1: int, x2: int, n2: int) -> float:
    """Two-sided p-value that x1/n1 and x2/n2 come from the same proportion.

    1.0 when a base is empty or nobody (or everybody) is in the theme.
    """
    return float(2 * norm.sf(abs(two_proportion_z(x1, n1, x2, n2))))


def chi_square(counts: Sequence[int], bases: Sequence[int]) -> tuple[float, float, float]:
    """(chi-square, p, Cramér's V) of ``counts[j]`` of ``bases[j]`` in the theme, per level.

    The 2 x k table is in-theme / not-in-theme by level; no continuity correction.
    (0.0, 1.0, 0.0) when the table has an empty row or column.
    """
    x = np.asarray(counts, dtype=float)
    n = np.asarray(bases, dtype=float)
    table = np.vstack([x, n - x])
    if (table.sum(axis=1) == 0).any() or (n == 0).any():
        return 0.0, 1.0, 0.0
    result = chi2_contingency(table, correction=False)
    stat, p = float(result.statistic), float(result.pvalue)
    return stat, p, cramers_v(stat, int(n.sum()), len(n))


def cramers_v(chi2: float, total: int, levels: int) -> float:
    """Cramér's V of a 2 x ``levels`` table: sqrt(chi2 / (N (min(2, k) - 1)))."""
    k = min(2, levels) - 1
    return math.sqrt(chi2 / (total * k)) if total and k else 0.0


def cohens_h(p1: float, p2: float) -> float:
    """Cohen's h = 2 asin(sqrt p1) - 2 asin(sqrt p2); about 0.2 small, 0.5 medium, 0.8 large."""
    return 2 * math.asin(math.sqrt(p1)) - 2 * math.asin(math.sqrt(p2))


def expected_min(counts: Sequence[int], bases: Sequence[int]) -> float:
    """The smallest expected cell count of the 2 x k table under independence."""
    n = np.asarray(bases, dtype=float)
    total = n.sum()
    if total == 0:
        return 0.0
    inside = float(np.sum(counts))
    rows = np.array([inside, total - inside])
    return float((np.outer(rows, n) / total).min())


def benjamini_hochberg(p: Sequence[float]) -> FloatArray:
    """Benjamini-Hochberg adjusted p-values (q-values), monotone and capped at 1.

    NaN entries (untested) stay NaN and do not count towards the number of tests.
    """
    arr = np.asarray(p, dtype=float)
    out = np.full(arr.shape, np.nan)
    tested = ~np.isnan(arr)
    if tested.any():
        out[tested] = false_discovery_control(arr[tested], method="bh")
    return out
