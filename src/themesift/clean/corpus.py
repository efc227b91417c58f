"""Clean a corpus: repair text, spot empty rows and non-answers, redact PII, find duplicates.

Redaction itself lives in :mod:`themesift.clean.redact`.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from typing import TYPE_CHECKING

import ftfy

from themesift.clean.redact import find_names, find_pii
from themesift.clean.spans import KINDS, Redaction, merge_spans, redact
from themesift.config import Config
from themesift.nlp import load_nlp
from themesift.types import CleanedCorpus, CleaningReport, Corpus, Status, Tick

if TYPE_CHECKING:
    from spacy.language import Language

logger = logging.getLogger(__name__)

# Whole answers (in normalise_key form) that say nothing.
NON_ANSWERS: frozenset[str] = frozenset(
    {
        "n/a", "na", "n.a", "n / a", "none", "nothing", "no comment", "no comments", "-", "--",
        ".", "?", "don't know", "dont know", "do not know", "not sure", "unsure",
        "nothing to add", "no", "nil", "nope", "nah", "not applicable", "none thanks",
        "nothing else", "no thanks", "no thank you", "idk", "dunno", "x", "xx", "xxx",
        "no further comments", "no further comment", "nothing more to add",
        "nothing at this time", "no idea", "nothing really", "not really", "no response",
        "no answer", "nothing comes to mind", "nothing springs to mind",
        "not that i can think of", "not that i know of", "can't think of anything",
        "cannot think of anything", "can't think of any", "none that i can think of",
        "not at all", "nothing to report", "nothing to say", "none at all",
    }
)  # fmt: skip

# Phrases that make an answer a non-answer, and filler that may surround them
# ("No, nothing else to add at this time, thanks").
_CORE = {
    tuple(p.split())
    for p in (
        "no", "none", "nothing", "nil", "nope", "nah", "na", "n/a", "n.a", "idk", "dunno",
        "unsure", "not sure", "don't know", "dont know", "do not know", "not applicable",
        "not really", "not at all", "no idea", "no comment", "no comments",
        "can't think of anything", "cannot think of anything", "can't think of any",
        "nothing comes to mind", "nothing springs to mind", "not a thing",
    )
}  # fmt: skip
_FILLER = {
    tuple(p.split())
    for p in (
        "really", "at all", "thanks", "thank you", "thankyou", "thx", "i", "i'm", "im",
        "to add", "to say", "to report", "to mention", "to comment", "to share", "else",
        "further", "more", "additional", "other", "at this time", "at the moment",
        "at present", "for now", "right now", "currently", "so far", "just", "in particular",
        "particularly", "specific", "specifically", "that i can think of", "i can think of",
        "that i know of", "that", "comment", "comments", "sorry", "honestly", "whatsoever",
        "here", "from me", "of note", "apart from that", "other than that", "as above",
        "see above", "that's all", "thats all", "that is all", "am", "afraid", "i'm afraid",
        "absolutely", "overall", "personally", "in my opinion", "for me", "to be honest",
        "comes to mind", "springs to mind", "i could think of",
    )
}  # fmt: skip
_PHRASES = _CORE | _FILLER
_MAX_PHRASE = max(len(p) for p in _PHRASES)
_MAX_WORDS = 12

_WS = re.compile(r"\s+")
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"'})
_WORD = re.compile(r"[^\W_]+(?:['./][^\W_]+)*")
_RATING = re.compile(r"^\s*\d{1,3}(\.\d)?\s*(/\s*\d{1,3}|%)\s*[!.]*\s*$")
_LETTER = re.compile(r"[^\W\d_]")


# Longer comments are cut to this many characters (at a space) before anything else, so a
# pasted document or a broken export cannot stall cleaning and NER; counted as ``cut``.
MAX_TEXT_CHARS = 100_000


def shorten(text: str, limit: int = MAX_TEXT_CHARS) -> str:
    """``text`` cut to at most ``limit`` characters, at a space when there is one, with "…"."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    space = head.rfind(" ", limit // 2)
    return (head[:space] if space > 0 else head) + "…"


def repair(text: str) -> str:
    """Fix mojibake and odd characters (ftfy), then collapse whitespace and strip."""
    if not text.isascii() or "&" in text or _ASCII_CONTROL.search(text):
        text = ftfy.fix_text(text)  # plain ASCII needs no fixing: skip the slow path
        text = _INVISIBLE.sub("", text)
    return _WS.sub(" ", text).strip()


def normalise_key(text: str) -> str:
    """Lower-case, straighten quotes, strip punctuation at the ends, collapse spaces."""
    key = text.translate(_QUOTES).lower()
    return " ".join(_EDGE_PUNCT.sub("", key).split())


def _only_non_answer_words(words: list[str]) -> bool:
    """True if ``words`` split into known phrases, at least one of them a core phrase."""
    n = len(words)
    # reach[i]: None if words[:i] cannot be covered, else whether a core phrase was used.
    reach: list[bool | None] = [None] * (n + 1)
    reach[0] = False
    for i in range(n):
        if reach[i] is None:
            continue
        for j in range(i + 1, min(n, i + _MAX_PHRASE) + 1):
            phrase = tuple(words[i:j])
            if phrase in _PHRASES:
                core = bool(reach[i]) or phrase in _CORE
                reach[j] = core or bool(reach[j])
    return bool(reach[n])


