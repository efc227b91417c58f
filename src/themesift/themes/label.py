"""Name each theme in the respondents' own words.

The candidate phrases of :mod:`themesift.themes.terms` are ranked per theme by
class-based TF-IDF (how much more often a phrase occurs in this theme's
comments than in the others), blended with how close the phrase's embedding
is to the theme centre, and made diverse with MMR.  Keywords are lemmas
ranked the same way.
"""

from __future__ import annotations

import difflib
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from themesift.themes.mmr import mmr
from themesift.themes.terms import MAX_WORDS
from themesift.types import Embed, FloatArray

MIN_SHARED = 5
NEAR_LABEL = 0.9  # difflib ratio from which two labels read as the same
# Phrases of two or three words read best as labels.
LENGTH_BONUS = {1: 0.8, 2: 1.0, 3: 1.0, 4: 0.9, MAX_WORDS + 1: 0.85}
# A label of 2-4 words is taken unless the best single word scores more than twice as high.
MULTI_WORD_FLOOR = 0.5


def class_tfidf(classes: Sequence[Sequence[frozenset[str]]]) -> list[dict[str, float]]:
    """Class-based TF-IDF over document sets.

    For term t and class c: (share of c's documents containing t)
    x log(1 + documents / documents containing t).  In a class of more than
    three documents, terms found in only one of them are dropped as
    idiosyncratic, unless that would leave fewer than MIN_SHARED terms.
    """
    df_all: Counter[str] = Counter()
    for docs in classes:
        for terms in docs:
            df_all.update(terms)
    n_docs = sum(len(docs) for docs in classes) or 1
    out: list[dict[str, float]] = []
    for docs in classes:
        df_c: Counter[str] = Counter()
        for terms in docs:
            df_c.update(terms)
        size = max(len(docs), 1)
        scores = {t: (c / size) * math.log(1 + n_docs / df_all[t]) for t, c in df_c.items()}
        if size > 3:
            shared = {t: v for t, v in scores.items() if df_c[t] >= 2}
            if len(shared) >= MIN_SHARED:
                scores = shared
        out.append(scores)
    return out


def _n_words(phrase: str) -> int:
    return phrase.count(" ") + 1


def _drop_nested(ordered: Iterable[str]) -> list[str]:
    """Drop phrases contained in (or containing) an earlier, better one."""
    kept: list[str] = []
    for p in ordered:
        padded = f" {p} "
        if any(padded in f" {k} " or f" {k} " in padded for k in kept):
            continue
        kept.append(p)
    return kept


def _extend(word: str, ranked: Sequence[str], score: Mapping[str, float]) -> str:
    """A single word's best phrase of 2-4 words around it ("staff" -> "friendly staff").

    Only phrases scoring at least MULTI_WORD_FLOOR times the word itself.
    """
    if _n_words(word) > 1:
        return word
    padded = f" {word} "
    longer = [p for p in ranked if _n_words(p) > 1 and padded in f" {p} "
              and score[p] >= MULTI_WORD_FLOOR * score[word]]
    return max(longer, key=lambda p: (score[p], p)) if longer else word


def name_theme(
    scores: Mapping[str, float],
    centroid: FloatArray,
    embed: Embed,
    n_suggestions: int,
    diversity: float,
    taken: set[str],
) -> tuple[str, tuple[str, ...]]:
    """Choose a label and ordered suggestions from a theme's phrase scores."""
    if not scores:
        return "", ()
    ranked = sorted(scores, key=lambda p: (-scores[p], p))[:60]
    vecs = embed(ranked)
    relevance_sem = np.clip(vecs @ centroid, 0.0, None)
    top = max(scores[p] for p in ranked)
    length_bonus = np.array([LENGTH_BONUS[_n_words(p)] for p in ranked])
    lexical = np.array([scores[p] / top for p in ranked])
    relevance = (0.5 * lexical + 0.5 * relevance_sem) * length_bonus
    order = mmr(vecs, relevance, k=min(len(ranked), n_suggestions * 3), diversity=diversity)
    score = {p: float(r) for p, r in zip(ranked, relevance, strict=True)}
    picked = [_extend(ranked[i], ranked, score) for i in order]
    suggestions = _drop_nested(dict.fromkeys(picked))[:n_suggestions]
    free = [s for s in suggestions if not _near_taken(s, taken)]
    if not free:  # every suggestion names another theme: fall back on the rest
        free = [ranked[i] for i in order if not _near_taken(ranked[i], taken)] or suggestions
    if free[0] != suggestions[0]:  # the best is another theme's: the most relevant of the rest
        free.sort(key=lambda s: (-score[s], s))
    # A phrase of 2-4 words unless the best single word is far more telling.
    multi = [s for s in free if _n_words(s) >= 2 and score[s] >= MULTI_WORD_FLOOR * score[free[0]]]
    return (multi[0] if multi else free[0]), tuple(suggestions)


def _near_taken(phrase: str, taken: set[str]) -> bool:
    """Whether another theme's label is this phrase or a near spelling of it.

    "nothing was to much trouble" next to "nothing was too much trouble".
    """
    return any(difflib.SequenceMatcher(None, phrase, t.lower()).ratio() >= NEAR_LABEL
               for t in taken)


def top_keywords(scores: Mapping[str, float], n: int) -> tuple[str, ...]:
    return tuple(sorted(scores, key=lambda t: (-scores[t], t))[:n])
