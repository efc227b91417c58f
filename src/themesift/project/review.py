"""The least-certain queue of a project: the comments its themes fit least clearly."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from themesift.project.project import View
from themesift.themes import least_certain_scores

__all__ = ["QueueItem", "review_queue"]


@dataclass(frozen=True)
class QueueItem:
    """Distinct text ``text`` is between themes ``first`` (closest) and ``second``."""

    text: int
    first: int
    second: int
    margin: float


def review_queue(view: View, n: int = 10) -> tuple[QueueItem, ...]:
    """The ``n`` comments not yet coded by hand with the smallest margin between their two
    closest themes (ties by text: the same queue whatever the row order)."""
    if len(view.themes) < 2:
        return ()
    texts = view.base.distinct.texts
    uncoded = [i for i in range(len(texts)) if i not in view.state.manual]
    if not uncoded:
        return ()
    ids = np.array([t.id for t in view.themes], dtype=np.int64)
    sims = view.base.X[uncoded] @ view.centroids.T
    where = {texts[i]: i for i in uncoded}
    items = least_certain_scores(sims, [texts[i] for i in uncoded], ids, n=n)
    return tuple(QueueItem(where[u.text], u.first, u.second, u.margin) for u in items)
