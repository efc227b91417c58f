"""Tests for the least-certain queue (themesift.themes.review)."""

from __future__ import annotations

import numpy as np
import pytest

from themesift.themes import least_certain


def _unit(rows: list[list[float]]) -> np.ndarray:
    a = np.array(rows, dtype=np.float32)
    return a / np.linalg.norm(a, axis=1, keepdims=True)


CENTROIDS = _unit([[1, 0, 0], [0, 1, 0], [0, 0, 1]])
IDS = np.array([10, 20, 30])


def test_the_smallest_margin_comes_first_with_its_two_themes() -> None:
    X = _unit([[1, 0, 0], [1, 0.9, 0], [0, 1, 0.5], [0, 0.2, 1]])
    texts = ["sure a", "between a and b", "mostly b", "sure c"]
    queue = least_certain(X, texts, CENTROIDS, IDS, n=2, weights=[1, 3, 1, 1])
    assert [u.text for u in queue] == ["between a and b", "mostly b"]
    first = queue[0]
    assert (first.first, first.second, first.rows) == (10, 20, 3)
    expected = float(X[1] @ CENTROIDS[0] - X[1] @ CENTROIDS[1])
    assert first.margin == pytest.approx(expected, abs=1e-4)
    assert queue[0].margin <= queue[1].margin


def test_the_queue_does_not_depend_on_row_order() -> None:
    rng = np.random.default_rng(0)
    X = _unit(rng.normal(size=(40, 3)).tolist())
    texts = [f"comment {i}" for i in range(40)]
    order = rng.permutation(40)
    a = least_certain(X, texts, CENTROIDS, IDS, n=10)
    b = least_certain(X[order], [texts[i] for i in order], CENTROIDS, IDS, n=10)
    assert a == b


def test_one_theme_gives_no_queue_and_n_must_be_positive() -> None:
    X = _unit([[1, 0, 0]])
    assert least_certain(X, ["x"], CENTROIDS[:1], IDS[:1]) == ()
    with pytest.raises(ValueError):
        least_certain(X, ["x"], CENTROIDS, IDS, n=0)
