"""Theme shares per month or quarter of a date column."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from themesift.errors import ThemesiftError
from themesift.survey import trend


def rows(dates: list[str], themes: list[str]) -> pd.DataFrame:
    n = len(dates)
    labels = {"0": "Parking", "1": "Staff", "0|1": "Parking|Staff", "": ""}
    return pd.DataFrame({
        "id": [f"r{i}" for i in range(n)], "question": ["Q1"] * n, "Submitted": dates,
        "status": ["substantive" if t != "x" else "non_answer" for t in themes],
        "duplicate": ["False"] * n,
        "primary_theme": [t.split("|")[0] if t not in ("", "x") else "-1" if t == "" else "-2"
                          for t in themes],
        "primary_label": [labels.get(t, "").split("|")[0] for t in themes],
        "confidence": ["0.5"] * n, "all_themes": [t if t != "x" else "" for t in themes],
        "all_labels": [labels.get(t, "") for t in themes], "text": ["..."] * n,
    }, dtype=str)


def test_shares_per_month_with_n_and_gaps() -> None:
    df = rows(["03/01/2024", "15/01/2024", "02/02/2024", "20/04/2024", "", "not a date",
               "21/04/2024"], ["0", "1", "0|1", "1", "0", "1", "x"])
    t = trend(df, "Q1", "Submitted")
    assert t.period == "month"
    assert t.periods == ("2024-01", "2024-02", "2024-03", "2024-04")  # March: no answer
    assert t.bases == (2, 1, 0, 1)  # the non-answer of 21 April is not in the base
    assert t.undated == 2
    frame = t.frame()
    assert list(frame.columns) == ["period", "n", "Staff", "Parking"]  # Staff: 4 answers
    assert frame["Parking"].tolist()[:2] == [50.0, 100.0]
    assert math.isnan(frame["Staff"].iloc[2]) and frame["Staff"].iloc[3] == 100.0


def test_quarters_for_long_spans_and_errors() -> None:
    df = rows(["2022-01-10", "2023-06-01", "2024-03-31"], ["0", "1", "0"])
    t = trend(df, "Q1", "Submitted")
    assert t.period == "quarter" and t.periods[0] == "2022Q1" and t.periods[-1] == "2024Q1"
    assert len(t.periods) == 9 and sum(t.bases) == 3
    assert trend(df, "Q1", "Submitted", period="month").periods[0] == "2022-01"
    with pytest.raises(ThemesiftError, match="no date"):
        trend(rows(["soon", "later"], ["0", "1"]), "Q1", "Submitted")
    with pytest.raises(ThemesiftError, match="unknown period"):
        trend(df, "Q1", "Submitted", period="week")
