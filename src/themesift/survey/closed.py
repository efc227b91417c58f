"""Closed questions summarised as a survey report shows them.

For each closed column with a grouping profile (categorical or ordinal): per
level, the number of respondents who chose it and their share of the base, the
respondents who answered the question.  Respondents who left it blank are
counted apart ("not answered") and are not in the base.  Each respondent counts
once, however many open questions they have rows for.  Levels follow the
profile (an ordinal scale stays in scale order); values the profile does not
list follow, in sorted order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from themesift.errors import ThemesiftError
from themesift.types import ColumnProfile

BASE_LABEL = "Base: answered"
NOT_ANSWERED_LABEL = "Not answered"


@dataclass(frozen=True)
class LevelCount:
    level: str
    count: int
    pct: float  # of the base (respondents who answered); NaN when nobody answered


@dataclass(frozen=True)
class ClosedSummary:
    """One closed question: respondents per level, as counts and % of those who answered."""

    column: str
    text: str  # the question's wording ("" when the export had none)
    kind: str  # categorical or ordinal
    base: int  # respondents who answered
    not_answered: int  # respondents who left it blank (not in the base)
    rows: tuple[LevelCount, ...]

    @property
    def title(self) -> str:
        return self.text or self.column

    def frame(self) -> pd.DataFrame:
        """level, n, % (of the base); then the base (100%) and the not answered (no %)."""
        rows = [(r.level, r.count, round(r.pct, 1)) for r in self.rows]
        rows.append((BASE_LABEL, self.base, 100.0 if self.base else float("nan")))
        rows.append((NOT_ANSWERED_LABEL, self.not_answered, float("nan")))
        return pd.DataFrame(rows, columns=["level", "n", "%"])


def respondent_values(assignments: pd.DataFrame, column: str) -> pd.Series:
    """One value per respondent (by ``id``, sorted), stripped; "" when never answered."""
    for needed in ("id", column):
        if needed not in assignments.columns:
            raise ThemesiftError(f"the assignments have no column '{needed}'; "
                                 "load them with SurveyModel.assignments()")
    values = assignments[["id", column]].astype(str)
    values = values.assign(value=values[column].str.strip())
    # the first non-blank value of each respondent (all their rows should agree)
    values = values.sort_values("value", ascending=False, kind="stable")
    return values.groupby("id", sort=True)["value"].first()


def ordered_levels(observed: set[str], levels: tuple[str, ...] = ()) -> list[str]:
    """``levels`` in their order, then the other observed values sorted."""
    return [*levels, *sorted(observed - set(levels))]


def summarise_column(assignments: pd.DataFrame, profile: ColumnProfile) -> ClosedSummary:
    """The summary of one closed column (see the module's docstring)."""
    values = respondent_values(assignments, profile.name)
    answered = values[values != ""]
    counts = answered.value_counts()
    base = len(answered)
    rows = tuple(LevelCount(level, int(counts.get(level, 0)),
                            100 * int(counts.get(level, 0)) / base if base else float("nan"))
                 for level in ordered_levels(set(counts.index), profile.levels))
    return ClosedSummary(column=profile.name, text=profile.text, kind=profile.kind, base=base,
                         not_answered=len(values) - base, rows=rows)


def summarise_closed(assignments: pd.DataFrame,
                     profiles: Mapping[str, ColumnProfile]) -> list[ClosedSummary]:
    """Every grouping closed column of ``profiles`` present in ``assignments``, in profile
    order (``SurveyModel.profiles`` and ``SurveyModel.assignments()``)."""
    return [summarise_column(assignments, p) for p in profiles.values()
            if p.is_grouping and p.name in assignments.columns]
