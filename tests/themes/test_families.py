"""Families: themes grouped over their centroids, order-independent, named like themes."""

from __future__ import annotations

import numpy as np
import pytest

from themesift.config import Config
from themesift.themes import describe_families, family_count, group_themes
from themesift.types import Theme


def _centroids(seed: int = 0) -> np.ndarray:
    """Twelve unit vectors in four tight groups of three."""
    rng = np.random.default_rng(seed)
    axes = np.eye(16)[:4]
    X = np.vstack([axes[g] + 0.15 * rng.standard_normal(16) for g in range(4) for _ in range(3)])
    return (X / np.linalg.norm(X, axis=1, keepdims=True)).astype(np.float32)


def test_family_count_is_about_three_themes_each_from_4_to_12() -> None:
    assert [family_count(n) for n in (1, 3, 4, 5, 12, 20, 30, 40, 77)] == \
        [1, 3, 4, 4, 4, 7, 10, 12, 12]


def test_near_themes_share_a_family_and_the_biggest_family_comes_first() -> None:
    C = _centroids()
    sizes = [1] * 9 + [50, 50, 50]  # the last group is the biggest
    fam = group_themes(C, sizes)
    assert [len(set(fam[i:i + 3])) for i in range(0, 12, 3)] == [1, 1, 1, 1]
    assert fam[9] == 0 and len(set(fam)) == 4


def test_grouping_does_not_depend_on_the_order_of_the_themes() -> None:
    C = _centroids(1)
    sizes = list(range(12, 0, -1))
    fam = group_themes(C, sizes)
    perm = np.random.default_rng(3).permutation(12)
    fam_perm = group_themes(C[perm], [sizes[i] for i in perm])
    together = {(a, b) for a in range(12) for b in range(12) if fam[a] == fam[b]}
    together_perm = {(perm[a], perm[b]) for a in range(12) for b in range(12)
                     if fam_perm[a] == fam_perm[b]}
    assert together == together_perm


@pytest.mark.parametrize("asked, expected", [(1, 1), (6, 6), (12, 12), (50, 12)])
def test_a_number_asked_for_is_given(asked: int, expected: int) -> None:
    assert len(set(group_themes(_centroids(), [1] * 12, asked))) == expected


def test_a_family_of_one_theme_is_the_theme() -> None:
    C = _centroids()[[0, 3, 6]]
    themes = [Theme(i, f"Theme {i}", (f"kw{i}",), 10 - i, 0.3, ("s",)) for i in range(3)]
    X = np.repeat(C, 2, axis=0)
    labels = np.array([0, 0, 1, 1, 2, 2])
    fams = describe_families(themes, C, labels, X, ["a"] * 6, np.ones(6, dtype=np.int64),
                             nlp=None, embed=lambda t: np.zeros((len(t), 16), np.float32),
                             config=Config(), custom_labels={1: "Mine"})
    assert [(f.label, f.theme_ids, f.keywords) for f in fams] == [
        ("Theme 0", (0,), ("kw0",)), ("Mine", (1,), ("kw1",)), ("Theme 2", (2,), ("kw2",))]
    assert fams[1].custom_label and not fams[0].custom_label
    assert [f.size for f in fams] == [10, 9, 8]
