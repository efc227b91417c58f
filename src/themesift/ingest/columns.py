"""Which column of a table holds the comments, when the user did not say."""

from __future__ import annotations

import re
import statistics

import pandas as pd

from themesift.errors import ThemesiftError

_CODE = re.compile(r"[\d\W_]+|\S*\d\S*")  # numbers, dates, ids like "R-102"


def choose_text_column(
    df: pd.DataFrame, text_col: str | None, prefer_text_col: str | None = None
) -> tuple[str, list[str]]:
    """``text_col``, else ``prefer_text_col`` when ``df`` has it, else a guess; with a note."""
    if text_col is not None:
        return text_col, []
    if prefer_text_col is not None and prefer_text_col in df.columns:
        return prefer_text_col, [
            f"no --text-col given; using '{prefer_text_col}' as the model was trained on"]
    guess = guess_text_column(df)
    return guess, [f"no --text-col given; using '{guess}' (longest free text)"]


def guess_text_column(df: pd.DataFrame) -> str:
    """The free-text column with the longest answers (median words, then mean chars)."""
    best: tuple[float, float] | None = None
    name = None
    for col in df.columns:
        stripped = df[col].dropna().astype(str).str.strip()
        values: list[str] = stripped[stripped != ""].head(2000).tolist()
        if not values or looks_like_codes(values):
            continue
        words = [len(v.split()) for v in values]
        score = (statistics.median(words), statistics.mean(map(len, values)))
        if best is None or score > best:
            best, name = score, str(col)
    if name is None:
        columns = ", ".join(map(str, df.columns))
        raise ThemesiftError(f"no column looks like free text; columns are: {columns}")
    return name


def looks_like_codes(values: list[str]) -> bool:
    """Mostly numbers, dates or ids, or (given enough rows) unique one-word codes."""
    if sum(bool(_CODE.fullmatch(v)) for v in values) >= 0.8 * len(values):
        return True
    one_word = all(len(v.split()) == 1 for v in values)
    return len(values) >= 20 and one_word and len(set(values)) == len(values)
