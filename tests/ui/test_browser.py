"""End to end in a real browser: upload, see the chart, rename, code from the
least-certain queue, reload, download.

Starts ``streamlit run app.py`` on a free local port with an empty projects
folder and drives Debian's headless Chromium through Selenium.  Leaves a
screenshot in test-artifacts/.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from selenium.webdriver.common.by import By

from app_support import ARTIFACTS, HCSA, chrome, free_port, start_server, stop_server
from browser_steps import (
    chart_text,
    click_button,
    code_from_queue,
    downloaded,
    go_to,
    heading,
    idle,
    rename_first_theme,
    wait,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[str]:
    port = free_port()
    env = {"THEMESIFT_PROJECTS": str(tmp_path / "projects"), "THEMESIFT_SAMPLE": "none",
           "THEMESIFT_MODELS": str(tmp_path / "models")}
    proc = start_server(port, env, tmp_path / "streamlit.log")
    yield f"http://127.0.0.1:{port}"
    stop_server(proc)


@pytest.fixture()
def browser(tmp_path: Path) -> Iterator[Any]:
    driver = chrome(tmp_path / "downloads")
    yield driver
    driver.quit()


def test_upload_rename_reload_download(server: str, browser: Any, tmp_path: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    browser.get(server)
    heading(browser, "Data")
    upload = wait(browser, 60).until(
        lambda d: d.find_element(By.CSS_SELECTOR, 'input[type="file"]'))
    upload.send_keys(str(HCSA))
    click_button(browser, "Analyse", seconds=60)
    heading(browser, "Themes overview", seconds=240)
    idle(browser, 240)
    before = chart_text(browser)
    assert "comments (share of 19 substantive)" in before

    rename_first_theme(browser, "Not heard of STPs")
    browser.refresh()  # the URL keeps the project and the page
    heading(browser, "Edit themes")
    go_to(browser, "Themes")
    assert "Not heard of STPs" in chart_text(browser)
    browser.save_screenshot(str(ARTIFACTS / "browser-themes.png"))

    go_to(browser, "Review")  # code 3 comments from the least-certain queue
    code_from_queue(browser, 3)
    browser.refresh()
    heading(browser, "Least certain first")
    idle(browser)
    coded = browser.find_element(By.XPATH, "//p[contains(., 'Coded by hand so far')]").text
    assert "Coded by hand so far: 3 distinct comments." in coded, coded
    idle(browser)
    browser.save_screenshot(str(ARTIFACTS / "browser-review.png"))

    go_to(browser, "Export")
    click_button(browser, "Download quote bank")
    target = downloaded(tmp_path / "downloads" / "hcsa_stp_2017_quotes-quotes.xlsx", 30)
    sheets = pd.read_excel(target, sheet_name=None)
    assert any("Not heard of STPs" in df.to_string() for df in sheets.values())


def test_a_survey_end_to_end(server: str, browser: Any, tmp_path: Path) -> None:
    """Upload a Qualtrics-style export, see every question, a cross-tab, download the report."""
    from docx import Document

    ARTIFACTS.mkdir(exist_ok=True)
    wide = HCSA.parent / "educators_wide.xlsx"
    browser.get(server)
    heading(browser, "Data")
    upload = wait(browser, 60).until(
        lambda d: d.find_element(By.CSS_SELECTOR, 'input[type="file"]'))
    upload.send_keys(str(wide))
    wait(browser, 120).until(  # the header rows were read as question texts
        lambda d: "Qualtrics" in d.find_element(By.TAG_NAME, "body").text)
    click_button(browser, "Analyse", seconds=60)
    heading(browser, "Themes overview", seconds=600)
    idle(browser, 240)
    body = browser.find_element(By.TAG_NAME, "body").text
    assert "Cross-tab: every theme by Considered proctoring" in body
    go_to(browser, "Survey")
    body = browser.find_element(By.TAG_NAME, "body").text
    assert "Why did you ultimately choose not to use online exam proctoring tools?" in body
    assert body.count("Open this question's themes") == 14
    browser.save_screenshot(str(ARTIFACTS / "browser-survey.png"))
    go_to(browser, "Export")
    click_button(browser, "Download report")
    target = downloaded(tmp_path / "downloads" / "educators_wide-report.docx", 120)
    headings = [p.text for p in Document(str(target)).paragraphs
                if p.style is not None and p.style.name == "Heading 1"]
    assert "Why did you consider using online exam proctoring tools?" in headings
    assert len([h for h in headings if h.endswith("?")]) >= 10
