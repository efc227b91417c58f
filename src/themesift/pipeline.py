"""The one place the stages are wired together: read -> clean -> embed -> themes -> quotes."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from themesift.clean import clean_corpus, load_nlp
from themesift.config import Config
from themesift.embed import EmbeddingCache, embed_texts, get_embedder
from themesift.model import ThemeModel
from themesift.ner_workers import default_workers
from themesift.types import (
    EMPTY,
    NON_ANSWER,
    UNASSIGNED,
    Assignments,
    CleanedCorpus,
    Corpus,
    Embedder,
    FloatArray,
    IntArray,
    Quote,
    Status,
    Theme,
    ThemesiftError,
)

log = logging.getLogger(__name__)

# stage name, done, total
Progress = Callable[[str, int, int], None]


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


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


def distinct_texts(cleaned: CleanedCorpus) -> Distinct:
    """Group duplicates; choose a representative independent of row order."""
    ids = cleaned.corpus.ids
    groups: dict[int, list[int]] = {}
    for r, st in enumerate(cleaned.status):
        if st is Status.SUBSTANTIVE:
            root = cleaned.duplicate_of[r] if cleaned.duplicate_of[r] >= 0 else r
            groups.setdefault(root, []).append(r)
    reps = [min(rows, key=lambda r: (cleaned.texts[r], ids[r])) for rows in groups.values()]
    members = list(groups.values())
    order = sorted(range(len(reps)), key=lambda g: (cleaned.texts[reps[g]], ids[reps[g]]))
    source = np.full(len(cleaned), -1, dtype=np.int64)
    for i, g in enumerate(order):
        source[members[g]] = i
    return Distinct(
        texts=tuple(cleaned.texts[reps[g]] for g in order),
        weights=np.array([len(members[g]) for g in order], dtype=np.int64),
        row_of=np.array([reps[g] for g in order], dtype=np.int64),
        source=source,
    )


def expand(cleaned: CleanedCorpus, source: IntArray, distinct: Assignments) -> Assignments:
    """Per-row assignments from per-distinct-text assignments."""
    n = len(cleaned)
    primary = np.empty(n, dtype=np.int64)
    confidence = np.zeros(n, dtype=np.float32)
    themes: list[tuple[int, ...]] = []
    for r in range(n):
        d = int(source[r])
        if d >= 0:
            primary[r] = distinct.primary[d]
            confidence[r] = distinct.confidence[d]
            themes.append(distinct.themes[d])
        else:
            primary[r] = NON_ANSWER if cleaned.status[r] is Status.NON_ANSWER else EMPTY
            themes.append(())
    return Assignments(primary=primary, confidence=confidence, themes=tuple(themes))


def data_hash(cleaned: CleanedCorpus) -> str:
    """Order-independent hash of the texts a model was trained on."""
    h = hashlib.sha256()
    for t in sorted(cleaned.texts):
        h.update(t.encode())
        h.update(b"\0")
    return h.hexdigest()


@dataclass(frozen=True)
class Analysis:
    """Everything ``analyse`` finds; ``themes`` are in id order (largest first)."""

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

    @property
    def unassigned(self) -> int:
        return int((self.assignments.primary == UNASSIGNED).sum())

    def theme(self, theme_id: int) -> Theme:
        for t in self.themes:
            if t.id == theme_id:
                return t
        raise KeyError(theme_id)


def make_quotes(
    cleaned: CleanedCorpus, distinct: Distinct, quote_rows: Mapping[int, Sequence[tuple[int, float]]]
) -> dict[int, tuple[Quote, ...]]:
    corpus = cleaned.corpus
    out: dict[int, tuple[Quote, ...]] = {}
    for tid, rows in quote_rows.items():
        quotes = []
        for d, sim in rows:
            r = int(distinct.row_of[d])
            quotes.append(Quote(tid, corpus.ids[r], cleaned.texts[r], sim, corpus.group_values(r)))
        out[tid] = tuple(quotes)
    return out


class Session:
    """Loaded models shared by analyse and tag: embedder, cache and spaCy."""

    def __init__(self, config: Config, progress: Progress | None = None,
                 cache: EmbeddingCache | None = None, use_cache: bool = True) -> None:
        self.config = config
        self.progress = progress or _no_progress
        self.cache = (cache or EmbeddingCache()) if use_cache else None
        self.embedder: Embedder = get_embedder(
            config.embedder, batch_size=config.batch_size,
            progress=lambda d, t: self.progress("embed", d, t),
            build_progress=lambda d, t: self.progress("build", d, t),
        )
        self._nlp: Any = None

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            self._nlp = load_nlp()
        return self._nlp

    def clean(self, corpus: Corpus) -> CleanedCorpus:
        if len(corpus) == 0:
            raise ThemesiftError(f"{corpus.source or 'the input'} has no rows")
        return clean_corpus(corpus, self.config, nlp=self.nlp, ner_workers=default_workers(),
                            progress=lambda d, t: self.progress("clean", d, t))

    def embed(self, texts: Sequence[str]) -> FloatArray:
        return embed_texts(texts, self.embedder, self.cache)


def analyse(corpus: Corpus, config: Config | None = None, *, session: Session | None = None,
            progress: Progress | None = None) -> Analysis:
    """Clean, embed and find themes in ``corpus``."""
    config = config or Config()
    session = session or Session(config, progress)
    cleaned = session.clean(corpus)
    distinct = distinct_texts(cleaned)
    if len(distinct.texts) == 0:
        raise ThemesiftError(
            f"no substantive comments in {corpus.source or 'the input'} "
            f"(rows: {cleaned.report.rows_read}, empty: {cleaned.report.empty}, "
            f"non-answers: {cleaned.report.non_answers})"
        )
    X = session.embed(distinct.texts)
    session.progress("themes", 0, 1)
    model = ThemeModel(config).fit(
        X, distinct.texts, distinct.weights, nlp=session.nlp, embed=session.embed
    )
    session.progress("themes", 1, 1)
    return Analysis(
        cleaned=cleaned,
        assignments=expand(cleaned, distinct.source, model.assignments_),
        themes=model.themes_,
        quotes=make_quotes(cleaned, distinct, model.quote_rows_),
        centroids=model.centroids_,
        config=config,
        embedder_id=session.embedder.model_id,
        data_hash=data_hash(cleaned),
        method=model.method_,
        distinct=distinct,
        embeddings=X,
    )


def tag(corpus: Corpus, centroids: FloatArray, theme_ids: IntArray, config: Config,
        *, session: Session | None = None) -> tuple[CleanedCorpus, Assignments]:
    """Assign the rows of ``corpus`` to saved themes (no refit)."""
    from themesift.assign import assign

    session = session or Session(config)
    cleaned = session.clean(corpus)
    distinct = distinct_texts(cleaned)
    X = session.embed(distinct.texts) if distinct.texts else np.zeros((0, centroids.shape[1]),
                                                                      dtype=np.float32)
    return cleaned, expand(cleaned, distinct.source, assign(X, centroids, theme_ids, config))
