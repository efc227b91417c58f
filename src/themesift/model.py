"""ThemeModel: find themes in distinct comment embeddings and assign comments to them."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator

from themesift.assign import assign
from themesift.cluster import find_themes
from themesift.config import Config
from themesift.describe import Description, describe
from themesift.stability import theme_stability
from themesift.types import UNASSIGNED, Assignments, FloatArray, IntArray, Theme

log = logging.getLogger(__name__)


def _canonical_ids(labels: IntArray, texts: Sequence[str], weights: IntArray) -> IntArray:
    """Renumber themes 0..k-1 by size (rows) desc, ties by their first text."""
    ids = [int(t) for t in np.unique(labels[labels >= 0])]
    first_text = {t: min(texts[i] for i in np.flatnonzero(labels == t)) for t in ids}
    size = {t: int(weights[labels == t].sum()) for t in ids}
    order = sorted(ids, key=lambda t: (-size[t], first_text[t]))
    mapping = {old: new for new, old in enumerate(order)}
    return np.array([mapping.get(int(lab), UNASSIGNED) for lab in labels], dtype=np.int64)


class ThemeModel(BaseEstimator):
    """Themes of a corpus (scikit-learn estimator conventions).

    ``fit`` takes the embeddings of the *distinct* substantive texts in a
    canonical (sorted) order, with how many rows share each text.

    Fitted attributes: ``themes_`` (tuple of Theme, each with its stability
    from :mod:`themesift.stability`), ``centroids_`` (one unit row per theme,
    in ``themes_`` order), ``theme_ids_``, ``assignments_`` (for the fitted
    rows), ``quote_rows_`` and ``method_``.
    """

    def __init__(self, config: Config | None = None) -> None:
        self.config = config

    def fit(
        self,
        X: FloatArray,
        texts: Sequence[str],
        weights: IntArray | None = None,
        *,
        nlp: Any,
        embed: Callable[[Sequence[str]], FloatArray],
    ) -> ThemeModel:
        cfg = self.config or Config()
        X = np.asarray(X, dtype=np.float32)
        w = np.ones(len(X), dtype=np.int64) if weights is None else np.asarray(weights)
        labels, self.method_ = find_themes(X, cfg)
        labels = _canonical_ids(labels, texts, w)
        desc = describe(labels, X, texts, w, nlp=nlp, embed=embed, config=cfg)
        stability = theme_stability(X, labels, cfg)
        self._set_description(Description(
            themes=tuple(replace(t, stability=stability.get(t.id)) for t in desc.themes),
            centroids=desc.centroids, quote_rows=desc.quote_rows))
        self.assignments_ = self.predict(X)
        return self

    def _set_description(self, desc: Description) -> None:
        self.themes_: tuple[Theme, ...] = desc.themes
        self.centroids_ = desc.centroids
        self.theme_ids_ = np.array([t.id for t in desc.themes], dtype=np.int64)
        self.quote_rows_: Mapping[int, tuple[tuple[int, float], ...]] = desc.quote_rows

    def predict(self, X: FloatArray) -> Assignments:
        cfg = self.config or Config()
        return assign(np.asarray(X, dtype=np.float32), self.centroids_, self.theme_ids_, cfg)
