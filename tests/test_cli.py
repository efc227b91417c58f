"""The CLI through its real entry point: exit codes, messages, files."""

from __future__ import annotations

import os
import re
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
    assert "themes" in stdout and "% of substantive" in stdout and "(unassigned)" in stdout
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
    line = next(ln for ln in proc.stdout.splitlines() if ln.startswith("Time by stage: "))
    times = [(name, float(s)) for name, s in re.findall(r"(\w+) ([\d.]+) s\b", line)]
    assert [name for name, _ in times] == ["read", "clean", "names", "embed", "assign",
                                           "sentiment", "write", "of"]
    assert sum(s for _, s in times[:-1]) <= times[-1][1] + 0.35  # each rounded to 0.1 s
    assert dict(times)["names"] > 0  # spaCy loads and reads the names


@pytest.mark.slow
def test_review_lists_the_least_certain_comments(model_dir, tmp_path):
    out, _ = model_dir
    proc = run("review", str(out), "--n", "5", "--out", str(tmp_path / "queue.csv"))
    assert proc.returncode == 0, proc.stderr
    assert "least sure of" in proc.stdout
    queue = pd.read_csv(tmp_path / "queue.csv")
    assert list(queue.columns) == ["question", "text", "rows", "closest_theme", "runner_up",
                                   "margin"]
    assert len(queue) == 5 and queue["margin"].is_monotonic_increasing
    labels = set(pd.read_csv(out / "themes.csv")["label"])
    assert set(queue["closest_theme"]) <= labels and set(queue["runner_up"]) <= labels
    assert (queue["closest_theme"] != queue["runner_up"]).all()
    bad = run("review", str(out), "--n", "0")
    assert bad.returncode != 0 and "--n must be" in one_error_line(bad)


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
             if p.style.name in ("Heading 2", "Heading 3")]
    families = pd.read_csv(out / "families.csv")
    grouping = families[families["themes"].str.contains("; ")]  # a heading of their own
    assert len(heads) == len(themes) + len(grouping)
    assert all(any(h.startswith(lbl) for h in heads) for lbl in themes["label"])
    assert all(any(h.startswith(lbl) for h in heads) for lbl in grouping["label"])
    for fmt in ("md", "csv"):
        proc = run("quotes", str(out), "--format", fmt, "--out", str(tmp_path / f"b.{fmt}"))
        assert proc.returncode == 0 and (tmp_path / f"b.{fmt}").stat().st_size > 0
    line = one_error_line(run("quotes", str(out), "--format", "pdf", "--out",
                              str(tmp_path / "b.pdf")))
    assert "pdf" in line


# -- usage errors, interrupts and outputs that would destroy an input ------------------------
@pytest.mark.parametrize(("args", "expected"), [
    (("analyse", "x.csv"), "Missing option '--out'"),
    (("analyse", "x.csv", "--out", "m", "--bogus", "1"), "No such option: --bogus"),
    (("bogus",), "No such command 'bogus'"),
    (("analyse", "x.csv", "--out", "m", "--themes", "abc"), "Invalid value for '--themes'"),
    (("analyse", "x.csv", "--out", "m", "--themes", "0"), "must be 1 to 200, not 0"),
    (("evaluate", "x.csv", "--label-col", "c", "--themes", "10000"), "not 10000"),
    (("quotes", "m", "--out", "q.md", "--per-theme", "x"), "Invalid value for '--per-theme'"),
    (("tag", "m", "x.csv", "--out", "t.csv", "--chunk-size", "99999999999"),
     "--chunk-size must be from 1 to 10,000,000"),
])
def test_usage_errors_are_one_line_with_exit_2(tmp_path, args, expected):
    line = one_error_line(run(*args, cwd=tmp_path))
    assert expected in line
    assert list(tmp_path.iterdir()) == []


def test_no_arguments_shows_the_help_and_no_empty_error(tmp_path):
    proc = run(cwd=tmp_path)
    assert proc.returncode == 2 and "analyse" in proc.stdout
    assert proc.stderr.strip() == ""


