"""Tag one chunk of a large export with a saved model: clean, embed, assign, tabulate.

``ChunkTagger`` is what both engines run per chunk (the local stream and each
Dask worker).  It holds the model as arrays (centroids, theme ids, settings,
themes), an embedder and two bounded memos that carry across chunks:

* raw text -> cleaned text, status, redaction kinds (spaCy runs once per text);
* cleaned text -> theme assignment (each text is embedded once).

Each comment is assigned by its own cleaned text (``analyse`` lets variants that
differ only in case or punctuation share one embedding), so a row's result never
depends on its chunk, and memos change speed, never output.  Rows repeating an
earlier row's normalised text are flagged ``duplicate`` across the whole file by
the engine, using ``keys``.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from themesift.clean import (
    KINDS,
    MAX_TEXT_CHARS,
    clean_corpus,
    normalise_key,
    repair,
    says_dont_know,
)
from themesift.config import Config
from themesift.embed import Embedder, EmbeddingCache, embed_texts, release_memory
from themesift.model import SavedModel
from themesift.nlp import default_workers, load_nlp, seconds_in
from themesift.report import assignments_frame
from themesift.sentiment import score_texts
from themesift.tagging.timing import StageTimes, Stopwatch
from themesift.themes import assign
from themesift.types import (
    EMPTY,
    NON_ANSWER,
    Assignments,
    CleanedCorpus,
    CleaningReport,
    Corpus,
    Family,
    FloatArray,
    IntArray,
    Status,
    Taught,
    Theme,
)

log = logging.getLogger(__name__)

MEMO_SIZE = 100_000  # entries per memo; a full memo is emptied (memory stays flat)
_TOKEN = re.compile(r"\[(" + "|".join(KINDS) + r")\]")


@dataclass(frozen=True)
class _Cleaned:
    text: str
    status: Status
    kinds: tuple[tuple[str, int], ...]
    key: int  # hash of the normalised text (0 unless substantive)
    dont_know: bool = False  # a non-answer saying "I don't know"


@dataclass(frozen=True)
class TaggedChunk:
    """One chunk's output rows; ``duplicate`` is within the chunk until the engine widens it.

    ``keys[i]`` identifies row ``i``'s normalised text (0 for rows that are not
    substantive): equal keys mean duplicates.  ``seconds``: the time tagging it took,
    per stage (clean, names, embed, assign, sentiment).
    """

    frame: pd.DataFrame
    keys: IntArray
    report: CleaningReport
    kinds: npt.NDArray[np.int32] | None = None  # rows x len(KINDS): redactions per kind
    seconds: StageTimes = StageTimes()


def row_key(question: str, text: str) -> int:
    """Identifies a cleaned answer to a question: equal keys are duplicates."""
    return text_hash(f"{question}\0{normalise_key(text)}")


def text_hash(key: str) -> int:
    """A non-zero signed 64-bit hash of a normalised text."""
    value = int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little",
                           signed=True)
    return value or 1


class ChunkTagger:
    """Tags Corpus chunks with fixed themes; picklable (ships to Dask workers once)."""

    def __init__(self, config: Config, centroids: FloatArray, theme_ids: IntArray,
                 themes: tuple[Theme, ...], embedder: Embedder,
                 cache: EmbeddingCache | None = None, memo_size: int = MEMO_SIZE,
                 question: str = "", taught: Taught | None = None,
                 families: tuple[Family, ...] = ()) -> None:
        self.config = config
        self.families = families
        self.taught = taught  # a classifier from hand-coded comments: it picks the theme
        self.centroids = np.ascontiguousarray(centroids, dtype=np.float32)
        self.theme_ids = np.asarray(theme_ids, dtype=np.int64)
        self.themes = themes
        self.embedder = embedder
        self.cache = cache
        self.memo_size = memo_size
        self.question = question  # written in the output's question column ("": the text column)
        self._cleaned: dict[str, _Cleaned] = {}
        # cleaned text -> (theme, confidence, themes, sentiment, sentiment score)
        self._assigned: dict[str, tuple[int, float, tuple[int, ...], str, float | None]] = {}

    @classmethod
    def from_model(cls, model: SavedModel, embedder: Embedder,
                   cache: EmbeddingCache | None = None, question: str = "") -> ChunkTagger:
        return cls(model.config, model.centroids, model.theme_ids, model.themes, embedder, cache,
                   question=question, taught=model.taught, families=model.families)

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_cleaned": {}, "_assigned": {}}

    def tag(self, corpus: Corpus) -> TaggedChunk:
        question = self.question or corpus.text_col
        watch = Stopwatch()
        ner = seconds_in("names")
        with watch("clean"):
            cleaned, keys = self._clean(corpus, question, watch)
        watch.move(seconds_in("names") - ner, "clean", "names")  # NER runs inside cleaning
        with watch("assign"):
            assignments, sentiment = self._assign(cleaned, watch)
            frame = assignments_frame(cleaned, assignments, self.themes, question,
                                      families=self.families, sentiment=sentiment)
        with watch("clean"):
            column = {k: i for i, k in enumerate(KINDS)}
            kinds = np.zeros((len(corpus), len(KINDS)), dtype=np.int32)
            for r, text in enumerate(corpus.texts):
                for kind, n in self._cleaned[text].kinds:  # mostly empty
                    kinds[r, column[kind]] = n
        return TaggedChunk(frame=frame, keys=keys, report=cleaned.report, kinds=kinds,
                           seconds=watch.times())

    # -- cleaning -------------------------------------------------------------------------

    def _clean(self, corpus: Corpus, question: str, watch: Stopwatch
               ) -> tuple[CleanedCorpus, IntArray]:
        memo = self._cleaned
        new = [t for t in dict.fromkeys(corpus.texts) if t not in memo]
        if len(memo) + len(new) > self.memo_size:
            memo.clear()
            new = list(dict.fromkeys(corpus.texts))
        if new:
            self._clean_new(new, question, watch)
            release_memory()  # spaCy's many small objects fragment the heap too
        rows = [memo[t] for t in corpus.texts]
        keys = np.array([c.key for c in rows], dtype=np.int64)
        first: dict[int, int] = {}
        duplicate_of = [
            -1 if (d := first.setdefault(c.key, r) if c.key else r) == r else d
            for r, c in enumerate(rows)
        ]
        status = tuple(c.status for c in rows)
        kinds: Counter[str] = Counter()
        for c in rows:
            if c.kinds:
                kinds.update(dict(c.kinds))
        report = CleaningReport.tally(status, duplicate_of, {k: kinds[k] for k in KINDS},
                                      dont_know=sum(c.dont_know for c in rows),
                                      cut=sum(len(t) > MAX_TEXT_CHARS for t in corpus.texts))
        cleaned = CleanedCorpus(corpus=corpus, texts=tuple(c.text for c in rows), status=status,
                                duplicate_of=tuple(duplicate_of), report=report)
        return cleaned, keys

    def _clean_new(self, raw: list[str], question: str, watch: Stopwatch) -> None:
        sub = Corpus(ids=tuple(str(i) for i in range(len(raw))), texts=tuple(raw))
        with watch("names"):
            nlp = load_nlp() if self.config.redact_names else None
        done = clean_corpus(sub, self.config, nlp=nlp, ner_workers=self._spacy_workers())
        for text, clean, status in zip(raw, done.texts, done.status, strict=True):
            kinds = Counter(_TOKEN.findall(clean)) if "[" in clean else Counter()
            if kinds:
                kinds.subtract(_TOKEN.findall(repair(text)))  # tokens already in the raw text
            key = row_key(question, clean) if status is Status.SUBSTANTIVE else 0
            self._cleaned[text] = _Cleaned(
                clean, status, tuple((k, n) for k, n in sorted(kinds.items()) if n > 0), key,
                status is Status.NON_ANSWER and says_dont_know(clean))

    def _spacy_workers(self) -> int:
        """Processes sharing NER: all cores with the fast embedder, else one unless asked.

        With MiniLM, embedding dominates tagging: a spaCy worker made runs 7-23% faster
        (1M rows: 148.7 -> 138.3 s; 100k: 158.8 -> 121.8 s) but took the process tree
        over 1.5 GB (bench/SCALE.md), so it runs only when ``THEMESIFT_WORKERS`` asks for
        it.  With the fast embedder NER is the bottleneck and the worker makes tagging
        ~1.5x faster within the same memory budget.
        """
        if self.config.embedder == "fast" or "THEMESIFT_WORKERS" in os.environ:
            return default_workers()
        return 1

    # -- assignment -----------------------------------------------------------------------

    def _assign(self, cleaned: CleanedCorpus, watch: Stopwatch
                ) -> tuple[Assignments, tuple[list[str], list[float | None]]]:
        """Each substantive row by its own cleaned text, so no row depends on its chunk;
        with the sentiment of each row (``watch`` times embedding and sentiment)."""
        substantive = [s is Status.SUBSTANTIVE for s in cleaned.status]
        memo = self._assigned
        texts = list(dict.fromkeys(t for t, s in zip(cleaned.texts, substantive, strict=True) if s))
        new = [t for t in texts if t not in memo]
        if len(memo) + len(new) > self.memo_size:
            memo.clear()
            new = texts
        if new:
            with watch("embed"):
                X = embed_texts(new, self.embedder, self.cache)
            got = assign(X, self.centroids, self.theme_ids, self.config,
                         codes=sum(t.origin == "code" for t in self.themes), taught=self.taught)
            with watch("sentiment"):
                feel = score_texts(new)
            for i, text in enumerate(new):
                memo[text] = (int(got.primary[i]), float(got.confidence[i]), got.themes[i],
                              feel.label[i], round(float(feel.score[i]), 4))
        other: dict[Status, tuple[int, float, tuple[int, ...], str, float | None]] = {
            Status.NON_ANSWER: (NON_ANSWER, 0.0, (), "", None),
            Status.EMPTY: (EMPTY, 0.0, (), "", None)}
        rows = [memo[t] if s else other[st] for t, s, st in
                zip(cleaned.texts, substantive, cleaned.status, strict=True)]
        return Assignments(
            primary=np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows)),
            confidence=np.fromiter((r[1] for r in rows), dtype=np.float32, count=len(rows)),
            themes=tuple(r[2] for r in rows),
        ), ([r[3] for r in rows], [r[4] for r in rows])


class SurveyTagger:
    """Tags the answers to several questions: one ChunkTagger per question.

    ``tag`` takes one Corpus per question (the same respondents, in the same
    order) and returns their rows as respondent x question.
    """

    def __init__(self, taggers: Sequence[ChunkTagger]) -> None:
        if not taggers:
            raise ValueError("a SurveyTagger needs at least one question")
        self.taggers = tuple(taggers)

    @property
    def questions(self) -> tuple[str, ...]:
        return tuple(t.question for t in self.taggers)

    def tag(self, corpora: Sequence[Corpus]) -> TaggedChunk:
        chunks = [t.tag(c) for t, c in zip(self.taggers, corpora, strict=True)]
        if len(chunks) == 1:
            return chunks[0]
        n, k = len(corpora[0]), len(chunks)
        watch = Stopwatch()
        with watch("assign"):
            order = np.arange(n * k).reshape(k, n).T.ravel()  # respondent-major
            frame = pd.concat([c.frame for c in chunks], ignore_index=True).iloc[order]
            keys = np.concatenate([c.keys for c in chunks])[order]
            kinds = np.concatenate([c.kinds if c.kinds is not None
                                    else np.zeros((n, len(KINDS)), dtype=np.int32)
                                    for c in chunks])[order]
            report = CleaningReport.combine(c.report for c in chunks)
        return TaggedChunk(frame=frame.reset_index(drop=True), keys=keys, report=report,
                           kinds=kinds, seconds=sum((c.seconds for c in chunks), watch.times()))
