"""Describe themes from their members: size, label, keywords and quotes.

Used after fitting and after every edit in the app, so counts, keywords,
label suggestions and quotes always match the current membership.  Custom
labels given by the researcher are kept.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from themesift.config import Config
from themesift.nlp import default_workers
from themesift.themes.cluster import centroids_of
from themesift.themes.label import class_tfidf, name_theme, top_keywords
from themesift.themes.quotes import select_quotes
from themesift.themes.terms import DocTerms, analyse_texts
from themesift.types import Embed, FloatArray, IntArray, Theme

MAX_LABEL_DOCS = 400  # texts per theme read by spaCy for labelling
QUOTES_KEPT = 100  # ranked quotes kept per theme (saved with a model)


def _surfaces(terms: Iterable[DocTerms]) -> dict[str, str]:
    """Most common written form of each phrase key (ties: alphabetical)."""
    counts: dict[str, Counter[str]] = {}
    for t in terms:
        for key, words in t.surface.items():
            counts.setdefault(key, Counter())[words] += 1
    return {k: min(c, key=lambda w: (-c[w], w)) for k, c in counts.items()}


def _word_forms(terms: Iterable[DocTerms]) -> dict[str, str]:
    """Most common written form of each word inside a phrase (ties: alphabetical).

    The first word of a phrase is left out: it is often capitalised only
    because it starts a sentence.
    """
    counts: dict[str, Counter[str]] = {}
    for t in terms:
        for words in t.surface.values():
            for word in words.split()[1:]:
                counts.setdefault(word.lower(), Counter())[word] += 1
    return {k: min(c, key=lambda w: (-c[w], w)) for k, c in counts.items()}


def _sentence_case(phrase: str, forms: Mapping[str, str]) -> str:
    """First letter up; each later word as most respondents wrote it.

    "Window dressing", "Introduction of STPs", and "Nurses very good" where a
    few wrote "very Good".
    """
    first, *rest = phrase.split(" ")
    out = " ".join([first, *(forms.get(w.lower(), w) for w in rest)])
    return out[:1].upper() + out[1:]


@dataclass(frozen=True)
class Description:
    themes: tuple[Theme, ...]  # in theme-id order
    centroids: FloatArray  # row j belongs to themes[j]
    quote_rows: Mapping[int, tuple[tuple[int, float], ...]]  # theme id -> (row, similarity)
    terms: Mapping[int, DocTerms] = field(default_factory=dict)  # of the texts read, by index


def describe(
    labels: IntArray,
    X: FloatArray,
    texts: Sequence[str],
    weights: IntArray,
    *,
    nlp: Any,
    embed: Embed,
    config: Config,
    custom_labels: Mapping[int, str] | None = None,
    terms: Sequence[DocTerms | None] | None = None,
    avoid: Iterable[str] = (),
) -> Description:
    """``labels[i]`` is the primary theme of distinct text ``i`` (-1 none).

    ``weights[i]`` is how many rows share text ``i``; sizes count rows.
    ``terms`` may carry spaCy terms already computed (None where unknown).
    ``avoid``: labels already in use elsewhere (a family's themes), avoided like the
    labels of the other themes.
    """
    custom_labels = custom_labels or {}
    ids, cents = centroids_of(X, labels)
    total = float(weights.sum()) or 1.0
    # Read at most MAX_LABEL_DOCS per theme, the ones nearest its centre.
    chosen: dict[int, IntArray] = {}
    for j, tid in enumerate(ids):
        members = np.flatnonzero(labels == tid)
        sims = X[members] @ cents[j]
        chosen[int(tid)] = members[np.lexsort((members, -sims))[:MAX_LABEL_DOCS]]
    need = sorted({int(i) for m in chosen.values() for i in m})
    known: dict[int, DocTerms] = {}
    if terms is not None:
        known = {i: t for i in need if (t := terms[i]) is not None}
    todo = [i for i in need if i not in known]
    if todo:
        known.update(zip(todo, analyse_texts([texts[i] for i in todo], nlp,
                                             workers=default_workers()), strict=True))
    phrase_scores = class_tfidf([[known[int(i)].phrases for i in chosen[int(t)]] for t in ids])
    lemma_scores = class_tfidf([[known[int(i)].lemmas for i in chosen[int(t)]] for t in ids])
    themes: list[Theme] = []
    quote_rows: dict[int, tuple[tuple[int, float], ...]] = {}
    taken: set[str] = set(custom_labels.values()) | set(avoid)
    # Name the biggest themes first so they get first pick of phrases.
    by_size = sorted(range(len(ids)), key=lambda j: (-weights[labels == ids[j]].sum(), ids[j]))
    named: dict[int, tuple[str, tuple[str, ...]]] = {}
    for j in by_size:
        tid = int(ids[j])
        label, suggestions = name_theme(
            phrase_scores[j], cents[j], embed, config.n_label_suggestions,
            config.mmr_diversity, taken,
        )
        if tid in custom_labels:
            label = custom_labels[tid]
        taken.add(label)
        docs = [known[int(i)] for i in chosen[tid]]
        surface, forms = _surfaces(docs), _word_forms(docs)
        shown = label if tid in custom_labels else _sentence_case(surface.get(label, label), forms)
        named[tid] = (
            shown or f"theme {tid + 1}",
            tuple(_sentence_case(surface.get(s, s), forms) for s in suggestions),
        )
    for j, tid in enumerate(int(t) for t in ids):
        members = np.flatnonzero(labels == tid)
        size = int(weights[members].sum())
        label, suggestions = named[tid]
        themes.append(
            Theme(
                id=tid,
                label=label,
                keywords=top_keywords(lemma_scores[j], config.n_keywords),
                size=size,
                share=size / total,
                label_suggestions=suggestions,
                custom_label=tid in custom_labels,
            )
        )
        quote_rows[tid] = tuple(
            select_quotes(members, X, cents[j], max(config.quotes_per_theme, QUOTES_KEPT),
                          config.mmr_diversity)
        )
    return Description(themes=tuple(themes), centroids=cents, quote_rows=quote_rows, terms=known)
