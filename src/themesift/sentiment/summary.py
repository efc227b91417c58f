"""Sentiment per theme and per family (of an analysis or a project), and per row."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from themesift.sentiment.themes import theme_sentiment
from themesift.types import (
    Analysis,
    Distinct,
    Family,
    FloatArray,
    Sentiment,
    Theme,
    ThemeSentiment,
)

Sides = dict[int, ThemeSentiment]


def grain_sentiment(sentiment: Sentiment | None, texts: Sequence[str], weights: Any,
                    X: FloatArray, themes: Sequence[Theme], centroids: FloatArray,
                    families: Sequence[Family], text_themes: Sequence[Sequence[int]]
                    ) -> tuple[Sides, Sides]:
    """How each theme's and each family's comments lean, by theme id and by family id.

    ``text_themes[i]``: the themes of distinct text ``i`` (primary first).  A family's
    keywords are its themes'; its centre is their size-weighted mean.
    """
    groups = [tuple(t for t in ts if t >= 0) for ts in text_themes]
    return (_theme_sides(sentiment, texts, weights, X, themes, centroids, groups),
            _family_sides(sentiment, texts, weights, X, themes, centroids, families, groups))


def _theme_sides(sentiment: Sentiment | None, texts: Sequence[str], weights: Any,
                 X: FloatArray, themes: Sequence[Theme], centroids: FloatArray,
                 groups: Sequence[tuple[int, ...]]) -> Sides:
    if sentiment is None:
        return {}
    return theme_sentiment(texts, weights, groups, {t.id: t.keywords for t in themes},
                           sentiment, X, {t.id: centroids[j] for j, t in enumerate(themes)})


def _family_sides(sentiment: Sentiment | None, texts: Sequence[str], weights: Any,
                  X: FloatArray, themes: Sequence[Theme], centroids: FloatArray,
                  families: Sequence[Family], groups: Sequence[tuple[int, ...]]) -> Sides:
    if sentiment is None or not families:
        return {}
    row = {t.id: j for j, t in enumerate(themes)}
    fam = {t: f.id for f in families for t in f.theme_ids}
    cents: dict[int, FloatArray] = {}
    for f in families:
        c = np.sum([centroids[row[t]] * max(themes[row[t]].size, 1) for t in f.theme_ids
                    if t in row], axis=0)
        cents[f.id] = np.asarray(c / max(float(np.linalg.norm(c)), 1e-12), dtype=np.float32)
    return theme_sentiment(
        texts, weights, [tuple(dict.fromkeys(fam[t] for t in g if t in fam)) for g in groups],
        {f.id: tuple(k for t in f.theme_ids if t in row for k in themes[row[t]].keywords)
         for f in families},
        sentiment, X, cents)


def _inputs(analysis: Analysis
            ) -> tuple[Sentiment, Distinct, FloatArray, list[tuple[int, ...]]] | None:
    """Sentiment, distinct texts, vectors and the themes of each distinct text of an
    analysis (None without sentiment or vectors)."""
    s, d, X = analysis.sentiment, analysis.distinct, analysis.embeddings
    if s is None or d is None or X is None:
        return None
    return s, d, X, [tuple(t for t in analysis.assignments.themes[int(r)] if t >= 0)
                     for r in d.row_of]


def analysis_sentiment(analysis: Analysis) -> tuple[Sides, Sides]:
    """:func:`grain_sentiment` of an analysis (empty without sentiment or embeddings)."""
    got = _inputs(analysis)
    if got is None:
        return {}, {}
    s, d, X, groups = got
    a = analysis
    return (_theme_sides(s, d.texts, d.weights, X, a.themes, a.centroids, groups),
            _family_sides(s, d.texts, d.weights, X, a.themes, a.centroids, a.families, groups))


def sentiment_by_theme(analysis: Analysis) -> Sides:
    got = _inputs(analysis)
    if got is None:
        return {}
    s, d, X, groups = got
    return _theme_sides(s, d.texts, d.weights, X, analysis.themes, analysis.centroids, groups)


def sentiment_by_family(analysis: Analysis) -> Sides:
    got = _inputs(analysis)
    if got is None:
        return {}
    s, d, X, groups = got
    return _family_sides(s, d.texts, d.weights, X, analysis.themes, analysis.centroids,
                         analysis.families, groups)


def row_sentiment(sentiment: Sentiment | None, source: np.ndarray, n_rows: int
                  ) -> tuple[list[str], list[float | None]]:
    """Label and score of each row (``source[r]``: its distinct text, -1 none: blank)."""
    if sentiment is None:
        return [""] * n_rows, [None] * n_rows
    labels = [sentiment.label[int(s)] if s >= 0 else "" for s in source]
    scores = [round(float(sentiment.score[int(s)]), 4) if s >= 0 else None for s in source]
    return labels, scores
