"""Sentiment of comments, offline: VADER on the whole comment and on each of its clauses.

VADER (``vadersentiment``, MIT; Hutto & Gilbert 2014) was chosen by measurement
(``bench/SENTIMENT.md``): a classifier over the embeddings beat it on NHS FFT
only and lost on Care Opinion and SemEval, so it does not travel across genres.
The comment's ``score`` is VADER's compound for the whole comment (it tracked the
coders best, better than a mean over sentences); its label is "mixed" when one clause
is positive and another negative ("The parking was a nightmare. The nurses were
wonderful."), else the sign of the score with VADER's own +-0.05 thresholds.
Clauses are sentences, further cut before "but", "however", "although" and
"though", so "Staff were lovely but the wait was awful" is mixed too.

VADER reads a negation before a positive word as criticism, so the praise idioms of
feedback forms ("Nothing could be better", "Couldn't fault them", "No improvements
needed", an answer opening "Nothing, ..." to "what could be improved?") came out
negative; they are read as the praise they are (``IDIOMS``) before VADER scores a
text.  Measured on every labelled set in ``bench/SENTIMENT.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from themesift.types import Sentiment

THRESHOLD = 0.05  # VADER's documented cut-off between neutral and a side
POSITIVE, NEGATIVE, MIXED, NEUTRAL = "positive", "negative", "mixed", "neutral"
SIDES = (POSITIVE, NEGATIVE, MIXED, NEUTRAL)

# A clause ends at a sentence end or a line break, or before a contrast word.
_BOUNDARY = re.compile(
    r"(?<=[.!?])\s+|\n+|[;:]\s+|,?\s+(?=(?:but|however|although|though|whereas)\b)",
    re.IGNORECASE)
_WORD = re.compile(r"\w")


_NOT = r"(?:n'?t|n’t|\s+not)"
# (pattern, what VADER reads instead): English idioms of praise that VADER takes for
# negations, written from the language, not fitted to any evaluation set
IDIOMS = tuple((re.compile(p, re.IGNORECASE), r) for p, r in (
    (r"\b(?:nothing|no ?one|nobody|none)\s+(?:else\s+)?(?:could|can|would)\s+(?:have\s+)?"
     r"(?:be|been|do|done)\s+(?:any\s+)?(?:better|more)\b", "excellent"),
    (rf"\bcould{_NOT}\s+(?:have\s+)?(?:be|been|ask for|wish for)\s+(?:any\s+)?"
     r"(?:better|more)\b", "excellent"),
    (rf"\b(?:can{_NOT}|cannot|could{_NOT})\s+(?:really\s+)?fault\b", "excellent"),
    (r"\bnothing\s+(?:at all\s+)?(?:to|i would|i'd|needs? to be|that needs? to be|needs?)\s+"
     r"(?:be\s+)?(?:improv\w*|chang\w*)", "good"),
    (r"\bno\s+(?:room for\s+|need for\s+|further\s+)?(?:improvements?|changes?)\s*"
     r"(?:needed|required|necessary)?", "good"),
    (r"\bsecond to none\b", "excellent"),
    # "Nothing, all was fine" answering "what could be improved?": not a negation
    (r"^\s*(?:nothing|none|no|not really)(?:\s+(?:really|at all|else))?\s*[,.;:!\-–]+\s*", ""),
))


def read_idioms(text: str) -> str:
    """``text`` with the praise idioms VADER misreads put in plain words."""
    for pattern, plain in IDIOMS:
        text = pattern.sub(plain, text)
    return text


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    """VADER, with two of its context checks handed only the words they read.

    vaderSentiment 3.3.2 lower-cases every word of the text inside ``_negation_check`` and
    ``_special_idioms_check``, once per sentiment word: quadratic in the text's length,
    most of the time spent on a long story.  Both read at most three words before the
    word (and two after); given that window, with the index moved into it, they return
    the same valence (tests/sentiment compares the two on real comments).
    """
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    class Windowed(SentimentIntensityAnalyzer):  # type: ignore[misc]  # VADER has no types
        @staticmethod
        def _negation_check(valence: float, words: list[str], start_i: int, i: int) -> float:
            lo = max(0, i - 3)
            return float(SentimentIntensityAnalyzer._negation_check(
                valence, words[lo:i + 1], start_i, i - lo))

        @staticmethod
        def _special_idioms_check(valence: float, words: list[str], i: int) -> float:
            lo = max(0, i - 3)
            return float(SentimentIntensityAnalyzer._special_idioms_check(
                valence, words[lo:i + 3], i - lo))

    return Windowed()


def compound(text: str) -> float:
    """VADER's compound score of ``text``, in [-1, 1]."""
    return float(_analyzer().polarity_scores(read_idioms(text))["compound"])


def clauses(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each clause of ``text`` that has a word in it."""
    start = 0
    for m in _BOUNDARY.finditer(text):
        if _WORD.search(text, start, m.start()):
            yield start, m.start()
        start = m.end()
    if _WORD.search(text, start):
        yield start, len(text)


def side(score: float) -> str:
    """positive / negative / neutral by VADER's thresholds."""
    if score >= THRESHOLD:
        return POSITIVE
    if score <= -THRESHOLD:
        return NEGATIVE
    return NEUTRAL


def combine(whole: float, parts: Sequence[float]) -> str:
    """The label of a comment (or of the clauses about one theme): mixed when its
    clauses take both sides, else the side of ``whole``."""
    sides = {side(s) for s in parts}
    if POSITIVE in sides and NEGATIVE in sides:
        return MIXED
    return side(whole)


def score_texts(texts: Sequence[str]) -> Sentiment:
    """Sentiment of each text and of each of its clauses (a text of one clause is
    scored once)."""
    scores = np.zeros(len(texts), dtype=np.float32)
    labels: list[str] = []
    owner: list[int] = []
    spans: list[tuple[int, int]] = []
    part_scores: list[float] = []
    for i, text in enumerate(texts):
        whole = compound(text)
        scores[i] = whole
        found = list(clauses(text))
        parts = [whole] if len(found) <= 1 else [compound(text[a:b]) for a, b in found]
        labels.append(combine(whole, parts))
        for (a, b), s in zip(found or [(0, len(text))], parts, strict=True):
            owner.append(i)
            spans.append((a, b))
            part_scores.append(s)
    return Sentiment(
        score=scores, label=tuple(labels),
        clause_text=np.array(owner, dtype=np.int64),
        clause_span=np.array(spans, dtype=np.int64).reshape(-1, 2),
        clause_score=np.array(part_scores, dtype=np.float32))
