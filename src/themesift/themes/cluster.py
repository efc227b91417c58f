"""Theme discovery: group comment embeddings into themes.

Default (``method="kmeans"``): k-means on the unit-length sentence
embeddings.  Every theme must hold at least ``min_theme_size`` distinct
comments (a theme is something several people said).  The number of themes:

* a prior that grows with the corpus, ``sqrt(n)/2.5`` (3 to ``max_themes``);
* unless the cosine silhouette clearly prefers another k of the grid (by more
  than SILHOUETTE_MARGIN; on large corpora, on the curve averaged over
  neighbouring k).  On real comment embeddings the silhouette curve is nearly
  flat and its bumps are smaller than the spread between k-means runs, so its
  bare maximum flips between k = 4 and k = 40 when a few comments change;
  clear structure (19 survey quotes, separated topics) still wins.

How the work scales with the corpus:

* a few dozen comments: every k from 2-3 up to ``sqrt(n)/2.5 + 4``, 50
  seeded starts each (cheap, and stable on tiny data);
* hundreds to tens of thousands: a grid of k up to ``max_themes``, 4 starts,
  silhouette on a fixed sample of 4,000;
* above 20,000 distinct comments: k is chosen on a fixed 20,000 sample and
  the final k-means runs on everything.

Then every comment moves to its nearest theme centre until none moves, and
themes left below the minimum size are merged into their nearest neighbour.

``method="umap-hdbscan"`` is BERTopic's own recipe (UMAP to 5 dimensions,
HDBSCAN), followed by merging down to the same theme budget; kept for
comparison in ``bench/``. UMAP and HDBSCAN need hundreds of points: below
``config.small_corpus`` distinct comments k-means is used whatever the setting.

Rows must come in a canonical order (the caller sorts distinct texts), so the
result does not depend on the order of the input file.
"""

from __future__ import annotations

import logging
import math
import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from sklearn.base import BaseEstimator, ClusterMixin
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score
from threadpoolctl import threadpool_limits

from themesift.config import Config
from themesift.errors import ThemesiftError
from themesift.themes.assign import assign
from themesift.types import FloatArray, IntArray

log = logging.getLogger(__name__)

SILHOUETTE_SAMPLE = 4_000
SELECTION_SAMPLE = 20_000
LARGE_GRID = (4, 6, 8, 10, 12, 15, 18, 22, 26, 30, 35, 40, 50, 60)
MIN_THEME_SIZE = 3  # distinct comments
SILHOUETTE_MARGIN = 0.02  # a peak must beat the prior by this much (bench/K_CHOICE.md)
# The silhouette may take the number of themes down to this share of the prior, no lower:
# the fine level keeps distinct things apart, and families (themes.families) give the
# readable handful.  On comment embeddings a silhouette peak at a small k is one dominant
# split (praise vs complaint), which said "4 themes" of 5,000 comments coded into 9 reasons.
FEWEST_OF_PRIOR = 0.5
SMALL_N_INIT = 50  # k-means starts per k under 300 distinct comments
REFINE_ROUNDS = 10  # at most; stops when no comment moves
# One thread for k-means: on a busy 2-core machine OpenMP's spinning threads made
# it 7x slower than one thread, and the clustering is small next to embedding.
CLUSTER_THREADS = 1
MAX_GRID_THREADS = 4


def grid_threads() -> int:
    """Values of k fitted at once: one per core, at most MAX_GRID_THREADS."""
    return max(1, min(os.cpu_count() or 1, MAX_GRID_THREADS))


def target_themes(n: int, max_themes: int = 40) -> int:
    """The prior number of themes for ``n`` distinct comments (also the HDBSCAN budget)."""
    return int(min(max_themes, max(3, round(math.sqrt(n) / 2.5))))


def _around(ks: list[int], at: int) -> list[int]:
    """``ks[at]`` and its neighbours in the sorted grid ``ks`` (one each side)."""
    return ks[max(0, at - 1):at + 2]


