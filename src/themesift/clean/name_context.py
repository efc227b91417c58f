"""Names told by the words around them, where neither capitals nor NER settle it.

- **Listed with a name** ("Eilidh and [NAME]", "[NAME], Priya and Chidi"):
  :func:`coordinated_names`.
- **Word names** ("Grace", "Mark", "Will", "Joy", "Precious": first names that are
  also English words, :attr:`~themesift.clean.lexicon.NameLexicon.word_names`) and other
  known first names, told by what they do: the subject of a clause that acts as a person
  does ("grace was fantastic with my nan", "MARK FROM IT CAME TO THE WARD"), a possessive
  before a noun ("Mark's lectures", "Nkechi's training"), or a capitalised word inside a
  sentence of an ordinarily cased text ("Is Will still running the drop-in?"):
  :func:`acting_names` and (after NER, which may veto) :func:`inside_names`.  Calendar
  words, seasons, beliefs and nationalities, family words, places and venues never count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from themesift.clean.lexicon import NameLexicon, name_key
from themesift.clean.names import (
    _CALENDAR,
    _NOT_AFTER_ROLE,
    _NOT_NAME_CAPS,
    _NOT_NAMES,
    _NOT_PERSON,
    _PLACE_AFTER,
    _PLACE_BEFORE,
    _ROLES,
    _WORD,
    _in_place,
    _inside,
    _known,
    _near_place,
    _plain,
    cued,
)
from themesift.clean.spans import Redaction

__all__ = ["acting_names", "coordinated_names", "inside_names", "joined_names"]

_JOINER = re.compile(r"[ \t]*(?:,|&|\band\b|,[ \t]*and\b)[ \t]*", re.IGNORECASE)


def _named_words(words: Sequence[re.Match[str]], spans: Sequence[Redaction]) -> list[int]:
    """Indexes of the words inside a NAME span."""
    return [i for i, m in enumerate(words)
            if any(s.kind == "NAME" and s.start <= m.start() and m.end() <= s.end
                   for s in spans)]


def coordinated_names(probe: str, spans: Sequence[Redaction], lexicon: NameLexicon,
                      cased: bool) -> list[Redaction]:
    """Names listed with a found name ("Eilidh and [NAME]", "[NAME], Priya and Chidi"):
    a word joined to a name by "and", "&" or a comma is a name too when it is
    capitalised (``cased``: the comment :func:`is_cased`) or else a known name, and no
    common or place word ("a double act and [NAME]": "act" stays)."""
    words = list(_WORD.finditer(probe))
    named = set(_named_words(words, spans))
    found: list[Redaction] = []
    grew = True
    while grew:
        grew = False
        for i in sorted(named):
            for j in (i - 2, i - 1, i + 1, i + 2):
                if j in named or not 0 <= j < len(words):
                    continue
                lo, hi = sorted((i, j))
                if not _JOINER.fullmatch(probe[words[lo].end():words[hi].start()]):
                    continue
                word = words[j].group()
                key = name_key(word)
                if (key in _NOT_NAME_CAPS or key in _NOT_NAMES or key in _CALENDAR
                        or key in _PLACE_AFTER or key in _PLACE_BEFORE or key in _ROLES
                        or len(key) < 2
                        or _in_place(words, j, lexicon)):
                    continue
                if word[0].isupper() if cased else _known(key, lexicon):
                    named.add(j)
                    found.append(Redaction("NAME", words[j].start(), words[j].end()))
                    grew = True
    return found


# Never a name alone, whatever the name lists say: seasons, beliefs and nationalities,
# ranks, "Love" (as in "Lots of Love from Lucy"); family words ("my nan") are in _NOT_NAMES.
_NEVER = frozenset(
    "spring summer autumn winter christian catholic muslim jewish hindu sikh buddhist "
    "english scottish welsh irish british african caribbean asian polish indian god lord "
    "heaven love king queen prince princess major bishop baron sultan sheikh champion "
    "citizen cadet junior deacon marshal".split())
# Names that are abstract nouns: "Comfort was great" is about comfort, so praise alone
# does not make them people (an act does: "Comfort explained everything").
_ABSTRACT = frozenset(
    "comfort patience care hope faith peace mercy charity justice favour gift promise trust "
    "love honour glory wisdom happiness confidence courage liberty harmony destiny prudence "
    "felicity constance blessing beauty bright best believe".split())
# What follows a clause's subject when only a person fits it.
_ACTS = frozenset(
    "came comes went goes helped helps explained explains told tells said says listened "
    "listens looked looks took takes gave gives kept keeps sorted sorts fixed fixes called "
    "calls rang rings asked asks showed shows spent spends stayed stays checked checks "
    "treated treats saw sees ran runs did does made makes from".split())
_COPULA = frozenset(("was", "is", "were", "are"))
_DEGREE = frozenset("so very really absolutely always extremely such a an".split())
_PRAISE = frozenset(
    "lovely fantastic brilliant amazing great wonderful excellent kind rude helpful patient "
    "caring friendly fab superb outstanding professional polite supportive attentive "
    "unhelpful dismissive abrupt nice gentle thorough reassuring compassionate "
    "knowledgeable funny star angel credit gem legend hero saint superstar lifesaver "
    "diamond asset".split())
# Sayings that start like a name at work: "Pat on the back for the cleaners".
_SAYINGS = (("pat", "on", "the", "back"), ("pats", "on", "the", "back"))
_DETERMINERS = frozenset(
    "the a an my your our their his her its this that these those each every no any some "
    "all".split())
_CLAUSE_WORDS = frozenset(("and", "but", "so", "then"))
# Lower-case words inside the name of a place or body: "Ministry of Justice", "Barrow in
# Furness", "Newcastle upon Tyne".
_PHRASE_JOINERS = frozenset("of for and de la le du da van von upon on in y".split())
# Where a person works: "dawn on the switchboard", "Sandy in orthotics".
_WHERE = frozenset(("on", "at", "in"))
# Roles after a name: "Joy the ward clerk", "ray the bus driver", "patience the nurse".
_AFTER_NAME_ROLES = _ROLES | frozenset(
    "driver worker assistant student manager technician secretary coordinator officer "
    "helper".split())
_BREAK = re.compile(r"[.!?;:,()\[\]*•/\n\"“”]|\s[-–—]\s")


def _candidate(key: str, lexicon: NameLexicon) -> bool:
    """A word name ("grace") or a plain first name ("nkechi") that may be a person."""
    return (len(key) > 2 and (key in lexicon.word_names
                              or (key in lexicon.first and _plain(key, lexicon)))
            and key not in _NEVER and key not in _CALENDAR and key not in _NOT_NAME_CAPS
            and key not in _NOT_NAMES and key not in _ROLES and key not in _PLACE_AFTER)


def _opens(probe: str, words: Sequence[re.Match[str]], i: int) -> bool:
    """Whether word ``i`` starts a clause: the text's start, after punctuation, or
    after "and", "but", "so", "then"."""
    if i == 0:
        return True
    return bool(_BREAK.search(probe, words[i - 1].end(), words[i].start())) or (
        words[i - 1].group().lower() in _CLAUSE_WORDS)


def _possessive(words: Sequence[re.Match[str]], i: int) -> bool:
    """"Mark's lectures": a name's possessive before a noun, with no determiner before."""
    word = words[i].group().replace("\u2019", "'")
    if not word.lower().endswith("'s") or i + 1 >= len(words):
        return False
    nxt = words[i + 1].group()
    before = words[i - 1].group().lower() if i else ""
    return (nxt.islower() and nxt not in _NOT_NAME_CAPS and len(nxt) > 2
            and before not in _DETERMINERS)


