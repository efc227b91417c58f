"""Spreadsheet-safe cells: every CSV and XLSX cell themesift writes goes through here.

A cell that a spreadsheet may run as a formula (OWASP "CSV injection") starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return; full-width and small forms
(``＝``, ``＋``, ``＠``, ...) count too, as spreadsheets and our own cleaning fold them.
Numeric columns are written as numbers and left alone.  Such a cell is written with a
leading apostrophe.  So that nothing is lost, a cell that already starts with an
apostrophe gets one more:
:func:`restore` undoes both exactly when themesift reads its own files back.
"""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path

import pandas as pd

# First characters of a formula, with their full-width and small forms ("-" last: a literal
# in a character class).  The Arrow writer uses the same set.
FORMULA_STARTS = "=\uff1d\ufe66@\uff20\ufe6b+\uff0b\ufe62\t\r\uff0d\ufe63-"
# Control characters that XML 1.0 (and therefore XLSX and DOCX) cannot hold.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def formula_like(cell: str) -> bool:
    """Whether a spreadsheet would read ``cell`` as a formula."""
    return bool(cell) and cell[0] in FORMULA_STARTS


def neutralise(cell: str) -> str:
    """``cell`` as a spreadsheet shows it literally (reversible with :func:`restore`)."""
    if formula_like(cell) or cell.startswith("'"):
        return "'" + cell
    return cell


def restore(cell: str) -> str:
    """The cell :func:`neutralise` was given."""
    return cell[1:] if cell.startswith("'") else cell


def neutralise_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` with every string cell and column name neutralised."""
    out = df.copy()
    for col in out.columns:
        if not pd.api.types.is_numeric_dtype(out[col]):  # object or pandas' str dtype
            out[col] = out[col].map(lambda v: neutralise(v) if isinstance(v, str) else v)
    out.columns = [neutralise(str(c)) for c in out.columns]
    return out


def restore_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A frame read back from a CSV themesift wrote: cells and column names restored."""
    out = df.copy()
    for col in out.columns:
        if not pd.api.types.is_numeric_dtype(out[col]):
            out[col] = out[col].map(lambda v: restore(v) if isinstance(v, str) else v)
    out.columns = [restore(str(c)) for c in out.columns]
    return out


def write_csv(df: pd.DataFrame, path: str | os.PathLike[str], *, bom: bool = False) -> None:
    """The one CSV writer: every string cell neutralised and quoted (a carriage return inside
    a cell cannot split its row), UTF-8 (with a BOM for Excel)."""
    neutralise_frame(df).to_csv(Path(path), index=False, lineterminator="\n",
                                quoting=csv.QUOTE_NONNUMERIC,
                                encoding="utf-8-sig" if bom else "utf-8")


def read_csv(path: str | os.PathLike[str]) -> pd.DataFrame:
    """A CSV written by :func:`write_csv`, as text cells, restored."""
    return restore_frame(pd.read_csv(Path(path), dtype=str, keep_default_na=False))


def xml_safe(text: str) -> str:
    """Drop control characters that XLSX and DOCX files cannot store."""
    return _XML_ILLEGAL.sub("", text)
