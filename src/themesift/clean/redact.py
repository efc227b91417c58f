"""Find personal data: regexes for contact details, names by NER, lexicon and rules.

``find_pii`` covers e-mail addresses, URLs, UK phone numbers, UK postcodes and NHS
numbers (valid mod-11 check digit only).  ``find_names`` adds people's names
(:mod:`themesift.clean.names`).  Overlapping spans are merged (:mod:`themesift.clean.spans`)
so that no part of a match survives.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from themesift.clean.lexicon import NameLexicon, name_lexicon
from themesift.clean.name_context import (
    acting_names,
    coordinated_names,
    inside_names,
    joined_names,
)
from themesift.clean.names import (
    entity_names,
    find_context_names,
    find_titled_names,
    is_cased,
    lexicon_names,
    may_hold_name,
    name_probe,
)
from themesift.clean.spans import Redaction, merge_spans
from themesift.nlp import is_default_nlp, split_work
from themesift.types import Tick

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["entity_spans", "find_names", "find_pii", "nhs_checksum_ok"]

logger = logging.getLogger(__name__)

# Any RFC 5322 local part ("m.o'neill", "a+b", "x_y"), then a dotted domain.
_LOCAL = r"[\w.!#$%&'*+/=?^`{|}~-]"
_EMAIL = re.compile(rf"(?<!{_LOCAL}){_LOCAL}+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{{2,}}")
_URL_END = r"[^\s<>\".,;:!?)\]}'’”]"
_URL = re.compile(
    rf"(?i)(?<![\w@.])(?:https?://|www\.)[^\s<>\"]*{_URL_END}"  # with a scheme or www
    # without: a dotted domain and a path ("example.com/in/some-name-1234"), or a bare
    # domain of a common top-level domain ("my-name.co.uk")
    rf"|(?<![\w@./-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{{2,}}/[^\s<>\"]*{_URL_END}"
    r"|(?<![\w@./-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+"
    r"(?:com|org|net|io|info|me|co\.uk|org\.uk|me\.uk)(?![\w.@-])")
_SEP = r"(?:[ \t]?-[ \t]?|[ \t])?"
_PHONE = re.compile(
    rf"(?<![\w+])(?:\+|00)44{_SEP}(?:\(0\){_SEP})?[1-9](?:{_SEP}\d){{7,9}}(?!\d)"  # +44 7700 900123
    rf"|(?<!\w)\(0\d{{2,4}}\){_SEP}\d(?:{_SEP}\d){{5,7}}(?!\d)"  # (020) 7946 0958
    rf"|(?<![\w+])0[1-9](?:{_SEP}\d){{8,9}}(?!\d)"  # 07700 900123, 0161 496 0000
)
# Ten digits in any grouping ("943 476 5919", "990 6790377", "9434765919"); the mod-11
# check digit decides.
_NHS = re.compile(r"(?<![\w+])\d(?:[ -]?\d){9}(?![\w])")
_POSTCODE = re.compile(
    r"(?i)(?<![A-Za-z0-9])(?:GIR ?0AA|"
    r"(?:[A-PR-UWYZ][A-HK-Y]\d[ABEHMNPRV-Y]|[A-PR-UWYZ]\d[A-HJKPSTUW]"
    r"|[A-PR-UWYZ][A-HK-Y]\d{1,2}|[A-PR-UWYZ]\d{1,2})"
    r" ?\d[ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])"
)
_NON_DIGIT = re.compile(r"\D")
# A true ordinal ("2nd", "3rd", "11th"), not "NG7 2RD" typed as "ng72rd".
_ORDINAL = re.compile(r"(?i)(?:(?<!1)1st|(?<!1)2nd|(?<!1)3rd|(?:1\d|[04-9])th)$")
_MAY_HAVE_PII = re.compile(r"[\d@]|www\.|https?:|\w\.[a-z]{2,}", re.IGNORECASE)  # ... or a domain

def nhs_checksum_ok(digits: str) -> bool:
    """True when the 10 ``digits`` carry a valid NHS number mod-11 check digit."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def _phone_ok(match: str) -> bool:
    digits = _NON_DIGIT.sub("", match)
    if digits.startswith("0044"):
        digits = digits[2:]
    if digits.startswith("44"):
        rest = digits[2:]
        digits = rest if rest.startswith("0") else "0" + rest
    return len(digits) in (10, 11) and digits[0] == "0" and digits[1] in "1235789"


def _candidates(text: str) -> Iterator[Redaction]:
    for m in _EMAIL.finditer(text):
        yield Redaction("EMAIL", m.start(), m.end())
    for m in _URL.finditer(text):
        yield Redaction("URL", m.start(), m.end())
    for m in _NHS.finditer(text):
        if nhs_checksum_ok(_NON_DIGIT.sub("", m.group())):
            yield Redaction("NHS_NUMBER", m.start(), m.end())
    for m in _PHONE.finditer(text):
        if _phone_ok(m.group()):
            yield Redaction("PHONE", m.start(), m.end())
    for m in _POSTCODE.finditer(text):
        code = m.group()
        if _ORDINAL.search(code) and not code.isupper():
            continue  # "room a1 2nd floor"
        yield Redaction("POSTCODE", m.start(), m.end())


