"""The public face for notebooks: themesift.analyse(df) -> Result; themesift.load(path).tag(df)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import themesift
from themesift.report import SPECIAL_LABELS
from themesift.types import OUTPUT_COLUMNS

REPORT_THEME = "report_theme"


@pytest.fixture(scope="module")
def frame(hcsa_path: Path) -> pd.DataFrame:
    return pd.read_csv(hcsa_path, dtype=str)


@pytest.fixture(scope="module")
def result(frame: pd.DataFrame) -> themesift.Result:
    return themesift.analyse(frame, text="text", id="id", groups=[REPORT_THEME])


def test_import_themesift_is_light_and_names_its_api() -> None:
    code = ("import sys, themesift; heavy = {'pandas', 'sklearn', 'spacy', 'torch'} & "
            "set(sys.modules); print(sorted(heavy)); print(sorted(dir(themesift)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    assert out[0] == "[]"
    assert {"analyse", "load", "Result", "Model", "ThemesiftError"} <= set(eval(out[1]))


@pytest.mark.slow
def test_analyse_gives_themes_and_assignments_as_frames(result: themesift.Result,
                                                        frame: pd.DataFrame) -> None:
    themes = result.themes
    assert list(themes.columns) == ["question", "theme_id", "label", "family", "family_label",
                                    "origin", "count", "share_pct", "sentiment_n",
                                    "positive_pct", "negative_pct", "mixed_pct", "neutral_pct",
                                    "keywords", "label_suggestions", "stability", "coded"]
    assert set(themes["origin"]) == {""} and (themes["coded"] == 0).all()  # no codebook
    assert set(themes["question"]) == {"text"}
    assert 3 <= len(themes) <= 7 and themes["count"].sum() == len(frame)
    assert list(themes["count"]) == sorted(themes["count"], reverse=True)
    rows = result.assignments
    assert list(rows["id"]) == list(frame["id"])
    assert list(rows[REPORT_THEME]) == list(frame[REPORT_THEME])
    assert set(OUTPUT_COLUMNS) <= set(rows.columns)
    labels = dict(zip(themes["theme_id"], themes["label"], strict=True))
    assert all(labels.get(t, SPECIAL_LABELS.get(t)) == lab
               for t, lab in zip(rows["primary_theme"], rows["primary_label"], strict=True))
    assert result.report.rows_read == len(frame)
    assert "themes in 19 substantive comments" in repr(result)


@pytest.mark.slow
def test_quotes_are_the_best_n_per_theme_with_their_ids(result: themesift.Result,
                                                        frame: pd.DataFrame) -> None:
    quotes = result.quotes(2)
    assert set(quotes["theme_id"]) == set(result.themes["theme_id"])
    assert quotes.groupby("theme_id").size().max() <= 2
    texts = dict(zip(frame["id"], frame["text"], strict=True))
    assert all(texts[i] == q for i, q in zip(quotes["comment_id"], quotes["quote"], strict=True))
    assert list(result.quotes(1)["quote"]) == list(quotes[quotes["quote_rank"] == 1]["quote"])
    with pytest.raises(themesift.ThemesiftError, match="quotes per theme"):
        result.quotes(0)


@pytest.mark.slow
def test_save_then_load_tags_like_the_analysis(result: themesift.Result, frame: pd.DataFrame,
                                               tmp_path: Path) -> None:
    folder = result.save(tmp_path / "model")
    assert (folder / "themes.csv").is_file() and (folder / "assignments.csv").is_file()
    model = themesift.load(folder)
    pd.testing.assert_frame_equal(model.themes, result.themes)
    # A new export in another row order and without the id column: the column the
    # model was trained on is found, and every comment gets the theme it had.
    shuffled = frame.sample(frac=1, random_state=3).drop(columns=["id"])
    tagged = model.tag(shuffled)
    before = dict(zip(frame["text"], result.assignments["primary_theme"], strict=True))
    assert list(tagged["primary_theme"]) == [before[t] for t in shuffled["text"]]
    assert list(model.quotes(1)["quote"]) == list(result.quotes(1)["quote"])


@pytest.mark.slow
def test_export_quotes_writes_a_report_file(result: themesift.Result, tmp_path: Path) -> None:
    path = result.export_quotes(tmp_path / "quotes.md", per_theme=2)
    text = path.read_text(encoding="utf-8")
    assert all(f"## {label}" in text for label in result.themes["label"])


def test_bad_input_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(themesift.ThemesiftError, match="pandas DataFrame"):
        themesift.analyse("comments.csv")  # type: ignore[arg-type]
    df = pd.DataFrame({"comment": ["Staff were kind", "Parking was awful"]})
    with pytest.raises(themesift.ThemesiftError, match="unknown setting"):
        themesift.analyse(df, text="comment", n_topics=3)
    with pytest.raises(themesift.ThemesiftError, match="column 'answer' not found"):
        themesift.analyse(df, text="answer")
    with pytest.raises(themesift.ThemesiftError, match="no model folder"):
        themesift.load(tmp_path / "missing")
