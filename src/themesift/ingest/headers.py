"""The extra header rows survey tools put above the answers, read as question wording.

Qualtrics exports carry two rows under their short column names (Q1, Q2, ...):
the questions' texts, then JSON import ids (``{"ImportId":"QID1_TEXT"}``).
SurveyMonkey exports carry one row under the question texts: "Response",
"Open-Ended Response" or an option's label, with the question text written once
above the first of its option columns.  :func:`header_layout` recognises both
(by their import ids, and by SurveyMonkey's blank "Respondent ID" cell) from the
first rows of a table, so a streamed file is read the same way chunk by chunk
(:func:`apply_layout`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

_BLANK_HEADER = re.compile(r"^(Unnamed: \d+|column_\d+)(\.\d+)?$")
_IMPORT_ID = re.compile(r'^\{"ImportId"')
_SM_SUBLABELS = frozenset({"response", "open-ended response", "other (please specify)"})


@dataclass(frozen=True)
class HeaderLayout:
    """``skip`` header rows below the column names; ``columns``: new names (None: keep)."""

    skip: int = 0
    columns: tuple[str, ...] | None = None
    texts: Mapping[str, str] = field(default_factory=dict)  # question wording per column
    note: str = ""


def norm_name(name: object) -> str:
    """A column name compared loosely: "Respondent ID", "respondent_id" -> "respondentid"."""
    return re.sub(r"[^a-z0-9]", "", str(name).lower())


def _filled(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def header_layout(df: pd.DataFrame) -> HeaderLayout:
    """How the table's first rows are laid out (nothing to do for a plain table)."""
    if len(df) >= 2:
        second = [v for v in df.iloc[1].tolist() if _filled(v)]
        if second and sum(bool(_IMPORT_ID.match(v)) for v in second) * 2 >= len(second):
            texts = {str(c): str(t).strip() for c, t in zip(df.columns, df.iloc[0], strict=True)
                     if _filled(t) and str(t).strip() != str(c)}
            return HeaderLayout(2, None, texts,
                                "read Qualtrics' two header rows (question texts, import ids)")
    ids = [c for c in df.columns if norm_name(c) == "respondentid"]
    if len(df) >= 1 and ids and not _filled(df[ids[0]].iloc[0]):
        first = [v.strip().lower() for v in df.iloc[0].tolist() if isinstance(v, str)]
        if any(v in _SM_SUBLABELS for v in first):
            return HeaderLayout(1, tuple(_surveymonkey_names(df)), {},
                                "read SurveyMonkey's two header rows (questions, then "
                                "response labels)")
    return HeaderLayout()


def apply_layout(df: pd.DataFrame, layout: HeaderLayout, *, first: bool) -> pd.DataFrame:
    """``df`` without its header rows (only in the ``first`` chunk) and with its new names."""
    if layout.skip and first:
        df = df.iloc[layout.skip:].reset_index(drop=True)
    if layout.columns is not None:
        df = df.copy()
        df.columns = list(layout.columns)
    return df


def _surveymonkey_names(df: pd.DataFrame) -> list[str]:
    """The question above (blank under a multi-column question), with the option below."""
    names: list[str] = []
    question = ""
    for col, sub in zip(df.columns, df.iloc[0].tolist(), strict=True):
        col = str(col)
        if not _BLANK_HEADER.match(col):
            question = col
        label = sub.strip() if isinstance(sub, str) else ""
        if not _BLANK_HEADER.match(col) and (not label or label.lower() in _SM_SUBLABELS):
            names.append(col)
        else:
            names.append(f"{question} - {label}" if label else col)
    return _unique(names)


def _unique(names: Sequence[str]) -> list[str]:
    seen: list[str] = []
    for name in names:
        k, new = 0, name
        while new in seen:
            k, new = k + 1, f"{name}.{k + 1}"
        seen.append(new)
    return seen
