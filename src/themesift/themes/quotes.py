"""Representative quotes: close to the theme centre, yet unlike each other (MMR).

:func:`select_quotes` ranks distinct texts; :func:`make_quotes` turns them into
quotes of the rows that show them (with the comment's id and groups).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from themesift.themes.mmr import mmr
from themesift.types import CleanedCorpus, Distinct, FloatArray, IntArray, Quote

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


def make_quotes(cleaned: CleanedCorpus, distinct: Distinct,
                quote_rows: Mapping[int, Sequence[tuple[int, float]]]
                ) -> dict[int, tuple[Quote, ...]]:
    """Quotes per theme from ranked (distinct text, similarity) pairs."""
    corpus = cleaned.corpus
    out: dict[int, tuple[Quote, ...]] = {}
    for tid, rows in quote_rows.items():
        quotes = []
        for d, sim in rows:
            r = int(distinct.row_of[d])
            quotes.append(Quote(tid, corpus.ids[r], cleaned.texts[r], sim, corpus.group_values(r)))
        out[tid] = tuple(quotes)
    return out
