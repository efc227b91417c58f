"""Reading survey exports: wide and long, header rows, respondent ids, closed-column profiles."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from themesift.errors import ThemesiftError
from themesift.ingest import read_table, survey_from_frame
from themesift.ingest.survey import profile_column, split_header_rows

DATA = Path(__file__).resolve().parents[2] / "data"

ANSWERS = [
    "The staff were kind and explained everything clearly",
    "Parking was a nightmare and far too expensive",
    "I waited four hours in the emergency department",
    "Nurses were attentive even when the ward was busy",
    "Food was cold and arrived late every evening",
]


def wide() -> pd.DataFrame:
    return pd.DataFrame({
        "ResponseId": [f"R_{i}" for i in range(5)],
        "Ward": ["A", "B", "A", "B", "A"],
        "Q1": ANSWERS,
        "Q2": [a.upper() for a in ANSWERS[::-1]],
        "Age": ["34", "51", "", "67", "45"],
    }, dtype=object)


def test_auto_finds_the_open_questions_and_says_why() -> None:
    survey, notes = survey_from_frame(wide(), text_cols="auto", source="s.csv")
    assert [q.key for q in survey.questions] == ["Q1", "Q2"]
    assert survey.id_col == "ResponseId" and survey.respondents[0] == "R_0"
    assert any("open questions found" in n and "'Q1' (5 answers, 100% distinct" in n
               for n in notes)
    assert any("using 'ResponseId' as the respondent id" in n for n in notes)
    assert set(survey.attributes) == {"Ward", "Age"}
    assert survey.profiles["Ward"].kind == "categorical"
    assert survey.profiles["Ward"].levels == ("A", "B")
    assert survey.profiles["Age"].kind == "numeric" and survey.profiles["Age"].answered == 4
    corpus = survey.corpus("Q2")
    assert corpus.ids == survey.respondents and corpus.texts[0] == ANSWERS[-1].upper()


def test_one_text_column_keeps_todays_outputs() -> None:
    """A single --text-col: ids are row numbers and no other column is carried unasked."""
    survey, notes = survey_from_frame(wide(), text_cols=["Q1"])
    assert survey.respondents[0] == "row-1" and survey.attributes == {}
    survey, _ = survey_from_frame(wide(), text_cols=["Q1"], groups=["Ward"])
    assert list(survey.attributes) == ["Ward"]
    with pytest.raises(ThemesiftError, match="name of an output column"):
        survey_from_frame(wide().rename(columns={"Ward": "status"}), text_cols=["Q1"],
                          groups=["status"])


def test_a_survey_renames_closed_columns_that_clash_with_outputs() -> None:
    survey, _ = survey_from_frame(wide().rename(columns={"Ward": "status"}), text_cols="auto")
    assert "group: status" in survey.attributes


def test_long_exports_are_pivoted_to_respondents() -> None:
    df = read_table(DATA / "hcsa_three_questions.csv")
    survey, notes = survey_from_frame(df, question_col="question", id_col="id")
    assert [q.key for q in survey.questions] == ["engagement", "purpose", "outcomes"]
    assert survey.questions[1].text == "What do you think STPs are for?"
    assert len(survey) == 19
    answered = {q.key: sum(bool(a) for a in survey.answers[q.key]) for q in survey.questions}
    assert answered == {"engagement": 6, "purpose": 4, "outcomes": 9}
    assert "report_theme" in survey.attributes
    assert any("pivoted 19 answers to 19 respondents x 3 questions" in n for n in notes)


def test_long_and_wide_educators_exports_hold_the_same_answers() -> None:
    wide_survey, wide_notes = survey_from_frame(read_table(DATA / "educators_wide.xlsx"),
                                                text_cols="auto")
    long_survey, _ = survey_from_frame(read_table(DATA / "educators_long.csv"),
                                       question_col="question_id", id_col="respondent",
                                       text_cols=["text"])
    assert any("Qualtrics" in n for n in wide_notes)
    assert wide_survey.questions[0].text == ("Why did you consider using online exam "
                                            "proctoring tools?")
    assert len(wide_survey) == len(long_survey) == 125
    by_id = dict(zip(long_survey.respondents, range(len(long_survey)), strict=True))
    for q in wide_survey.questions:
        for r, answer in zip(wide_survey.respondents, wide_survey.answers[q.key], strict=True):
            assert long_survey.answers[q.key][by_id[r]] == answer
    # The subject-area question (one or two words per answer) is not taken as open.
    assert "Q3" not in [q.key for q in wide_survey.questions]
    assert wide_survey.profiles["Considered proctoring"].levels == ("No", "Yes")


def test_qualtrics_header_rows() -> None:
    df = pd.DataFrame({
        "ResponseId": ["Response ID", json.dumps({"ImportId": "_recordId"}), "R_1", "R_2"],
        "Q1": ["What went well?", json.dumps({"ImportId": "QID1_TEXT"}), "Kind staff", "Food"],
    }, dtype=object)
    rows, texts, notes = split_header_rows(df)
    assert rows["ResponseId"].tolist() == ["R_1", "R_2"]
    assert texts == {"ResponseId": "Response ID", "Q1": "What went well?"}
    assert notes and "Qualtrics" in notes[0]


def test_surveymonkey_header_rows(tmp_path: Path) -> None:
    path = tmp_path / "monkey.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Respondent ID", "Start Date", "Which ward were you on?", None,
               "What could we do better?"])
    ws.append([None, None, "Ward A", "Ward B", "Open-Ended Response"])
    ws.append(["111", "2024-01-02", "Ward A", None, "Answer the phone sooner, please"])
    ws.append(["112", "2024-01-03", None, "Ward B", "More chairs in the waiting room"])
    wb.save(path)
    survey, notes = survey_from_frame(read_table(path), text_cols=["What could we do better?"],
                                      groups=["Which ward were you on? - Ward A"])
    assert any("SurveyMonkey" in n for n in notes)
    assert survey.answers["What could we do better?"][1] == "More chairs in the waiting room"
    assert survey.attributes["Which ward were you on? - Ward A"] == ("Ward A", "")


def test_profiles() -> None:
    def kind(values: list[str]) -> tuple[str, tuple[str, ...]]:
        p = profile_column("c", pd.Series(values, dtype=object))
        return p.kind, p.levels

    agree = ["Agree", "Strongly agree", "Disagree", "Agree", "Strongly disagree", "Agree"]
    assert kind(agree) == ("ordinal", ("Strongly disagree", "Disagree", "Agree",
                                       "Strongly agree"))
    assert kind(["1", "5", "3", "3", "4", "2"]) == ("ordinal", ("1", "2", "3", "4", "5"))
    assert kind(["12.5", "3.25", "100", "7.5"])[0] == "numeric"
    assert kind([f"2024-03-{d:02d}" for d in range(1, 28)])[0] == "date"
    assert kind(["Yes", "No", "Yes", "Yes"]) == ("categorical", ("No", "Yes"))
    assert kind([f"free answer number {i}" for i in range(30)])[0] == "free"


def test_bad_survey_input_is_one_clear_line() -> None:
    with pytest.raises(ThemesiftError, match="column 'Q9' not found"):
        survey_from_frame(wide(), text_cols=["Q9"])
    with pytest.raises(ThemesiftError, match="no column looks like free text"):
        survey_from_frame(wide()[["ResponseId", "Ward"]], text_cols="auto")
    df = wide()
    df.loc[3, "ResponseId"] = "R_0"
    with pytest.raises(ThemesiftError, match="duplicate id 'R_0'"):
        survey_from_frame(df, text_cols="auto", id_col="ResponseId")
    with pytest.raises(ThemesiftError, match="the one column of answers"):
        survey_from_frame(wide(), question_col="Ward", text_cols=["Q1", "Q2"])
