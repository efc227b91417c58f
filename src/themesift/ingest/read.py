"""Read comment files into a Corpus (whole, or in chunks for streaming).

Readers return string cells (missing cells stay NaN) and turn any failure into
one ThemesiftError line naming the file.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import os
import re
import sys
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from themesift.errors import ThemesiftError
from themesift.ingest.columns import choose_text_column
from themesift.ingest.headers import HeaderLayout, apply_layout, header_layout
from themesift.ingest.sniff import csv_options
from themesift.types import OUTPUT_COLUMNS, Corpus

logger = logging.getLogger(__name__)

SUPPORTED = (".csv", ".tsv", ".txt", ".xlsx", ".parquet", ".jsonl", ".json")
MAX_BYTES = 2 * 1024**3
_TEXT = (".csv", ".tsv", ".txt")


def read_table(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> pd.DataFrame:
    """Read a supported file into a DataFrame of strings (missing cells are NaN)."""
    p = _check_file(path, max_bytes)
    with _reading(p):
        df = _read_frame(p)
    if len(df) == 0:
        raise ThemesiftError(f"{p.name} has no rows")
    return df


def load_corpus(
    path: str | os.PathLike[str],
    *,
    text_col: str | None = None,
    id_col: str | None = None,
    group_cols: Sequence[str] = (),
    max_bytes: int = MAX_BYTES,
    prefer_text_col: str | None = None,
) -> tuple[Corpus, list[str]]:
    """Read a file into a Corpus; also return notes on choices made for the user.

    Without ``text_col``, ``prefer_text_col`` is used when the file has it
    (e.g. the column a model was trained on), else the column is guessed.
    """
    df = read_table(path, max_bytes=max_bytes)
    text_col, notes = choose_text_column(df, text_col, prefer_text_col)
    corpus = corpus_from_frame(
        df, text_col=text_col, id_col=id_col, group_cols=group_cols, source=Path(path).name
    )
    return corpus, notes


def peek_table(path: str | os.PathLike[str], rows: int = 2000) -> pd.DataFrame:
    """The first ``rows`` rows of a file, to choose columns before streaming it."""
    p = _check_file(path, None)
    with _reading(p):
        df = next(_chunk_frames(p, rows), None)
    if df is not None:
        df = apply_layout(df, header_layout(df), first=True)
    if df is None or len(df) == 0:
        raise ThemesiftError(f"{p.name} has no rows")
    return df


def corpus_from_frame(
    df: pd.DataFrame,
    *,
    text_col: str,
    id_col: str | None = None,
    group_cols: Sequence[str] = (),
    source: str = "",
    output: bool = True,
) -> Corpus:
    """Build a Corpus from a DataFrame (read from a file or uploaded in the app).

    ``output=False``: the group columns are only read (evaluate's codes), never written
    beside the output columns, so they may share those names.
    """
    _require(df, [text_col, *([id_col] if id_col else []), *group_cols], source)
    if output:
        check_group_names(group_cols)
    return _corpus(df, text_col, id_col, group_cols, source, offset=0, seen={})


def check_group_names(group_cols: Sequence[str]) -> None:
    """Group columns are written beside the output columns: they may not reuse a name."""
    for col in group_cols:
        if col in OUTPUT_COLUMNS:
            raise ThemesiftError(f"group column '{col}' has the name of an output column "
                                 f"({', '.join(OUTPUT_COLUMNS)}); rename it in the file")


def iter_chunks(
    path: str | os.PathLike[str],
    *,
    chunksize: int = 50_000,
    text_col: str,
    id_col: str | None = None,
    group_cols: Sequence[str] = (),
) -> Iterator[Corpus]:
    """Stream a file as Corpus chunks; ids equal those ``load_corpus`` gives."""
    for corpora in iter_question_chunks(path, chunksize=chunksize, text_cols=(text_col,),
                                        id_col=id_col, group_cols=group_cols):
        yield corpora[0]


def iter_question_chunks(
    path: str | os.PathLike[str],
    *,
    chunksize: int = 50_000,
    text_cols: Sequence[str],
    id_col: str | None = None,
    group_cols: Sequence[str] = (),
) -> Iterator[list[Corpus]]:
    """Stream a file as chunks of one Corpus per text column (the same rows and ids)."""
    if chunksize < 1:
        raise ValueError("chunksize must be at least 1")
    p = _check_file(path, None)
    wanted = [*text_cols, *([id_col] if id_col else []), *group_cols]
    frames = _chunk_frames(p, chunksize)
    seen: dict[str, int] = {}
    offset, first = 0, True
    layout = HeaderLayout()
    while True:
        with _reading(p):
            df = next(frames, None)
        if df is None:
            break
        if first:
            layout = header_layout(df)  # a survey tool's header rows: not respondents
            df = apply_layout(df, layout, first=True)
            _require(df, wanted, p.name)
            check_group_names(group_cols)
            first = False
        else:
            df = apply_layout(df, layout, first=False)
        for col in set(wanted) - set(df.columns):  # a later JSONL chunk may lack a key
            df[col] = np.nan
        if len(df):
            corpora = [_corpus(df, col, id_col, group_cols, p.name, offset=offset,
                               seen=seen if i == 0 else {})
                       for i, col in enumerate(text_cols)]
            yield corpora
            offset += len(df)
    if offset == 0:
        raise ThemesiftError(f"{p.name} has no rows")


def _check_file(path: str | os.PathLike[str], max_bytes: int | None) -> Path:
    p = Path(path)
    if not p.exists():
        raise ThemesiftError(f"file not found: {path}")
    if p.is_dir():
        raise ThemesiftError(f"{path} is a directory, not a file")
    if p.suffix.lower() not in SUPPORTED:
        kind = f"'{p.suffix}'" if p.suffix else "(no extension)"
        supported = ", ".join(SUPPORTED)
        raise ThemesiftError(f"cannot read {p.name}: unsupported file type {kind} ({supported})")
    size = p.stat().st_size
    if size == 0:
        raise ThemesiftError(f"{p.name} is empty (0 bytes)")
    if max_bytes is not None and size > max_bytes:
        raise ThemesiftError(f"{p.name} is {_human(size)}; the limit is {_human(max_bytes)}")
    return p


@contextlib.contextmanager
def _reading(p: Path) -> Iterator[None]:
    """Turn any library exception into one ThemesiftError line naming the file."""
    try:
        with warnings.catch_warnings():  # pandas drops extra fields with only a warning
            warnings.simplefilter("error", pd.errors.ParserWarning)
            yield
    except ThemesiftError:
        raise
    except pd.errors.ParserWarning:
        msg = "some rows have more fields than the header (unquoted delimiters in the text?)"
        raise ThemesiftError(f"cannot read {p.name}: {msg}") from None
    except pd.errors.EmptyDataError:
        raise ThemesiftError(f"{p.name} is empty") from None
    except pd.errors.ParserError as exc:
        detail = (str(exc).strip().splitlines() or ["a parse error"])[0]
        raise ThemesiftError(f"cannot read {p.name}: {detail} (a row with extra separators, "
                             "a quote left open, or an unusual text encoding?)") from None
    except OSError as exc:
        raise ThemesiftError(f"cannot read {p.name}: {exc.strerror or exc}") from None
    except Exception as exc:  # noqa: BLE001 - pandas, openpyxl and pyarrow raise many kinds
        detail = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise ThemesiftError(f"cannot read {p.name}: {detail}") from None


def _read_frame(p: Path) -> pd.DataFrame:
    ext = p.suffix.lower()
    if ext in _TEXT:
        options = csv_options(p)
        try:
            return _as_strings(pd.read_csv(p, **options))
        except UnicodeDecodeError:
            logger.warning("%s: bytes not valid %s were replaced", p.name, options["encoding"])
            return _as_strings(pd.read_csv(p, encoding_errors="replace", **options))
    if ext == ".xlsx":
        return _read_xlsx(p)
    if ext == ".parquet":
        return _arrow_frame(_open_parquet(p).read())
    if ext == ".json":
        data = json.loads(p.read_text(encoding="utf-8-sig"))
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise ThemesiftError(f"cannot read {p.name}: expected a JSON list of objects")
        return _as_strings(pd.DataFrame.from_records(data))
    return next(_jsonl_chunks(p, sys.maxsize), pd.DataFrame())


def _chunk_frames(p: Path, chunksize: int) -> Iterator[pd.DataFrame]:
    ext = p.suffix.lower()
    if ext in _TEXT:
        options = csv_options(p)
        with pd.read_csv(p, chunksize=chunksize, encoding_errors="replace", **options) as reader:
            yield from map(_as_strings, reader)
    elif ext == ".parquet":
        for batch in _open_parquet(p).iter_batches(batch_size=chunksize):
            yield _arrow_frame(pa.Table.from_batches([batch]))
    elif ext == ".jsonl":
        yield from _jsonl_chunks(p, chunksize)
    else:  # .xlsx and .json have no streaming reader: read whole, then slice
        df = _read_frame(p)
        yield from (df.iloc[i : i + chunksize] for i in range(0, len(df), chunksize))


def _read_xlsx(p: Path) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # openpyxl style/extension warnings
        try:
            wb = openpyxl.load_workbook(p, read_only=True, data_only=True)
        except Exception:  # noqa: BLE001 - zip, XML and key errors alike
            raise ThemesiftError(f"cannot read {p.name}: not a valid Excel file") from None
        try:
            sheet = wb.worksheets[0].iter_rows(values_only=True) if wb.worksheets else iter(())
            rows = [r for r in sheet if any(v is not None and v != "" for v in r)]
            others = [] if rows else [
                ws.title for ws in wb.worksheets[1:]
                if any(any(v is not None and v != "" for v in r)
                       for r in ws.iter_rows(max_row=50, values_only=True))]
        finally:
            wb.close()
    if not rows:
        if others:
            raise ThemesiftError(f"{p.name}: its first sheet is empty, and only the first sheet "
                                 f"is read; the data seems to be on sheet '{others[0]}': move "
                                 "that sheet first (or save it alone) and try again")
        raise ThemesiftError(f"{p.name} has no rows on its first sheet (only the first sheet "
                             "is read)")
    width = max(map(len, rows))
    header = [f"column_{i + 1}" if v is None else v for i, v in enumerate(rows[0])]
    header += [f"column_{i + 1}" for i in range(len(header), width)]
    body = [list(r) + [None] * (width - len(r)) for r in rows[1:]]
    return _as_strings(pd.DataFrame(body, columns=range(width), dtype=object), header)


def _open_parquet(p: Path) -> pq.ParquetFile:
    try:
        return pq.ParquetFile(p)
    except Exception:  # noqa: BLE001
        raise ThemesiftError(f"cannot read {p.name}: not a valid Parquet file") from None


def _arrow_frame(table: pa.Table) -> pd.DataFrame:
    columns: dict[int, list[object]] = {}
    for i, col in enumerate(table.columns):
        try:  # arrow casts ints with nulls to "12", where pandas would give "12.0"
            columns[i] = pc.cast(col, pa.string()).to_pylist()
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            columns[i] = col.to_pylist()  # nested types: stringified by _as_strings
    return _as_strings(pd.DataFrame(columns, dtype=object), table.column_names)


def _jsonl_chunks(p: Path, chunksize: int) -> Iterator[pd.DataFrame]:
    records: list[dict[str, object]] = []
    with p.open(encoding="utf-8-sig") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                record = None
            if not isinstance(record, dict):
                raise ThemesiftError(f"cannot read {p.name}: line {number} is not a JSON object")
            records.append(record)
            if len(records) == chunksize:
                yield _as_strings(pd.DataFrame.from_records(records))
                records = []
    if records:
        yield _as_strings(pd.DataFrame.from_records(records))


def _as_strings(df: pd.DataFrame, names: Sequence[object] | None = None) -> pd.DataFrame:
    """Object columns of str or NaN, under unique string column names."""
    labels: list[str] = []
    for name in map(str, df.columns if names is None else names):
        k, new = 0, name
        while new in labels:
            k, new = k + 1, f"{name}.{k + 1}"
        labels.append(new)
    columns = {label: df.iloc[:, i].tolist() for i, label in enumerate(labels)}
    data = {label: [v if type(v) is str else cell_text(v) for v in values]
            for label, values in columns.items()}
    out = pd.DataFrame(data, columns=labels, dtype=object)
    out.attrs["nested"] = [label for label, values in columns.items()  # JSON text now
                           if any(isinstance(v, dict | list | np.ndarray) for v in values)]
    return out


def cell_text(value: object) -> str | float:
    """A cell as text, or NaN when missing."""
    if value is None or value is pd.NA or value is pd.NaT:
        return math.nan
    if isinstance(value, float) and math.isnan(value):
        return math.nan
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return value if isinstance(value, str) else str(value)


def _human(n: int) -> str:
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{n} bytes"


_UNNAMED = re.compile(r"Unnamed: \d+(\.\d+)?|column_\d+")


def _require(df: pd.DataFrame, wanted: Sequence[str], source: str) -> None:
    """The columns asked for exist, have a name of their own, and hold text."""
    where = f" in {source}" if source else ""
    for col in wanted:
        if col not in df.columns:
            columns = ", ".join(map(str, df.columns))
            raise ThemesiftError(f"column '{col}' not found{where}; columns are: {columns}")
        if _UNNAMED.fullmatch(col):
            raise ThemesiftError(f"column '{col}'{where} has no name in the header row; give it "
                                 "one in the file, then name it")
        if f"{col}.1" in df.columns:
            raise ThemesiftError(f"the header row{where} names '{col}' more than once; rename "
                                 "the copies so that each column has a name of its own")
        if col in df.attrs.get("nested", ()):
            raise ThemesiftError(f"column '{col}'{where} holds lists or records, not text; "
                                 "flatten it to one text per row first")


def _corpus(
    df: pd.DataFrame,
    text_col: str,
    id_col: str | None,
    group_cols: Sequence[str],
    source: str,
    *,
    offset: int,
    seen: dict[str, int],
) -> Corpus:
    """Rows ``offset + 1 ...`` of a file; ``seen`` maps ids met so far to their rows."""

    def strings(col: str) -> tuple[str, ...]:
        return tuple(v if type(v) is str else c if isinstance(c := cell_text(v), str) else ""
                     for v in df[col].tolist())

    if id_col is None:
        ids = tuple(f"row-{offset + i}" for i in range(1, len(df) + 1))
    else:
        where = f" in {source}" if source else ""
        ids = tuple(v.strip() for v in strings(id_col))
        for row, value in enumerate(ids, offset + 1):
            if not value:
                raise ThemesiftError(f"id column '{id_col}'{where} has no id in row {row}")
            if value in seen:
                raise ThemesiftError(
                    f"id column '{id_col}'{where} has duplicate id '{value}' "
                    f"(rows {seen[value]} and {row})"
                )
            seen[value] = row
    groups = {col: strings(col) for col in group_cols}
    return Corpus(
        ids=ids, texts=strings(text_col), groups=groups, text_col=text_col, id_col=id_col,
        source=source,
    )
