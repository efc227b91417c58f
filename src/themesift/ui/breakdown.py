"""Theme shares per group, with a test of each group against the rest.

For every (theme, group) pair: a two-sided two-proportion z-test of the share
of the group's substantive comments in the theme against the share among all
other groups' substantive comments.  The p-values of all pairs are adjusted
together with the Benjamini-Hochberg procedure (false discovery rate), and a
pair is flagged when its adjusted p-value is below ``alpha``.  The test and the
adjustment are :mod:`themesift.survey`'s (the one copy; re-exported here).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from themesift.survey import benjamini_hochberg, two_proportion_p

__all__ = ["MAX_GROUPS", "TEST_NOTE", "Breakdown", "benjamini_hochberg", "breakdown",
           "two_proportion_p"]

TEST_NOTE = (
    "Flags: two-proportion z-test of each group against all other groups (two-sided), "
    "p-values adjusted for multiple comparisons with the Benjamini–Hochberg procedure "
    "across every theme × group pair; ▲/▼ = share higher/lower than in the other groups "
    "at a false discovery rate of {alpha:.0%}. Base: substantive comments of the group."
)
MAX_GROUPS = 30


@dataclass(frozen=True)
class Breakdown:
    table: pd.DataFrame  # one row per theme: share (%) per group, with flags
    tests: pd.DataFrame  # one row per (theme, group): counts, shares, p, q, flag
    group_sizes: dict[str, int]


def breakdown(theme_of: Sequence[int], group_of: Sequence[str], themes: Sequence[tuple[int, str]],
              alpha: float = 0.05) -> Breakdown:
    """``theme_of``/``group_of``: one entry per substantive comment (-1 = unassigned)."""
    t = np.asarray(theme_of)
    g = np.asarray([v if v else "(blank)" for v in group_of], dtype=object)
    groups = sorted(set(g.tolist()))
    n_all = len(t)
    rows = []
    for tid, label in themes:
        in_theme = t == tid
        x_all = int(in_theme.sum())
        for grp in groups:
            mask = g == grp
            n1, x1 = int(mask.sum()), int((in_theme & mask).sum())
            n2, x2 = n_all - n1, x_all - x1
            rows.append({"theme_id": tid, "theme": label, "group": grp, "count": x1,
                         "group_size": n1, "share_pct": 100 * x1 / n1 if n1 else 0.0,
                         "rest_share_pct": 100 * x2 / n2 if n2 else 0.0,
                         "p": two_proportion_p(x1, n1, x2, n2)})
    tests = pd.DataFrame(rows, columns=["theme_id", "theme", "group", "count", "group_size",
                                        "share_pct", "rest_share_pct", "p"])
    tests["q"] = benjamini_hochberg(tests["p"].tolist()) if len(tests) else []
    higher = tests["share_pct"] > tests["rest_share_pct"]
    tests["flag"] = np.where(tests["q"] < alpha, np.where(higher, "▲", "▼"), "")
    cells = tests.assign(cell=[f"{s:.1f}% {f}".strip() for s, f in
                               zip(tests["share_pct"], tests["flag"], strict=True)])
    table = pd.DataFrame()
    if len(cells):
        table = cells.pivot(index="theme_id", columns="group", values="cell")
        table = table.reindex([tid for tid, _ in themes])[groups]
        table.index = pd.Index([label for _, label in themes], name="theme")
        table.columns = [f"{c} (n={int((g == c).sum())})" for c in groups]
    return Breakdown(table=table, tests=tests,
                     group_sizes={c: int((g == c).sum()) for c in groups})
