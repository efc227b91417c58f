"""`make run`'s sample step: the app's project 'sample' made before the server starts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from themesift.project.store import ProjectStore

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def _run(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "prepare_sample.py")],
                          env={**os.environ, "THEMESIFT_PROJECTS": str(tmp_path / "p"), **env},
                          capture_output=True, text=True, timeout=600)


def test_the_sample_is_analysed_once_before_the_server(tmp_path: Path) -> None:
    first = _run(tmp_path, THEMESIFT_SAMPLE="hcsa")
    assert first.returncode == 0, first.stderr
    path = tmp_path / "p" / "sample.sqlite"
    assert "Project 'sample' ready" in first.stdout and path.is_file()
    assert ProjectStore(path).meta()["source"] == "hcsa_stp_2017_quotes.csv"
    before = path.stat().st_mtime_ns
    again = _run(tmp_path, THEMESIFT_SAMPLE="hcsa")  # a project exists: nothing to do
    assert again.returncode == 0 and again.stdout == "" and path.stat().st_mtime_ns == before


def test_no_sample_when_the_app_is_told_none(tmp_path: Path) -> None:
    done = _run(tmp_path, THEMESIFT_SAMPLE="none")
    assert done.returncode == 0 and not (tmp_path / "p").exists()