def is_non_answer(text: str) -> bool:
    """True for answers that say nothing: "N/A", "no, nothing really", "-", "???".

    Texts without letters count too, except ratings such as "10/10" or "100%".  Answers
    that say anything else stay
    substantive: "Nothing, the staff were great", "No parking".
    """
    if not _LETTER.search(text):
        # "10/10" and "100%" are ratings, and say something; "-" or "5" do not.
        return not _RATING.match(text)
    key = normalise_key(text)
    if key in NON_ANSWERS or len(key) == 1:
        return True
    words = _WORD.findall(key)
    return len(words) <= _MAX_WORDS and _only_non_answer_words(words)


# Words of a non-answer that say "I don't know" rather than "nothing to add": an answer
# in its own right to "How do the tools work?", so it is counted and shown apart.
_DONT_KNOW = re.compile(r"\b(?:idk|dunno|unsure|not sure|no idea|no clue|"
                        r"(?:do not|don'?t|didn'?t|did not) know)\b")


def says_dont_know(text: str) -> bool:
    """Whether a text already judged a non-answer says "I don't know" ("No idea")."""
    return bool(_DONT_KNOW.search(normalise_key(text)))


def is_dont_know(text: str) -> bool:
    """True for a non-answer that says the respondent does not know ("No idea", "not sure")."""
    return is_non_answer(text) and says_dont_know(text)


def kept_out(text: str, spans: list[Redaction], keep_words: tuple[str, ...]
             ) -> list[Redaction]:
    """The name spans of ``text`` without those made only of ``keep_words`` (any case)."""
    if not keep_words:
        return spans
    keep = {w.lower() for phrase in keep_words for w in phrase.split()}

    def kept(span: Redaction) -> bool:
        words = text[span.start:span.end].lower().replace("’", "'").removesuffix("'s").split()
        return bool(words) and all(w.strip(".,") in keep for w in words)

    return [s for s in spans if not kept(s)]


def clean_corpus(
    corpus: Corpus,
    config: Config | None = None,
    *,
    nlp: Language | None = None,
    progress: Tick | None = None,
    ner_workers: int = 1,
) -> CleanedCorpus:
    """Repair, classify, redact and de-duplicate every row of ``corpus``.

    Each distinct raw text is processed once.  Names are found with spaCy NER when
    ``config.redact_names`` (``nlp`` defaults to :func:`load_nlp`); ``progress`` is
    passed to :func:`themesift.clean.redact.find_names`, and so is ``ner_workers`` (how many
    processes may share the NER work; the names found do not depend on it).
    """
    config = config or Config()
    uid_of: dict[str, int] = {}
    row_uid = [uid_of.setdefault(raw, len(uid_of)) for raw in corpus.texts]
    cut = {uid for raw, uid in uid_of.items() if len(raw) > MAX_TEXT_CHARS}
    if cut:
        logger.warning("cut %d comment(s) longer than %s characters to that length (the "
                       "rest is not analysed or shown)", len(cut), f"{MAX_TEXT_CHARS:,}")
    repaired = [repair(shorten(raw)) for raw in uid_of]
    status = [
        Status.EMPTY if not t else Status.NON_ANSWER if is_non_answer(t) else Status.SUBSTANTIVE
        for t in repaired
    ]
    if config.dont_know_is_answer:  # "No idea" answers the question: themed like any answer
        status = [Status.SUBSTANTIVE if s is Status.NON_ANSWER and says_dont_know(t) else s
                  for s, t in zip(status, repaired, strict=True)]
    spans = [find_pii(t) if t else [] for t in repaired]

    if config.redact_names:
        ner_texts = list(dict.fromkeys(t for t, s in zip(repaired, status, strict=True)
                                       if s != Status.EMPTY))
        if ner_texts:
            names = find_names(ner_texts, nlp if nlp is not None else load_nlp(),
                               progress=progress, workers=ner_workers)
            names_of = {t: kept_out(t, spans, config.keep_words)
                        for t, spans in zip(ner_texts, names, strict=True)}
            spans = [s + names_of.get(t, []) for t, s in zip(repaired, spans, strict=True)]

    merged = [merge_spans(s) for s in spans]
    cleaned = [redact(t, s) for t, s in zip(repaired, merged, strict=True)]
    keys = [normalise_key(t) for t in cleaned]

    texts: list[str] = []
    row_status: list[Status] = []
    duplicate_of: list[int] = []
    first_of: dict[str, int] = {}
    kinds: Counter[str] = Counter()
    for row, uid in enumerate(row_uid):
        texts.append(cleaned[uid])
        row_status.append(status[uid])
        kinds.update(span.kind for span in merged[uid])
        if status[uid] is Status.SUBSTANTIVE:
            duplicate_of.append(first_of.setdefault(keys[uid], row))
            if duplicate_of[-1] == row:
                duplicate_of[-1] = -1
        else:
            duplicate_of.append(-1)

    dont_know = {uid for uid, t in enumerate(repaired)
                 if status[uid] is Status.NON_ANSWER and says_dont_know(t)}
    report = CleaningReport.tally(row_status, duplicate_of,
                                  {kind: kinds[kind] for kind in KINDS},
                                  dont_know=sum(uid in dont_know for uid in row_uid),
                                  cut=sum(uid in cut for uid in row_uid))
    logger.info(
        "cleaned %d rows: %d substantive (%d duplicates), %d non-answers, %d empty",
        report.rows_read, report.substantive, report.duplicates, report.non_answers, report.empty,
    )  # fmt: skip
    return CleanedCorpus(
        corpus=corpus,
        texts=tuple(texts),
        status=tuple(row_status),
        duplicate_of=tuple(duplicate_of),
        report=report,
    )