def _praised(after: Sequence[str]) -> bool:
    """"was lovely", "is so kind": a copula, degree words, then praise or blame."""
    if not after or after[0] not in _COPULA:
        return False
    rest = list(after[1:])
    while rest and rest[0] in _DEGREE:
        rest = rest[1:]
    return bool(rest) and rest[0] in _PRAISE


def _acts(words: Sequence[re.Match[str]], run: Sequence[int], keys: Sequence[str]) -> bool:
    """Whether the subject ``run`` (word indexes) does what only a person does next,
    perhaps after where they work ("dawn on the switchboard was so helpful") or their
    role ("Joy the ward clerk is a star")."""
    after = [w.group().lower() for w in words[run[-1] + 1:run[-1] + 9]]
    if not after:
        return False
    abstract = any(k in _ABSTRACT for k in keys)
    if (after[0] in ("the", "our", "my") and keys[-1] not in _NOT_AFTER_ROLE  # "Will the"
            and any(w in _AFTER_NAME_ROLES for w in after[1:4])):
        return True  # "patience the nurse", "ray the bus driver"
    if (keys[-1], *after[:3]) in _SAYINGS:
        return False
    if after[0] in _WHERE and len(after) > 1 and not abstract:
        return True  # "pat on reception", "mark on nights"
    if after[0] in _WHERE or after[0] == "from":  # then an act or praise must follow
        return any(w in _ACTS - {"from"} or (not abstract and _praised(after[j:]))
                   for j, w in enumerate(after[1:], start=1))
    return after[0] in _ACTS or (not abstract and _praised(after))


def _after_role(words: Sequence[re.Match[str]], i: int, keys: Sequence[str]) -> bool:
    """"my tutor Summer", "nurse grace": a role just before the name."""
    word = words[i].group().replace("\u2019", "'")
    return (i > 0 and keys[i - 1] in _ROLES and len(keys[i]) > 2
            and ("'" not in word or word.lower().endswith("'s"))  # not "therapist I've"
            and keys[i] not in _NOT_AFTER_ROLE and keys[i] not in _NOT_NAME_CAPS
            and keys[i] not in _ROLES and not _near_place(words, i))


