"""Any bytes, any extension: the readers give a table or one clear ThemesiftError line, quickly."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from themesift.errors import ThemesiftError
from themesift.ingest import iter_chunks, read_table

EXTENSIONS = [".csv", ".tsv", ".txt", ".xlsx", ".parquet", ".jsonl", ".json"]
# Bytes that look a little like real files, and plain noise.
CONTENT = st.one_of(
    st.binary(max_size=400),
    st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.lists(st.text(alphabet="ab,;\t\"'\n\r=é\x00", max_size=12), max_size=12)
    .map(lambda rows: b"text,id\n" + "\n".join(rows).encode("utf-8")),
    st.just(b"PK\x03\x04").flatmap(lambda head: st.binary(max_size=200).map(head.__add__)),
)


def attempt(data: bytes, ext: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"f{ext}"
        path.write_bytes(data)
        try:
            df = read_table(path)
        except ThemesiftError as exc:
            message = str(exc)
            assert message and "\n" not in message.strip() and "Traceback" not in message
            return
        assert isinstance(df, pd.DataFrame) and len(df) > 0
        try:
            for chunk in iter_chunks(path, chunksize=3, text_col=str(df.columns[0])):
                assert len(chunk) > 0
        except ThemesiftError as exc:
            assert "\n" not in str(exc).strip()


@settings(max_examples=300, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
@given(CONTENT, st.sampled_from(EXTENSIONS))
def test_any_bytes_give_a_table_or_one_clear_line(data: bytes, ext: str) -> None:
    attempt(data, ext)
