"""Sentiment per theme and per family (of an analysis or a project), and per row."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from themesift.sentiment.themes import theme_sentiment
from themesift.types import Analysis, Family, FloatArray, Sentiment, Theme, ThemeSentiment

Sides = dict[int, ThemeSentiment]


def grain_sentiment(sentiment: Sentiment | None, texts: Sequence[str], weights: Any,
                    X: FloatArray, themes: Sequence[Theme], centroids: FloatArray,
                    families: Sequence[Family], text_themes: Sequence[Sequence[int]]
                    ) -> tuple[Sides, Sides]:
    """How each theme's and each family's comments lean, by theme id and by family id.

    ``text_themes[i]``: the themes of distinct text ``i`` (primary first).  A family's
    keywords are its themes'; its centre is their size-weighted mean.
    """
    if sentiment is None:
        return {}, {}
    groups = [tuple(t for t in ts if t >= 0) for ts in text_themes]
    row = {t.id: j for j, t in enumerate(themes)}
    by_theme = theme_sentiment(texts, weights, groups, {t.id: t.keywords for t in themes},
                               sentiment, X, {t.id: centroids[j] for j, t in enumerate(themes)})
    if not families:
        return by_theme, {}
    fam = {t: f.id for f in families for t in f.theme_ids}
    cents: dict[int, FloatArray] = {}
    for f in families:
        c = np.sum([centroids[row[t]] * max(themes[row[t]].size, 1) for t in f.theme_ids
                    if t in row], axis=0)
        cents[f.id] = np.asarray(c / max(float(np.linalg.norm(c)), 1e-12), dtype=np.float32)
    by_family = theme_sentiment(
        texts, weights, [tuple(dict.fromkeys(fam[t] for t in g if t in fam)) for g in groups],
        {f.id: tuple(k for t in f.theme_ids if t in row for k in themes[row[t]].keywords)
         for f in families},
        sentiment, X, cents)
    return by_theme, by_family


def analysis_sentiment(analysis: Analysis) -> tuple[Sides, Sides]:
    """:func:`grain_sentiment` of an analysis (empty without sentiment or embeddings)."""
    d = analysis.distinct
    if analysis.sentiment is None or d is None or analysis.embeddings is None:
        return {}, {}
    text_themes = [analysis.assignments.themes[int(r)] for r in d.row_of]
    return grain_sentiment(analysis.sentiment, d.texts, d.weights, analysis.embeddings,
                           analysis.themes, analysis.centroids, analysis.families, text_themes)


def sentiment_by_theme(analysis: Analysis) -> Sides:
    return analysis_sentiment(analysis)[0]


def sentiment_by_family(analysis: Analysis) -> Sides:
    return analysis_sentiment(analysis)[1]


def row_sentiment(sentiment: Sentiment | None, source: np.ndarray, n_rows: int
                  ) -> tuple[list[str], list[float | None]]:
    """Label and score of each row (``source[r]``: its distinct text, -1 none: blank)."""
    if sentiment is None:
        return [""] * n_rows, [None] * n_rows
    labels = [sentiment.label[int(s)] if s >= 0 else "" for s in source]
    scores = [round(float(sentiment.score[int(s)]), 4) if s >= 0 else None for s in source]
    return labels, scores
