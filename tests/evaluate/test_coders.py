"""`themesift agree`: two codings compared, figures checked against hand computation."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from themesift.cells import read_csv
from themesift.evaluate import (
    compare_codings,
    compare_columns,
    disagreements_frame,
    nominal_alpha,
    nominal_kappa,
    parse_codes,
)

# Coder A says "x" on rows 1-4, B on rows 1-3 (every other row "y"):
#   kappa: p_o = 5/6, p_e = 4/6 * 3/6 + 2/6 * 3/6 = 1/2, kappa = (5/6 - 1/2) / (1/2) = 2/3.
#   alpha (nominal): coincidences o_xx = 6, o_xy = o_yx = 1, o_yy = 4; n_x = 7, n_y = 5,
#   n = 12: D_o = 2/12, D_e = 2 * 7 * 5 / (12 * 11) = 70/132, alpha = 1 - D_o/D_e = 24/35.
A6 = [("x",)] * 4 + [("y",)] * 2
B6 = [("x",)] * 3 + [("y",)] * 3


def test_kappa_and_alpha_against_hand_computed_values() -> None:
    assert nominal_kappa([c[0] for c in A6], [c[0] for c in B6]) == pytest.approx(2 / 3)
    assert nominal_alpha([c[0] for c in A6], [c[0] for c in B6]) == pytest.approx(24 / 35)
    result = compare_codings(A6, B6)
    x = next(c for c in result.codes if c.code == "x")
    assert (x.n_a, x.n_b) == (4, 3)
    assert x.kappa == pytest.approx(2 / 3) and x.alpha == pytest.approx(24 / 35)
    assert x.kappa != pytest.approx(x.alpha, abs=1e-3)  # the two measures differ here
    assert x.percent == pytest.approx(100 * 5 / 6)
    assert result.kappa == pytest.approx(2 / 3) and result.alpha == pytest.approx(24 / 35)
    assert result.n == 6 and result.percent == pytest.approx(100 * 5 / 6)


def test_perfect_agreement_and_a_constant_code() -> None:
    codes = [("a",), ("b",), ("a", "b")]
    result = compare_codings(codes, codes)
    assert result.kappa == 1.0 and result.alpha == 1.0 and result.percent == 100.0
    assert not result.disagreements
    assert all(c.kappa == 1.0 and c.alpha == 1.0 for c in result.codes)
    assert nominal_alpha(["a", "a"], ["a", "a"]) == 1.0


def test_multi_label_disagreements_are_listed() -> None:
    a = parse_codes(["staff; kind", "waiting", "cost", "parking", None, "parking"], (";", "|"))
    b = parse_codes(["staff", "waiting", "waiting|cost", "parking", "", None], (";", "|"))
    result = compare_codings(a, b, ids=list("123456"), texts=list("ABCDEF"), a="c1", b="c2")
    assert result.n == 4 and (result.blank_a, result.blank_b, result.blank_both) == (0, 1, 1)
    assert [(d.id, d.text) for d in result.disagreements] == [("1", "A"), ("3", "C")]
    assert result.percent == 50.0
    # Overall categories: {staff,kind}/{staff}, waiting/waiting, cost/{cost,waiting},
    # parking/parking: four A categories, each once; kappa = (1/2 - 2/16) / (1 - 2/16) = 3/7.
    assert result.kappa == pytest.approx(3 / 7)
    waiting = next(c for c in result.codes if c.code == "waiting")
    # waiting: A 0100, B 0110: p_o = 3/4, p_e = 1/4*2/4 + 3/4*2/4 = 1/2, kappa = 1/2.
    assert (waiting.n_a, waiting.n_b, waiting.kappa) == (1, 2, pytest.approx(0.5))
    frame = disagreements_frame(result)
    assert list(frame.columns) == ["id", "text", "a: c1", "b: c2", "only in a", "only in b"]
    assert frame.iloc[0].tolist() == ["1", "A", "staff; kind", "staff", "kind", ""]
    assert frame.iloc[1].tolist() == ["3", "C", "cost", "waiting; cost", "", "waiting"]


def test_columns_are_checked_with_one_clear_error() -> None:
    from themesift.errors import ThemesiftError

    df = pd.DataFrame({"a": ["x", "y"], "b": ["x", None], "none": [None, ""]})
    with pytest.raises(ThemesiftError, match="--b: no column 'c'"):
        compare_columns(df, "a", "c")
    with pytest.raises(ThemesiftError, match="'none' holds no codes"):
        compare_columns(df, "a", "none")
    with pytest.raises(ThemesiftError, match="same column"):
        compare_columns(df, "a", "a")
    only_b = pd.DataFrame({"a": ["x", None], "b": [None, "y"]})
    with pytest.raises(ThemesiftError, match="no row is coded in both"):
        compare_columns(only_b, "a", "b")


# -- the command line -------------------------------------------------------------------------

def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "THEMESIFT_DEBUG": ""}
    return subprocess.run([sys.executable, "-m", "themesift", "agree", *args],
                          capture_output=True, text=True, env=env, timeout=120)


def one_error_line(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("themesift: error:"), proc.stderr
    return lines[0]


@pytest.fixture
def codings(tmp_path: Path) -> Path:
    path = tmp_path / "codings.csv"
    pd.DataFrame({
        "id": ["r1", "r2", "r3", "r4"],
        "comment": ["The staff were lovely and kind", '=HYPERLINK("http://x","waited")',
                    "Parking costs far too much", "The wait was three hours long"],
        "coder1": ["staff;kind", "waiting", "parking", "waiting"],
        "coder2": ["staff", "waiting|cost", "parking", "waiting"],
    }).to_csv(path, index=False)
    return path


def test_cli_prints_the_figures_and_writes_safe_disagreements(codings: Path,
                                                             tmp_path: Path) -> None:
    out = tmp_path / "disagree.csv"
    proc = run(str(codings), "--a", "coder1", "--b", "coder2", "--id-col", "id",
               "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "kappa" in proc.stdout and "alpha" in proc.stdout and "Wrote 2 disagreements" in \
        proc.stdout
    assert "using 'comment'" in proc.stderr  # the comments' column was guessed, and said so
    raw = out.read_text(encoding="utf-8")
    assert "\"'=HYPERLINK" in raw  # the formula is written as text
    back = read_csv(out)
    assert back["id"].tolist() == ["r1", "r2"]
    assert back["text"].iloc[1] == '=HYPERLINK("http://x","waited")'
    assert back["only in b"].tolist() == ["", "cost"]


@pytest.mark.parametrize(("args", "message"), [
    (["--a", "coder1", "--b", "nope"], "no column 'nope'"),
    (["--a", "coder1", "--b", "coder1"], "same column"),
    (["--a", "coder1", "--b", "coder2", "--out", "x.xlsx"], ".csv"),
])
def test_cli_refuses_bad_columns_and_outputs(codings: Path, args: list[str],
                                             message: str) -> None:
    assert message in one_error_line(run(str(codings), *args))


def test_cli_refuses_a_missing_or_empty_file(tmp_path: Path) -> None:
    line = one_error_line(run(str(tmp_path / "missing.csv"), "--a", "x", "--b", "y"))
    assert "missing.csv" in line
    (tmp_path / "empty.csv").write_text("")
    assert "empty" in one_error_line(run(str(tmp_path / "empty.csv"), "--a", "x", "--b", "y"))
    (tmp_path / "header.csv").write_text("x,y\n")
    assert "no rows" in one_error_line(run(str(tmp_path / "header.csv"), "--a", "x",
                                           "--b", "y"))
