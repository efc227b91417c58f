"""Surveys end to end: every open question of an export analysed, saved in one model, tagged."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from sklearn.metrics import adjusted_rand_score

import themesift
from themesift.model import SURVEY_FORMAT, load_survey_model

pytestmark = pytest.mark.slow
DATA = Path(__file__).resolve().parents[1] / "data"


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "themesift", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=900)


@pytest.fixture(scope="module")
def educators(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("educators")
    run = cli("analyse", str(DATA / "educators_wide.xlsx"), "--text-cols", "auto",
              "--out", "model", "--quiet", cwd=root)
    assert run.returncode == 0, run.stderr
    assert "open questions found" in run.stderr and "Qualtrics" in run.stderr
    return root / "model"


def test_every_open_question_has_its_own_themes(educators: Path) -> None:
    model = load_survey_model(educators)
    assert model.manifest["format"] == SURVEY_FORMAT and model.respondents == 125
    keys = [q.question.key for q in model.questions]
    assert keys == ["N2", "N3", "N4", "Q5", "Q8", "Q11", "Q12", "Q14", "Q16", "Q18", "Q26",
                    "Q28", "Q31", "Q32"]
    assert model.questions[1].question.text.startswith("Why did you ultimately choose not")
    themes = pd.read_csv(educators / "themes.csv")
    assert list(themes["question"].unique()) == keys
    rows = model.assignments()
    assert len(rows) == 125 * len(keys)
    assert list(rows["question"][: len(keys)]) == keys  # respondent by respondent
    assert rows["id"].iloc[0] == rows["id"].iloc[len(keys) - 1]
    assert "Considered proctoring" in rows.columns
    not_asked = rows[(rows["question"] == "N2") & (rows["status"] == "empty")]
    assert len(not_asked) == 125 - 25  # the 25 who answered N2; the rest are not comments
    assert model.profiles["Considered proctoring"].kind == "categorical"


def test_long_and_wide_exports_give_the_same_themes(educators: Path) -> None:
    long = themesift.analyse(pd.read_csv(DATA / "educators_long.csv", dtype=str),
                             "text", question_col="question_id", id="respondent")
    wide = load_survey_model(educators).assignments()
    got = long.assignments
    for key in ["N3", "Q5", "Q12"]:
        a = wide[wide["question"] == key].set_index("id")["primary_theme"].astype(int)
        b = got[got["question"] == key].set_index("id")["primary_theme"]
        assert adjusted_rand_score(a.sort_index(), b.loc[a.sort_index().index]) == 1.0, key


def test_tag_and_quotes_on_a_survey_model(educators: Path, tmp_path: Path) -> None:
    run = cli("tag", str(educators), str(DATA / "educators_wide.xlsx"), "--out", "tagged.csv",
              "--quiet", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    tagged = pd.read_csv(tmp_path / "tagged.csv", dtype=str, keep_default_na=False)
    trained = load_survey_model(educators).assignments()
    assert len(tagged) == len(trained)
    assert list(tagged["question"]) == list(trained["question"])
    assert list(tagged["id"]) == list(trained["id"])  # the model's respondent id column
    assert list(tagged["primary_theme"]) == list(trained["primary_theme"])

    run = cli("quotes", str(educators), "--out", "q.md", cwd=tmp_path)
    assert run.returncode == 2 and "--question" in run.stderr
    run = cli("quotes", str(educators), "--question", "N3", "--out", "q.md", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    text = (tmp_path / "q.md").read_text(encoding="utf-8")
    assert text.startswith("# Why did you ultimately choose not to use online exam proctoring")


def test_the_notebook_api_on_a_survey(educators: Path) -> None:
    model = themesift.load(educators)
    df = themesift.read_table(DATA / "educators_wide.xlsx")
    assert len(model.questions) == 14
    tagged = model.tag(df)  # its two Qualtrics header rows are not respondents
    trained = load_survey_model(educators).assignments()
    assert list(tagged["primary_theme"].astype(str)) == list(trained["primary_theme"])
    assert list(tagged["id"]) == list(trained["id"])
    assert set(model.quotes(1)["question"]) == {q.key for q in model.questions}


def test_three_questions_of_the_hcsa_report(tmp_path: Path) -> None:
    result = themesift.analyse(pd.read_csv(DATA / "hcsa_three_questions.csv", dtype=str),
                               question_col="question", id="id")
    assert [q.key for q in result.questions] == ["engagement", "purpose", "outcomes"]
    sizes = {qa.question.key: qa.analysis.cleaned.report.substantive
             for qa in result.survey.questions}
    assert sizes == {"engagement": 6, "purpose": 4, "outcomes": 9}
    with pytest.raises(themesift.ThemesiftError, match="3 questions"):
        result.analysis  # noqa: B018
    folder = result.save(tmp_path / "model")
    assert len(themesift.load(folder).questions) == 3


def test_dont_know_is_an_answer_to_the_questions_named() -> None:
    import pandas as pd

    q1 = ["No idea", "not sure", "I don't know", "It watches the webcam", "It locks the browser",
          "The camera records you", "Screen recording of the exam", "No idea"]
    q2 = ["No idea", "Nothing to add", "Cheaper than invigilators", "Students hate it",
          "Privacy worries", "Too expensive", "It is fair", "Works well enough"]
    df = pd.DataFrame({"id": [f"r{i}" for i in range(8)], "How does it work?": q1,
                       "Any other comments?": q2})
    result = themesift.analyse(df, ["How does it work?", "Any other comments?"], id="id",
                               dont_know=["How does it work?"])
    how = result.question("How does it work?").analysis.cleaned.report
    other = result.question("Any other comments?").analysis.cleaned.report
    assert (how.substantive, how.non_answers, how.dont_know) == (8, 0, 0)
    assert (other.substantive, other.non_answers, other.dont_know) == (6, 2, 1)
    with pytest.raises(themesift.ThemesiftError, match="names no question"):
        themesift.analyse(df, ["How does it work?"], dont_know=["Q9"])
