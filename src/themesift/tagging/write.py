"""Write tagged tables: one DataFrame by extension, or committed parts joined into one file.

Every write is atomic (a temporary file, then rename), and XLSX cells are
always data, never formulas.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from themesift import cells
from themesift.errors import ThemesiftError
from themesift.fsutil import atomic_path
from themesift.ingest import cell_text
from themesift.tagging.arrow_csv import write_csv

logger = logging.getLogger(__name__)

XLSX_CELL_LIMIT = 32_767  # characters Excel keeps in a cell
XLSX_MAX_ROWS = 1_048_575


def write_table(df: pd.DataFrame, path: str | Path) -> None:
    """Write ``df`` as .csv, .xlsx, .parquet or .jsonl (by extension), atomically."""
    p = Path(path)
    writer = _WRITERS.get(p.suffix.lower())
    if writer is None:
        supported = ", ".join(_WRITERS)
        raise ThemesiftError(f"cannot write {p.name}: unsupported file type (use {supported})")
    try:
        with atomic_path(p) as tmp:
            writer(df, tmp)
    except OSError as exc:
        raise ThemesiftError(f"cannot write {p}: {exc.strerror or exc}") from None
    logger.info("wrote %d rows to %s", len(df), p)


def _write_xlsx(df: pd.DataFrame, tmp: Path) -> None:
    """Write with openpyxl directly, so text starting with '=' stays text, not a formula."""
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append([str(c) for c in df.columns])
    cut = 0
    for row in df.itertuples(index=False, name=None):
        cells = []
        for value in row:
            if not isinstance(value, (int, float, np.number)) or bool(np.isnan(value)):
                value = cell_text(value)
                value = ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else None
                if isinstance(value, str) and len(value) > XLSX_CELL_LIMIT:
                    value, cut = value[: XLSX_CELL_LIMIT - 1] + "…", cut + 1
            cell = WriteOnlyCell(ws, value=value)
            if isinstance(value, str):
                cell.data_type = "s"
            cells.append(cell)
        ws.append(cells)
    wb.save(tmp)
    if cut:
        logger.warning("cut %d cell(s) to Excel's limit of %d characters (ending '…'); "
                       "write .csv or .parquet to keep the whole text", cut, XLSX_CELL_LIMIT)


_WRITERS: dict[str, Callable[[pd.DataFrame, Path], None]] = {
    ".csv": lambda df, tmp: cells.write_csv(df, tmp),
    ".xlsx": _write_xlsx,
    ".parquet": lambda df, tmp: df.to_parquet(tmp, index=False),
    ".jsonl": lambda df, tmp: df.to_json(
        tmp, orient="records", lines=True, force_ascii=False, date_format="iso"
    ),
}


def assemble(parts: Sequence[Path], out: Path) -> None:
    """Join the Parquet parts into ``out`` (atomically), streaming where the format allows."""
    ext = out.suffix.lower()
    if ext == ".xlsx":
        frames = [pd.read_parquet(p) for p in parts]
        rows = sum(map(len, frames))
        if rows > XLSX_MAX_ROWS:
            raise ThemesiftError(f"{rows} rows do not fit in .xlsx (at most {XLSX_MAX_ROWS}); "
                                 "rerun with --resume and --out as .csv or .parquet")
        write_table(pd.concat(frames, ignore_index=True), out)
        return
    try:
        with atomic_path(out) as tmp:
            if ext == ".parquet":
                _join_parquet(parts, tmp)
            elif ext == ".csv":
                write_csv((pq.read_table(p) for p in parts), tmp)
            else:
                with tmp.open("w", encoding="utf-8", newline="") as fh:
                    for frame in _frames(parts):
                        # pandas ends JSON lines output with a newline
                        frame.to_json(fh, orient="records", lines=True, force_ascii=False)
    except OSError as exc:
        raise ThemesiftError(f"cannot write {out}: {exc.strerror or exc}") from None
    logger.info("wrote %s from %d parts", out, len(parts))


def _frames(parts: Sequence[Path]) -> Iterator[pd.DataFrame]:
    for p in parts:
        yield pd.read_parquet(p)


def _join_parquet(parts: Sequence[Path], tmp: Path) -> None:
    writer: pq.ParquetWriter | None = None
    try:
        for p in parts:
            table = pq.read_table(p)
            if writer is None:
                writer = pq.ParquetWriter(tmp, table.schema)
            writer.write_table(table.cast(writer.schema) if table.schema != writer.schema
                               else table)
    except pa.ArrowInvalid as exc:
        raise ThemesiftError(f"cannot join the tagged parts: {exc}") from None
    finally:
        if writer is not None:
            writer.close()
