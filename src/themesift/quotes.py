"""Representative quotes: close to the theme centre, yet unlike each other (MMR)."""

from __future__ import annotations

import numpy as np

from themesift.mmr import mmr
from themesift.types import FloatArray, IntArray

POOL = 200


def select_quotes(
    members: IntArray, X: FloatArray, centroid: FloatArray, k: int, diversity: float = 0.5
) -> list[tuple[int, float]]:
    """``k`` (row index, similarity) pairs among ``members`` (rows of distinct texts)."""
    if len(members) == 0 or k <= 0:
        return []
    sims = X[members] @ centroid
    order = np.lexsort((members, -sims))[:POOL]
    pool = members[order]
    picked = mmr(X[pool], sims[order], k=k, diversity=diversity)
    return [(int(pool[i]), float(sims[order][i])) for i in picked]
