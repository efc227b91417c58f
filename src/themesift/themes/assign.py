"""Assign comments to themes by cosine similarity to theme centres.

Every comment gets a primary theme (or UNASSIGNED when no centre is close
enough), a confidence, and any further themes that are nearly as close.
The same function serves ``analyse`` and ``tag``, so a saved model tags its
training rows exactly as the analysis did.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from themesift.config import Config
from themesift.types import UNASSIGNED, Assignments, FloatArray, IntArray, Taught


def softmax(sims: npt.NDArray[np.float64], temperature: float) -> npt.NDArray[np.float64]:
    """Row-wise softmax of cosine similarities at ``temperature``: each comment's weight
    per theme, which is what its confidence in a theme is."""
    z = np.exp((sims - sims.max(axis=1, keepdims=True)) / temperature)
    out: npt.NDArray[np.float64] = z / z.sum(axis=1, keepdims=True)
    return out


def taught_proba(taught: Taught, X: FloatArray) -> npt.NDArray[np.float64]:
    """Each comment's probability of each theme of ``taught.theme_ids`` (rows sum to 1):
    the softmax of the taught linear model's scores."""
    z = (np.asarray(X, dtype=np.float64) @ np.asarray(taught.coef, dtype=np.float64).T
         + np.asarray(taught.intercept, dtype=np.float64))
    return softmax(z, 1.0)


def assign(X: FloatArray, centroids: FloatArray, theme_ids: IntArray, config: Config, *,
           codes: int = 0, taught: Taught | None = None) -> Assignments:
    """Each comment's primary theme, confidence and further themes.

    With ``codes`` > 0 the first ``codes`` centres are codes of a codebook: a comment
    takes the codes it is close to (cosine at least ``config.code_min_similarity``), and
    only the comments no code fits are assigned among the other centres (the themes
    found beside the codebook).  With ``taught`` (what the researcher's hand-coding taught,
    :mod:`themesift.themes.teach`) the classifier chooses each comment's primary theme
    among those near enough (the centres still decide what is unassigned).
    """
    if taught is not None:
        return _taught(X, centroids, theme_ids, config, taught)
    if codes:
        # further codes: any within the margin that also passes the floor (multi-coding)
        first = _nearest(X, centroids[:codes], theme_ids[:codes],
                         config.code_min_similarity, config, config.code_min_similarity)
        rest = np.flatnonzero(first.primary == UNASSIGNED)
        if codes == len(theme_ids) or len(rest) == 0:
            return first
        second = _nearest(X[rest], centroids[codes:], theme_ids[codes:],
                          config.unassigned_below, config, config.secondary_min)
        primary, confidence = first.primary.copy(), first.confidence.copy()
        themes = list(first.themes)
        primary[rest], confidence[rest] = second.primary, second.confidence
        for j, i in enumerate(rest):
            themes[i] = second.themes[j]
        return Assignments(primary=primary, confidence=confidence, themes=tuple(themes))
    return _nearest(X, centroids, theme_ids, config.unassigned_below, config,
                    config.secondary_min)


def _taught(X: FloatArray, centroids: FloatArray, theme_ids: IntArray, config: Config,
            taught: Taught) -> Assignments:
    near = _nearest(X, centroids, theme_ids, config.unassigned_below, config,
                    config.secondary_min)
    if len(X) == 0 or len(taught.theme_ids) == 0:
        return near
    proba = taught_proba(taught, X)
    best = np.argmax(proba, axis=1)
    chosen = np.asarray(taught.theme_ids, dtype=np.int64)[best]
    ok = near.primary != UNASSIGNED
    primary = np.where(ok, chosen, UNASSIGNED).astype(np.int64)
    confidence = np.where(ok, proba[np.arange(len(X)), best], 0.0).astype(np.float32)
    themes = tuple((int(p), *(t for t in ts if t != p)) if p != UNASSIGNED else ()
                   for p, ts in zip(primary, near.themes, strict=True))
    return Assignments(primary=primary, confidence=confidence, themes=themes)


def _nearest(X: FloatArray, centroids: FloatArray, theme_ids: IntArray, floor_sim: float,
             config: Config, secondary_min: float) -> Assignments:
    n = len(X)
    if n == 0 or len(centroids) == 0:
        return Assignments(
            primary=np.full(n, UNASSIGNED, dtype=np.int64),
            confidence=np.zeros(n, dtype=np.float32),
            themes=tuple(() for _ in range(n)),
        )
    sims = (X @ centroids.T).astype(np.float64)
    best = np.argmax(sims, axis=1)
    best_sim = sims[np.arange(n), best]
    confidence = softmax(sims, config.confidence_temperature)[np.arange(n), best]
    ok = best_sim >= floor_sim
    primary = np.where(ok, theme_ids[best], UNASSIGNED).astype(np.int64)
    confidence = np.where(ok, confidence, 0.0).astype(np.float32)
    floor = np.maximum(secondary_min, best_sim - config.secondary_margin)
    themes: list[tuple[int, ...]] = []
    for i in range(n):
        if not ok[i]:
            themes.append(())
            continue
        extra = np.flatnonzero((sims[i] >= floor[i]) & (np.arange(len(theme_ids)) != best[i]))
        extra = extra[np.argsort(-sims[i, extra], kind="stable")]
        themes.append((int(primary[i]), *(int(theme_ids[j]) for j in extra)))
    return Assignments(primary=primary, confidence=confidence, themes=tuple(themes))
