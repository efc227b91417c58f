"""Shared fixtures. Tests marked ``slow`` load the real spaCy and MiniLM models."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest_plugins = ["app_support"]  # the AppTest fixtures: folder, at

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
HCSA = DATA / "hcsa_stp_2017_quotes.csv"
NHS_SAMPLE = DATA / "nhs_fft_sample.csv"


@pytest.fixture(scope="session", autouse=True)
def _offline_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Offline models; an embedding cache private to this test session."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("THEMESIFT_CACHE", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(scope="session")
def hcsa_path() -> Path:
    return HCSA


@pytest.fixture(scope="session")
def nhs_small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A few hundred real NHS comments (first 400 rows of the bundled sample)."""
    import pandas as pd

    path = tmp_path_factory.mktemp("nhs") / "nhs_400.csv"
    pd.read_csv(NHS_SAMPLE).head(400).to_csv(path, index=False)
    return path
