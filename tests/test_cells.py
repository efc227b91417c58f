"""Every CSV cell themesift writes is safe to open in a spreadsheet, and reads back exactly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from themesift.cells import formula_like, neutralise, read_csv, restore, write_csv
from themesift.tagging.arrow_csv import neutralise_strings

EVIL = ["=cmd|' /C calc'!A0", "@SUM(1+1)", "=T1", "＝1+1", "+44 7700 900123", "-2+3",
        "\tTAB", "\rCR", "＠x", "﹣1"]


@pytest.mark.parametrize("cell", EVIL)
def test_formula_starts_are_neutralised(cell: str) -> None:
    assert formula_like(cell) and neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Parking", "", "'quoted", "5 stars", "café = good"])
def test_other_cells(cell: str) -> None:
    assert not formula_like(cell)
    assert neutralise(cell) == ("'" + cell if cell.startswith("'") else cell)


@given(st.text())
def test_neutralise_is_reversible_and_safe(cell: str) -> None:
    out = neutralise(cell)
    assert restore(out) == cell
    assert not formula_like(out)


@given(st.lists(st.one_of(st.none(), st.text()), max_size=20))
def test_the_arrow_writer_applies_the_same_rule(cells: list[str | None]) -> None:
    got = neutralise_strings(pa.table({"c": pa.array(cells, pa.string())})).column(0)
    assert got.to_pylist() == [None if c is None else neutralise(c) for c in cells]


def test_write_and_read_back(tmp_path: Path) -> None:
    df = pd.DataFrame({"text": [*EVIL, "'quoted", "plain"], "n": range(len(EVIL) + 2)})
    write_csv(df, tmp_path / "t.csv")
    raw = pd.read_csv(tmp_path / "t.csv", dtype=str, keep_default_na=False)
    assert all(cell.startswith("'") for cell in raw["text"][: len(EVIL)])
    assert raw["n"].tolist() == [str(i) for i in range(len(EVIL) + 2)]  # numbers untouched
    back = read_csv(tmp_path / "t.csv")
    assert back["text"].tolist() == df["text"].tolist()


@pytest.mark.slow
def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_every_csv_output_is_neutralised(tmp_path: Path) -> None:
    comments = [
        "=cmd|' /C calc'!A0 the parking charges are far too high for visitors",
        "@SUM(1+1) the nurses on the ward were kind and explained everything",
        "＝HYPERLINK(\"http://x\") the food was cold and arrived very late",
        "The parking charges are far too high for visitors and staff",
        "The nurses were kind and explained everything to my mother",
        "The food was cold and arrived late on most evenings",
        "Parking is expensive and there are never enough spaces",
        "Kind nurses who took time to listen and explain",
    ]
    df = pd.DataFrame({"id": [f"-{i}" for i in range(len(comments))], "text": comments,
                       "ward": ["=T1", "+A", "B", "=T1", "+A", "B", "B", "+A"]})
    df.to_csv(tmp_path / "in.csv", index=False)

    def run(*args: str) -> None:
        done = subprocess.run([sys.executable, "-m", "themesift", *args], capture_output=True,
                              text=True, cwd=tmp_path, timeout=600)
        assert done.returncode == 0, done.stderr

    run("analyse", "in.csv", "--text-col", "text", "--id-col", "id", "--group-col", "ward",
        "--out", "model", "--quiet")
    run("tag", "model", "in.csv", "--group-col", "ward", "--out", "tagged.csv", "--quiet")
    run("quotes", "model", "--out", "quotes.csv")
    outputs = [tmp_path / "model" / "assignments.csv", tmp_path / "model" / "themes.csv",
               tmp_path / "model" / "quotes.csv", tmp_path / "tagged.csv",
               tmp_path / "quotes.csv"]
    for path in outputs:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        risky = [(c, v) for c in table.columns for v in table[c]
                 if formula_like(v) and not _number(v)]  # -0.34 is a number to Excel
        assert not risky, (path.name, risky[:3])
    tagged = read_csv(tmp_path / "tagged.csv")
    assert tagged["ward"].tolist() == df["ward"].tolist()  # read back exactly
    assert tagged["id"].tolist() == df["id"].tolist()