def test_ctrl_c_exits_130_and_says_so(monkeypatch, capsys, tmp_path):
    from themesift import api, cli

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(api, "analyse_file", interrupted)
    monkeypatch.setattr(sys, "argv", ["themesift", "analyse", "x.csv", "--out",
                                      str(tmp_path / "m")])
    with pytest.raises(SystemExit) as info:
        cli.main()
    assert info.value.code == 130
    assert "interrupted" in capsys.readouterr().err
    assert not (tmp_path / "m").exists()


def test_a_group_column_may_not_take_an_output_column_name(tmp_path):
    pd.DataFrame({"text": ["Parking is far too expensive"], "status": ["open"]}).to_csv(
        tmp_path / "c.csv", index=False)
    line = one_error_line(run("analyse", str(tmp_path / "c.csv"), "--text-col", "text",
                              "--group-col", "status", "--out", str(tmp_path / "m")))
    assert "group column 'status' has the name of an output column" in line


@pytest.mark.slow
def test_no_output_replaces_an_input(model_dir, hcsa_path, tmp_path):
    import hashlib
    import shutil

    out, _ = model_dir
    model = tmp_path / "model"
    shutil.copytree(out, model)
    data = tmp_path / "in.csv"
    shutil.copy(hcsa_path, data)

    def digests() -> dict[str, str]:
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
                for p in [data, *model.iterdir()]}

    before = digests()
    for args, expected in [
        (("tag", str(model), str(data), "--out", str(data)), "overwrite the input"),
        (("tag", str(model), str(data), "--out", str(model / "assignments.csv")),
         "inside the model folder"),
        (("quotes", str(model), "--out", str(model / "quotes.csv")), "inside the model folder"),
        (("evaluate", str(data), "--label-col", "report_theme", "--json",
          str(model / "manifest.json")), "inside the model folder"),
        (("quotes", str(model), "--format", "md", "--out", str(tmp_path / "q.xlsx")),
         "does not match"),
        (("evaluate", str(data), "--label-col", "report_theme", "--json", str(data)),
         "overwrite the input"),
        (("analyse", str(model / "themes.csv"), "--text-col", "label", "--out", str(model)),
         "is inside it"),
        (("tag", str(model), str(data), "--text-col", "txt", "--out", str(tmp_path / "t.csv")),
         "'txt' not found"),
    ]:
        assert expected in one_error_line(run(*args)), args
    assert digests() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "model"]  # no t.csv.parts


@pytest.mark.slow
def test_a_codebook_gives_named_codes_that_tag_uses(hcsa_path, tmp_path):
    book = tmp_path / "codes.csv"
    pd.DataFrame({"code": ["Funding", "Lack of consultation"],
                  "description": ["money, cuts and investment", "doctors were not asked"],
                  "examples": ["stealth funding cuts|massive investment", ""]}).to_csv(
        book, index=False)
    model = tmp_path / "m"
    proc = run("analyse", str(hcsa_path), "--text-col", "text", "--id-col", "id",
               "--codebook", str(book), "--out", str(model), "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert "Funding (code)" in proc.stdout
    themes = pd.read_csv(model / "themes.csv", keep_default_na=False)
    assert list(themes["label"][:2]) == ["Funding", "Lack of consultation"]
    assert list(themes["origin"][:2]) == ["codebook", "codebook"]
    assert set(themes["origin"][2:]) <= {"new"}
    fitted = pd.read_csv(model / "assignments.csv", keep_default_na=False)
    proc = run("tag", str(model), str(hcsa_path), "--out", str(tmp_path / "t.csv"))
    assert proc.returncode == 0, proc.stderr
    tagged = pd.read_csv(tmp_path / "t.csv", keep_default_na=False)
    assert list(tagged["primary_label"]) == list(fitted["primary_label"])
    assert "Funding" in set(tagged["primary_label"])


@pytest.mark.parametrize(("content", "message"), [
    (None, "not found"),
    ("name_of_code\nFunding\n", "no 'code' column"),
    ("code\nA\na\n", "twice"),
])
def test_a_bad_codebook_is_refused_in_one_line(hcsa_path, tmp_path, content, message):
    book = tmp_path / "codes.csv"
    if content is not None:
        book.write_text(content, encoding="utf-8")
    line = one_error_line(run("analyse", str(hcsa_path), "--codebook", str(book), "--out",
                              str(tmp_path / "m")))
    assert message in line
