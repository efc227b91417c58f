"""Families: related themes grouped into the readable level of a question (4-12 groups).

Fine themes keep distinct things apart ("Friendly staff", "Staff very caring",
"Good nurses"); families group them over the theme centres so the first screen
reads as a handful of subjects.  The grouping is agglomerative (average linkage,
cosine distance) over the centroids in theme-id order, so it has no seed and
depends on the row order only through the themes, which do not.

Complete linkage (a family's themes are all near each other), not average linkage,
which chains near-synonyms into one family holding most of the comments.

How many families, when nobody asks: about THEMES_PER_FAMILY themes per family,
between MIN_FAMILIES and MAX_FAMILIES: a reading rule (a first screen of a handful
of subjects, each opening on a few themes), not a score of any evaluation set.
With at most MIN_FAMILIES themes every theme is its own family.  The researcher
can ask for more or fewer (``Config.n_families``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage

from themesift.config import Config
from themesift.themes.describe import describe
from themesift.themes.terms import DocTerms
from themesift.types import UNASSIGNED, Embed, Family, FloatArray, IntArray, Theme

MIN_FAMILIES = 4
MAX_FAMILIES = 12


THEMES_PER_FAMILY = 3


def family_count(n_themes: int) -> int:
    """Families for ``n_themes`` when nobody asked for a number."""
    if n_themes <= MIN_FAMILIES:
        return n_themes
    return max(MIN_FAMILIES, min(MAX_FAMILIES, round(n_themes / THEMES_PER_FAMILY)))


def group_themes(centroids: FloatArray, sizes: Sequence[int],
                 n_families: int | None = None) -> IntArray:
    """The family (0 = biggest) of each theme row of ``centroids``."""
    k = len(centroids)
    if k == 0:
        return np.zeros(0, dtype=np.int64)
    if k == 1:
        return np.zeros(1, dtype=np.int64)
    Z = linkage(np.asarray(centroids, dtype=np.float64), method="complete", metric="cosine")
    f = family_count(k) if n_families is None else max(1, min(n_families, k))
    return biggest_first(fcluster(Z, f, criterion="maxclust") if f < k else np.arange(k), sizes)


def biggest_first(grouping: IntArray, sizes: Sequence[int]) -> IntArray:
    """Families (the group of each theme row) numbered 0.. by their themes' total size,
    biggest first; ties: the family of the earlier theme row."""
    total: dict[int, int] = {}
    first: dict[int, int] = {}
    for j, g in enumerate(int(g) for g in grouping):
        total[g] = total.get(g, 0) + int(sizes[j])
        first.setdefault(g, j)
    rank = {g: i for i, g in enumerate(sorted(total, key=lambda g: (-total[g], first[g])))}
    return np.array([rank[int(g)] for g in grouping], dtype=np.int64)


def describe_families(
    themes: Sequence[Theme],
    centroids: FloatArray,
    labels: IntArray,
    X: FloatArray,
    texts: Sequence[str],
    weights: IntArray,
    *,
    nlp: Any,
    embed: Embed,
    config: Config,
    terms: Sequence[DocTerms | None] | None = None,
    grouping: IntArray | None = None,
    custom_labels: Mapping[int, str] | None = None,
) -> tuple[Family, ...]:
    """Families of ``themes`` (rows of ``centroids``), named in the respondents' words.

    ``labels[i]`` is the theme of distinct text ``i``.  ``grouping`` (the family of
    each theme row) defaults to :func:`group_themes` with ``config.n_families``.  A
    family of one theme takes the theme's label and keywords.
    """
    if not themes:
        return ()
    sizes = [t.size for t in themes]
    fam = group_themes(centroids, sizes, config.n_families) if grouping is None else grouping
    of_theme = {t.id: int(fam[j]) for j, t in enumerate(themes)}
    text_family = np.array([of_theme.get(int(t), UNASSIGNED) for t in labels], dtype=np.int64)
    several = {int(f) for f in np.unique(fam) if (fam == f).sum() > 1}
    named: dict[int, Theme] = {}
    if several:
        keep = np.where(np.isin(text_family, list(several)), text_family, UNASSIGNED)
        desc = describe(keep, X, texts, weights, nlp=nlp, embed=embed, config=config,
                        terms=terms, custom_labels=custom_labels,
                        avoid={t.label for t in themes})
        named = {t.id: t for t in desc.themes}
    total = float(weights.sum()) or 1.0
    out: list[Family] = []
    for f in sorted(set(of_theme.values())):
        members = [t for t in themes if of_theme[t.id] == f]
        members.sort(key=lambda t: (-t.size, t.id))
        size = sum(t.size for t in members)
        head = named.get(f)
        if head is None:  # one theme: the family is the theme
            first = members[0]
            label = (custom_labels or {}).get(f, first.label)
            out.append(Family(f, label, tuple(t.id for t in members), size, size / total,
                              first.keywords, first.label_suggestions,
                              custom_label=f in (custom_labels or {})))
        else:
            out.append(Family(f, head.label, tuple(t.id for t in members), size, size / total,
                              head.keywords, head.label_suggestions, head.custom_label))
    return tuple(out)
