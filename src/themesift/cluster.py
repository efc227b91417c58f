"""Theme discovery: group comment embeddings into themes, choosing the method by size.

* Few comments (below ``config.small_corpus`` distinct texts): k-means on
  the unit vectors with many seeded starts, the number of themes chosen by
  the cosine silhouette.
  UMAP and HDBSCAN need hundreds of points; on a few dozen they call
  everything noise.
* More: UMAP to 5 dimensions, then HDBSCAN finds dense groups; groups are then
  merged by centroid similarity until at most ``target_themes(n)`` remain.

Rows must come in a canonical order (the caller sorts distinct texts), so the
result does not depend on the order of the input file.
"""

from __future__ import annotations

import logging
import math

import numpy as np
from sklearn.base import BaseEstimator, ClusterMixin
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score

from themesift.config import Config
from themesift.types import FloatArray, IntArray, ThemesiftError

log = logging.getLogger(__name__)


def target_themes(n: int, max_themes: int = 40) -> int:
    """Most themes we let the automatic mode report for ``n`` distinct comments."""
    return int(min(max_themes, max(3, round(math.sqrt(n) / 2.5))))


def centroids_of(X: FloatArray, labels: IntArray) -> tuple[IntArray, FloatArray]:
    """Unit-length mean vector of each label >= 0, with the sorted label ids."""
    ids = np.unique(labels[labels >= 0])
    cents = np.stack([X[labels == k].mean(axis=0) for k in ids]) if len(ids) else X[:0]
    norms = np.linalg.norm(cents, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return ids.astype(np.int64), (cents / norms).astype(np.float32)


def merge_to(X: FloatArray, labels: IntArray, k: int) -> IntArray:
    """Merge clusters (by average-linkage on their centroids, size-weighted) down to ``k``."""
    labels = labels.copy()
    while True:
        ids, cents = centroids_of(X, labels)
        if len(ids) <= k:
            return labels
        sims = cents @ cents.T
        np.fill_diagonal(sims, -np.inf)
        sizes = np.array([(labels == i).sum() for i in ids])
        # Merge the smallest cluster into its most similar neighbour.
        small = int(np.lexsort((ids, sizes))[0])
        into = int(np.argmax(sims[small]))
        labels[labels == ids[small]] = ids[into]


def _relabel(labels: IntArray) -> IntArray:
    """Renumber cluster ids 0..k-1 by first appearance (outliers stay -1)."""
    out = np.full_like(labels, -1)
    mapping: dict[int, int] = {}
    for i, lab in enumerate(labels):
        if lab < 0:
            continue
        out[i] = mapping.setdefault(int(lab), len(mapping))
    return out


class ThemeFinder(ClusterMixin, BaseEstimator):
    """Cluster unit-length embeddings into themes (scikit-learn estimator).

    Fitted attributes: ``labels_`` (theme per row, -1 for outliers the
    caller re-assigns), ``method_`` and ``n_themes_``.
    """

    def __init__(self, config: Config | None = None) -> None:
        self.config = config

    def fit(self, X: FloatArray, y: None = None) -> ThemeFinder:
        cfg = self.config or Config()
        X = np.asarray(X, dtype=np.float32)
        n = len(X)
        if n == 0:
            raise ThemesiftError("no substantive comments to find themes in")
        if n < 3:
            labels = np.zeros(n, dtype=np.int64)
            self.method_ = "single"
        elif n < cfg.small_corpus:
            labels = self._small(X, cfg)
            self.method_ = "kmeans-silhouette"
        else:
            labels = self._large(X, cfg)
            self.method_ = "umap-hdbscan"
        self.labels_ = _relabel(labels)
        self.n_themes_ = int(self.labels_.max() + 1) if (self.labels_ >= 0).any() else 0
        log.info("%s found %d themes in %d comments", self.method_, self.n_themes_, n)
        return self

    # -- small corpora -------------------------------------------------
    def _small(self, X: FloatArray, cfg: Config) -> IntArray:
        n = len(X)
        if cfg.n_themes:
            return self._agglomerate(X, min(cfg.n_themes, n))
        k_min = 2 if n < 12 else 3
        k_max = max(k_min, min(cfg.max_themes, target_themes(n, cfg.max_themes) + 4, n - 1))
        best: tuple[float, int] | None = None
        best_labels = np.zeros(n, dtype=np.int64)
        for k in range(k_min, k_max + 1):
            labels = self._agglomerate(X, k)
            if len(np.unique(labels)) < 2:
                continue
            score = float(silhouette_score(X, labels, metric="cosine"))
            if best is None or score > best[0] + 1e-9:
                best, best_labels = (score, k), labels
        return best_labels

    @staticmethod
    def _agglomerate(X: FloatArray, k: int) -> IntArray:
        """Spherical k-means (unit vectors), many seeded starts: stable on tiny data."""
        km = KMeans(n_clusters=k, n_init=50, random_state=0)
        return km.fit_predict(X).astype(np.int64)

    # -- large corpora -------------------------------------------------
    def _large(self, X: FloatArray, cfg: Config) -> IntArray:
        import hdbscan
        from umap import UMAP

        n = len(X)
        reduced = UMAP(
            n_neighbors=15,
            n_components=5,
            min_dist=0.0,
            metric="cosine",
            random_state=cfg.random_state,
            n_jobs=1,
        ).fit_transform(X)
        if cfg.n_themes:
            km = KMeans(n_clusters=cfg.n_themes, n_init=10, random_state=cfg.random_state)
            return km.fit_predict(reduced).astype(np.int64)
        min_size = max(10, round(n * 0.004))
        labels = hdbscan.HDBSCAN(
            min_cluster_size=min_size,
            min_samples=max(5, min_size // 2),
            cluster_selection_method="eom",
        ).fit_predict(reduced).astype(np.int64)
        if (labels >= 0).sum() == 0:
            km = KMeans(n_clusters=target_themes(n, cfg.max_themes), n_init=10,
                        random_state=cfg.random_state)
            return km.fit_predict(reduced).astype(np.int64)
        return merge_to(X, labels, target_themes(n, cfg.max_themes))
