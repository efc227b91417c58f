"""Per-theme stability from resampling (synthetic embeddings, no models)."""

from __future__ import annotations

import numpy as np
from test_cluster import blobs

from themesift.config import Config
from themesift.themes.cluster import find_themes
from themesift.themes.stability import jaccard_match, theme_stability


def test_jaccard_match_by_hand() -> None:
    within = np.array([0, 1, 2, 3, 4, 5])
    other = np.array([7, 7, 7, 8, 8, -1])
    # members {0, 1, 3}: with theme 7 {0,1,2} -> 2/4; with theme 8 {3,4} -> 1/4.
    assert jaccard_match(np.array([0, 1, 3]), other, within) == 0.5
    # Members outside the subsample do not count; none inside -> 0.
    assert jaccard_match(np.array([0, 1, 9]), other, within) == 2 / 3
    assert jaccard_match(np.array([9]), other, within) == 0.0


def test_separated_themes_are_stable_and_scores_in_unit_range() -> None:
    X, _ = blobs([30, 25, 20])
    labels, _ = find_themes(X, Config())
    scores = theme_stability(X, labels, Config())
    assert set(scores) == set(labels.tolist())
    assert all(0.0 <= v <= 1.0 for v in scores.values())
    assert min(scores.values()) > 0.95


def test_arbitrary_split_of_one_blob_is_less_stable_than_a_real_theme() -> None:
    X, truth = blobs([40, 60], spread=0.12, seed=1)
    # Blob 1 cut in half along a random direction: a split the data do not support.
    cut = X[truth == 1] @ np.random.RandomState(2).normal(size=X.shape[1]) > 0
    labels = truth.copy()
    labels[np.flatnonzero(truth == 1)[cut]] = 2
    scores = theme_stability(X, labels, Config())
    assert scores[0] > max(scores[1], scores[2])
    assert scores[0] > 0.9


def test_deterministic_off_switch_and_cap() -> None:
    X, _ = blobs([30, 20, 15], spread=0.4, seed=4)
    labels, _ = find_themes(X, Config())
    first = theme_stability(X, labels, Config())
    assert theme_stability(X, labels, Config()) == first
    assert theme_stability(X, labels, Config(stability_resamples=0)) == {}
    capped = theme_stability(X, labels, Config(stability_max_comments=30))
    assert set(capped) == set(first)
    assert all(0.0 <= v <= 1.0 for v in capped.values())
