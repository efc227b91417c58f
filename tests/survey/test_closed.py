"""Closed questions: counts and % of the respondents who answered, each respondent once."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from themesift.survey import ClosedSummary, LevelCount, summarise_closed
from themesift.types import ColumnProfile

EDUCATORS = Path(__file__).resolve().parents[2] / "data" / "educators_wide.xlsx"
COLUMNS = ["id", "question", "Agree", "Team", "status", "duplicate", "primary_theme",
           "primary_label", "confidence", "all_themes", "all_labels", "text"]


def _rows(answers: dict[str, tuple[str, str]]) -> pd.DataFrame:
    """Two question rows per respondent (the closed values repeat on each), as strings."""
    rows = [[rid, q, agree, team, "empty", "False", "-3", "(empty)", "0.0", "", "", ""]
            for rid, (agree, team) in answers.items() for q in ("Q1", "Q2")]
    return pd.DataFrame(rows, columns=COLUMNS, dtype=str)


PROFILES = {
    "Agree": ColumnProfile("Agree", "ordinal", 5, 3, ("Disagree", "Neutral", "Agree"),
                           "Do you agree?"),
    "Team": ColumnProfile("Team", "categorical", 6, 2, ("Blue", "Red")),
    "Notes": ColumnProfile("Notes", "free", 6, 6),  # not a grouping column
    "Gone": ColumnProfile("Gone", "categorical", 6, 2, ("a", "b")),  # not in the table
}


def test_levels_in_profile_order_with_a_base_of_those_who_answered() -> None:
    data = _rows({"r1": ("Agree", "Red"), "r2": ("Agree", "Red"), "r3": ("Disagree", "Blue"),
                  "r4": (" Agree ", "Red"), "r5": ("", "Blue"), "r6": ("", "Red")})
    agree, team = summarise_closed(data, PROFILES)
    assert agree == ClosedSummary(
        column="Agree", text="Do you agree?", kind="ordinal", base=4, not_answered=2,
        rows=(LevelCount("Disagree", 1, 25.0), LevelCount("Neutral", 0, 0.0),
              LevelCount("Agree", 3, 75.0)))
    assert agree.title == "Do you agree?" and team.title == "Team"
    assert (team.base, team.not_answered) == (6, 0)
    assert [(r.level, r.count) for r in team.rows] == [("Blue", 2), ("Red", 4)]
    assert team.rows[1].pct == pytest.approx(400 / 6)


def test_values_the_profile_does_not_list_follow_sorted() -> None:
    data = _rows({"r1": ("Maybe", "Red"), "r2": ("Agree", "Red"), "r3": ("Kind of", "Red")})
    agree = summarise_closed(data, PROFILES)[0]
    assert [r.level for r in agree.rows] == ["Disagree", "Neutral", "Agree", "Kind of", "Maybe"]
    assert sum(r.count for r in agree.rows) == agree.base == 3


def test_a_respondent_blank_on_one_row_counts_once_with_their_value() -> None:
    data = _rows({"r1": ("Agree", "Red"), "r2": ("Disagree", "Red")})
    data.loc[0, "Agree"] = ""  # r1's first row lost the value; the second still has it
    agree = summarise_closed(data, PROFILES)[0]
    assert (agree.base, agree.not_answered) == (2, 0)
    assert [r.count for r in agree.rows] == [1, 0, 1]


def test_frame_for_writing() -> None:
    data = _rows({"r1": ("Agree", "Red"), "r2": ("Neutral", "Red"), "r3": ("Agree", "Blue"),
                  "r4": ("", "Blue")})
    frame = summarise_closed(data, PROFILES)[0].frame()
    assert frame.columns.tolist() == ["level", "n", "%"]
    assert frame["level"].tolist() == ["Disagree", "Neutral", "Agree", "Base: answered",
                                       "Not answered"]
    assert frame["n"].tolist() == [0, 1, 2, 3, 1]
    assert frame["%"].tolist()[:4] == [0.0, 33.3, 66.7, 100.0]
    assert math.isnan(frame["%"].iloc[4])


def test_nobody_answered() -> None:
    data = _rows({"r1": ("", "Red"), "r2": ("", "Red")})
    agree = summarise_closed(data, PROFILES)[0]
    assert (agree.base, agree.not_answered) == (0, 2)
    assert all(r.count == 0 and math.isnan(r.pct) for r in agree.rows)


@pytest.fixture(scope="module")
def educators(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The educators' survey analysed by the CLI (125 respondents, 14 open questions)."""
    folder = tmp_path_factory.mktemp("educators")
    done = subprocess.run([sys.executable, "-m", "themesift", "analyse", str(EDUCATORS),
                           "--text-cols", "auto", "--out", "model"], cwd=folder,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr or done.stdout
    return folder / "model"


@pytest.mark.slow
def test_closed_question_of_a_real_survey(educators: Path) -> None:
    from themesift.model import load_survey_model

    model = load_survey_model(educators)
    summaries = summarise_closed(model.assignments(), model.profiles)
    assert [s.column for s in summaries] == ["Considered proctoring"]  # Q3 is free text
    (s,) = summaries
    assert s.text == "Did you consider using online exam proctoring tools?"
    assert (s.base, s.not_answered) == (99, 26)
    assert [(r.level, r.count) for r in s.rows] == [("No", 74), ("Yes", 25)]
    assert s.rows[1].pct == pytest.approx(100 * 25 / 99)
