"""Theme shares over time: per month or quarter of a date column, with n per period.

The base of a period is the substantive answers to the question from respondents
whose date falls in it; a comment counts under every theme it has.  Dates that do
not parse (or are blank) are counted apart and left out.  Periods with no answer
are shown (n = 0), so gaps in the data stay visible.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from themesift.errors import ThemesiftError
from themesift.survey.answers import (
    answers,
    by_size,
    check_closed,
    check_question,
    substantive,
    theme_counts,
    theme_labels,
)
from themesift.survey.crosstab import ThemeRow

PERIODS = ("month", "quarter")
QUARTER_AFTER_MONTHS = 18  # "auto": quarters when the dates span more months than this


@dataclass(frozen=True)
class Trend:
    question: str
    column: str
    period: str  # "month" or "quarter"
    periods: tuple[str, ...]  # "2024-03" or "2024Q1", in time order
    bases: tuple[int, ...]  # substantive answers per period
    rows: tuple[ThemeRow, ...]  # answers per theme per period, largest theme first
    undated: int  # substantive answers whose date is blank or does not parse

    def frame(self) -> pd.DataFrame:
        """period, n, then the % of the period's answers in each theme (one decimal)."""
        data: dict[str, list[object]] = {"period": list(self.periods), "n": list(self.bases)}
        for row in self.rows:
            data[row.label] = [round(100 * c / b, 1) if b else math.nan
                               for c, b in zip(row.counts, self.bases, strict=True)]
        return pd.DataFrame(data)


def parse_dates(values: pd.Series) -> pd.Series:
    """Dates of a column of text: ISO 8601 as written, others day first when ambiguous
    (as in the UK: 03/01/2024 is 3 January); NaT where there is no date."""
    text = values.astype(str).str.strip().replace("", None)
    iso = pd.to_datetime(text, errors="coerce", format="ISO8601")
    other = pd.to_datetime(text.where(iso.isna()), errors="coerce", format="mixed",
                           dayfirst=True)
    return iso.fillna(other)


def trend(assignments: pd.DataFrame, question: str, column: str, *, period: str = "auto"
          ) -> Trend:
    """Theme shares of ``question`` per month or quarter of the date column ``column``."""
    check_question(assignments, question)
    check_closed(assignments, column)
    if period not in ("auto", *PERIODS):
        raise ThemesiftError(f"unknown period '{period}'; choose month or quarter")
    rows = substantive(assignments, question)
    dates = parse_dates(rows[column])
    dated = dates.notna().to_numpy()
    if not dated.any():
        raise ThemesiftError(f"no date in '{column}' can be read for the answers to "
                             f"'{question}'")
    found = answers(rows)
    first, last = dates[dated].min(), dates[dated].max()
    if period == "auto":
        months = (last.year - first.year) * 12 + last.month - first.month
        period = "quarter" if months > QUARTER_AFTER_MONTHS else "month"
    freq = "Q" if period == "quarter" else "M"
    stamps = dates.dt.to_period(freq)
    labels = [str(p) for p in pd.period_range(first.to_period(freq), last.to_period(freq),
                                               freq=freq)]
    at: dict[str, list[int]] = {p: [] for p in labels}
    for i, stamp in enumerate(stamps):
        if dated[i]:
            at[str(stamp)].append(i)
    counts_per = [theme_counts(found[i] for i in at[p]) for p in labels]
    names = theme_labels(rows)
    table = tuple(ThemeRow(t, names[t], tuple(c[t] for c in counts_per))
                  for t in by_size(theme_counts(found)))
    return Trend(question=question, column=column, period=period, periods=tuple(labels),
                 bases=tuple(len(at[p]) for p in labels), rows=table,
                 undated=int((~dated).sum()))
