"""A model path always yields a complete model, whatever step of its replacement is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from themesift.fsutil import atomic_dir, recover_dir
from themesift.model import load_model

HCSA = Path(__file__).resolve().parents[1] / "data" / "hcsa_stp_2017_quotes.csv"


def test_recover_puts_back_the_old_folder_of_a_dead_run(tmp_path: Path) -> None:
    target = tmp_path / "model"
    old = tmp_path / ".model.old-999999"  # no such process
    old.mkdir()
    (old / "manifest.json").write_text("{}")
    new = tmp_path / ".model.new-999999.abc.tmp"
    new.mkdir()
    assert recover_dir(target)
    assert (target / "manifest.json").is_file() and not old.exists() and not new.exists()


def test_folders_of_a_live_run_are_left_alone(tmp_path: Path) -> None:
    busy = tmp_path / f".model.new-{os.getpid()}.abc.tmp"
    busy.mkdir()
    assert not recover_dir(tmp_path / "model")
    assert busy.exists()


def test_a_kill_inside_the_write_keeps_the_old_folder(tmp_path: Path) -> None:
    target = tmp_path / "model"
    with atomic_dir(target) as tmp:
        (tmp / "v").write_text("1")
    code = ("import os, sys; from themesift.fsutil import atomic_dir\n"
            f"with atomic_dir({str(target)!r}) as tmp:\n"
            "    (tmp / 'v').write_text('2')\n")
    env = {**os.environ, "THEMESIFT_FAULT": "between-renames"}
    done = subprocess.run([sys.executable, "-c", code], env=env, timeout=60)
    assert done.returncode == -signal.SIGKILL
    assert not target.exists()  # the window: the old folder is aside, the new not yet in
    with atomic_dir(target) as tmp:  # the next run restores, then replaces
        assert (target / "v").read_text() == "1"
        (tmp / "v").write_text("3")
    assert (target / "v").read_text() == "3"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model"]  # nothing left behind


@pytest.mark.slow
def test_analyse_killed_between_the_renames_leaves_a_complete_model(tmp_path: Path) -> None:
    def analyse(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "themesift", "analyse", str(HCSA),
                               "--text-col", "text", "--id-col", "id", "--out", "model",
                               "--quiet"], capture_output=True, text=True, cwd=tmp_path,
                              env={**os.environ, **env}, timeout=600)

    assert analyse({}).returncode == 0
    before = (tmp_path / "model" / "manifest.json").read_text()
    killed = analyse({"THEMESIFT_FAULT": "between-renames", "THEMESIFT_SAMPLE": "x"})
    assert killed.returncode == -signal.SIGKILL
    model = load_model(tmp_path / "model")  # restored on reading: the old, complete model
    assert len(model.themes) >= 3
    assert (tmp_path / "model" / "manifest.json").read_text() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model"]


def test_temporary_files_of_killed_runs_are_cleaned(tmp_path: Path) -> None:
    from themesift.fsutil import atomic_path

    stale = tmp_path / ".out.csv.new-999999.x1y2.tmp"
    stale.write_text("half a file")
    with atomic_path(tmp_path / "out.csv") as tmp:
        tmp.write_text("whole")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]
