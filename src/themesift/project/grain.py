"""The grain of a project's themes: its families and its texts' sentiment.

Families are recomputed with the themes after every edit (as many as the researcher
asked for, with the labels they wrote); sentiment is scored once, when the project
is made, and stored with it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from themesift.config import Config
from themesift.nlp import load_nlp
from themesift.project.edits import EditState
from themesift.project.store import ProjectStore
from themesift.sentiment import combine, score_texts
from themesift.themes import DocTerms, biggest_first, describe_families, group_themes
from themesift.types import Embed, Family, FloatArray, Sentiment, Theme


class _LazyNLP:
    """Loads spaCy only if describe needs terms it was not given (normally never)."""

    def __getattr__(self, name: str) -> Any:
        return getattr(load_nlp(), name)


def relink(grouping: np.ndarray, sizes: Sequence[int], row: dict[int, int],
           links: Mapping[int, int]) -> np.ndarray:
    """``grouping`` (family of each theme row) with the researcher's regroupings applied
    (theme -> the theme whose family it joins; itself: a family of its own), families
    numbered again biggest first."""
    out = np.asarray(grouping, dtype=np.int64).copy()
    for theme, join in sorted(links.items()):
        if theme in row and join in row:
            out[row[theme]] = out.max() + 1 if join == theme else out[row[join]]
    return biggest_first(out, sizes)


def state_families(state: EditState, themes: Sequence[Theme], centroids: FloatArray,
                   X: FloatArray, texts: Sequence[str], weights: Any,
                   terms: Sequence[DocTerms], config: Config, embed: Embed
                   ) -> tuple[Family, ...]:
    """The families of the state's themes: as many as the researcher asked for (else
    automatic), with the family labels they wrote."""
    grouping = group_themes(centroids, [t.size for t in themes],
                            state.n_families or config.n_families)
    row = {t.id: j for j, t in enumerate(themes)}
    grouping = relink(grouping, [t.size for t in themes], row, state.family_links)
    custom = {int(grouping[row[t]]): label for t, label in sorted(state.family_custom.items())
              if t in row}
    return describe_families(themes, centroids, state.labels, X, texts, weights,
                             nlp=_LazyNLP(), embed=embed, config=config, terms=list(terms),
                             grouping=grouping, custom_labels=custom)


_SENTIMENT_ARRAYS = ("sentiment_score", "clause_text", "clause_span", "clause_score")


def sentiment_arrays(sentiment: Sentiment) -> dict[str, np.ndarray]:
    """What a project stores of its texts' sentiment (labels are recomputed from it)."""
    return dict(zip(_SENTIMENT_ARRAYS, (sentiment.score, sentiment.clause_text,
                                        sentiment.clause_span, sentiment.clause_score),
                    strict=True))


def stored_sentiment(store: ProjectStore, texts: Sequence[str]) -> Sentiment:
    """The sentiment stored with a project; a project made before sentiment is scored now."""
    try:
        score, owner, span, parts = (store.array(n) for n in _SENTIMENT_ARRAYS)
    except KeyError:
        return score_texts(texts)
    start = np.searchsorted(owner, np.arange(len(score) + 1))
    labels = tuple(combine(float(score[i]), [float(v) for v in parts[start[i]:start[i + 1]]])
                   for i in range(len(score)))
    return Sentiment(score=score.astype(np.float32), label=labels,
                     clause_text=owner.astype(np.int64), clause_span=span.astype(np.int64),
                     clause_score=parts.astype(np.float32))