def _subject(words: Sequence[re.Match[str]], i: int, ok: Sequence[bool]) -> list[int]:
    """Word ``i`` and the names listed with it ("joy and precious"), as word indexes."""
    run = [i]
    j = i
    while j + 2 < len(words) and words[j + 1].group().lower() in ("and", "&") and ok[j + 2]:
        j += 2
        run.append(j)
    return run


def _inside_sentence(probe: str, words: Sequence[re.Match[str]], i: int,
                     keys: Sequence[str], lexicon: NameLexicon) -> bool:
    """A capitalised first name inside a sentence of a cased text, between lower-case
    words or ending the sentence: "Is Will still running", "Who is Marguerite?"; not
    "the Amber ward", "Ministry of Justice component"."""
    word, prev = words[i].group(), words[i - 1].group()
    if _opens(probe, words, i):
        return False  # a sentence's first word is capitalised anyway
    if (keys[i] in _ABSTRACT or not word[0].isupper() or not word[1:].islower()
            or prev.lower() in _DETERMINERS
            or keys[i] not in lexicon.first or word.casefold() in lexicon.places):
        return False
    ends = i + 1 == len(words) or bool(_BREAK.search(probe, words[i].end(), words[i + 1].start()))
    if not ends and not words[i + 1].group()[0].islower():
        return False
    if prev[0].islower():  # "of" in "Ministry of Justice": a capitalised phrase goes on
        return not (prev in _PHRASE_JOINERS and i > 1 and words[i - 2].group()[0].isupper())
    return _opens(probe, words, i - 1)  # after a sentence's first word: "Is Will still"


def acting_names(probe: str, lexicon: NameLexicon, cased: bool) -> list[Redaction]:
    """NAME spans for first names told by what they do (see the module's docstring).
    ``cased``: whether the comment itself (not its probe) :func:`is_cased`; capitals
    count as evidence only then."""
    words = list(_WORD.finditer(probe))
    if not words:
        return []
    keys = [name_key(w.group()) for w in words]
    ok = [_candidate(k, lexicon) and (w.group()[0].isupper() or not cased)
          and not _near_place(words, i) and not _in_place(words, i, lexicon)
          for i, (w, k) in enumerate(zip(words, keys, strict=True))]
    named: set[int] = set()
    for i in range(len(words)):
        if i in named:
            continue
        if _after_role(words, i, keys) and (keys[i] in lexicon.word_names
                                            or _plain(keys[i], lexicon)) and (
                words[i].group()[0].isupper() or not cased) and keys[i] not in _CALENDAR:
            named.add(i)  # "my tutor Summer": after a role even a season is a name
        elif not ok[i]:
            continue
        elif _possessive(words, i) or cued(words, i):
            named.add(i)
        elif _opens(probe, words, i):
            run = _subject(words, i, ok)
            if _acts(words, run, [keys[j] for j in run]):
                named.update(run)
    return [Redaction("NAME", words[i].start(), words[i].end()) for i in sorted(named)]


def inside_names(probe: str, entities: Sequence[tuple[int, int, str]],
                 lexicon: NameLexicon) -> list[Redaction]:
    """NAME spans for capitalised first names inside a sentence of a cased comment ("Is
    Will still running the drop-in?", "Who is Marguerite?"), unless NER calls them a
    place, organisation-free label or date ("over 20 weeks in Kingston": GPE)."""
    words = list(_WORD.finditer(probe))
    keys = [name_key(w.group()) for w in words]
    other = [(s, e) for s, e, label in entities if label in _NOT_PERSON]
    return [Redaction("NAME", m.start(), m.end()) for i, m in enumerate(words)
            if i > 0 and _candidate(keys[i], lexicon) and not _near_place(words, i)
            and not _in_place(words, i, lexicon) and not _inside(m.start(), m.end(), other)
            and _inside_sentence(probe, words, i, keys, lexicon)]


def joined_names(probe: str, spans: Sequence[Redaction],
                 lexicon: NameLexicon) -> list[Redaction]:
    """In a comment without telling capitals (lower case or ALL CAPS): the known first
    name just before a found name and the known surname just after it ("amir [NAME]",
    "[NAME] pike"), so that no part of a whole name is left."""
    words = list(_WORD.finditer(probe))
    named = _named_words(words, spans)
    found = []
    for i in named:
        for j, names in ((i - 1, lexicon.first), (i + 1, lexicon.last)):
            if j in named or not 0 <= j < len(words):
                continue
            key = name_key(words[j].group())
            if (key in names and _known(key, lexicon) and key not in _ROLES
                    and key not in _NEVER and not _in_place(words, j, lexicon)
                    and probe[min(words[i].end(), words[j].end()):
                              max(words[i].start(), words[j].start())].isspace()):
                found.append(Redaction("NAME", min(words[i].start(), words[j].start()),
                                       max(words[i].end(), words[j].end())))
    return found  # each over the name it joins: merged into one span
