"""ThemeModel: find themes in distinct comment embeddings and assign comments to them."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator

from themesift.config import Config
from themesift.nlp import load_nlp
from themesift.themes.assign import assign
from themesift.themes.cluster import find_themes
from themesift.themes.describe import Description, describe
from themesift.themes.families import describe_families
from themesift.themes.stability import theme_stability
from themesift.types import UNASSIGNED, Assignments, Embed, FloatArray, IntArray, Theme

log = logging.getLogger(__name__)


def canonical_ids(labels: IntArray, texts: Sequence[str], weights: IntArray) -> IntArray:
    """Renumber themes 0..k-1 by size (rows) desc, ties by their first text."""
    ids = [int(t) for t in np.unique(labels[labels >= 0])]
    first_text = {t: min(texts[int(i)] for i in np.flatnonzero(labels == t)) for t in ids}
    size = {t: int(weights[labels == t].sum()) for t in ids}
    order = sorted(ids, key=lambda t: (-size[t], first_text[t]))
    mapping = {old: new for new, old in enumerate(order)}
    return np.array([mapping.get(int(lab), UNASSIGNED) for lab in labels], dtype=np.int64)


class ThemeModel(BaseEstimator):  # type: ignore[misc]  # sklearn has no types
    """Themes of a corpus (scikit-learn estimator conventions).

    Collaborators come in the constructor: ``nlp``, a spaCy pipeline that reads
    the texts for label phrases (loaded on first use when None), and ``embed``,
    a function that embeds the label candidates with the same model as the
    texts.  ``fit`` takes the embeddings of the *distinct* substantive texts in
    a canonical (sorted) order, the texts, and how many rows share each text.

    Fitted attributes: ``themes_`` (tuple of Theme, each with its stability
    from :mod:`themesift.themes.stability`), ``centroids_`` (one unit row per theme,
    in ``themes_`` order), ``theme_ids_``, ``assignments_`` (for the fitted
    rows), ``quote_rows_``, ``families_`` (:mod:`themesift.themes.families`) and
    ``method_``.
    """

    def __init__(self, config: Config | None = None, *, nlp: Any = None,
                 embed: Embed | None = None) -> None:
        self.config = config
        self.nlp = nlp
        self.embed = embed

    def fit(self, X: FloatArray, texts: Sequence[str], weights: IntArray | None = None
            ) -> ThemeModel:
        if self.embed is None:
            raise ValueError("ThemeModel needs an embed function to name its themes")
        cfg = self.config or Config()
        nlp = self.nlp if self.nlp is not None else load_nlp()
        X = np.asarray(X, dtype=np.float32)
        w = np.ones(len(X), dtype=np.int64) if weights is None else np.asarray(weights)
        labels, self.method_ = find_themes(X, cfg)
        labels = canonical_ids(labels, texts, w)
        desc = describe(labels, X, texts, w, nlp=nlp, embed=self.embed, config=cfg)
        stability = theme_stability(X, labels, cfg)
        self._set_description(Description(
            themes=tuple(replace(t, stability=stability.get(t.id)) for t in desc.themes),
            centroids=desc.centroids, quote_rows=desc.quote_rows))
        self.assignments_ = self.predict(X)
        self.families_ = describe_families(
            self.themes_, self.centroids_, labels, X, texts, w, nlp=nlp, embed=self.embed,
            config=cfg, terms=[desc.terms.get(i) for i in range(len(texts))])
        return self

    def _set_description(self, desc: Description) -> None:
        self.themes_: tuple[Theme, ...] = desc.themes
        self.centroids_ = desc.centroids
        self.theme_ids_ = np.array([t.id for t in desc.themes], dtype=np.int64)
        self.quote_rows_: Mapping[int, tuple[tuple[int, float], ...]] = desc.quote_rows

    def predict(self, X: FloatArray) -> Assignments:
        cfg = self.config or Config()
        return assign(np.asarray(X, dtype=np.float32), self.centroids_, self.theme_ids_, cfg)
