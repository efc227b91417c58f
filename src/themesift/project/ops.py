"""Every kind of edit by name, and edits to and from the JSON kept in a project's history."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, fields
from typing import Any

from themesift.project.edits import (
    CodeComments,
    Delete,
    Edit,
    EditError,
    Merge,
    Move,
    Rename,
    Split,
)
from themesift.project.grain_edits import MoveToFamily, Recluster, RenameFamily, SetFamilies

OPS: dict[str, type[Any]] = {c.op: c for c in (Rename, Merge, Split, Move, Delete, CodeComments,
                                               RenameFamily, SetFamilies, MoveToFamily,
                                               Recluster)}


def to_params(edit: Edit) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(edit).items()}  # type: ignore[call-overload]


def from_params(op: str, params: Mapping[str, Any]) -> Edit:
    cls = OPS.get(op)
    if cls is None:
        raise EditError(f"unknown edit '{op}'")
    names = {f.name for f in fields(cls)}
    args = {k: tuple(v) if isinstance(v, list) else v for k, v in params.items() if k in names}
    edit: Edit = cls(**args)
    return edit
