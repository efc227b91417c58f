"""Typed values passed between the stages of themesift.

Every stage takes and returns one of these frozen dataclasses; DataFrames only
appear at the edges (reading files, exports, the UI).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any

import numpy as np
import numpy.typing as npt

from themesift.config import Config

# Special theme ids used in assignments.
UNASSIGNED = -1
NON_ANSWER = -2
EMPTY = -3

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]

# Progress of a run: (stage name, done, total); stage names are keys of progress.STAGES.
Progress = Callable[[str, int, int], None]
# Progress within one stage: (done, total).
Tick = Callable[[int, int], None]
# Embeds texts with the analysis's model: row-aligned unit vectors.
Embed = Callable[[Sequence[str]], FloatArray]


# Columns of every tagged output (tables.assignments_frame); group columns may not reuse them.
# The respondent's id and the question come first, the group columns after them.
OUTPUT_COLUMNS = ("id", "question", "status", "duplicate", "primary_theme", "primary_label",
                  "family", "family_label", "confidence", "all_themes", "all_labels",
                  "sentiment", "sentiment_score", "text")


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
    """What cleaning found in some rows; ``redactions`` counts placeholders per kind."""

    rows_read: int
    empty: int
    non_answers: int
    duplicates: int
    substantive: int
    redactions: Mapping[str, int]
    dont_know: int = 0  # of the non-answers, those saying "I don't know" ("No idea")
    cut: int = 0  # comments cut to clean.MAX_TEXT_CHARS

    @property
    def unique_substantive(self) -> int:
        return self.substantive - self.duplicates

    @classmethod
    def tally(cls, status: Sequence[Status], duplicate_of: Sequence[int],
              redactions: Mapping[str, int], dont_know: int = 0, cut: int = 0
              ) -> CleaningReport:
        """The report of rows with these statuses and duplicate links (-1: not a duplicate)."""
        counts = Counter(status)
        return cls(rows_read=len(status), empty=counts[Status.EMPTY],
                   non_answers=counts[Status.NON_ANSWER],
                   duplicates=sum(d >= 0 for d in duplicate_of),
                   substantive=counts[Status.SUBSTANTIVE], redactions=dict(redactions),
                   dont_know=dont_know, cut=cut)

    @classmethod
    def combine(cls, reports: Iterable[CleaningReport]) -> CleaningReport:
        """One report for the rows of several (chunks of a file)."""
        reports = list(reports)
        kinds = dict.fromkeys(k for r in reports for k in r.redactions)
        return cls(rows_read=sum(r.rows_read for r in reports),
                   empty=sum(r.empty for r in reports),
                   non_answers=sum(r.non_answers for r in reports),
                   duplicates=sum(r.duplicates for r in reports),
                   substantive=sum(r.substantive for r in reports),
                   redactions={k: sum(r.redactions.get(k, 0) for r in reports) for k in kinds},
                   dont_know=sum(r.dont_know for r in reports),
                   cut=sum(r.cut for r in reports))

    def with_duplicates(self, duplicates: int) -> CleaningReport:
        return replace(self, duplicates=duplicates, redactions=dict(self.redactions))

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON values (saved in models, projects and tagging journals)."""
        return {"rows_read": self.rows_read, "empty": self.empty,
                "non_answers": self.non_answers, "duplicates": self.duplicates,
                "substantive": self.substantive, "redactions": dict(self.redactions),
                "dont_know": self.dont_know, "cut": self.cut}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CleaningReport:
        return cls(rows_read=int(data["rows_read"]), empty=int(data["empty"]),
                   non_answers=int(data["non_answers"]), duplicates=int(data["duplicates"]),
                   substantive=int(data["substantive"]),
                   redactions={str(k): int(v) for k, v in dict(data["redactions"]).items()},
                   dont_know=int(data.get("dont_know", 0)), cut=int(data.get("cut", 0)))


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
    # "" for a theme found in the data; "code" for a code of the researcher's codebook
    # (its label is the code's name); "new" for a theme found beside a codebook
    origin: str = ""
    coded: int = 0  # distinct comments the researcher coded to this theme by hand
    description: str = ""  # a codebook code's description, in the researcher's words


@dataclass(frozen=True)
class Family:
    """A group of related themes: the readable level of a question's themes."""

    id: int
    label: str
    theme_ids: tuple[int, ...]  # biggest first
    size: int  # rows whose primary theme is in the family
    share: float
    keywords: tuple[str, ...] = ()
    label_suggestions: tuple[str, ...] = ()
    custom_label: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The family as JSON values (saved in models and projects)."""
        return {"id": self.id, "label": self.label, "theme_ids": list(self.theme_ids),
                "size": self.size, "share": self.share, "keywords": list(self.keywords),
                "label_suggestions": list(self.label_suggestions),
                "custom_label": self.custom_label}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Family:
        return cls(id=int(d["id"]), label=str(d["label"]),
                   theme_ids=tuple(int(t) for t in d["theme_ids"]), size=int(d["size"]),
                   share=float(d["share"]), keywords=tuple(map(str, d.get("keywords", ()))),
                   label_suggestions=tuple(map(str, d.get("label_suggestions", ()))),
                   custom_label=bool(d.get("custom_label", False)))


def family_of(families: Iterable[Family]) -> dict[int, Family]:
    """The family of each theme id."""
    return {t: f for f in families for t in f.theme_ids}


@dataclass(frozen=True)
class Taught:
    """A classifier learned from the comments a researcher coded by hand: a linear model
    over the embeddings (``coef`` k x d, ``intercept`` k), one row per theme of
    ``theme_ids``; arrays only, so a saved model holds no pickle."""

    coef: FloatArray
    intercept: FloatArray
    theme_ids: IntArray


@dataclass(frozen=True)
class Code:
    """A code of a researcher's codebook: a theme they expect, described in their words."""

    name: str
    description: str = ""
    examples: tuple[str, ...] = ()  # comments (or phrases) that belong to the code
    parent: str = ""  # the name of the code's parent, if the codebook is a tree


