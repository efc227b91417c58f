"""Maximal marginal relevance: pick items that are relevant yet unlike each other."""

from __future__ import annotations

import numpy as np

from themesift.types import FloatArray


def mmr(vectors: FloatArray, relevance: FloatArray, k: int, diversity: float = 0.5) -> list[int]:
    """Indices of ``k`` rows of unit ``vectors`` chosen by MMR.

    Each step takes the row maximising
    ``(1 - diversity) * relevance - diversity * max similarity to rows chosen``.
    Ties go to the lower index, so the result is deterministic.
    """
    n = len(vectors)
    k = min(k, n)
    if k <= 0:
        return []
    relevance = np.asarray(relevance, dtype=np.float64)
    chosen = [int(np.argmax(relevance))]
    max_sim = (vectors @ vectors[chosen[0]]).astype(np.float64)
    while len(chosen) < k:
        score = (1 - diversity) * relevance - diversity * max_sim
        score[chosen] = -np.inf
        nxt = int(np.argmax(score))
        chosen.append(nxt)
        max_sim = np.maximum(max_sim, vectors @ vectors[nxt])
    return chosen
