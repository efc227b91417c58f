"""Name each theme in the respondents' own words.

Candidate phrases are the comments' own word n-grams (1-4 words, not starting
or ending with a stop word, except a leading negation: "not enough nurses",
"nothing could have been better", which may run to 5 words).  They are ranked
per theme by class-based TF-IDF (how much more often a phrase occurs in this theme's
comments than in the others), blended with how close the phrase's embedding
is to the theme centre, and made diverse with MMR.  Keywords are lemmas
ranked the same way, stop words never included.
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from themesift.mmr import mmr
from themesift.ner_workers import split_work
from themesift.redact import is_default_nlp
from themesift.types import FloatArray

MIN_SHARED = 5
NEAR_LABEL = 0.9  # difflib ratio from which two labels read as the same
MAX_WORDS = 4  # words in a label; one more after a negation
# Phrases of two or three words read best as labels.
LENGTH_BONUS = {1: 0.8, 2: 1.0, 3: 1.0, 4: 0.9, MAX_WORDS + 1: 0.85}
# A label of 2-4 words is taken unless the best single word scores more than twice as high.
MULTI_WORD_FLOOR = 0.5
CONTENT_POS = {"NOUN", "PROPN", "ADJ", "VERB"}
EDGE_BAD_POS = {"DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "PUNCT", "NUM", "SYM"}
_JUNK = re.compile(r"[\[\]<>@#/\\|_=*~^]|x{3,}|\d", re.IGNORECASE)


@dataclass(frozen=True)
class DocTerms:
    phrases: frozenset[str]  # lower-cased keys
    lemmas: frozenset[str]
    surface: Mapping[str, str]  # key -> the words as written (keeps "STPs", "NHS")


@dataclass(frozen=True)
class ThemeWords:
    label: str
    suggestions: tuple[str, ...]
    keywords: tuple[str, ...]


def _ok_token(tok: Any) -> bool:
    return bool(tok.is_alpha) and not _JUNK.search(tok.text)


def doc_terms(doc: Any) -> DocTerms:
    """Candidate phrases and keyword lemmas of one spaCy Doc."""
    phrases: dict[str, str] = {}
    for sent in doc.sents if doc.has_annotation("SENT_START") else [doc]:
        toks = [t for t in sent if not t.is_space]
        for i in range(len(toks)):
            if _after_negation(toks, i):  # "like hospitals" from "I don't like hospitals"
                continue
            for n in range(1, MAX_WORDS + 2):
                gram = toks[i : i + n]
                if len(gram) < n or not all(_ok_token(t) for t in gram):
                    break
                if _is_candidate(gram):
                    words = " ".join(t.text for t in gram)
                    phrases.setdefault(words.lower(), words)
    lemmas = {
        t.lemma_.lower()
        for t in doc
        if _ok_token(t) and not t.is_stop and len(t.text) > 2 and t.pos_ in CONTENT_POS
        and not t.lemma_.lower() in _STOP_LEMMAS
    }
    return DocTerms(frozenset(phrases), frozenset(lemmas), phrases)


def _is_candidate(gram: Sequence[Any]) -> bool:
    """Whether a run of 1-4 word tokens (5 after a negation) can name a theme.

    Not led or ended by a function word ("the staff", "staff were"), except a
    negation ("no parking", "not enough nurses", "nothing could be better") and
    a closing "everything" / "everyone" ("happy with everything"); not ended by a
    word that needs the next one ("window" of "window dressing", "helps" of
    "helps me understand"); not a run-on such as "nothing was good".
    """
    first, last = gram[0], gram[-1]
    negated = _negation_led(gram)
    if len(gram) > MAX_WORDS and not negated:  # "nothing could have been better"
        return False
    if (first.is_stop or first.pos_ in EDGE_BAD_POS) and not negated:
        return False
    if last.is_stop and not (last.lower_ in _CLOSING_PRONOUNS and len(gram) >= 2):
        return False
    if (last.pos_ in EDGE_BAD_POS and last.lower_ not in _CLOSING_PRONOUNS) or _cut_short(gram):
        return False
    if negated and _run_on(gram):
        return False
    inner_bad = {"PRON", "PUNCT"} if negated else {"PRON", "AUX", "PUNCT"}
    if any(t.pos_ in inner_bad for t in gram[1:-1]):
        return False
    if not any(t.pos_ in CONTENT_POS for t in gram):
        return False
    return len(gram) > 1 or first.pos_ in {"NOUN", "PROPN", "ADJ"}


# Pronouns that may close a label: "happy with everything", "kind to everyone".
_CLOSING_PRONOUNS = frozenset({"everything", "everyone", "everybody"})
# Words that may lead a label when a content word follows: "nothing to improve".
_NEGATIONS = frozenset({"not", "nothing", "never", "nobody"})


def _negation_led(gram: Sequence[Any]) -> bool:
    """"no idea", "no parking": "no" before a noun phrase; "not enough staff",
    "nothing to improve", "never on time": a negation before content words."""
    if len(gram) < 2:
        return False
    head = gram[0].lower_
    if head == "no":
        return bool(gram[1].pos_ in {"NOUN", "PROPN", "ADJ"})
    return head in _NEGATIONS and (len(gram) >= 3 or gram[1].pos_ in {"ADJ", "ADV", "NOUN", "VERB"})


# Words that reverse what follows them; a phrase cut off after one says the opposite.
_REVERSING = _NEGATIONS | {"no", "n't", "n’t", "without"}
_BRIDGE_POS = frozenset({"ADV", "AUX", "PART", "DET"})  # "not very", "don't really"


def _after_negation(toks: Sequence[Any], i: int) -> bool:
    """True when ``toks[i]`` follows a negation, maybe across an adverb or two."""
    for back in range(i - 1, max(-1, i - 4), -1):
        tok = toks[back]
        if tok.dep_ == "neg" or tok.lower_ in _REVERSING:
            return True
        if tok.pos_ not in _BRIDGE_POS:
            return False
    return False


def _run_on(gram: Sequence[Any]) -> bool:
    """"Nothing was good": most likely "Nothing. (It) was good", read the other way.

    "nothing" / "nobody", a form of "be", maybe adverbs, and a plain adjective;
    "nothing could be better" and "nothing was too much trouble" stay.
    """
    return (gram[0].lower_ in {"nothing", "nobody"} and gram[1].lemma_ == "be"
            and gram[-1].tag_ == "JJ" and all(t.pos_ == "ADV" for t in gram[2:-1]))


# What a verb still needs to its right: "helps [me understand]", "thank [you]", "try [their best]".
_OBJECT_DEPS = frozenset({"dobj", "dative", "ccomp", "xcomp", "attr", "oprd"})


def _cut_short(gram: Sequence[Any]) -> bool:
    """True when the phrase stops before a word it needs.

    Its last word modifies the next ("window" in "window dressing"), or one
    of its verbs has an object or complement after the phrase ("helps" in
    "helpful and helps me understand", "found" in "found the course useful").
    """
    last = gram[-1]
    if last.head.i > last.i and last.dep_ in {"compound", "amod", "nummod", "poss", "nmod"}:
        return True
    return any(t.pos_ == "VERB" and any(c.i > last.i and c.dep_ in _OBJECT_DEPS
                                        for c in t.children) for t in gram)


# Lemmas that spaCy does not mark as stop words but carry no theme.
_STOP_LEMMAS = frozenset({"be", "have", "do", "get", "go", "make", "say", "will", "would", "thing"})


def analyse_texts(texts: Sequence[str], nlp: Any, batch_size: int = 256,
                  workers: int = 1) -> list[DocTerms]:
    """Run spaCy once over ``texts`` (NER disabled) and extract their terms.

    With ``workers`` > 1 and ``nlp`` the default model, spare processes take
    shares of the texts (:mod:`themesift.ner_workers`); the terms are the same.
    """
    def local(share: Sequence[str]) -> list[DocTerms]:
        disable = [p for p in ("ner",) if p in nlp.pipe_names]
        return [doc_terms(d) for d in nlp.pipe(share, batch_size=batch_size, disable=disable)]

    return split_work("terms", texts, local, workers if is_default_nlp(nlp) else 1)


def class_tfidf(classes: Sequence[Sequence[frozenset[str]]]) -> list[dict[str, float]]:
    """Class-based TF-IDF over document sets.

    For term t and class c: (share of c's documents containing t)
    x log(1 + documents / documents containing t).  In a class of more than
    three documents, terms found in only one of them are dropped as
    idiosyncratic, unless that would leave fewer than MIN_SHARED terms.
    """
    df_all: Counter[str] = Counter()
    for docs in classes:
        for terms in docs:
            df_all.update(terms)
    n_docs = sum(len(docs) for docs in classes) or 1
    out: list[dict[str, float]] = []
    for docs in classes:
        df_c: Counter[str] = Counter()
        for terms in docs:
            df_c.update(terms)
        size = max(len(docs), 1)
        scores = {t: (c / size) * math.log(1 + n_docs / df_all[t]) for t, c in df_c.items()}
        if size > 3:
            shared = {t: v for t, v in scores.items() if df_c[t] >= 2}
            if len(shared) >= MIN_SHARED:
                scores = shared
        out.append(scores)
    return out


def _n_words(phrase: str) -> int:
    return phrase.count(" ") + 1


def _drop_nested(ordered: Iterable[str]) -> list[str]:
    """Drop phrases contained in (or containing) an earlier, better one."""
    kept: list[str] = []
    for p in ordered:
        padded = f" {p} "
        if any(padded in f" {k} " or f" {k} " in padded for k in kept):
            continue
        kept.append(p)
    return kept


def _extend(word: str, ranked: Sequence[str], score: Mapping[str, float]) -> str:
    """A single word's best phrase of 2-4 words around it ("staff" -> "friendly staff").

    Only phrases scoring at least MULTI_WORD_FLOOR times the word itself.
    """
    if _n_words(word) > 1:
        return word
    padded = f" {word} "
    longer = [p for p in ranked if _n_words(p) > 1 and padded in f" {p} "
              and score[p] >= MULTI_WORD_FLOOR * score[word]]
    return max(longer, key=lambda p: (score[p], p)) if longer else word


def name_theme(
    scores: Mapping[str, float],
    centroid: FloatArray,
    embed: Callable[[Sequence[str]], FloatArray],
    n_suggestions: int,
    diversity: float,
    taken: set[str],
) -> tuple[str, tuple[str, ...]]:
    """Choose a label and ordered suggestions from a theme's phrase scores."""
    if not scores:
        return "", ()
    ranked = sorted(scores, key=lambda p: (-scores[p], p))[:60]
    vecs = embed(ranked)
    relevance_sem = np.clip(vecs @ centroid, 0.0, None)
    top = max(scores[p] for p in ranked)
    length_bonus = np.array([LENGTH_BONUS[_n_words(p)] for p in ranked])
    lexical = np.array([scores[p] / top for p in ranked])
    relevance = (0.5 * lexical + 0.5 * relevance_sem) * length_bonus
    order = mmr(vecs, relevance, k=min(len(ranked), n_suggestions * 3), diversity=diversity)
    score = {p: float(r) for p, r in zip(ranked, relevance)}
    picked = [_extend(ranked[i], ranked, score) for i in order]
    suggestions = _drop_nested(dict.fromkeys(picked))[:n_suggestions]
    free = [s for s in suggestions if not _near_taken(s, taken)]
    if not free:  # every suggestion names another theme: fall back on the rest
        free = [ranked[i] for i in order if not _near_taken(ranked[i], taken)] or suggestions
    if free[0] != suggestions[0]:  # the best is another theme's: the most relevant of the rest
        free.sort(key=lambda s: (-score[s], s))
    # A phrase of 2-4 words unless the best single word is far more telling.
    multi = [s for s in free if _n_words(s) >= 2 and score[s] >= MULTI_WORD_FLOOR * score[free[0]]]
    return (multi[0] if multi else free[0]), tuple(suggestions)


def _near_taken(phrase: str, taken: set[str]) -> bool:
    """Whether another theme's label is this phrase or a near spelling of it.

    "nothing was to much trouble" next to "nothing was too much trouble".
    """
    return any(difflib.SequenceMatcher(None, phrase, t.lower()).ratio() >= NEAR_LABEL
               for t in taken)


def top_keywords(scores: Mapping[str, float], n: int) -> tuple[str, ...]:
    return tuple(sorted(scores, key=lambda t: (-scores[t], t))[:n])
