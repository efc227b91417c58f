"""Kill the server (SIGKILL) right after an edit; after a restart the edit is there."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app_support import chrome, copy_project, free_port, start_server, stop_server
from browser_steps import chart_text, go_to, heading, rename_first_theme, wait
from themesift.project.project import build_view, load_base
from themesift.project.store import ProjectStore

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture()
def browser(tmp_path: Path) -> Iterator[Any]:
    driver = chrome(tmp_path / "downloads")
    yield driver
    driver.quit()


def test_an_edit_survives_a_killed_server(tmp_path: Path, browser: Any) -> None:
    projects = tmp_path / "projects"
    path = copy_project(projects)
    env = {"THEMESIFT_PROJECTS": str(projects), "THEMESIFT_SAMPLE": "none"}
    port = free_port()
    proc = start_server(port, env, tmp_path / "streamlit.log")
    try:
        browser.get(f"http://127.0.0.1:{port}/?project=sample&page=Themes")
        heading(browser, "Themes overview")
        rename_first_theme(browser, "Survives a crash")
        os.kill(proc.pid, signal.SIGKILL)  # no shutdown, no checkpoint
        proc.wait(timeout=10)
    finally:
        stop_server(proc)
    assert proc.returncode == -signal.SIGKILL
    store = ProjectStore(path)
    view = build_view(load_base(store), store)
    assert view.themes[0].label == "Survives a crash"
    assert [e.op for e in view.history] == ["rename"]

    port = free_port()
    proc = start_server(port, env, tmp_path / "streamlit-restart.log")
    try:
        browser.get(f"http://127.0.0.1:{port}/?project=sample&page=Themes")
        heading(browser, "Themes overview")
        assert "Survives a crash" in chart_text(browser)
        go_to(browser, "Edit")
        # The page renders in pieces: wait for the caption rather than read it once.
        wait(browser, 60).until(lambda d: "Would undo: Renamed" in d.page_source
                                and "Survives a crash" in d.page_source)
    finally:
        stop_server(proc)
