"""Theme finder on synthetic embeddings (no models)."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from themesift.config import Config
from themesift.errors import ThemesiftError
from themesift.themes.assign import assign
from themesift.themes.cluster import (
    ThemeFinder,
    centroids_of,
    choose_k,
    find_themes,
    merge_small,
    min_theme_size,
    refine,
    smoothed,
)


def _unit(a: np.ndarray) -> np.ndarray:
    return (a / np.linalg.norm(a, axis=1, keepdims=True)).astype(np.float32)


def blobs(sizes: list[int], dim: int = 24, spread: float = 0.15, seed: int = 0) -> tuple:
    """Unit vectors around ``len(sizes)`` orthogonal directions; true labels."""
    rng = np.random.RandomState(seed)
    rows, truth = [], []
    for k, size in enumerate(sizes):
        centre = np.zeros(dim)
        centre[k] = 1.0
        rows.append(centre + spread * rng.normal(size=(size, dim)))
        truth += [k] * size
    return _unit(np.vstack(rows)), np.array(truth)


def test_min_theme_size_is_three_except_in_a_handful() -> None:
    assert [min_theme_size(n) for n in (1, 2, 3, 6, 8, 9, 19, 10_000)] == [1, 1, 1, 2, 2, 3, 3, 3]


def test_choose_k_keeps_the_prior_on_a_flat_curve_and_follows_a_clear_peak() -> None:
    flat = {4: 0.059, 10: 0.046, 25: 0.055, 40: 0.061}
    assert choose_k(flat, prior=25) == 25
    assert choose_k(flat, prior=27) == 25  # nearest k tried
    broad_peak = {4: 0.06, 10: 0.10, 15: 0.11, 22: 0.10, 25: 0.06, 30: 0.06, 40: 0.06}
    assert choose_k(broad_peak, prior=25) == 15


def test_choose_k_ignores_a_spike_at_a_single_k() -> None:
    # One lucky k-means run at k=15; its neighbours do not share the peak.
    spike = {4: 0.06, 10: 0.06, 15: 0.11, 22: 0.06, 25: 0.06, 30: 0.06, 40: 0.06}
    assert choose_k(spike, prior=25) == 25
    assert choose_k(spike, prior=25, smooth=False) == 15  # few k tried, many starts each
    assert smoothed(spike)[15] == pytest.approx((0.06 + 0.11 + 0.06) / 3)
    assert smoothed(spike)[4] == pytest.approx((0.06 + 0.06) / 2)  # one neighbour at the ends


def test_choose_k_takes_the_sharpest_k_of_the_winning_region() -> None:
    # Six clear groups: the smoothed curve peaks at 4 (its neighbour 6 lifts it),
    # but within that region k=6 has the highest silhouette of its own.
    sharp = {4: 0.10, 6: 0.16, 8: 0.09, 10: 0.06, 12: 0.06}
    assert choose_k(sharp, prior=10) == 6


def test_choose_k_never_goes_below_half_the_prior() -> None:
    # One dominant split (praise vs complaint) peaks at 4; families show the few groups,
    # the fine level keeps at least half the prior's themes.
    split = {4: 0.20, 6: 0.19, 8: 0.10, 10: 0.06, 15: 0.06, 22: 0.06, 26: 0.06, 30: 0.06}
    assert choose_k(split, prior=26) == 26
    assert choose_k({**split, 15: 0.15, 18: 0.15, 22: 0.15}, prior=26) >= 13


def test_finder_finds_six_separated_groups_on_the_large_grid() -> None:
    X, truth = blobs([100] * 6, dim=32, spread=0.3, seed=7)  # 600 comments: 4 starts per k
    finder = ThemeFinder(Config()).fit(X)
    assert finder.n_themes_ == 6
    assert adjusted_rand_score(truth, finder.labels_) > 0.85  # the groups overlap a little


def test_merge_small_dissolves_tiny_clusters_into_the_nearest() -> None:
    X, truth = blobs([6, 6])
    labels = truth.copy()
    labels[0] = 2  # a one-member cluster, really part of blob 0
    merged = merge_small(X, labels, 3)
    assert set(merged.tolist()) == {0, 1}
    assert merged[0] == 0


def test_merge_small_keeps_one_cluster_at_least() -> None:
    X, _ = blobs([2])
    assert merge_small(X, np.array([0, 1]), 3).tolist() in ([0, 0], [1, 1])


def test_finder_recovers_separated_themes_with_no_tiny_ones() -> None:
    X, truth = blobs([30, 25, 20, 15, 2])  # the last "theme" is only two comments
    labels, method = find_themes(X, Config())
    assert method == "kmeans-silhouette"
    sizes = np.bincount(labels[labels >= 0])
    assert sizes.min() >= min_theme_size(len(X))
    # The four real blobs come back whole.
    for k in range(4):
        assert len(set(labels[truth == k].tolist())) == 1
    assert len(set(labels[truth < 4].tolist())) == 4


def test_refined_labels_are_a_fixed_point_of_assign() -> None:
    X, _ = blobs([40, 30, 20], spread=0.4, seed=3)
    cfg = Config()
    start = np.random.RandomState(0).randint(0, 3, len(X))
    labels = refine(X, start, cfg)
    ids, cents = centroids_of(X, labels)
    assert assign(X, cents, ids, cfg).primary.tolist() == labels.tolist()


def test_asked_number_of_themes_is_kept() -> None:
    X, _ = blobs([20, 20, 20])
    labels, _ = find_themes(X, Config(n_themes=5))
    assert len(set(labels.tolist()) - {-1}) == 5


def test_same_input_same_themes() -> None:
    X, _ = blobs([20, 15, 12, 9], spread=0.5, seed=5)
    a, _ = find_themes(X, Config())
    b, _ = find_themes(X.copy(), Config())
    assert a.tolist() == b.tolist()


def test_finder_errors_and_tiny_inputs() -> None:
    with pytest.raises(ThemesiftError):
        ThemeFinder(Config()).fit(np.zeros((0, 4), dtype=np.float32))
    with pytest.raises(ThemesiftError):
        ThemeFinder(Config(), method="magic").fit(blobs([5])[0])
    two = ThemeFinder(Config()).fit(blobs([2])[0])
    assert two.labels_.tolist() == [0, 0]


def test_grid_threads_do_not_change_the_themes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fitting the k grid in threads gives exactly the one-thread themes and scores."""
    import themesift.themes.cluster as cluster

    X, _ = blobs([150, 120, 90, 60, 40], dim=32, spread=0.6, seed=7)  # 460: the large grid
    monkeypatch.setattr(cluster, "grid_threads", lambda: 1)
    one = ThemeFinder(Config()).fit(X)
    monkeypatch.setattr(cluster, "grid_threads", lambda: 3)
    three = ThemeFinder(Config()).fit(X)
    assert one.labels_.tolist() == three.labels_.tolist()
    # BLAS may round the silhouette differently in the last bits (memory alignment);
    # far below SILHOUETTE_MARGIN, which decides k.
    assert one.scores_.keys() == three.scores_.keys() and len(one.scores_) > 3
    for k, score in one.scores_.items():
        assert score == pytest.approx(three.scores_[k], rel=1e-6, abs=1e-9)
