"""Sentiment per theme: how each theme's comments lean, and a typical quote of each side.

A comment with one theme lends it its own label.  A comment with several themes
can praise one and criticise another ("The parking was a nightmare. The nurses
were wonderful."): each theme then takes the label of the comment's clauses that
use one of its keywords (a word starting with the keyword: "wait" finds "waiting"),
and the comment's own label when no clause does.  Counts are of rows (answers), so
duplicates count as often as they were given; a theme's base is every comment with
the theme among its themes (primary or not).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np

from themesift.sentiment.score import MIXED, NEGATIVE, NEUTRAL, POSITIVE, combine
from themesift.types import FloatArray, IntArray, Sentiment, ThemeSentiment

MIN_KEYWORD = 3  # shorter keywords find too many words
_WORDS = re.compile(r"\w+")


def _stems(keywords: Sequence[str]) -> tuple[str, ...]:
    words = {w for k in keywords for w in k.lower().split() if len(w) >= MIN_KEYWORD}
    return tuple(sorted(words))


class ClauseIndex:
    """The clauses of each text of a :class:`~themesift.types.Sentiment`."""

    def __init__(self, sentiment: Sentiment) -> None:
        self.sentiment = sentiment
        self._start = np.searchsorted(sentiment.clause_text, np.arange(len(sentiment) + 1))

    def side_for(self, i: int, text: str, stems: tuple[str, ...], several: bool) -> str:
        """The label text ``i`` gives a theme with these keyword ``stems``."""
        s = self.sentiment
        if not several or not stems:
            return s.label[i]
        lo, hi = int(self._start[i]), int(self._start[i + 1])
        if hi - lo <= 1:
            return s.label[i]
        about = [float(s.clause_score[c]) for c in range(lo, hi)
                 if _mentions(text[s.clause_span[c, 0]:s.clause_span[c, 1]], stems)]
        if not about:
            return s.label[i]
        return combine(float(np.mean(about)), about)


def _mentions(clause: str, stems: tuple[str, ...]) -> bool:
    return any(w.startswith(stems) for w in _WORDS.findall(clause.lower()))


def theme_sentiment(
    texts: Sequence[str],
    weights: IntArray,
    groups_of: Sequence[Sequence[int]],
    keywords: Mapping[int, Sequence[str]],
    sentiment: Sentiment,
    X: FloatArray,
    centroids: Mapping[int, FloatArray],
) -> dict[int, ThemeSentiment]:
    """Per theme (or family) id of ``keywords``: rows per side and the most typical text
    of each side (nearest the ``centroids`` entry; ties: the first text).

    ``groups_of[i]`` lists the themes (or families) of distinct text ``i``.
    """
    index = ClauseIndex(sentiment)
    stems = {g: _stems(k) for g, k in keywords.items()}
    counts: dict[int, Counter[str]] = {g: Counter() for g in keywords}
    members: dict[int, dict[str, list[int]]] = {g: {} for g in keywords}
    for i, groups in enumerate(groups_of):
        several = len(groups) > 1
        for g in groups:
            if g not in counts:
                continue
            label = index.side_for(i, texts[i], stems[g], several)
            counts[g][label] += int(weights[i])
            members[g].setdefault(label, []).append(i)
    out: dict[int, ThemeSentiment] = {}
    for g in keywords:
        typical: dict[str, int] = {}
        for label in (POSITIVE, NEGATIVE):
            rows = np.array(members[g].get(label, []), dtype=np.int64)
            if len(rows) and g in centroids:
                sims = X[rows] @ centroids[g]
                typical[label] = int(rows[np.lexsort((rows, -sims))[0]])
        out[g] = ThemeSentiment(
            theme_id=g,
            counts={k: counts[g][k] for k in (POSITIVE, NEGATIVE, MIXED, NEUTRAL)},
            typical=typical)
    return out
