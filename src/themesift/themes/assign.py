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
from themesift.types import UNASSIGNED, Assignments, FloatArray, IntArray


def softmax(sims: npt.NDArray[np.float64], temperature: float) -> npt.NDArray[np.float64]:
    """Row-wise softmax of cosine similarities at ``temperature``: each comment's weight
    per theme, which is what its confidence in a theme is."""
    z = np.exp((sims - sims.max(axis=1, keepdims=True)) / temperature)
    out: npt.NDArray[np.float64] = z / z.sum(axis=1, keepdims=True)
    return out


def assign(X: FloatArray, centroids: FloatArray, theme_ids: IntArray, config: Config
           ) -> Assignments:
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
    ok = best_sim >= config.unassigned_below
    primary = np.where(ok, theme_ids[best], UNASSIGNED).astype(np.int64)
    confidence = np.where(ok, confidence, 0.0).astype(np.float32)
    floor = np.maximum(config.secondary_min, best_sim - config.secondary_margin)
    themes: list[tuple[int, ...]] = []
    for i in range(n):
        if not ok[i]:
            themes.append(())
            continue
        extra = np.flatnonzero((sims[i] >= floor[i]) & (np.arange(len(theme_ids)) != best[i]))
        extra = extra[np.argsort(-sims[i, extra], kind="stable")]
        themes.append((int(primary[i]), *(int(theme_ids[j]) for j in extra)))
    return Assignments(primary=primary, confidence=confidence, themes=tuple(themes))