def smoothed(scores: dict[int, float]) -> dict[int, float]:
    """Each k's silhouette averaged with its neighbours' in the grid (one each side).

    A single k-means run's silhouette swings by up to ~0.03 when a few comments
    change (one run lands in a local optimum that isolates a tight group, the
    next does not), so a spike at one k is not evidence; a peak that holds over
    neighbouring k is.
    """
    ks = sorted(scores)
    return {k: float(np.mean([scores[j] for j in _around(ks, i)])) for i, k in enumerate(ks)}


def choose_k(scores: dict[int, float], prior: int, smooth: bool = True) -> int:
    """The tried k nearest ``prior``, unless the silhouette clearly prefers another k (not
    fewer than FEWEST_OF_PRIOR of the prior).

    "Clearly": by more than SILHOUETTE_MARGIN, on the curve smoothed over
    neighbouring k when ``smooth`` (a few k-means starts per k); the k is then
    the best single one of the winning region.  On comment
    embeddings the silhouette curve is nearly flat, and its bumps are smaller
    than the spread between k-means runs, so its bare maximum is a coin toss.
    """
    curve = smoothed(scores) if smooth else scores
    floor = math.ceil(FEWEST_OF_PRIOR * prior)
    curve = {k: v for k, v in curve.items() if k >= floor} or curve
    near = min(curve, key=lambda k: (abs(k - prior), k))
    best = max(curve, key=lambda k: (curve[k], -k))
    if curve[best] <= curve[near] + SILHOUETTE_MARGIN:
        return near
    if not smooth:
        return best
    # The smoothed curve says a peak region beats the prior; within it (the best k
    # and its neighbours) take the k whose own silhouette is highest, so a sharp
    # peak (6 well-separated groups) is not blurred onto its neighbour.
    ks = sorted(scores)
    return max((k for k in _around(ks, ks.index(best)) if k in curve),
               key=lambda k: (scores[k], -k))