def find_pii(text: str) -> list[Redaction]:
    """Regex matches for EMAIL, URL, PHONE, POSTCODE and NHS_NUMBER: sorted, disjoint."""
    if not _MAY_HAVE_PII.search(text):
        return []
    return merge_spans(_candidates(text))


def _ner_disable(nlp: Language) -> list[str]:
    """Every component except NER and whatever NER listens to."""
    keep = {"ner", "entity_ruler"}
    for name, pipe in nlp.pipeline:
        listening = getattr(pipe, "listening_components", [])
        if any(component in keep for component in listening):
            keep.add(name)
    return [name for name in nlp.pipe_names if name not in keep]


def _pieces(text: str, size: int) -> Iterator[tuple[str, int]]:
    """Split a very long text at spaces into pieces of at most ``size`` characters."""
    start = 0
    while len(text) - start > size:
        cut = text.rfind(" ", start + size // 2, start + size)
        end = cut if cut > start else start + size
        yield text[start:end], start
        start = end
    yield text[start:], start


def entity_spans(
    texts: Sequence[str],
    nlp: Language,
    *,
    batch_size: int = 256,
    progress: Tick | None = None,
) -> list[list[tuple[int, int, str]]]:
    """(start, end, label) of the named entities of each text.

    Texts longer than the pipeline's limit are read in pieces.
    """
    found: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    size = min(nlp.max_length - 1, 100_000)
    items = ((piece, (i, off)) for i, t in enumerate(texts) for piece, off in _pieces(t, size))
    done = 0
    last = -1
    docs = nlp.pipe(items, as_tuples=True, batch_size=batch_size, disable=_ner_disable(nlp))
    for doc, (i, offset) in docs:
        found[i].extend((offset + ent.start_char, offset + ent.end_char, ent.label_)
                        for ent in doc.ents)
        if i != last:
            last = i
            done += 1
            if progress is not None and done % batch_size == 0 and done < len(texts):
                progress(done, len(texts))
    return found


def find_names(
    texts: Sequence[str],
    nlp: Language,
    *,
    batch_size: int = 256,
    progress: Tick | None = None,
    workers: int = 1,
    lexicon: NameLexicon | None = None,
) -> list[list[Redaction]]:
    """NAME spans of each text: titled and context names, known names from the lexicon
    and PERSON entities that the lexicon or a title supports (:mod:`themesift.clean.names`),
    and names told by their neighbours (:mod:`themesift.clean.name_context`).

    Each text is read through its :func:`~themesift.clean.names.name_probe`, so lower
    case, ALL CAPS and Title Case texts are covered.  Texts whose probe has no
    known name or honorific (:func:`may_hold_name`) skip NER, the slowest
    step of cleaning.  With ``workers`` > 1 and ``nlp`` the default model, spare
    processes take shares of the NER work (:mod:`themesift.nlp.workers`); the spans are
    the same.  ``progress(done, total)`` counts the texts sent to NER: it is called
    after each batch and once at the end (not at all when no text needs NER).
    """
    lexicon = lexicon or name_lexicon()
    probes = [name_probe(t, lexicon) for t in texts]
    cased = [is_cased(t) for t in texts]
    found: list[list[Redaction]] = [
        [*find_titled_names(p), *find_context_names(p), *acting_names(p, lexicon, c)]
        for p, c in zip(probes, cased, strict=True)]
    todo = [i for i, p in enumerate(probes) if may_hold_name(p, lexicon)]
    total = len(todo)

    def local(share: Sequence[str]) -> list[list[tuple[int, int, str]]]:
        scale = total / max(1, len(share))
        report = None if progress is None else (
            lambda d, _t: progress(min(total - 1, round(d * scale)), total))
        return entity_spans(share, nlp, batch_size=batch_size, progress=report)

    todo_probes = [probes[i] for i in todo]
    entities = split_work("names", todo_probes, local,
                          workers if is_default_nlp(nlp) else 1) if total else []
    for i, ents in zip(todo, entities, strict=True):
        found[i].extend(entity_names(probes[i], ents, lexicon, cased[i]))
        found[i].extend(lexicon_names(probes[i], ents, lexicon))
        if cased[i]:
            found[i].extend(inside_names(probes[i], ents, lexicon))
    for i in range(len(texts)):
        if found[i]:
            found[i].extend(coordinated_names(probes[i], found[i], lexicon, cased[i]))
            if not cased[i]:
                found[i].extend(joined_names(probes[i], found[i], lexicon))
    if progress is not None and total:
        progress(total, total)
    return [merge_spans(spans) for spans in found]
