"""Edits of the grain: families (rename, regroup, more or fewer, flat) and the number of
themes (cluster the comments again).  Pure functions over an :class:`EditState`, like
:mod:`themesift.project.edits`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import ClassVar

import numpy as np

from themesift.config import MAX_REQUESTED_THEMES
from themesift.project.edits import Context, EditError, EditState, clean_label, need_theme
from themesift.themes import find_themes
from themesift.types import UNASSIGNED, IntArray


@dataclass(frozen=True)
class RenameFamily:
    """Name the family that holds ``theme`` (the label follows that theme)."""

    op: ClassVar[str] = "rename_family"
    theme: int
    label: str

    def apply(self, state: EditState, ctx: Context) -> EditState:
        need_theme(state, self.theme)
        return replace(state, family_custom={**state.family_custom,
                                             self.theme: clean_label(self.label)})

    def describe(self, label: Mapping[int, str], ctx: Context) -> str:
        return f"Renamed the family of '{label.get(self.theme, self.theme)}' to " \
               f"'{self.label.strip()}'"


@dataclass(frozen=True)
class SetFamilies:
    """Ask for ``n`` families (0: automatic; at least the number of themes: flat)."""

    op: ClassVar[str] = "families"
    n: int

    def apply(self, state: EditState, ctx: Context) -> EditState:
        _check_count(self.n, 0, "the number of families must be 0 (automatic)")
        return replace(state, n_families=self.n or None)

    def describe(self, label: Mapping[int, str], ctx: Context) -> str:
        if not self.n:
            return "Families chosen automatically"
        return "Flattened the families" if self.n >= len(label) else f"Asked for {self.n} families"


@dataclass(frozen=True)
class MoveToFamily:
    """Put ``theme`` in the family of theme ``join`` (``join`` == ``theme``: on its own)."""

    op: ClassVar[str] = "regroup"
    theme: int
    join: int

    def apply(self, state: EditState, ctx: Context) -> EditState:
        need_theme(state, self.theme)
        need_theme(state, self.join)
        return replace(state, family_links={**state.family_links, self.theme: self.join})

    def describe(self, label: Mapping[int, str], ctx: Context) -> str:
        name = label.get(self.theme, self.theme)
        if self.join == self.theme:
            return f"Gave '{name}' a family of its own"
        return f"Moved '{name}' to the family of '{label.get(self.join, self.join)}'"


@dataclass(frozen=True)
class Recluster:
    """Cluster every comment again into ``n`` themes: the themes start afresh (labels
    written, moves and family edits go; undo brings them back)."""

    op: ClassVar[str] = "recluster"
    n: int

    def apply(self, state: EditState, ctx: Context) -> EditState:
        _check_count(self.n, 1, "the number of themes must be 1")
        if self.n > len(ctx.X):
            raise EditError(f"{len(ctx.X)} distinct comments cannot make {self.n} themes")
        labels, _ = find_themes(ctx.X, ctx.config.with_(n_themes=self.n))
        labels = _by_size(labels, ctx.weights, state.next_id)
        top = int(labels.max()) if (labels >= 0).any() else state.next_id - 1
        return EditState(labels=labels, next_id=max(top + 1, state.next_id),
                         n_families=state.n_families)

    def describe(self, label: Mapping[int, str], ctx: Context) -> str:
        return f"Clustered the comments again into {self.n} themes"


def _check_count(n: object, lowest: int, what: str) -> None:
    """A whole number from ``lowest`` to MAX_REQUESTED_THEMES, else "<what> to <max>"."""
    if isinstance(n, bool) or not isinstance(n, int) or not lowest <= n <= MAX_REQUESTED_THEMES:
        raise EditError(f"{what} to {MAX_REQUESTED_THEMES}")


def _by_size(labels: IntArray, weights: IntArray, first: int) -> IntArray:
    """Themes numbered from ``first``, biggest (rows) first; ties: the earliest text."""
    ids = [int(t) for t in np.unique(labels[labels >= 0])]
    order = sorted(ids, key=lambda t: (-int(weights[labels == t].sum()),
                                       int(np.flatnonzero(labels == t)[0])))
    mapping = {old: first + new for new, old in enumerate(order)}
    return np.array([mapping.get(int(t), UNASSIGNED) for t in labels], dtype=np.int64)
