"""Write tagged rows as CSV with Arrow: several times faster than pandas on big exports.

String cells are neutralised as :mod:`themesift.cells` does (the same rule, vectorised).

Both engines of ``themesift tag`` write through :func:`write_csv`, so the local
and the Dask output are the same text, byte for byte.  Booleans are written
``True``/``False``, as pandas writes them elsewhere in themesift.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from themesift.cells import FORMULA_STARTS
from themesift.errors import ThemesiftError

_OPTIONS = pacsv.WriteOptions(include_header=True, quoting_style="needed")


def neutralise_strings(table: pa.Table) -> pa.Table:
    """Every string cell as :func:`themesift.cells.neutralise` writes it (same rule)."""
    for i, f in enumerate(table.schema):
        if pa.types.is_string(f.type) or pa.types.is_large_string(f.type):
            col = table.column(i)
            risky = pc.match_substring_regex(col, f"^['{FORMULA_STARTS}]")  # "-" stays last
            prefixed = pc.binary_join_element_wise(pa.scalar("'", f.type), col,
                                                   pa.scalar("", f.type))
            safe = pc.if_else(pc.fill_null(risky, False), prefixed, col)
            table = table.set_column(i, f, safe)
    return table


def pandas_booleans(table: pa.Table) -> pa.Table:
    """Boolean columns as the strings True/False."""
    for i, f in enumerate(table.schema):
        if pa.types.is_boolean(f.type):
            text = pc.if_else(table.column(i), "True", "False")
            table = table.set_column(i, pa.field(f.name, pa.string()), text)
    return table


def write_csv(tables: Iterable[pa.Table], path: Path | str) -> None:
    """Write ``tables`` (same columns) one after the other into one CSV with one header."""
    writer: pacsv.CSVWriter | None = None
    schema: pa.Schema | None = None
    try:
        for table in tables:
            table = neutralise_strings(pandas_booleans(table))
            if writer is None or schema is None:
                schema = table.schema.remove_metadata()
                writer = pacsv.CSVWriter(str(path), schema, write_options=_OPTIONS)
            writer.write_table(table.cast(schema))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as exc:
        raise ThemesiftError(f"cannot write the CSV: {exc}") from None
    finally:
        if writer is not None:
            writer.close()
