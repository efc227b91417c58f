"""Themes from a researcher's codebook, and new themes among the comments no code fits.

Deductive and inductive coding in one pass: each code of the codebook is a theme whose
centre is the embedding of its name and description together with its examples (a
prototype); a comment takes every code it is close enough to
(``Config.code_min_similarity``); the comments that no code fits are clustered as in
an ordinary analysis, and those themes are marked ``new``.  A code keeps its name as its
label; phrases in the respondents' words are its label suggestions.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator

from themesift.config import Config
from themesift.nlp import load_nlp
from themesift.themes.assign import assign
from themesift.themes.cluster import find_themes
from themesift.themes.describe import describe
from themesift.themes.families import describe_families, group_themes
from themesift.themes.model import canonical_ids
from themesift.types import UNASSIGNED, Assignments, Code, Embed, FloatArray, IntArray, Theme

__all__ = ["MIN_NEW_SHARE", "CodebookModel", "code_prototypes", "code_text"]

log = logging.getLogger(__name__)

# New themes are sought when at least this share of the rows (and 10 distinct comments)
# fits no code; fewer are left unassigned.
MIN_NEW_SHARE = 0.05
MIN_NEW_TEXTS = 10


def code_text(code: Code) -> str:
    """What is embedded for a code: "name: description" (or the name alone)."""
    return f"{code.name}: {code.description}" if code.description else code.name


def code_prototypes(codes: Sequence[Code], embed: Embed) -> FloatArray:
    """One unit vector per code: the mean of the embeddings of its name and description
    and of each of its examples."""
    examples = [(i, e) for i, c in enumerate(codes) for e in c.examples]
    E = np.asarray(embed([code_text(c) for c in codes] + [e for _, e in examples]),
                   dtype=np.float64)
    P = E[:len(codes)].copy()
    for j, (i, _) in enumerate(examples):
        P[i] += E[len(codes) + j]
    P /= np.maximum(np.linalg.norm(P, axis=1, keepdims=True), 1e-12)
    return P.astype(np.float32)


def parent_grouping(codes: Sequence[Code], themes: Sequence[Theme], centroids: FloatArray
                    ) -> tuple[IntArray | None, dict[int, str]]:
    """Families from a codebook tree: the codes under one parent are a family named after
    it; the other themes are grouped as usual among themselves.  None when no code has a
    parent (every theme grouped as usual)."""
    parents = sorted({c.parent for c in codes if c.parent})
    if not parents:
        return None, {}
    grouping = np.full(len(themes), -1, dtype=np.int64)
    for j, theme in enumerate(themes):
        if theme.origin == "code" and codes[theme.id].parent:
            grouping[j] = parents.index(codes[theme.id].parent)
    rest = np.flatnonzero(grouping < 0)
    if len(rest):
        grouping[rest] = len(parents) + group_themes(centroids[rest],
                                                     [themes[int(j)].size for j in rest])
    return grouping, dict(enumerate(parents))


class CodebookModel(BaseEstimator):  # type: ignore[misc]  # sklearn has no types
    """Codes of a codebook as themes, plus new themes (scikit-learn conventions).

    Collaborators in the constructor as for :class:`~themesift.themes.ThemeModel`.
    ``fit`` takes the embeddings of the distinct texts, the texts and their row counts.
    Fitted attributes: ``themes_`` (the codes in codebook order, ids 0..k-1, then the
    new themes), ``centroids_``, ``theme_ids_``, ``assignments_``, ``quote_rows_``,
    ``method_``, ``n_codes_`` and ``families_`` (a codebook's parents are families).
    """

    def __init__(self, codes: Sequence[Code], config: Config | None = None, *,
                 nlp: Any = None, embed: Embed | None = None) -> None:
        self.codes = codes
        self.config = config
        self.nlp = nlp
        self.embed = embed

    def fit(self, X: FloatArray, texts: Sequence[str], weights: IntArray | None = None
            ) -> CodebookModel:
        if self.embed is None:
            raise ValueError("CodebookModel needs an embed function for its codes")
        if not self.codes:
            raise ValueError("CodebookModel needs at least one code")
        cfg = self.config or Config()
        nlp = self.nlp if self.nlp is not None else load_nlp()
        X = np.asarray(X, dtype=np.float32)
        w = np.ones(len(X), dtype=np.int64) if weights is None else np.asarray(weights)
        k = len(self.codes)
        P = code_prototypes(self.codes, self.embed)
        labels = assign(X, P, np.arange(k, dtype=np.int64), cfg, codes=k).primary.copy()
        self.method_ = "codebook"
        rest = np.flatnonzero(labels == UNASSIGNED)
        if (cfg.discover and len(rest) >= MIN_NEW_TEXTS
                and w[rest].sum() >= MIN_NEW_SHARE * w.sum()):
            found, method = find_themes(X[rest], cfg)
            found = canonical_ids(found, [texts[int(i)] for i in rest], w[rest])
            labels[rest] = np.where(found >= 0, found + k, UNASSIGNED)
            self.method_ = f"codebook + {method}"
        desc = describe(labels, X, texts, w, nlp=nlp, embed=self.embed, config=cfg,
                        custom_labels={i: c.name for i, c in enumerate(self.codes)})
        described = {t.id: (t, desc.centroids[j]) for j, t in enumerate(desc.themes)}
        themes: list[Theme] = []
        centroids: list[FloatArray] = []
        for i, code in enumerate(self.codes):  # every code, even one no comment fits
            theme = described[i][0] if i in described else Theme(
                id=i, label=code.name, keywords=(), size=0, share=0.0, custom_label=True)
            themes.append(replace(theme, origin="code", description=code.description))
            centroids.append(P[i])
        for tid in sorted(t for t in described if t >= k):
            themes.append(replace(described[tid][0], origin="new"))
            centroids.append(described[tid][1])
        self.n_codes_ = k
        self.themes_: tuple[Theme, ...] = tuple(themes)
        self.centroids_ = np.asarray(centroids, dtype=np.float32)
        self.theme_ids_ = np.array([t.id for t in themes], dtype=np.int64)
        self.quote_rows_: Mapping[int, tuple[tuple[int, float], ...]] = desc.quote_rows
        self.assignments_ = self.predict(X)
        grouping, names = parent_grouping(self.codes, self.themes_, self.centroids_)
        self.families_ = describe_families(
            self.themes_, self.centroids_, labels, X, texts, w, nlp=nlp, embed=self.embed,
            config=cfg, terms=[desc.terms.get(i) for i in range(len(texts))],
            grouping=grouping, custom_labels=names)
        log.info("codebook: %d codes, %d new themes", k, len(themes) - k)
        return self

    def predict(self, X: FloatArray) -> Assignments:
        cfg = self.config or Config()
        return assign(np.asarray(X, dtype=np.float32), self.centroids_, self.theme_ids_, cfg,
                      codes=self.n_codes_)
