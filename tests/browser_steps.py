"""Selenium steps against the Streamlit app, shared by the browser and crash tests."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

Driver = Any


def wait(driver: Driver, seconds: float = 60) -> WebDriverWait:  # type: ignore[type-arg]
    return WebDriverWait(driver, seconds, poll_frequency=0.25)


def idle(driver: Driver, seconds: float = 120) -> None:
    """Wait until the app has finished running its script."""
    wait(driver, seconds).until(lambda d: not d.find_elements(
        By.CSS_SELECTOR, '[data-testid="stStatusWidget"] button, [data-testid="stSpinner"]'))


def heading(driver: Driver, text: str, seconds: float = 120) -> None:
    wait(driver, seconds).until(ec.presence_of_element_located(
        (By.XPATH, f"//h1[contains(., '{text}')] | //h2[contains(., '{text}')]")))


def go_to(driver: Driver, page: str) -> None:
    label = wait(driver).until(ec.element_to_be_clickable((By.XPATH,
        f"//section[@data-testid='stSidebar']//label[.//p[normalize-space()='{page}']]")))
    label.click()
    headings = {"Themes": "Themes overview", "Edit": "Edit themes", "Review": "Least certain first"}
    heading(driver, "Theme" if page == "Theme" else headings.get(page, page))
    idle(driver)


def click_button(driver: Driver, text: str, seconds: float = 60) -> None:
    button = wait(driver, seconds).until(ec.element_to_be_clickable(
        (By.XPATH, f"//button[.//p[normalize-space()='{text}'] or normalize-space()='{text}']")))
    button.click()


def type_into(driver: Driver, aria_label: str, text: str) -> None:
    box = wait(driver).until(ec.element_to_be_clickable(
        (By.CSS_SELECTOR, f'input[aria-label="{aria_label}"]')))
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(text, Keys.ENTER)
    idle(driver)


def chart_text(driver: Driver) -> str:
    plots = wait(driver, 120).until(ec.presence_of_all_elements_located(
        (By.CSS_SELECTOR, ".js-plotly-plot")))
    return " ".join(p.text for p in plots)


def rename_first_theme(driver: Driver, label: str) -> None:
    go_to(driver, "Edit")
    type_into(driver, "New label", label)
    click_button(driver, "Rename")
    wait(driver, 120).until(ec.presence_of_element_located(
        (By.XPATH, "//div[@data-testid='stAlertContentSuccess'][contains(., 'Saved')]")))


def code_from_queue(driver: Driver, n: int) -> None:
    """On the Review page, confirm the model's choice for the first ``n`` comments and
    code them; wait for the saved message."""
    for i in range(1, n + 1):
        box = wait(driver).until(ec.element_to_be_clickable(
            (By.CSS_SELECTOR, f'input[role="combobox"][aria-label="Theme for comment {i}"]')))
        box.click()
        option = wait(driver).until(ec.element_to_be_clickable(
            (By.XPATH, "//*[@role='option'][contains(., \"the model's choice\")]")))
        option.click()
        idle(driver)
    click_button(driver, f"Code {n} comments and teach")
    wait(driver, 120).until(ec.presence_of_element_located(
        (By.XPATH, "//div[@data-testid='stAlertContentSuccess'][contains(., 'Saved: Coded')]")))


def downloaded(path: Path, seconds: float = 60) -> Path:
    """Wait for the browser to finish writing ``path``."""
    deadline = time.monotonic() + seconds
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.25)
    assert path.exists(), sorted(p.name for p in path.parent.glob("*"))
    return path
