"""Reading a researcher's codebook: a table of codes (CSV, TSV, XLSX, ...) or a frame of one.

Columns: ``code`` (required; also accepted: ``name``, ``theme``), ``description``,
``examples`` (several separated by ``|``) and ``parent``.  (A REFI-QDA codebook, ``.qdc``,
is read by the REFI-QDA stage.)
"""

from __future__ import annotations

import os
import unicodedata

import pandas as pd

from themesift.errors import ThemesiftError
from themesift.ingest.read import read_table
from themesift.types import Code

__all__ = ["MAX_CODES", "codes_from_frame", "codes_from_lines", "read_codebook"]

MAX_CODES = 500
MAX_CODE_TEXT = 2_000  # characters of a name, description or example
_NAME_COLUMNS = ("code", "name", "theme", "label")


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    text = unicodedata.normalize("NFC", str(value)).strip()
    return " ".join(text.split())[:MAX_CODE_TEXT]


def codes_from_frame(frame: pd.DataFrame, source: str = "the codebook") -> tuple[Code, ...]:
    """The codes of a table: one row per code, in the table's order."""
    columns = {str(c).strip().lower(): c for c in frame.columns}
    name_col = next((columns[c] for c in _NAME_COLUMNS if c in columns), None)
    if name_col is None:
        raise ThemesiftError(f"{source} has no 'code' column (columns: "
                             f"{', '.join(map(str, frame.columns))}); name the column of code "
                             "names 'code'")
    codes: list[Code] = []
    seen: dict[str, str] = {}
    for _, row in frame.iterrows():
        name = _cell(row[name_col])
        if not name:
            continue
        key = name.casefold()
        if key in seen:
            same = "" if seen[key] == name else f" ('{seen[key]}' and '{name}': case is ignored)"
            raise ThemesiftError(f"{source}: the code '{name}' appears twice{same}; give each "
                                 "code once, with all its examples")
        seen[key] = name
        examples = _cell(row[columns["examples"]]) if "examples" in columns else ""
        codes.append(Code(
            name=name,
            description=_cell(row[columns["description"]]) if "description" in columns else "",
            examples=tuple(e.strip() for e in examples.split("|") if e.strip()),
            parent=_cell(row[columns["parent"]]) if "parent" in columns else ""))
    if not codes:
        raise ThemesiftError(f"{source} has no codes (the '{name_col}' column is empty)")
    if len(codes) > MAX_CODES:
        raise ThemesiftError(f"{source} has {len(codes)} codes; at most {MAX_CODES} are "
                             "supported")
    unknown = sorted({c.parent for c in codes if c.parent and c.parent.casefold() not in seen})
    if unknown:
        raise ThemesiftError(f"{source} names parent code(s) that it does not list: "
                             f"{', '.join(unknown)}")
    return tuple(codes)


def read_codebook(path: str | os.PathLike[str]) -> tuple[Code, ...]:
    """The codes of a codebook table (CSV, TSV, XLSX, Parquet or JSONL)."""
    return codes_from_frame(read_table(path), os.path.basename(os.fspath(path)))


def codes_from_lines(text: str) -> tuple[Code, ...]:
    """Seed themes typed one per line: ``name``, ``name: description`` or
    ``name: description | example | example``."""
    rows = []
    for line in text.splitlines():
        name, _, rest = line.partition(":")
        description, *examples = rest.split("|")
        if name.strip():
            rows.append({"code": name, "description": description,
                         "examples": "|".join(examples)})
    return codes_from_frame(pd.DataFrame(rows, columns=["code", "description", "examples"]),
                            "the seed themes")
