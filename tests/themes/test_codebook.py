"""Tests for codebooks: reading them and coding comments with them (themesift.themes.codebook)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
import pandas as pd
import pytest

from themesift.config import Config
from themesift.errors import ThemesiftError
from themesift.ingest import codes_from_frame
from themesift.themes import CodebookModel, assign, code_prototypes
from themesift.types import UNASSIGNED, Code

AXES = {"money": 0, "funding": 0, "cuts": 0, "budget": 0, "parking": 1, "car": 1, "bus": 1,
        "staff": 2, "nurse": 2, "kind": 2, "wifi": 3, "signal": 3, "internet": 3}


def toy_embed(texts: Sequence[str]) -> np.ndarray:
    """Words of the same topic share an axis; every other word a small hashed one."""
    out = np.zeros((len(texts), 16), dtype=np.float32)
    for i, text in enumerate(texts):
        for word in text.lower().replace(",", " ").replace(":", " ").split():
            if word in AXES:
                out[i, AXES[word]] += 1.0
            else:
                out[i, 4 + int(hashlib.md5(word.encode()).hexdigest(), 16) % 12] += 0.15
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


CODES = (Code("Funding", "money and budget cuts", ("funding cuts",)),
         Code("Parking", "car parking and the bus"),
         Code("Food", "meals on the ward"))
TEXTS = ["funding cuts again", "no money in the budget", "parking is a nightmare",
         "the car park and bus", "wifi signal is poor", "no wifi or internet signal",
         "internet and wifi down", "wifi signal lost", "the wifi never works",
         "poor internet signal", "signal wifi", "internet wifi signal", "wifi wifi",
         "no internet", "internet signal weak", "weak wifi"]  # 12 about wifi: a new theme


@pytest.mark.slow
def test_codes_are_themes_with_their_names_and_new_themes_are_marked() -> None:
    X = toy_embed(TEXTS)
    model = CodebookModel(CODES, Config(stability_resamples=0), embed=toy_embed).fit(X, TEXTS)
    assert [t.label for t in model.themes_[:3]] == ["Funding", "Parking", "Food"]
    assert [t.origin for t in model.themes_[:3]] == ["code"] * 3
    food = model.themes_[2]
    assert food.size == 0 and food.keywords == ()  # a code no comment fits is still listed
    new = model.themes_[3:]
    assert new and all(t.origin == "new" for t in new)
    primary = dict(zip(TEXTS, model.assignments_.primary.tolist(), strict=True))
    assert primary["funding cuts again"] == 0 and primary["the car park and bus"] == 1
    assert all(primary[t] >= 3 for t in TEXTS if "wifi" in t or "internet" in t)
    # the codes' centres are their prototypes, listed first: tag assigns as fit did
    again = assign(X, model.centroids_, model.theme_ids_, Config(), codes=3)
    assert again.primary.tolist() == model.assignments_.primary.tolist()


@pytest.mark.slow
def test_without_discover_what_no_code_fits_is_unassigned() -> None:
    X = toy_embed(TEXTS)
    model = CodebookModel(CODES, Config(discover=False, stability_resamples=0),
                          embed=toy_embed).fit(X, TEXTS)
    assert len(model.themes_) == 3 and model.method_ == "codebook"
    wifi = [i for i, t in enumerate(TEXTS) if "wifi" in t]
    assert (model.assignments_.primary[wifi] == UNASSIGNED).all()


def test_a_prototype_is_the_mean_of_description_and_examples() -> None:
    P = code_prototypes(CODES, toy_embed)
    assert P.shape == (3, 16)
    assert np.allclose(np.linalg.norm(P, axis=1), 1.0, atol=1e-5)
    both = toy_embed(["Funding: money and budget cuts"])[0] + toy_embed(["funding cuts"])[0]
    assert np.allclose(P[0], both / np.linalg.norm(both), atol=1e-5)


def test_a_comment_can_take_several_codes() -> None:
    P = code_prototypes(CODES, toy_embed)
    X = toy_embed(["funding cuts mean no parking for the car"])
    got = assign(X, P, np.arange(3), Config(), codes=3)
    assert set(got.themes[0]) == {0, 1}


def test_codebook_tables_are_read_and_bad_ones_refused() -> None:
    frame = pd.DataFrame({"Code": ["Funding", "Cuts", ""], "Description": ["money", None, None],
                          "examples": ["a | b", None, None], "parent": ["", "Funding", ""]})
    codes = codes_from_frame(frame)
    assert codes == (Code("Funding", "money", ("a", "b")), Code("Cuts", parent="Funding"))
    with pytest.raises(ThemesiftError, match="no 'code' column"):
        codes_from_frame(pd.DataFrame({"x": ["a"]}))
    with pytest.raises(ThemesiftError, match="twice"):
        codes_from_frame(pd.DataFrame({"code": ["A", "a"]}))
    with pytest.raises(ThemesiftError, match="parent"):
        codes_from_frame(pd.DataFrame({"code": ["A"], "parent": ["Missing"]}))
    with pytest.raises(ThemesiftError, match="no codes"):
        codes_from_frame(pd.DataFrame({"code": ["", None]}))
