"""Settings: every value is type- and range-checked, from TOML or from a model's manifest."""

from __future__ import annotations

import numpy as np
import pytest

from themesift.config import Config
from themesift.errors import ThemesiftError


def test_defaults_and_numpy_numbers_are_accepted() -> None:
    assert Config().max_themes == 40
    assert Config(n_themes=np.int64(5), unassigned_below=np.float32(0.3)).n_themes == 5


@pytest.mark.parametrize(("change", "message"), [
    ({"n_themes": 0}, "must be 1 to 200"),
    ({"n_themes": 10_000}, "must be 1 to 200"),
    ({"n_themes": True}, "must be a whole number"),
    ({"unassigned_below": "high"}, "must be a number"),
    ({"unassigned_below": 5.0}, "from -1.0 to 1.0"),
    ({"confidence_temperature": 0.0}, "confidence_temperature must be from"),
    ({"random_state": -1}, "random_state must be from 0"),
    ({"n_label_suggestions": 0}, "n_label_suggestions must be from 1"),
    ({"mmr_diversity": float("nan")}, "finite"),
    ({"redact_names": 1}, "true or false"),
])
def test_bad_values_are_one_clear_error(change, message) -> None:
    with pytest.raises(ThemesiftError, match=message):
        Config(**change)


def test_settings_files(tmp_path) -> None:
    path = tmp_path / "s.toml"
    path.write_text("\ufeff[themesift]\nn_keywords = 3\n", encoding="utf-8")  # a BOM is fine
    assert Config.from_toml(path).n_keywords == 3
    path.write_text("themesift = 5\n")
    with pytest.raises(ThemesiftError, match="must be a table"):
        Config.from_toml(path)
    path.write_bytes(b"n_keywords = 3\n# caf\xe9\n")
    with pytest.raises(ThemesiftError, match="cannot read settings file"):
        Config.from_toml(path)
    path.write_text("colour = 'blue'\n")
    with pytest.raises(ThemesiftError, match="unknown setting"):
        Config.from_toml(path)
