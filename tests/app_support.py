"""Shared helpers for the app tests: one real HCSA project, copied per test.

The HCSA sample (19 quotes) is analysed once per test process with the real
spaCy and MiniLM models; each test gets its own copy of the project file.
"""

from __future__ import annotations

import functools
import socket
import sqlite3
import tempfile
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from themesift.project.project import View, build_view, load_base
from themesift.project.store import ProjectStore

ROOT = Path(__file__).resolve().parents[1]
HCSA = ROOT / "data" / "hcsa_stp_2017_quotes.csv"
APP = ROOT / "app.py"


@functools.lru_cache(maxsize=1)
def hcsa_analysis():  # type: ignore[no-untyped-def]
    from themesift.config import Config
    from themesift.ingest.read import load_corpus
    from themesift.pipeline import Session, analyse

    corpus, _ = load_corpus(HCSA, text_col="text", id_col="id", group_cols=["report_theme"])
    session = Session(Config())
    return analyse(corpus, Config(), session=session), session


@functools.lru_cache(maxsize=1)
def template_project() -> Path:
    from themesift.project.project import create_project

    analysis, session = hcsa_analysis()
    path = Path(tempfile.mkdtemp(prefix="themesift-template-")) / "sample.sqlite"
    create_project(path, analysis, nlp=session.nlp, embed=session.embed)
    return path


def copy_project(folder: Path, name: str = "sample") -> Path:
    """A private copy of the template project (SQLite backup API, WAL-safe)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{name}.sqlite"
    src = sqlite3.connect(template_project())
    dst = sqlite3.connect(target)
    with dst:
        src.backup(dst)
    src.close()
    dst.close()
    return target


# -- AppTest: fixtures (registered by conftest.py) and page helpers -------------------------
TIMEOUT = 180  # seconds per AppTest run


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    projects = tmp_path / "projects"
    copy_project(projects)
    monkeypatch.setenv("THEMESIFT_PROJECTS", str(projects))
    monkeypatch.setenv("THEMESIFT_SAMPLE", "none")
    monkeypatch.setenv("THEMESIFT_MODELS", str(tmp_path / "models"))
    return projects


@pytest.fixture()
def at(folder: Path) -> AppTest:
    return AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()


def store_of(folder: Path, name: str = "sample") -> ProjectStore:
    return ProjectStore(folder / f"{name}.sqlite")


def view_of(folder: Path, name: str = "sample") -> View:
    store = store_of(folder, name)
    return build_view(load_base(store), store)


def goto(at: AppTest, page: str) -> AppTest:
    return at.sidebar.radio(key="page").set_value(page).run()


def no_trouble(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def edit_page(at: AppTest) -> AppTest:
    goto(at, "Edit")
    no_trouble(at)
    return at



def embed():  # type: ignore[no-untyped-def]
    return hcsa_analysis()[1].embed


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# -- a live server and a headless Chromium, for the browser and crash tests ----------------
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = ROOT / "test-artifacts"


def start_server(port: int, env: dict[str, str], log_path: Path):  # type: ignore[no-untyped-def]
    """``streamlit run app.py`` on 127.0.0.1:port; returns the Popen once it answers."""
    import os
    import subprocess
    import sys
    import time
    import urllib.request

    cmd = [sys.executable, "-m", "streamlit", "run", str(APP), "--server.headless", "true",
           "--server.address", "127.0.0.1", "--server.port", str(port),
           "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    log = log_path.open("ab")
    proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, "HF_HUB_OFFLINE": "1", **env},
                            stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}; see {log_path}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                return proc
        except OSError:
            time.sleep(0.5)
    proc.kill()
    raise RuntimeError(f"streamlit did not answer on port {port}; see {log_path}")


def stop_server(proc) -> None:  # type: ignore[no-untyped-def]
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except Exception:  # noqa: BLE001
            proc.kill()
            proc.wait()


def chrome(download_dir: Path):  # type: ignore[no-untyped-def]
    """Debian's headless Chromium through /usr/bin/chromedriver (no network at run time)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        raise RuntimeError("chromium and chromium-driver are missing: run `make browser-deps`")
    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    profile = tempfile.mkdtemp(prefix="themesift-chrome-")
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-dev-shm-usage", f"--user-data-dir={profile}",
                 "--window-size=1400,1800"):
        opts.add_argument(flag)
    opts.add_experimental_option("prefs", {"download.default_directory": str(download_dir),
                                           "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=opts)
    driver.execute_cdp_cmd("Page.setDownloadBehavior",
                           {"behavior": "allow", "downloadPath": str(download_dir)})
    return driver
