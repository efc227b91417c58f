"""A researcher's edits to themes, as pure functions over a small typed state.

The state says which theme each *distinct* comment text belongs to
(``labels``; duplicates of a text always share its theme), which labels the
researcher wrote (``custom``), which texts were placed by hand (``manual``)
and the id the next new theme gets.  Everything shown in the app (counts,
keywords, label suggestions, quotes, confidence) is recomputed from this state
by :mod:`themesift.project.project`.

Edits never re-run the nearest-centre assignment over the whole corpus: a
comment only changes theme when an edit says so (a move, a merge, a split of
its theme, or the deletion of its theme with "next-best").  A manual move
therefore always wins over the nearest centre.  A custom label is never
overwritten: it follows its theme through merges and splits and only
disappears with its theme.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import ClassVar, Protocol

import numpy as np

from themesift.config import Config
from themesift.errors import ThemesiftError
from themesift.themes import CodeClassifier, assign, centroids_of
from themesift.types import UNASSIGNED, FloatArray, IntArray, Taught

MAX_LABEL = 120
MAX_SPLIT = 12


class EditError(ThemesiftError):
    """An edit that cannot be applied to the current state (shown to the user)."""


@dataclass(frozen=True)
class EditState:
    labels: IntArray  # theme id of each distinct text, or UNASSIGNED
    custom: Mapping[int, str] = field(default_factory=dict)
    manual: frozenset[int] = frozenset()  # distinct texts placed by hand
    next_id: int = 0
    # a family's label written by the researcher, kept by its anchor: the theme that was
    # the family's biggest when it was renamed (the family is wherever that theme is)
    family_custom: Mapping[int, str] = field(default_factory=dict)
    n_families: int | None = None  # asked for by the researcher; None: automatic
    # themes regrouped by hand: theme -> the theme whose family it joins (itself: alone)
    family_links: Mapping[int, int] = field(default_factory=dict)

    @classmethod
    def initial(cls, labels: IntArray) -> EditState:
        labels = np.asarray(labels, dtype=np.int64).copy()
        top = int(labels.max()) if len(labels) else -1
        return cls(labels=labels, custom={}, manual=frozenset(), next_id=max(top, -1) + 1)

    def theme_ids(self) -> list[int]:
        return [int(t) for t in np.unique(self.labels[self.labels >= 0])]

    def members(self, theme: int) -> IntArray:
        return np.flatnonzero(self.labels == theme)

    def tidy(self) -> EditState:
        """Drop the custom labels of themes that no longer have comments."""
        alive = set(self.theme_ids())
        return replace(self, custom={t: s for t, s in self.custom.items() if t in alive},
                       family_custom={t: s for t, s in self.family_custom.items()
                                      if t in alive},
                       family_links={t: a for t, a in self.family_links.items()
                                     if t in alive and a in alive})


@dataclass(frozen=True)
class Context:
    """What edits need besides the state: embeddings and row weights of distinct texts."""

    X: FloatArray
    weights: IntArray
    config: Config


class Edit(Protocol):
    op: ClassVar[str]

    def apply(self, state: EditState, ctx: Context) -> EditState: ...

    def describe(self, label: Mapping[int, str], ctx: Context) -> str:
        """One line for the history; ``label`` holds the labels before the edit."""
        ...


def need_theme(state: EditState, theme: int) -> None:
    if theme not in state.theme_ids():
        raise EditError(f"theme {theme} does not exist (any more): reload the page")


def _size(state: EditState, ctx: Context, theme: int) -> int:
    return int(ctx.weights[state.labels == theme].sum())


def clean_label(label: str) -> str:
    text = " ".join(label.split())
    if not text:
        raise EditError("a theme label cannot be empty")
    if len(text) > MAX_LABEL:
        raise EditError(f"a theme label can have at most {MAX_LABEL} characters")
    return text


def _check_unique(state: EditState, label: str, allowed: set[int]) -> None:
    for t, s in state.custom.items():
        if t not in allowed and s.casefold() == label.casefold():
            raise EditError(f"another theme is already called '{s}'")


@dataclass(frozen=True)
class Rename:
    op: ClassVar[str] = "rename"
    theme: int
    label: str

    def apply(self, state: EditState, ctx: Context) -> EditState:
        need_theme(state, self.theme)
        label = clean_label(self.label)
        _check_unique(state, label, {self.theme})
        return replace(state, custom={**state.custom, self.theme: label})

    def describe(self, label: Mapping[int, str], ctx: Context) -> str:
        return f"Renamed '{label.get(self.theme, self.theme)}' to '{self.label.strip()}'"


@dataclass(frozen=True)
class Merge:
    """Merge themes into the biggest one, which keeps its id.

    The merged theme keeps a custom label: ``label`` when given, else the
    biggest theme's custom label, else that of the biggest custom-labelled
    theme merged; with no custom label it is named anew from its comments.
    """

    op: ClassVar[str] = "merge"
    themes: tuple[int, ...]
    label: str | None = None

    def apply(self, state: EditState, ctx: Context) -> EditState:
        ids = list(dict.fromkeys(self.themes))
        if len(ids) < 2:
            raise EditError("choose at least two themes to merge")
        for t in ids:
            need_theme(state, t)
        by_size = sorted(ids, key=lambda t: (-_size(state, ctx, t), t))
        target = by_size[0]
        labels = np.where(np.isin(state.labels, ids), target, state.labels)
        custom = {t: s for t, s in state.custom.items() if t not in ids}
        kept = next((state.custom[t] for t in by_size if t in state.custom), None)
        if self.label is not None and self.label.strip():
            kept = clean_label(self.label)
            _check_unique(state, kept, set(ids))
        if kept is not None:
            custom[target] = kept
        return replace(state, labels=labels, custom=custom)

    def describe(self, label: Mapping[int, str], ctx: Context) -> str:
        names = ", ".join(f"'{label.get(t, t)}'" for t in self.themes)
        return f"Merged {names}" + (f" as '{self.label.strip()}'" if self.label else "")


@dataclass(frozen=True)
class Split:
    """Re-cluster one theme into ``k`` sub-themes (k-means, seeded).

    The biggest part keeps the theme id and its custom label; the others get
    new ids and automatic labels.
    """

    op: ClassVar[str] = "split"
    theme: int
    k: int

    def apply(self, state: EditState, ctx: Context) -> EditState:
        from sklearn.cluster import KMeans
        from threadpoolctl import threadpool_limits

        need_theme(state, self.theme)
        members = state.members(self.theme)
        if not 2 <= self.k <= MAX_SPLIT:
            raise EditError(f"split into 2 to {MAX_SPLIT} sub-themes")
        if len(members) < self.k:
            raise EditError(
                f"this theme has {len(members)} distinct comments: too few for {self.k} sub-themes")
        km = KMeans(n_clusters=self.k, random_state=ctx.config.random_state, n_init=10)
        with threadpool_limits(1):  # one theme is small; OpenMP start-up costs more (x10-30)
            parts = km.fit(ctx.X[members], sample_weight=ctx.weights[members]).labels_
        if len(np.unique(parts)) < 2:
            raise EditError("these comments are too alike to split")
        order = sorted(np.unique(parts),
                       key=lambda p: (-int(ctx.weights[members[parts == p]].sum()),
                                      int(members[parts == p].min())))
        labels = state.labels.copy()
        next_id = state.next_id
        for rank, p in enumerate(order):
            if rank > 0:
                labels[members[parts == p]] = next_id
                next_id += 1
        return replace(state, labels=labels, next_id=next_id)

    def describe(self, label: Mapping[int, str], ctx: Context) -> str:
        return f"Split '{label.get(self.theme, self.theme)}' into {self.k}"


@dataclass(frozen=True)
class Move:
    """Put distinct texts (with all their duplicate rows) in a theme or unassigned."""

    op: ClassVar[str] = "move"
    texts: tuple[int, ...]
    to: int

    def apply(self, state: EditState, ctx: Context) -> EditState:
        if not self.texts:
            raise EditError("select at least one comment to move")
        if self.to != UNASSIGNED:
            need_theme(state, self.to)
        idx = np.array(sorted(set(self.texts)), dtype=np.int64)
        if idx.min() < 0 or idx.max() >= len(state.labels):
            raise EditError("some selected comments are not in this project")
        labels = state.labels.copy()
        labels[idx] = self.to
        return replace(state, labels=labels,
                       manual=state.manual | frozenset(int(i) for i in idx)).tidy()

    def describe(self, label: Mapping[int, str], ctx: Context) -> str:
        where = "unassigned" if self.to == UNASSIGNED else f"'{label.get(self.to, self.to)}'"
        texts = sorted(set(self.texts))
        n, k = int(ctx.weights[texts].sum()), len(texts)  # duplicates move with their text
        dup = f" ({k} distinct text{'s' if k != 1 else ''})" if n > k else ""
        return f"Moved {n} comment{'s' if n != 1 else ''}{dup} to {where}"


@dataclass(frozen=True)
class Delete:
    """Delete a theme; its comments become unassigned or go to their next-best theme."""

    op: ClassVar[str] = "delete"
    theme: int
    to_next: bool = False

    def apply(self, state: EditState, ctx: Context) -> EditState:
        need_theme(state, self.theme)
        members = state.members(self.theme)
        labels = state.labels.copy()
        labels[members] = UNASSIGNED
        if self.to_next:
            ids, cents = centroids_of(ctx.X, labels)
            if len(ids):
                labels[members] = assign(ctx.X[members], cents, ids, ctx.config).primary
        manual = state.manual - frozenset(int(i) for i in members)
        return replace(state, labels=labels, manual=manual).tidy()

    def describe(self, label: Mapping[int, str], ctx: Context) -> str:
        where = "their next-best theme" if self.to_next else "unassigned"
        return f"Deleted '{label.get(self.theme, self.theme)}' (comments to {where})"


# How much a hand-coded comment counts against one whose theme is the analysis's guess.
CODED_WEIGHT = 20.0


def fit_taught(state: EditState, ctx: Context, theme_ids: IntArray, centroids: FloatArray
               ) -> Taught | None:
    """A classifier (:class:`~themesift.themes.CodeClassifier`) learned from the texts the
    researcher placed by hand in the themes ``theme_ids``, with the current theme of every
    other text as a weak label (``CODED_WEIGHT`` times less) and the ``centroids`` as one
    more example each: it keeps what the analysis found except where the hand-coding
    says otherwise.  None until two themes have hand-placed texts."""
    index = {int(t): j for j, t in enumerate(theme_ids)}
    coded = [i for i in sorted(state.manual) if int(state.labels[i]) in index]
    if len({int(state.labels[i]) for i in coded}) < 2:
        return None
    rows = np.array([i for i in range(len(state.labels)) if int(state.labels[i]) in index],
                    dtype=np.int64)
    y = np.array([index[int(state.labels[i])] for i in rows], dtype=np.int64)
    weight = np.where(np.isin(rows, coded), CODED_WEIGHT, 1.0) * ctx.weights[rows].astype(float)
    clf = CodeClassifier(random_state=ctx.config.random_state).fit(
        ctx.X[rows], y, centroids, sample_weight=weight)
    return clf.taught(np.asarray(theme_ids, dtype=np.int64))


def taught_labels(state: EditState, ctx: Context) -> IntArray:
    """The theme of each distinct text once a classifier has learned from the texts the
    researcher placed by hand (:func:`fit_taught`): hand-placed texts keep their theme;
    every other text takes the classifier's theme, or stays unassigned when it is far
    from every centre.  Unchanged while fewer than two themes have hand-placed texts."""
    ids, cents = centroids_of(ctx.X, state.labels)
    taught = fit_taught(state, ctx, ids, cents)
    if taught is None:
        return state.labels
    rest = np.setdiff1d(np.arange(len(state.labels)), np.array(sorted(state.manual), dtype=int))
    labels = state.labels.copy()
    if len(rest):
        labels[rest] = assign(ctx.X[rest], cents, ids, ctx.config, taught=taught).primary
    return labels


@dataclass(frozen=True)
class CodeComments:
    """Code distinct texts, each to a theme (from the least-certain queue: confirm or
    move), then let the model learn from every hand-coded text (:func:`taught_labels`)."""

    op: ClassVar[str] = "code"
    texts: tuple[int, ...]
    themes: tuple[int, ...]

    def apply(self, state: EditState, ctx: Context) -> EditState:
        if not self.texts or len(self.texts) != len(self.themes):
            raise EditError("choose a theme for each comment to code")
        for t in set(self.themes):
            if t != UNASSIGNED:
                need_theme(state, t)
        idx = np.asarray(self.texts, dtype=np.int64)
        if idx.min() < 0 or idx.max() >= len(state.labels):
            raise EditError("some comments are not in this project")
        labels = state.labels.copy()
        labels[idx] = np.asarray(self.themes, dtype=np.int64)
        coded = replace(state, labels=labels,
                        manual=state.manual | frozenset(int(i) for i in idx))
        return replace(coded, labels=taught_labels(coded, ctx)).tidy()

    def describe(self, label: Mapping[int, str], ctx: Context) -> str:
        n = len(set(self.texts))
        return f"Coded {n} comment{'s' if n != 1 else ''} and taught the model"


def apply(state: EditState, edit: Edit, ctx: Context) -> EditState:
    """The state after ``edit``; raises EditError when it cannot apply."""
    return edit.apply(state, ctx)
