"""A survey export as a Survey: its open questions, its respondents, its closed columns.

Exports come in two shapes.  *Wide*: one row per respondent, one column per
question (SurveyMonkey, Qualtrics, MS Forms, Google Forms); the open questions
are the columns named with ``text_cols``, or found with ``text_cols="auto"``
(long, mostly distinct answers).  *Long*: one row per answer, with a column
naming the question (``question_col``); it is pivoted to one row per respondent.

Survey tools add header rows above the data: Qualtrics a row of question texts
and a row of import ids under its short column names, SurveyMonkey a row of
"Response" / option labels under the question texts.  :func:`split_header_rows`
reads them as question wording, so the data starts where the answers do.

A respondent id (``id_col``, else a recognised column such as ``ResponseId``,
else the row number) ties one person's answers together.  Every other column
is profiled (:func:`profile_column`) and kept as an attribute, usable as a group.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Literal

import pandas as pd

from themesift.errors import ThemesiftError
from themesift.ingest.columns import guess_text_column, looks_like_codes
from themesift.ingest.headers import apply_layout, header_layout, norm_name
from themesift.ingest.read import cell_text, check_group_names
from themesift.types import OUTPUT_COLUMNS, ColumnProfile, Question, Survey

TextCols = Sequence[str] | Literal["auto"] | None

# Normalised names (lower case, letters and digits only) of respondent-id columns.
ID_NAMES = ("responseid", "respondentid", "respondentno", "respondent", "responseno",
            "participantid", "participant", "respid", "uuid", "id")
MIN_FREE_ANSWERS = 3  # a column with fewer answers is not taken as an open question
FREE_DISTINCT = 0.6  # ... nor one whose answers repeat more than this allows
FREE_WORDS = 3.0  # ... nor one whose answers are shorter (median words)
MAX_LEVELS = 20  # a closed column has at most this many distinct values
SCALES: tuple[tuple[str, ...], ...] = (
    ("strongly disagree", "disagree", "neither agree nor disagree", "agree", "strongly agree"),
    ("strongly disagree", "disagree", "neutral", "agree", "strongly agree"),
    ("never", "rarely", "sometimes", "often", "always"),
    ("very poor", "poor", "fair", "good", "very good", "excellent"),
    ("very unlikely", "unlikely", "neither likely nor unlikely", "likely", "very likely"),
    ("very dissatisfied", "dissatisfied", "neither satisfied nor dissatisfied", "satisfied",
     "very satisfied"),
    ("not at all", "a little", "somewhat", "quite a lot", "a lot"),
)


def _cells(column: pd.Series) -> tuple[str, ...]:
    """Every cell as text ("" when missing)."""
    return tuple(v if type(v) is str else c if isinstance(c := cell_text(v), str) else ""
                 for v in column.tolist())


def _values(column: pd.Series) -> list[str]:
    """The non-blank cells of a column, stripped."""
    return [v.strip() for v in _cells(column) if v.strip()]


def split_header_rows(df: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str], list[str]]:
    """Data rows, question wording per column, and notes, for Qualtrics / SurveyMonkey headers."""
    layout = header_layout(df)
    return apply_layout(df, layout, first=True), dict(layout.texts), \
        ([layout.note] if layout.note else [])


def find_id_column(df: pd.DataFrame) -> str | None:
    """A column whose name says respondent id and whose values are unique and never blank."""
    by_name = {norm_name(c): str(c) for c in df.columns}
    for want in ID_NAMES:
        col = by_name.get(want)
        if col is not None:
            values = df[col].tolist()
            if all(isinstance(v, str) and v.strip() for v in values) and \
                    len({v.strip() for v in values}) == len(values):
                return col
    return None


def free_text_columns(df: pd.DataFrame, exclude: Sequence[str] = ()) -> list[tuple[str, str]]:
    """Columns of long, mostly distinct answers, each with the reason it was taken."""
    found = []
    for col in map(str, df.columns):
        if col in exclude:
            continue
        values = _values(df[col])
        if len(values) < MIN_FREE_ANSWERS or looks_like_codes(values):
            continue
        distinct = len(set(values)) / len(values)
        words = statistics.median(len(v.split()) for v in values)
        if distinct >= FREE_DISTINCT and words >= FREE_WORDS:
            found.append((col, f"{len(values)} answers, {100 * distinct:.0f}% distinct, "
                               f"median {words:g} words"))
    return found


def profile_column(name: str, column: pd.Series, text: str = "") -> ColumnProfile:
    """Categorical, ordinal (a known scale, or a few small whole numbers), numeric, date, free."""
    values = _values(column)
    levels = list(dict.fromkeys(values))
    n, distinct = len(values), len(levels)
    if n == 0:
        return ColumnProfile(name, "free", 0, 0, (), text)
    numbers = pd.to_numeric(pd.Series(values), errors="coerce")
    if numbers.notna().mean() >= 0.95:
        whole = numbers.dropna()
        if distinct <= 11 and (whole == whole.round()).all() and whole.abs().max() <= 10:
            ordered = sorted(levels, key=lambda v: (pd.to_numeric(v, errors="coerce"), v))
            return ColumnProfile(name, "ordinal", n, distinct, tuple(ordered), text)
        return ColumnProfile(name, "numeric", n, distinct, (), text)
    lowered = {v.lower() for v in levels}
    for scale in SCALES:
        if lowered <= set(scale):
            rank = {s: i for i, s in enumerate(scale)}
            return ColumnProfile(name, "ordinal", n, distinct,
                                 tuple(sorted(levels, key=lambda v: rank[v.lower()])), text)
    if distinct <= MAX_LEVELS and distinct <= max(2, n // 2):
        return ColumnProfile(name, "categorical", n, distinct, tuple(sorted(levels)), text)
    if _dates(values):
        return ColumnProfile(name, "date", n, distinct, (), text)
    return ColumnProfile(name, "free", n, distinct, (), text)


def _dates(values: Sequence[str]) -> bool:
    sample = pd.Series(values[:500])
    if not sample.str.contains(r"\d", regex=True).all():
        return False
    parsed = pd.to_datetime(sample, errors="coerce", format="mixed", dayfirst=True)
    return bool(parsed.notna().mean() >= 0.9)


def survey_from_frame(
    df: pd.DataFrame,
    *,
    text_cols: TextCols = None,
    question_col: str | None = None,
    id_col: str | None = None,
    groups: Sequence[str] | None = None,
    source: str = "",
) -> tuple[Survey, list[str]]:
    """Build a Survey from a table; also return notes on what was chosen and why.

    ``text_cols``: the open questions' columns; ``"auto"`` finds every free-text
    column; None takes the one with the longest answers (a single-question file).
    With ``question_col`` the table is long (one row per answer) and ``text_cols``
    names at most the one column of answers.  ``groups`` are the closed columns kept;
    None keeps every other column of a survey, and none for a single text column
    (whose outputs are then exactly those of a one-column analysis).
    """
    df, texts, notes = split_header_rows(df)
    if len(df) == 0:
        raise ThemesiftError(f"{source or 'the table'} has no rows below its header")
    for col in [*([id_col] if id_col else []), *([question_col] if question_col else []),
                *(text_cols if isinstance(text_cols, list | tuple) else [])]:
        if col not in df.columns:
            columns = ", ".join(map(str, df.columns))
            raise ThemesiftError(f"column '{col}' not found in {source or 'the table'}; "
                                 f"columns are: {columns}")
    if question_col:
        df, texts, more, keys = _pivot(df, question_col, text_cols, id_col)
        notes += more
        id_col, text_cols = "respondent", keys
    survey_like = bool(question_col) or text_cols == "auto" or \
        (isinstance(text_cols, list | tuple) and len(text_cols) > 1)
    if id_col is None and survey_like and (found := find_id_column(df)) is not None:
        id_col = found
        notes.append(f"no --id-col given; using '{found}' as the respondent id")
    questions = _questions(df, text_cols, id_col, notes)
    respondents = _respondents(df, id_col, source)
    answers = {q: _cells(df[q]) for q in questions}
    if groups is not None:
        missing = [g for g in groups if g not in df.columns]
        if missing:
            raise ThemesiftError(f"column '{missing[0]}' not found in {source or 'the table'}")
        check_group_names(groups)
        rest = list(dict.fromkeys(groups))
    elif survey_like:
        rest = [str(c) for c in df.columns if str(c) not in questions and str(c) != id_col]
    else:
        rest = []
    renamed = {c: f"group: {c}" if c in OUTPUT_COLUMNS or c == "question" else c for c in rest}
    attributes = {renamed[c]: _cells(df[c]) for c in rest}
    profiles = {renamed[c]: profile_column(renamed[c], df[c], texts.get(c, "")) for c in rest}
    survey = Survey(source=source, respondents=respondents, id_col=id_col,
                    questions=tuple(Question(q, texts.get(q, "")) for q in questions),
                    answers=answers, attributes=attributes, profiles=profiles)
    return survey, notes


def _questions(df: pd.DataFrame, text_cols: TextCols, id_col: str | None,
               notes: list[str]) -> list[str]:
    exclude = [id_col] if id_col else []
    if text_cols == "auto":
        found = free_text_columns(df, exclude)
        if not found:
            raise ThemesiftError("no column looks like free text (answers of several words, "
                                 "mostly distinct); name them with --text-col")
        notes.append("open questions found: " + "; ".join(f"'{c}' ({why})" for c, why in found))
        return [c for c, _ in found]
    if text_cols:
        return list(dict.fromkeys(text_cols))
    guess = guess_text_column(df.drop(columns=exclude))
    notes.append(f"no --text-col given; using '{guess}' (longest free text)")
    return [guess]


def _respondents(df: pd.DataFrame, id_col: str | None, source: str) -> tuple[str, ...]:
    if id_col is None:
        return tuple(f"row-{i}" for i in range(1, len(df) + 1))
    ids = [v.strip() for v in _cells(df[id_col])]
    where = f" in {source}" if source else ""
    seen: dict[str, int] = {}
    for row, value in enumerate(ids, 1):
        if not value:
            raise ThemesiftError(f"id column '{id_col}'{where} has no id in row {row}")
        if value in seen:
            raise ThemesiftError(f"id column '{id_col}'{where} has duplicate id '{value}' "
                                 f"(rows {seen[value]} and {row})")
        seen[value] = row
    return tuple(ids)


def _pivot(df: pd.DataFrame, question_col: str, text_cols: TextCols, id_col: str | None
           ) -> tuple[pd.DataFrame, dict[str, str], list[str], list[str]]:
    """One row per respondent from one row per answer."""
    if text_cols == "auto" or (text_cols and len(text_cols) > 1):
        raise ThemesiftError("with --question-col, name the one column of answers with "
                             "--text-col (or leave it out to have it guessed)")
    others = [c for c in df.columns if c not in (question_col, id_col)]
    text_col = text_cols[0] if text_cols else guess_text_column(df[others])
    notes = [] if text_cols else [f"no --text-col given; using '{text_col}' as the answers"]
    wording = next((str(c) for c in df.columns
                    if norm_name(c) in ("questiontext", "questionwording")
                    and c not in (text_col, question_col)), None)
    keys = [v.strip() if isinstance(v, str) else "" for v in df[question_col].tolist()]
    if not all(keys):
        raise ThemesiftError(f"question column '{question_col}' is blank in some rows")
    people = df[id_col].tolist() if id_col else [f"row-{i}" for i in range(1, len(df) + 1)]
    if not id_col:
        notes.append("no --id-col given: each row is a respondent of its own, so answers "
                     "cannot be related across questions")
    order = list(dict.fromkeys(keys))
    rows: dict[str, dict[str, str]] = {}
    joined = 0
    for i, (person, key) in enumerate(zip(people, keys, strict=True)):
        person = str(person).strip() if isinstance(person, str) else ""
        if not person:
            raise ThemesiftError(f"id column '{id_col}' has no id in row {i + 1}")
        row = rows.setdefault(person, {})
        answer = df[text_col].iloc[i]
        answer = answer if isinstance(answer, str) else ""
        if row.get(key):
            row[key] = f"{row[key]}\n\n{answer}" if answer else row[key]
            joined += 1
        else:
            row[key] = answer
        for col in df.columns:
            if col not in (question_col, text_col, id_col, wording) and not row.get(str(col)):
                value = df[col].iloc[i]
                row[str(col)] = value if isinstance(value, str) else ""
    if joined:
        notes.append(f"{joined} respondents answered a question more than once; "
                     "their answers were joined")
    texts: dict[str, str] = {}
    if wording:
        for key, text in zip(keys, df[wording].tolist(), strict=True):
            if isinstance(text, str) and text.strip():
                texts.setdefault(key, text.strip())
    extra = [str(c) for c in df.columns if c not in (question_col, text_col, id_col, wording)]
    wide = pd.DataFrame([{"respondent": p, **{k: r.get(k, "") for k in [*order, *extra]}}
                         for p, r in rows.items()], dtype=object)
    notes.append(f"pivoted {len(df)} answers to {len(wide)} respondents x {len(order)} "
                 "questions")
    return wide, texts, notes, order
