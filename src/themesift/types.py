"""Typed values passed between the stages of themesift.

Every stage takes and returns one of these frozen dataclasses; DataFrames only
appear at the edges (reading files, exports, the UI).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

# Special theme ids used in assignments.
UNASSIGNED = -1
NON_ANSWER = -2
EMPTY = -3

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]


# Columns of every tagged output (tables.assignments_frame); group columns may not reuse them.
OUTPUT_COLUMNS = ("id", "status", "duplicate", "primary_theme", "primary_label", "confidence",
                  "all_themes", "all_labels", "text")


class ThemesiftError(Exception):
    """A problem with the user's input, reported as one line and exit code 2."""


class Status(str, Enum):
    """What the cleaner decided about one comment."""

    SUBSTANTIVE = "substantive"
    NON_ANSWER = "non_answer"
    EMPTY = "empty"


@dataclass(frozen=True)
class Corpus:
    """Comments as read from a file: ids, raw texts and group columns."""

    ids: tuple[str, ...]
    texts: tuple[str, ...]
    groups: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    text_col: str = "text"
    id_col: str | None = None
    source: str = ""

    def __len__(self) -> int:
        return len(self.ids)

    def group_values(self, i: int) -> dict[str, str]:
        return {name: values[i] for name, values in self.groups.items()}


@dataclass(frozen=True)
class CleaningReport:
    rows_read: int
    empty: int
    non_answers: int
    duplicates: int
    substantive: int
    redactions: Mapping[str, int]

    @property
    def unique_substantive(self) -> int:
        return self.substantive - self.duplicates


@dataclass(frozen=True)
class CleanedCorpus:
    """A corpus after cleaning.

    ``texts`` are repaired and redacted: the only form ever shown, exported or
    embedded.  ``duplicate_of[i]`` is the index of the first row with the same
    normalised text, or -1 when row ``i`` is the first (or not substantive).
    """

    corpus: Corpus
    texts: tuple[str, ...]
    status: tuple[Status, ...]
    duplicate_of: tuple[int, ...]
    report: CleaningReport

    def __len__(self) -> int:
        return len(self.texts)

    def substantive_indices(self) -> list[int]:
        return [i for i, s in enumerate(self.status) if s is Status.SUBSTANTIVE]

    def unique_indices(self) -> list[int]:
        """Substantive rows that are not duplicates of an earlier row."""
        return [
            i
            for i, s in enumerate(self.status)
            if s is Status.SUBSTANTIVE and self.duplicate_of[i] < 0
        ]


@dataclass(frozen=True)
class Quote:
    theme_id: int
    comment_id: str
    text: str
    similarity: float
    groups: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Theme:
    id: int
    label: str
    keywords: tuple[str, ...]
    size: int
    share: float
    label_suggestions: tuple[str, ...] = ()
    custom_label: bool = False
    stability: float | None = None


@dataclass(frozen=True)
class Assignments:
    """One row per comment of a corpus.

    ``primary`` holds a theme id, or UNASSIGNED / NON_ANSWER / EMPTY.
    ``confidence`` is in [0, 1] (0 for non-answers).  ``themes[i]`` lists every
    theme of comment ``i``, the primary first.
    """

    primary: IntArray
    confidence: FloatArray
    themes: tuple[tuple[int, ...], ...]

    def __len__(self) -> int:
        return len(self.primary)


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors."""

    @property
    def model_id(self) -> str: ...

    def embed(self, texts: Sequence[str]) -> FloatArray: ...
