"""Write tagged rows as CSV with Arrow: several times faster than pandas on big exports.

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

from themesift.errors import ThemesiftError

_OPTIONS = pacsv.WriteOptions(include_header=True, quoting_style="needed")


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
            table = pandas_booleans(table)
            if writer is None or schema is None:
                schema = table.schema.remove_metadata()
                writer = pacsv.CSVWriter(str(path), schema, write_options=_OPTIONS)
            writer.write_table(table.cast(schema))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as exc:
        raise ThemesiftError(f"cannot write {Path(path).name}: {exc}") from None
    finally:
        if writer is not None:
            writer.close()
