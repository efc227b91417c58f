"""The CLI through its real entry point: exit codes, messages, files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "THEMESIFT_DEBUG": ""}
    return subprocess.run([sys.executable, "-m", "themesift", *args], capture_output=True,
                          text=True, env=env, cwd=cwd, timeout=600)


def one_error_line(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("themesift: error:")
    return lines[0]


def test_help_lists_commands():
    proc = run("--help")
    assert proc.returncode == 0
    for cmd in ("analyse", "tag", "quotes"):
        assert cmd in proc.stdout


def test_missing_column_names_the_columns(hcsa_path, tmp_path):
    line = one_error_line(run("analyse", str(hcsa_path), "--text-col", "comment",
                              "--out", str(tmp_path / "m")))
    assert "'comment'" in line and "text" in line and "report_theme" in line
    assert not (tmp_path / "m").exists()


def test_empty_file_and_unreadable_file(tmp_path):
    (tmp_path / "empty.csv").write_text("")
    assert "empty" in one_error_line(run("analyse", str(tmp_path / "empty.csv"),
                                         "--out", str(tmp_path / "m")))
    (tmp_path / "bad.xlsx").write_bytes(os.urandom(300))
    assert "bad.xlsx" in one_error_line(run("analyse", str(tmp_path / "bad.xlsx"),
                                            "--out", str(tmp_path / "m")))
    assert not (tmp_path / "m").exists()


def test_not_a_model(tmp_path, hcsa_path):
    (tmp_path / "notmodel").mkdir()
    line = one_error_line(run("tag", str(tmp_path / "notmodel"), str(hcsa_path),
                              "--out", str(tmp_path / "t.csv")))
    assert "not a usable themesift model" in line
    assert not (tmp_path / "t.csv").exists()


@pytest.mark.slow
def test_no_substantive_comments(tmp_path):
    pd.DataFrame({"text": ["n/a", "Nothing", "", "-", "none"]}).to_csv(tmp_path / "na.csv",
                                                                     index=False)
    line = one_error_line(run("analyse", str(tmp_path / "na.csv"), "--out", str(tmp_path / "m")))
    assert "no substantive comments" in line


@pytest.fixture(scope="module")
def model_dir(hcsa_path, tmp_path_factory):
    out = tmp_path_factory.mktemp("cli") / "models" / "hcsa"
    proc = run("analyse", str(hcsa_path), "--text-col", "text", "--id-col", "id",
               "--group-col", "report_section", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    return out, proc.stdout


@pytest.mark.slow
def test_analyse_prints_themes_and_writes_files(model_dir):
    out, stdout = model_dir
    assert "themes" in stdout and "% substantive" in stdout and "(unassigned)" in stdout
    for name in ("manifest.json", "centroids.safetensors", "themes.csv", "assignments.csv",
                 "quotes.csv"):
        assert (out / name).is_file(), name
    themes = pd.read_csv(out / "themes.csv")
    assert 3 <= len(themes) <= 7
    for label in themes["label"]:
        assert label in stdout.replace("\n", " ") or label.split()[0] in stdout
    assign = pd.read_csv(out / "assignments.csv")
    assert {"id", "report_section", "primary_theme", "primary_label", "confidence",
            "all_themes"} <= set(assign.columns)


@pytest.mark.slow
def test_tag_reproduces_analyse(model_dir, hcsa_path, tmp_path):
    out, _ = model_dir
    proc = run("tag", str(out), str(hcsa_path), "--id-col", "id", "--out",
               str(tmp_path / "tagged.csv"))
    assert proc.returncode == 0, proc.stderr
    tagged = pd.read_csv(tmp_path / "tagged.csv")
    trained = pd.read_csv(out / "assignments.csv")
    assert tagged["id"].tolist() == trained["id"].tolist()
    assert tagged["primary_theme"].tolist() == trained["primary_theme"].tolist()


@pytest.mark.slow
def test_quote_banks_read_back(model_dir, tmp_path):
    import docx
    import openpyxl

    out, _ = model_dir
    themes = pd.read_csv(out / "themes.csv")
    assert run("quotes", str(out), "--format", "xlsx", "--per-theme", "2",
               "--out", str(tmp_path / "bank.xlsx")).returncode == 0
    ws = openpyxl.load_workbook(tmp_path / "bank.xlsx")["Quote bank"]
    assert ws.auto_filter.ref
    header = [c.value for c in ws[1]]
    assert "comment_id" in header and "quote" in header
    assert ws.max_row - 1 <= 2 * len(themes)
    assert run("quotes", str(out), "--out", str(tmp_path / "bank.docx")).returncode == 0
    heads = [p.text for p in docx.Document(str(tmp_path / "bank.docx")).paragraphs
             if p.style.name == "Heading 2"]
    assert len(heads) == len(themes)
    assert all(any(h.startswith(lbl) for h in heads) for lbl in themes["label"])
    for fmt in ("md", "csv"):
        proc = run("quotes", str(out), "--format", fmt, "--out", str(tmp_path / f"b.{fmt}"))
        assert proc.returncode == 0 and (tmp_path / f"b.{fmt}").stat().st_size > 0
    line = one_error_line(run("quotes", str(out), "--format", "pdf", "--out",
                              str(tmp_path / "b.pdf")))
    assert "pdf" in line
