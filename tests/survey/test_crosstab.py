"""Cross-tabs of themes by a closed column and by another question; their tests."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2_contingency

from themesift.errors import ThemesiftError
from themesift.survey import (
    benjamini_hochberg,
    cohens_h,
    cramers_v,
    cross_question,
    crosstab,
    two_proportion_p,
)

EDUCATORS = Path(__file__).resolve().parents[2] / "data" / "educators_wide.xlsx"
LABELS = {"Q1": {0: "cost", 1: "staff", 2: "parking"}, "Q2": {0: "fees", 1: "hours"}}
SPECIAL = {"substantive": -1, "non_answer": -2, "empty": -3}


def row(rid: str, question: str, group: str, themes: str = "",
        status: str = "substantive") -> dict[str, str]:
    """One row of assignments.csv, every cell a string."""
    ids = [int(t) for t in themes.split("|") if t]
    primary = ids[0] if ids else SPECIAL[status]
    names = LABELS[question]
    return {"id": rid, "question": question, "Group": group, "status": status,
            "duplicate": "False", "primary_theme": str(primary),
            "primary_label": names.get(primary, "(unassigned)"), "confidence": "0.5",
            "all_themes": themes, "all_labels": "|".join(names[i] for i in ids),
            "text": "..." if status == "substantive" else ""}


def two_groups() -> pd.DataFrame:
    """Q1 by Group: A (40 answers) and B (30), 4 answers with Group blank.

    cost: A 30/40, B 10/30; staff: A 12/40, B 14/30 (5 of A's also cost);
    parking: A 0, B 6 (+4 blank); 3 of A's answers have no theme.
    """
    rows = []
    for i in range(40):
        themes = [t for t, hit in ((0, i < 30), (1, 25 <= i < 37)) if hit]
        rows.append(row(f"a{i:02d}", "Q1", "A", "|".join(map(str, themes))))
    for j in range(30):
        themes = "0" if j < 10 else "1" if j < 24 else "2"
        rows.append(row(f"b{j:02d}", "Q1", "B", themes))
    rows += [row(f"x{k}", "Q1", "", "2") for k in range(4)]
    rows += [row("n1", "Q1", "A", status="non_answer"), row("n2", "Q1", "B", status="empty")]
    return pd.DataFrame(rows, dtype=str)


def test_counts_and_shares_of_each_level() -> None:
    ct = crosstab(two_groups(), "Q1", "Group")
    assert ct.levels == ("A", "B") and ct.bases == (40, 30) and ct.base == 70
    assert ct.not_answered == 4 and ct.unassigned == (3, 0)
    assert [(r.label, r.counts) for r in ct.rows] == [
        ("cost", (30, 10)), ("staff", (12, 14)), ("parking", (0, 6))]
    frame = ct.frame()
    assert frame["theme"].tolist() == ["cost", "staff", "parking", "No theme (unassigned)",
                                       "Base: substantive answers"]
    assert frame.columns.tolist() == ["theme_id", "theme", "A n", "A %", "B n", "B %",
                                      "Total n", "Total %"]
    assert frame["A %"].tolist()[:4] == [75.0, 30.0, 0.0, 7.5]
    assert frame["B %"].tolist()[:3] == [33.3, 46.7, 20.0]
    assert frame["Total n"].tolist() == [40, 26, 6, 3, 70]
    assert frame.iloc[-1][["A n", "B n"]].tolist() == [40, 30]
    assert frame["theme_id"].tolist()[:4] == [0, 1, 2, -1] and pd.isna(frame["theme_id"].iloc[-1])
    assert "every theme it has" in ct.note and "Cohen's h" in ct.note


def test_two_levels_z_test_bh_and_cohens_h() -> None:
    ct = crosstab(two_groups(), "Q1", "Group")
    tests = ct.tests.set_index("theme")
    p_cost = chi2_contingency([[30, 10], [10, 20]], correction=False).pvalue
    p_staff = chi2_contingency([[12, 14], [28, 16]], correction=False).pvalue
    assert tests.loc["cost", "p"] == pytest.approx(p_cost, rel=1e-9)
    assert tests.loc["staff", "p"] == pytest.approx(p_staff, rel=1e-9)
    # BH by hand over the two tested themes
    low, high = sorted([p_cost, p_staff])
    assert tests.loc["cost", "q"] == pytest.approx(min(2 * low, high))
    assert tests.loc["staff", "q"] == pytest.approx(high)
    assert tests.loc["cost", "test"] == "z" and tests.loc["cost", "statistic"] > 0
    assert bool(tests.loc["cost", "significant"]) and not tests.loc["staff", "significant"]
    h = 2 * math.asin(math.sqrt(0.75)) - 2 * math.asin(math.sqrt(1 / 3))
    assert tests.loc["cost", "effect"] == "h"
    assert tests.loc["cost", "effect_size"] == pytest.approx(h)
    # parking: 6 of 70, expected 6 * 30 / 70 < 5 in B's cell -> flagged, not tested
    assert tests.loc["parking", "status"] == "small expected count"
    assert math.isnan(tests.loc["parking", "p"]) and math.isnan(tests.loc["parking", "q"])


def test_levels_can_follow_a_profile_order() -> None:
    ct = crosstab(two_groups(), "Q1", "Group", levels=("B", "A", "C"))
    assert ct.levels == ("B", "A")  # C has no answers: left out
    assert ct.rows[0].counts == (10, 30)


def three_levels(low: int = 20) -> pd.DataFrame:
    """Q1 by an ordinal Group: cost 15/low.., 10/20, 5/20; staff the others."""
    rows = []
    for level, n, cost in (("Low", low, 15 * low // 20), ("Mid", 20, 10), ("High", 20, 5)):
        rows += [row(f"{level}{i}", "Q1", level, "0" if i < cost else "1") for i in range(n)]
    return pd.DataFrame(rows, dtype=str)


def test_more_levels_chi_square_and_cramers_v() -> None:
    ct = crosstab(three_levels(), "Q1", "Group", levels=("Low", "Mid", "High"))
    assert ct.levels == ("Low", "Mid", "High") and ct.bases == (20, 20, 20)
    tests = ct.tests.set_index("theme")
    expected = chi2_contingency([[15, 10, 5], [5, 10, 15]], correction=False)
    for theme in ("cost", "staff"):  # the same 2 x 3 table, rows swapped
        assert tests.loc[theme, "test"] == "chi2"
        assert tests.loc[theme, "statistic"] == pytest.approx(expected.statistic)
        assert tests.loc[theme, "p"] == pytest.approx(expected.pvalue, rel=1e-9)
        assert tests.loc[theme, "effect"] == "V"
        assert tests.loc[theme, "effect_size"] == pytest.approx(
            math.sqrt(expected.statistic / 60))
        assert tests.loc[theme, "q"] == pytest.approx(expected.pvalue, rel=1e-9)
    assert "chi-square" in ct.note and "Cramér's V" in ct.note
    assert cramers_v(expected.statistic, 60, 3) == pytest.approx(math.sqrt(expected.statistic
                                                                           / 60))


def test_a_small_base_is_flagged_not_tested() -> None:
    ct = crosstab(three_levels(low=8), "Q1", "Group")
    assert ct.bases == (20, 8, 20)  # sorted: High, Low, Mid
    assert set(ct.tests["status"]) == {"small base"}
    assert ct.tests["p"].isna().all() and not ct.tests["significant"].any()
    assert ct.tests["effect_size"].notna().all()  # still described
    tested = crosstab(three_levels(low=8), "Q1", "Group", min_base=5, min_expected=3)
    assert set(tested.tests["status"]) == {"tested"}


def test_one_level_is_not_tested() -> None:
    data = three_levels()
    ct = crosstab(data[data["Group"] == "Mid"], "Q1", "Group")
    assert ct.levels == ("Mid",) and set(ct.tests["status"]) == {"one level"}


def test_bad_questions_and_columns_say_what_exists() -> None:
    data = two_groups()
    with pytest.raises(ThemesiftError, match="no question 'Q9'.*Q1"):
        crosstab(data, "Q9", "Group")
    with pytest.raises(ThemesiftError, match="no closed column 'Region'.*Group"):
        crosstab(data, "Q1", "Region")
    with pytest.raises(ThemesiftError, match="no closed column 'status'"):
        crosstab(data, "Q1", "status")
    many = data.assign(Group=[f"g{i % 25}" for i in range(len(data))])
    with pytest.raises(ThemesiftError, match="25 different values; at most 20"):
        crosstab(many, "Q1", "Group")
    with pytest.raises(ThemesiftError, match="lack the column"):
        crosstab(data.drop(columns=["all_themes"]), "Q1", "Group")


def test_same_table_in_any_row_order() -> None:
    data = two_groups()
    shuffled = data.sample(frac=1, random_state=3).reset_index(drop=True)
    a, b = crosstab(data, "Q1", "Group"), crosstab(shuffled, "Q1", "Group")
    pd.testing.assert_frame_equal(a.frame(), b.frame())
    pd.testing.assert_frame_equal(a.tests, b.tests)


def test_benjamini_hochberg_by_hand() -> None:
    assert benjamini_hochberg([0.01, 0.04, 0.03, 0.005]).tolist() == pytest.approx(
        [0.02, 0.04, 0.04, 0.02])
    q = benjamini_hochberg([0.01, float("nan"), 0.04])  # untested entries stay out
    assert q[0] == pytest.approx(0.02) and math.isnan(q[1]) and q[2] == pytest.approx(0.04)
    assert benjamini_hochberg([0.9, 0.8]).tolist() == pytest.approx([0.9, 0.9])
    assert len(benjamini_hochberg([])) == 0


def test_two_proportion_p_and_cohens_h() -> None:
    p = two_proportion_p(30, 100, 20, 100)
    assert p == pytest.approx(chi2_contingency([[30, 70], [20, 80]], correction=False).pvalue)
    assert two_proportion_p(0, 10, 0, 50) == 1.0 and two_proportion_p(3, 0, 2, 9) == 1.0
    assert cohens_h(0.5, 0.5) == 0.0
    assert cohens_h(1.0, 0.0) == pytest.approx(np.pi)


def two_questions() -> pd.DataFrame:
    return pd.DataFrame([
        row("r1", "Q1", "A", "0"), row("r2", "Q1", "A", "0|1"), row("r3", "Q1", "B", "1"),
        row("r4", "Q1", "B", "0"), row("r5", "Q1", "B", ""), row("r6", "Q1", "B", status="empty"),
        row("r1", "Q2", "A", "0"), row("r2", "Q2", "A", "0|1"), row("r3", "Q2", "B", "1"),
        row("r4", "Q2", "B", status="non_answer"), row("r5", "Q2", "B", "0"),
        row("r6", "Q2", "B", ""),
    ], dtype=str)


def test_cross_question() -> None:
    cq = cross_question(two_questions(), "Q1", 0, "Q2")
    assert (cq.theme_label, cq.respondents, cq.base) == ("cost", 3, 2)  # r4 gave a non-answer
    assert [(r.label, r.n, r.pct, r.overall_n, r.overall_pct) for r in cq.rows] == [
        ("fees", 2, 100.0, 3, 60.0), ("hours", 1, 50.0, 2, 40.0)]
    assert (cq.unassigned, cq.overall_base, cq.overall_unassigned) == (0, 5, 1)
    frame = cq.frame()
    assert frame.columns.tolist() == ["theme_id", "theme", "n", "%", "all n", "all %"]
    assert frame["n"].tolist() == [2, 1, 0, 2] and frame["all n"].tolist() == [3, 2, 1, 5]
    assert frame["all %"].tolist()[:3] == [60.0, 40.0, 20.0]
    assert "'cost'" in cq.note and "more than 100%" in cq.note


def test_cross_question_errors() -> None:
    data = two_questions()
    with pytest.raises(ThemesiftError, match=r"no theme 7 in question 'Q1'.*0 \(cost\)"):
        cross_question(data, "Q1", 7, "Q2")
    with pytest.raises(ThemesiftError, match="no question 'Q3'"):
        cross_question(data, "Q1", 0, "Q3")
    with pytest.raises(ThemesiftError, match="two different questions"):
        cross_question(data, "Q1", 0, "Q1")


# -- a real survey model ----------------------------------------------------------------------
@pytest.fixture(scope="module")
def educators(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    """assignments.csv of the educators' survey analysed by the CLI."""
    from themesift.model import load_survey_model

    folder = tmp_path_factory.mktemp("educators")
    done = subprocess.run([sys.executable, "-m", "themesift", "analyse", str(EDUCATORS),
                           "--text-cols", "auto", "--out", "model"], cwd=folder,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr or done.stdout
    return load_survey_model(folder / "model").assignments()


@pytest.mark.slow
def test_crosstab_of_a_real_survey(educators: pd.DataFrame) -> None:
    q5 = educators[educators["question"] == "Q5"]
    substantive = int((q5["status"] == "substantive").sum())
    ct = crosstab(educators, "Q5", "Considered proctoring")
    assert ct.levels == ("No", "Yes")
    assert ct.base + ct.not_answered == substantive
    for r, t in zip(ct.rows, ct.results, strict=True):
        assert sum(r.counts) <= ct.base and t.theme_id == r.theme_id
        if t.status == "tested":
            table = [list(r.counts), [b - c for b, c in zip(ct.bases, r.counts, strict=True)]]
            assert t.p == pytest.approx(chi2_contingency(table, correction=False).pvalue)
    sizes = q5["all_themes"].str.split("|").explode().loc[lambda s: s != ""].value_counts()
    assert [sizes[str(r.theme_id)] for r in ct.rows] == sorted(sizes, reverse=True)
    assert len(ct.frame()) == len(ct.rows) + 2


@pytest.mark.slow
def test_cross_question_of_a_real_survey(educators: pd.DataFrame) -> None:
    cq = cross_question(educators, "Q5", 0, "N4")
    assert 0 < cq.base <= cq.respondents
    assert all(r.n <= cq.base and r.overall_n <= cq.overall_base for r in cq.rows)
    n4 = educators[(educators["question"] == "N4") & (educators["status"] == "substantive")]
    assert cq.overall_base == n4["id"].nunique()
