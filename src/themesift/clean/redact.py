"""Find and redact personal data: regexes for contact details, spaCy NER for names.

``find_pii`` covers e-mail addresses, URLs, UK phone numbers, UK postcodes and NHS
numbers (valid mod-11 check digit only).  ``find_names`` adds PERSON entities from a
spaCy pipeline.  Overlapping spans are merged so that no part of a match survives.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from themesift.nlp import is_default_nlp, split_work
from themesift.types import Tick

if TYPE_CHECKING:
    from spacy.language import Language

logger = logging.getLogger(__name__)

KINDS = ("EMAIL", "URL", "PHONE", "POSTCODE", "NHS_NUMBER", "NAME")
# When two spans overlap and are equally long, the earlier kind here wins.
_PRIORITY = {
    kind: rank
    for rank, kind in enumerate(("NHS_NUMBER", "EMAIL", "URL", "PHONE", "POSTCODE", "NAME"))
}


@dataclass(frozen=True)
class Redaction:
    """``text[start:end]`` is personal data of ``kind`` (one of ``KINDS``)."""

    kind: str
    start: int
    end: int


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
    rf"|(?<![\w(])\(0\d{{2,4}}\){_SEP}\d(?:{_SEP}\d){{5,7}}(?!\d)"  # (020) 7946 0958
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
_WORD_RUN = re.compile(r"\S+")
_ORDINAL = re.compile(r"(?i)\d(?:st|nd|rd|th)$")
_MAY_HAVE_PII = re.compile(r"[\d@]|www\.|https?:|\w\.[a-z]{2,}", re.IGNORECASE)  # ... or a domain

# Entities made only of these words are job titles or common false positives.
_NOT_NAMES = frozenset(
    "dr dr. doctor doctors nurse nurses sister matron mr mr. mrs mrs. ms ms. miss prof "
    "professor sir madam consultant surgeon midwife gp staff team receptionist "
    "nhs covid covid-19 a&e thanks thank you hi hello dear email e-mail phone call ring text "
    "please physio physiotherapist physiotherapy therapist therapy carer carers hca ot "
    "mum mummy dad daddy mother father husband wife son daughter baby grandad grandma "
    "rang felt massage".split()
)

# "Dr Patel", "Nurse Kelly Smith", "Mrs O'Neil": the small model often misses these.
# A capitalised name ("Patel", "McAllister", "O'Neill-Brown") or one in capitals ("SMITH").
_NAME_WORD = (r"(?:[A-Z][a-z]*(?:[A-Z][a-z]+)?(?:['’-][A-Z]?[a-z]+)*"
              r"|[A-Z]{2,}(?:['’-][A-Z]+)*)(?![\w'’-])")
_TITLED = re.compile(
    r"\b(?i:Dr|Mr|Mrs|Ms|Mx|Miss|Prof|Professor|Sister|Matron|Nurse|Doctor|Midwife)"
    rf"\.?[ \t]+(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD})?)"
)
# Capitalised words that follow a title without being a name ("the Nurse Practitioner").
_NOT_NAME_WORDS = frozenset(
    "The A An And But Or So If I It He She They We You His Her Was Were Is Are Has Had Have "
    "Did Does Do On At In For To Of From With Who What When Where Which How This That These "
    "Those Also Then Very Really Just Not No Yes All Always Never Everyone Everything Today "
    "Practitioner Practitioners Specialist Specialists Consultant Consultants Manager Team "
    "Station Led Associate Assistant Unit Ward Department Clinic Surgery Appointment "
    "Appointments Staff Nurse Nurses Doctor Doctors Reception Receptionist Please Thanks "
    "Thank Said Told Explained Came Went Saw Gave Made Took Kept".split()
)

# Capitalised words that are not names: sentence-initial function words and common
# feedback words ("Staff were kind", "Felt safe").  A text whose capitalised words are
# all here (or single letters) cannot hold a name NER would keep, so it skips NER, the
# slowest step of cleaning.  Words that are also first names (Will, May, Grace, ...)
# must not be listed.
_NOT_NAME_CAPS = frozenset(
    "a about above across after afterwards again against all almost alone along already also "
    "although always am among an and another any anyhow anyone anything anyway anywhere are "
    "around as at back be became because become been before being below beside besides "
    "between beyond both but by can can't cannot could couldn't did didn't do does doesn't "
    "doing don't done down due during each either else enough even ever every everyone "
    "everybody everything everywhere except few first for from further get give go had has "
    "have having he her here hers herself him himself his how however i i'd i'll i'm i've if "
    "in indeed into is isn't it it's its itself just keep last least less made make many me "
    "might mine more moreover most mostly much must my myself neither never nevertheless next "
    "no nobody none noone nor not nothing now nowhere of off often on once one only onto or "
    "other others otherwise our ours ourselves out over own perhaps please quite rather really "
    "same see seem seemed several she should since so some somehow someone something sometime "
    "sometimes somewhere still such take than that that's the their them themselves then there "
    "there's these they they're this those though through throughout thus to together too "
    "toward towards under unless until up upon us very via was wasn't we we're well were "
    "what whatever when whenever where whether which while who whoever whole whom whose why "
    "with within without won't would yes yet you you're your yours yourself yourselves "
    "absolutely actually advice amazing answer appointment appointments attentive better "
    "brilliant care caring clean clear comfortable communication contact despite doctor "
    "doctors easy efficient enjoyed especially excellent explain explained extremely "
    "fabulous family fantastic fast feel felt food friendly gave getting given good great "
    "happy health helped helpful helping hospital hot improve information informative kind "
    "kindness knowing lack let like listen listened listening long looked lots lovely making "
    "meals need nice nope nurse nurses nursing ok okay overall patient patients people "
    "perfect personal phone physio pleasant pleased polite practical professional prompt "
    "quick quicker received reception receptionist regular satisfied seeing service sorry "
    "staff stop support talk telephone thank thanks thankyou thank-you think thorough time "
    "took treated treatment understanding useful wait waiting ward wish wonderful".split()
)
_HONORIFICS = frozenset("dr mr mrs ms mx miss prof professor".split())
_CAP_WORD = re.compile(r"[^\W\d_]*[A-Z][^\W\d_]*(?:['’-][^\W\d_]+)*")


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


def merge_spans(spans: Iterable[Redaction]) -> list[Redaction]:
    """Merge overlapping spans into their union, named after the longest member.

    Ties go to the kind earlier in ``_PRIORITY`` (an NHS number beats a phone number).
    """
    ordered = sorted(spans, key=lambda r: (r.start, r.end))
    merged: list[Redaction] = []
    best: Redaction | None = None  # longest member of the group being built
    for span in ordered:
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            assert best is not None
            if (span.end - span.start, -_PRIORITY[span.kind]) > (
                best.end - best.start,
                -_PRIORITY[best.kind],
            ):
                best = span
            merged[-1] = Redaction(best.kind, last.start, max(last.end, span.end))
        else:
            best = span
            merged.append(span)
    return merged


def find_pii(text: str) -> list[Redaction]:
    """Regex matches for EMAIL, URL, PHONE, POSTCODE and NHS_NUMBER: sorted, disjoint."""
    if not _MAY_HAVE_PII.search(text):
        return []
    return merge_spans(_candidates(text))


def redact(text: str, spans: Iterable[Redaction]) -> str:
    """Replace each span of ``text`` with ``[KIND]``; overlapping spans are merged."""
    parts: list[str] = []
    pos = 0
    for span in merge_spans(spans):
        parts.append(text[pos : span.start])
        parts.append(f"[{span.kind}]")
        pos = span.end
    parts.append(text[pos:])
    return "".join(parts)


def _ner_disable(nlp: Language) -> list[str]:
    """Every component except NER and whatever NER listens to."""
    keep = {"ner", "entity_ruler"}
    for name, pipe in nlp.pipeline:
        listening = getattr(pipe, "listening_components", [])
        if any(component in keep for component in listening):
            keep.add(name)
    return [name for name in nlp.pipe_names if name not in keep]


def _is_name(ent_text: str) -> bool:
    if ent_text == ent_text.lower():
        return False  # "the nurse", "sarah": NER on lowercase text is mostly noise
    words = ent_text.lower().replace("’", "'").removesuffix("'s").split()
    return any(w not in _NOT_NAMES for w in words)


_NEXT_WORD = re.compile(r"[ \t]+([A-Z][\w'’-]*)")
_PREV_WORD = re.compile(r"([A-Z][\w'’-]*)[ \t]+$")


def _name_like(word: str) -> bool:
    low = word.lower().replace("’", "'")
    return (len(word) > 1 and low not in _NOT_NAME_CAPS and low not in _NOT_NAMES
            and word.capitalize() not in _NOT_NAME_WORDS)


def widen(text: str, span: Redaction) -> Redaction:
    """A name span grown to whole words, and over a capitalised name word just before or
    after it that NER left out ("Anjali" of "Anjali Desai"): no fragment is left."""
    start, end = span.start, span.end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'’-"):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] in "'’-"):
        end += 1
    if (m := _PREV_WORD.search(text, 0, start)) and _name_like(m.group(1)):
        start = m.start(1)
    if (m := _NEXT_WORD.match(text, end)) and _name_like(m.group(1)):
        end = m.end(1)
    return Redaction(span.kind, start, end)


# A first name alone, told by its context: "thanks to Aisha", "ask for Raj", "Emma on
# reception", "Kwabena, the physio".  The words must not be common words (_name_like).
_NAMES = rf"(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD})?)"
_CONTEXT = [
    re.compile(r"\b(?:[Tt]hanks?(?:[ \t]+you)?,?[ \t]+(?:to[ \t]+)?|[Aa]sk(?:ed)?[ \t]+for[ \t]+"
               r"|[Ss]poke[ \t]+(?:to|with)[ \t]+|[Ss]een[ \t]+by[ \t]+)" + _NAMES),
    re.compile(_NAMES + r"(?:'s)?[ \t]+(?:on|at|from)[ \t]+(?:reception|the[ \t]+desk)\b"),
    re.compile(_NAMES + r",[ \t]+(?:the|our|my)[ \t]+(?:nurse|physio|receptionist|doctor|"
               r"midwife|carer|porter|consultant|surgeon|therapist)\b"),
]


def find_context_names(text: str) -> list[Redaction]:
    """NAME spans for a first name told by its context ("thanks to Aisha")."""
    found = []
    for pattern in _CONTEXT:
        for m in pattern.finditer(text):
            words = list(_WORD_RUN.finditer(m.group("name")))
            keep = [w for w in words[:2] if _name_like(w.group())]
            if keep and keep[0] is words[0]:
                end = keep[-1].end() if len(keep) == len(words) else words[0].end()
                found.append(Redaction("NAME", m.start("name"), m.start("name") + end))
    return found


def find_titled_names(text: str) -> list[Redaction]:
    """NAME spans for a title followed by capitalised words: "Dr Patel", "Sister Brown"."""
    found = []
    for m in _TITLED.finditer(text):
        end = m.start("name")
        for word in _WORD_RUN.finditer(m.group("name")):
            if word.group().capitalize() in _NOT_NAME_WORDS:  # "the Nurse Practitioner", "WAS"
                break
            end = m.start("name") + word.end()
        if end > m.start("name"):
            found.append(Redaction("NAME", m.start(), end))
    return found


def may_hold_name(text: str) -> bool:
    """False when every capitalised word of ``text`` is a known non-name (or one letter).

    An honorific ("Mrs s.", "Dr p") always sends the text to NER.
    """
    for word in _CAP_WORD.findall(text):
        low = word.lower().replace("’", "'")
        if low in _HONORIFICS or (len(word) > 1 and low not in _NOT_NAME_CAPS
                                  and low not in _NOT_NAMES):
            return True
    return False


def _pieces(text: str, size: int) -> Iterator[tuple[str, int]]:
    """Split a very long text at spaces into pieces of at most ``size`` characters."""
    start = 0
    while len(text) - start > size:
        cut = text.rfind(" ", start + size // 2, start + size)
        end = cut if cut > start else start + size
        yield text[start:end], start
        start = end
    yield text[start:], start


def person_spans(
    texts: Sequence[str],
    nlp: Language,
    *,
    batch_size: int = 256,
    progress: Tick | None = None,
) -> list[list[tuple[int, int]]]:
    """(start, end) of the PERSON entities of each text that look like names.

    Entities that are all lower-case or only non-name words ("Nurse") are dropped.
    Texts longer than the pipeline's limit are read in pieces.
    """
    found: list[list[tuple[int, int]]] = [[] for _ in texts]
    size = min(nlp.max_length - 1, 100_000)
    items = ((piece, (i, off)) for i, t in enumerate(texts) for piece, off in _pieces(t, size))
    done = 0
    last = -1
    docs = nlp.pipe(items, as_tuples=True, batch_size=batch_size, disable=_ner_disable(nlp))
    for doc, (i, offset) in docs:
        for ent in doc.ents:
            if ent.label_ == "PERSON" and _is_name(ent.text):
                found[i].append((offset + ent.start_char, offset + ent.end_char))
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
) -> list[list[Redaction]]:
    """NAME spans: PERSON entities of each text, plus titled names ("Dr Patel").

    Entities that are all lower-case or only titles ("Nurse") are dropped, so texts
    without an upper-case letter are skipped, and so are texts whose capitalised
    words are all known non-names (:func:`may_hold_name`).  With ``workers`` > 1
    and ``nlp`` the default model, spare processes take shares of the NER work
    (:mod:`themesift.nlp.workers`); the spans are the same.  ``progress(done,
    total)`` counts the texts sent to NER: it is called after each batch and once
    at the end (not at all when no text needs NER).
    """
    found: list[list[Redaction]] = [[] for _ in texts]
    cased = [i for i, t in enumerate(texts) if t != t.lower()]  # has an upper-case letter
    for i in cased:
        found[i].extend(find_titled_names(texts[i]))
        found[i].extend(find_context_names(texts[i]))
    todo = [i for i in cased if may_hold_name(texts[i])]
    total = len(todo)
    if not total:
        return [merge_spans(spans) for spans in found]

    def local(share: Sequence[str]) -> list[list[tuple[int, int]]]:
        scale = total / max(1, len(share))
        report = None if progress is None else (
            lambda d, _t: progress(min(total - 1, round(d * scale)), total))
        return person_spans(share, nlp, batch_size=batch_size, progress=report)

    todo_texts = [texts[i] for i in todo]
    spans = split_work("names", todo_texts, local, workers if is_default_nlp(nlp) else 1)
    for i, pairs in zip(todo, spans, strict=True):
        found[i].extend(widen(texts[i], Redaction("NAME", s, e)) for s, e in pairs)
    if progress is not None:
        progress(total, total)
    return [merge_spans(spans) for spans in found]
