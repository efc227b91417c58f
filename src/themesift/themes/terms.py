"""The words of each comment that could name a theme: phrases and keyword lemmas.

Candidate phrases are the comments' own word n-grams (1-4 words, not starting
or ending with a stop word, except a leading negation: "not enough nurses",
"nothing could have been better", which may run to 5 words).  Keywords are
content lemmas, stop words never included.  spaCy reads each text once
(:func:`analyse_texts`); a project keeps the result, so edits never run spaCy.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from themesift.clean import KINDS
from themesift.nlp import is_default_nlp, split_work

MAX_WORDS = 4  # words in a label; one more after a negation

CONTENT_POS = {"NOUN", "PROPN", "ADJ", "VERB"}
EDGE_BAD_POS = {"DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "PUNCT", "NUM", "SYM"}
_JUNK = re.compile(r"[\[\]<>@#/\\|_=*~^]|x{3,}|\d", re.IGNORECASE)


@dataclass(frozen=True)
class DocTerms:
    phrases: frozenset[str]  # lower-cased keys
    lemmas: frozenset[str]
    surface: Mapping[str, str]  # key -> the words as written (keeps "STPs", "NHS")

    def to_json(self) -> str:
        """Compact JSON (stored per distinct text in a project file)."""
        return json.dumps({"p": sorted(self.phrases), "l": sorted(self.lemmas),
                           "s": dict(self.surface)}, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> DocTerms:
        d = json.loads(text)
        return cls(phrases=frozenset(d["p"]), lemmas=frozenset(d["l"]), surface=d["s"])


def _ok_token(tok: Any) -> bool:
    return bool(tok.is_alpha) and not _JUNK.search(tok.text) and not _placeholder(tok)


def _placeholder(tok: Any) -> bool:
    """A redaction placeholder ("PHONE" of "[PHONE]"): never a phrase, keyword or label."""
    return bool(tok.text in KINDS and tok.i > 0 and tok.doc[tok.i - 1].text == "[")


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
        and t.lemma_.lower() not in _STOP_LEMMAS
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
    shares of the texts (:mod:`themesift.nlp.workers`); the terms are the same.
    """
    def local(share: Sequence[str]) -> list[DocTerms]:
        disable = [p for p in ("ner",) if p in nlp.pipe_names]
        return [doc_terms(d) for d in nlp.pipe(share, batch_size=batch_size, disable=disable)]

    return split_work("terms", texts, local, workers if is_default_nlp(nlp) else 1)