def min_theme_size(n: int) -> int:
    """Fewest distinct comments in a theme: 3, less only in a handful of comments."""
    return max(1, min(MIN_THEME_SIZE, n // 3))


def centroids_of(X: FloatArray, labels: IntArray) -> tuple[IntArray, FloatArray]:
    """Unit-length mean vector of each label >= 0, with the sorted label ids."""
    ids = np.unique(labels[labels >= 0])
    cents = np.stack([X[labels == k].mean(axis=0) for k in ids]) if len(ids) else X[:0]
    norms = np.linalg.norm(cents, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return ids.astype(np.int64), (cents / norms).astype(np.float32)


def merge_to(X: FloatArray, labels: IntArray, k: int) -> IntArray:
    """Merge the smallest cluster into its most similar one until ``k`` remain."""
    labels = labels.copy()
    while True:
        ids, cents = centroids_of(X, labels)
        if len(ids) <= k:
            return labels
        sims = cents @ cents.T
        np.fill_diagonal(sims, -np.inf)
        sizes = np.array([(labels == i).sum() for i in ids])
        small = int(np.lexsort((ids, sizes))[0])
        into = int(np.argmax(sims[small]))
        labels[labels == ids[small]] = ids[into]


def merge_small(X: FloatArray, labels: IntArray, min_size: int) -> IntArray:
    """Dissolve clusters under ``min_size`` members, smallest first.

    Each member of a dissolved cluster moves to the nearest remaining centre;
    at least one cluster is always kept.
    """
    labels = labels.copy()
    while True:
        ids, cents = centroids_of(X, labels)
        sizes = np.array([(labels == i).sum() for i in ids])
        if len(ids) <= 1 or sizes.min() >= min_size:
            return labels
        small = int(np.lexsort((ids, sizes))[0])
        keep = np.arange(len(ids)) != small
        rows = np.flatnonzero(labels == ids[small])
        nearest = np.argmax(X[rows] @ cents[keep].T, axis=1)
        labels[rows] = ids[keep][nearest]


def _relabel(labels: IntArray) -> IntArray:
    """Renumber cluster ids 0..k-1 by first appearance (outliers stay -1)."""
    out = np.full_like(labels, -1)
    mapping: dict[int, int] = {}
    for i, lab in enumerate(labels):
        if lab >= 0:
            out[i] = mapping.setdefault(int(lab), len(mapping))
    return out


def _sample(n: int, size: int, seed: int) -> IntArray:
    if n <= size:
        return np.arange(n)
    return np.sort(np.random.RandomState(seed).choice(n, size, replace=False))


def k_grid(n: int, max_themes: int) -> list[int]:
    if n < 12:
        return list(range(2, max(2, n - 1) + 1))
    if n < 300:
        top = min(max_themes, round(math.sqrt(n) / 2.5) + 4, n // 3)
        return list(range(3, max(3, top) + 1))
    return [k for k in LARGE_GRID if k <= min(max_themes, n // 10)] or [3]


def _kmeans(X: FloatArray, k: int, seed: int, n_init: int) -> IntArray:
    labels = KMeans(n_clusters=k, n_init=n_init, random_state=seed).fit_predict(X)
    return np.asarray(labels, dtype=np.int64)


class ThemeFinder(ClusterMixin, BaseEstimator):  # type: ignore[misc]  # sklearn has no types
    """Cluster unit-length embeddings into themes (scikit-learn estimator).

    Fitted attributes: ``labels_`` (theme per row; -1 for outliers, which the
    caller re-assigns), ``method_``, ``n_themes_`` and ``scores_`` (silhouette
    per k tried; k whose smallest theme is under the minimum size are left out).
    """

    def __init__(self, config: Config | None = None, method: str = "kmeans") -> None:
        self.config = config
        self.method = method

    def fit(self, X: FloatArray, y: None = None) -> ThemeFinder:
        cfg = self.config or Config()
        X = np.asarray(X, dtype=np.float32)
        n = len(X)
        self.scores_: dict[int, float] = {}
        if n == 0:
            raise ThemesiftError("no substantive comments to find themes in")
        if self.method not in ("kmeans", "umap-hdbscan"):
            raise ThemesiftError(f"unknown method '{self.method}'; use kmeans or umap-hdbscan")
        if n < 3:
            labels, self.method_ = np.zeros(n, dtype=np.int64), "single"
        elif self.method == "umap-hdbscan" and n >= cfg.small_corpus:
            labels, self.method_ = self._umap_hdbscan(X, cfg), "umap-hdbscan"
        else:
            labels, self.method_ = self._kmeans_auto(X, cfg), "kmeans-silhouette"
        self.labels_ = _relabel(labels)
        self.n_themes_ = int(self.labels_.max() + 1) if (self.labels_ >= 0).any() else 0
        log.info("%s found %d themes in %d comments", self.method_, self.n_themes_, n)
        return self

    def _kmeans_auto(self, X: FloatArray, cfg: Config) -> IntArray:
        n = len(X)
        seed = cfg.random_state
        n_init = SMALL_N_INIT if n < 300 else 4
        if cfg.n_themes:
            return _kmeans(X, min(cfg.n_themes, n), seed, n_init)
        pick = _sample(n, SELECTION_SAMPLE, seed)
        Xs = X[pick]
        min_size = min_theme_size(len(Xs))
        score_rows = _sample(len(Xs), SILHOUETTE_SAMPLE, seed)
        prior = target_themes(len(Xs), cfg.max_themes)
        found: dict[int, IntArray] = {}
        undersized: dict[int, tuple[float, IntArray]] = {}

        def fit_k(k: int) -> tuple[int, IntArray, float | None]:
            # OpenMP's thread limit is per thread: set it in this one too.
            with threadpool_limits(limits=CLUSTER_THREADS, user_api="openmp"):
                labels = _kmeans(Xs, k, seed, n_init)
                if len(np.unique(labels[score_rows])) < 2:
                    return k, labels, None
                return k, labels, float(silhouette_score(Xs[score_rows], labels[score_rows],
                                                         metric="cosine"))

        grid = sorted({*k_grid(len(Xs), cfg.max_themes), min(prior, len(Xs) - 1)})
        # Each k-means is single-threaded and seeded, so fitting several k at once in
        # threads (the work runs outside the GIL) gives the same themes, faster; the
        # silhouettes may differ in the last bits (BLAS rounding), far below the margin.
        with ThreadPoolExecutor(grid_threads()) as pool:
            fitted = list(pool.map(fit_k, grid))
        for k, labels, score in fitted:
            if score is None:
                continue
            if np.bincount(labels).min() < min_size:
                undersized[k] = (score, labels)
                continue
            self.scores_[k] = score
            found[k] = labels
        if not found:  # every k leaves a tiny theme: take the best; refine() merges it
            if not undersized:
                return np.zeros(n, dtype=np.int64)
            found = {k: lab for k, (_, lab) in undersized.items()}
            self.scores_ = {k: sc for k, (sc, _) in undersized.items()}
        # Small corpora: 50 starts per k keep each silhouette steady, and every k is
        # tried, so a peak at one k stands; large ones: 4 starts, smooth over k.
        best_k = choose_k(self.scores_, prior, smooth=n_init < SMALL_N_INIT)
        if len(pick) == n:
            return found[best_k]
        return _kmeans(X, best_k, seed, n_init)

    def _umap_hdbscan(self, X: FloatArray, cfg: Config) -> IntArray:
        import hdbscan
        from umap import UMAP

        n = len(X)
        reduced = UMAP(
            n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine",
            random_state=cfg.random_state, n_jobs=1,
        ).fit_transform(X)
        if cfg.n_themes:
            return _kmeans(reduced, cfg.n_themes, cfg.random_state, 10)
        min_size = max(10, round(n * 0.004))
        labels = hdbscan.HDBSCAN(
            min_cluster_size=min_size, min_samples=max(5, min_size // 2),
            cluster_selection_method="eom",
        ).fit_predict(reduced).astype(np.int64)
        if (labels >= 0).sum() == 0:
            return _kmeans(reduced, target_themes(n, cfg.max_themes), cfg.random_state, 10)
        return merge_to(X, labels, target_themes(n, cfg.max_themes))


def refine(X: FloatArray, labels: IntArray, config: Config) -> IntArray:
    """Move every row (outliers included) to its nearest centre; drop tiny themes.

    Rows with no centre within ``config.unassigned_below`` become -1.  Themes
    that end under the minimum size are merged into their nearest neighbour,
    unless the user asked for an exact number of themes.  The result is a
    fixed point: each row's nearest centre (of the themes' own members) is its
    theme, so ``assign`` with the final centres gives the same labels.
    """
    labels = _settle(X, labels, config)
    if not config.n_themes:
        kept = labels >= 0
        merged = merge_small(X[kept], labels[kept], min_theme_size(len(X)))
        if not np.array_equal(merged, labels[kept]):
            labels = labels.copy()
            labels[kept] = merged
            labels = _settle(X, labels, config)
    return labels


def _settle(X: FloatArray, labels: IntArray, config: Config) -> IntArray:
    for _ in range(REFINE_ROUNDS):
        ids, cents = centroids_of(X, labels)
        if len(ids) == 0:
            return labels
        moved = assign(X, cents, ids, config).primary
        if np.array_equal(moved, labels):
            break
        labels = moved
    return labels


def find_themes(X: FloatArray, config: Config) -> tuple[IntArray, str]:
    """Theme of each row (-1 when none fits) and the method used: cluster, then refine."""
    X = np.asarray(X, dtype=np.float32)
    with threadpool_limits(limits=CLUSTER_THREADS):
        finder = ThemeFinder(config, method=config.method).fit(X)
        return refine(X, finder.labels_, config), finder.method_
