"""The comments a theme model is least sure of: the smallest margin between its two best
themes.  A researcher who codes these first teaches the model where it is weakest."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from themesift.types import FloatArray, IntArray

__all__ = ["Uncertain", "least_certain", "least_certain_scores"]


@dataclass(frozen=True)
class Uncertain:
    """A comment between two themes: ``margin`` = similarity to ``first`` minus to ``second``."""

    text: str
    rows: int  # how many rows hold this text
    first: int  # theme id, the closest
    second: int  # theme id, the runner-up
    first_similarity: float
    margin: float


def least_certain(X: FloatArray, texts: Sequence[str], centroids: FloatArray,
                  theme_ids: IntArray, *, n: int = 20,
                  weights: Sequence[int] | None = None) -> tuple[Uncertain, ...]:
    """The ``n`` texts with the smallest margin between their two closest theme centres.

    ``X`` holds unit embeddings of ``texts`` (one row each), ``centroids`` the unit
    theme centres in ``theme_ids`` order.  Ties are broken by the text, so the queue
    does not depend on the order of the rows.  Fewer than two themes: no queue.
    """
    sims = np.asarray(X, dtype=np.float64) @ np.asarray(centroids, dtype=np.float64).T
    return least_certain_scores(sims, texts, theme_ids, n=n, weights=weights)


def least_certain_scores(sims: np.ndarray, texts: Sequence[str], theme_ids: IntArray, *,
                         n: int = 20, weights: Sequence[int] | None = None
                         ) -> tuple[Uncertain, ...]:
    """As :func:`least_certain`, from any score per text and theme (e.g. a classifier's
    probabilities): the smallest margins between the two best scores first."""
    if n < 1:
        raise ValueError("n must be at least 1")
    if len(theme_ids) < 2 or len(texts) == 0:
        return ()
    sims = np.asarray(sims, dtype=np.float64)
    top = np.argsort(-sims, axis=1, kind="stable")[:, :2]
    rows = np.arange(len(texts))
    first, second = sims[rows, top[:, 0]], sims[rows, top[:, 1]]
    margin = first - second
    order = sorted(range(len(texts)), key=lambda i: (round(float(margin[i]), 6), texts[i]))
    w = [1] * len(texts) if weights is None else list(weights)
    return tuple(Uncertain(text=texts[i], rows=int(w[i]), first=int(theme_ids[top[i, 0]]),
                           second=int(theme_ids[top[i, 1]]),
                           first_similarity=round(float(first[i]), 4),
                           margin=round(float(margin[i]), 4))
                 for i in order[:n])