@dataclass(frozen=True)
class Sentiment:
    """Sentiment of some texts (:mod:`themesift.sentiment`), row-aligned with them.

    ``score[i]`` is in [-1, 1]; ``label[i]`` is positive / negative / mixed / neutral.
    Clause ``c`` of the texts is ``clause_span[c]`` (start, end) of text
    ``clause_text[c]``, scored ``clause_score[c]``: what lets a comment praise one
    theme and criticise another.
    """

    score: FloatArray
    label: tuple[str, ...]
    clause_text: IntArray
    clause_span: IntArray
    clause_score: FloatArray

    def __len__(self) -> int:
        return len(self.label)


# The sides a table of shares shows (neutral is the rest).
LEANING = ("positive", "negative", "mixed")


@dataclass(frozen=True)
class ThemeSentiment:
    """How the comments of one theme (or family) lean: comments per side, and the most
    typical comment of each side (an index into the distinct texts, -1 when none)."""

    theme_id: int
    counts: Mapping[str, int]  # rows per side: positive, negative, mixed, neutral
    typical: Mapping[str, int] = field(default_factory=dict)  # side -> distinct text

    @property
    def n(self) -> int:
        return sum(self.counts.values())

    def share(self, side: str) -> float:
        return self.counts.get(side, 0) / self.n if self.n else 0.0

    def percents(self, sides: Sequence[str] = LEANING, digits: int = 1) -> tuple[float, ...]:
        """The percentage of the comments on each of ``sides``, rounded to ``digits``."""
        return tuple(round(100 * self.share(side), digits) for side in sides)


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


def find_theme(themes: Iterable[Theme], theme_id: int) -> Theme:
    """The theme with id ``theme_id`` (KeyError when there is none)."""
    for t in themes:
        if t.id == theme_id:
            return t
    raise KeyError(theme_id)


@dataclass(frozen=True)
class Distinct:
    """The distinct substantive texts of a cleaned corpus, in canonical order.

    ``row_of[i]`` is the row (of the corpus) shown for distinct text ``i``:
    the row with the smallest id among those with that text.  ``source[r]``
    is the distinct index of row ``r`` (-1 when not substantive).
    """

    texts: tuple[str, ...]
    weights: IntArray
    row_of: IntArray
    source: IntArray


@dataclass(frozen=True)
class Analysis:
    """Everything an analysis finds; ``themes`` are in id order (largest first)."""

    cleaned: CleanedCorpus
    assignments: Assignments
    themes: tuple[Theme, ...]
    quotes: Mapping[int, tuple[Quote, ...]]  # ranked; first N are the N best
    centroids: FloatArray
    config: Config
    embedder_id: str
    data_hash: str
    method: str
    distinct: Distinct | None = field(default=None, repr=False)
    embeddings: FloatArray | None = field(default=None, repr=False)
    taught: Taught | None = field(default=None, repr=False)  # what hand-coding taught
    families: tuple[Family, ...] = ()  # groups of the themes, biggest first
    sentiment: Sentiment | None = field(default=None, repr=False)  # of the distinct texts

    @property
    def unassigned(self) -> int:
        return int((self.assignments.primary == UNASSIGNED).sum())

    def theme(self, theme_id: int) -> Theme:
        return find_theme(self.themes, theme_id)


# -- surveys ----------------------------------------------------------------------------------

COLUMN_KINDS = ("categorical", "ordinal", "numeric", "date", "free")


@dataclass(frozen=True)
class Question:
    """An open question: its column (wide export) or value of the question column (long)."""

    key: str
    text: str = ""  # its wording, from a header row or a question-text column

    @property
    def title(self) -> str:
        return self.text or self.key


@dataclass(frozen=True)
class ColumnProfile:
    """What a closed column holds: ``kind`` is one of COLUMN_KINDS."""

    name: str
    kind: str
    answered: int  # respondents with a value
    distinct: int
    levels: tuple[str, ...] = ()  # categorical and ordinal: the values, in order
    text: str = ""  # the question's wording, when a header row gave one

    @property
    def is_grouping(self) -> bool:
        """Usable as a group in cross-tabs (few levels)."""
        return self.kind in ("categorical", "ordinal")


@dataclass(frozen=True)
class Survey:
    """A survey export: one row per respondent, open questions and closed columns.

    ``answers[q]`` holds one cell per respondent for question ``q`` ("" when
    blank); ``attributes`` the other columns (closed answers, dates, groups),
    profiled in ``profiles``.
    """

    source: str
    respondents: tuple[str, ...]
    id_col: str | None
    questions: tuple[Question, ...]
    answers: Mapping[str, tuple[str, ...]]
    attributes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    profiles: Mapping[str, ColumnProfile] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.respondents)

    def question(self, key: str) -> Question:
        for q in self.questions:
            if q.key == key:
                return q
        raise KeyError(key)

    def corpus(self, key: str) -> Corpus:
        """Question ``key``'s answers, one row per respondent, the closed columns as groups."""
        return Corpus(ids=self.respondents, texts=self.answers[key], groups=self.attributes,
                      text_col=key, id_col=self.id_col, source=self.source)


@dataclass(frozen=True)
class QuestionAnalysis:
    question: Question
    analysis: Analysis


@dataclass(frozen=True)
class SurveyAnalysis:
    """One analysis per open question (each with its own themes), over the same respondents."""

    survey: Survey
    questions: tuple[QuestionAnalysis, ...]
    skipped: tuple[str, ...] = ()  # questions with no substantive answer
