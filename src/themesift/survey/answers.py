"""Reading the flat assignments table (``assignments.csv``) of a survey model.

All cells are strings (``SurveyModel.assignments()`` reads them so).  One row per
respondent x question; ``all_themes`` holds a comment's theme ids ("0|3", primary
first), ``all_labels`` their labels in the same order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from themesift.errors import ThemesiftError
from themesift.types import OUTPUT_COLUMNS, Status

NEEDED = ("id", "question", "status", "primary_theme", "primary_label", "all_themes",
          "all_labels")


@dataclass(frozen=True)
class Answer:
    """One substantive answer: its respondent and its themes (primary first)."""

    respondent: str
    themes: tuple[int, ...]


def check_columns(assignments: pd.DataFrame) -> None:
    missing = [c for c in NEEDED if c not in assignments.columns]
    if missing:
        raise ThemesiftError(f"the assignments lack the column(s) {', '.join(missing)}; "
                             "load them with SurveyModel.assignments()")


def questions(assignments: pd.DataFrame) -> list[str]:
    """The question keys, in first-seen order."""
    return list(dict.fromkeys(assignments["question"].astype(str)))


def check_question(assignments: pd.DataFrame, question: str) -> None:
    check_columns(assignments)
    known = questions(assignments)
    if question not in known:
        raise ThemesiftError(f"no question '{question}' in the assignments; "
                             f"its questions: {', '.join(known) or '(none)'}")


def closed_columns(assignments: pd.DataFrame) -> list[str]:
    """The columns between the output columns: closed answers and other attributes."""
    return [str(c) for c in assignments.columns if c not in OUTPUT_COLUMNS]


def check_closed(assignments: pd.DataFrame, column: str) -> None:
    known = closed_columns(assignments)
    if column not in known:
        raise ThemesiftError(f"no closed column '{column}' in the assignments; "
                             f"its closed columns: {', '.join(known) or '(none)'}")


def theme_ids(cell: str) -> tuple[int, ...]:
    """The theme ids of an ``all_themes`` cell ("0|3" -> (0, 3)); () when none."""
    try:
        ids = tuple(int(part) for part in str(cell).split("|") if part.strip())
    except ValueError:
        raise ThemesiftError(f"'{cell}' in all_themes is not a list of theme ids "
                             "like 0|3") from None
    return tuple(t for t in dict.fromkeys(ids) if t >= 0)


def substantive(assignments: pd.DataFrame, question: str) -> pd.DataFrame:
    """The rows of ``question`` with a substantive answer."""
    rows = assignments[(assignments["question"].astype(str) == question)
                       & (assignments["status"].astype(str) == Status.SUBSTANTIVE.value)]
    return rows


def answers(rows: pd.DataFrame) -> list[Answer]:
    return [Answer(str(r), theme_ids(t)) for r, t in
            zip(rows["id"], rows["all_themes"], strict=True)]


def theme_labels(rows: pd.DataFrame) -> dict[int, str]:
    """Theme id -> label, from the primary columns, then from aligned ``all_labels`` cells
    (a label may itself hold '|'); "Theme N" when neither names it."""
    labels: dict[int, str] = {}
    for tid, label in zip(rows["primary_theme"], rows["primary_label"], strict=True):
        ids = theme_ids(str(tid))
        if ids and ids[0] not in labels:
            labels[ids[0]] = str(label)
    for cell, names in zip(rows["all_themes"], rows["all_labels"], strict=True):
        ids, parts = theme_ids(cell), str(names).split("|")
        if len(ids) == len(parts):
            for tid, label in zip(ids, parts, strict=True):
                labels.setdefault(tid, label)
    for ids in map(theme_ids, rows["all_themes"]):
        for tid in ids:
            labels.setdefault(tid, f"Theme {tid}")
    return labels


def theme_counts(answers_: Iterable[Answer]) -> Counter[int]:
    """Answers per theme (an answer counts for every theme it has)."""
    return Counter(t for a in answers_ for t in a.themes)


def by_size(counts: Counter[int]) -> list[int]:
    """Theme ids, largest first, ties by id."""
    return sorted(counts, key=lambda t: (-counts[t], t))
