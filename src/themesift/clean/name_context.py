"""Names told by the words around them, where neither capitals nor NER settle it.

- **Listed with a name** ("Eilidh and [NAME]", "[NAME], Priya and Chidi"):
  :func:`coordinated_names`.
- **Word names** ("Grace", "Mark", "Will", "Joy", "Precious": first names that are
  also English words, :attr:`~themesift.clean.lexicon.NameLexicon.word_names`) and other
  known first names, told by what they do: the subject of a clause that acts as a person
  does ("grace was fantastic with my nan", "MARK FROM IT CAME TO THE WARD"), a possessive
  before a noun ("Mark's lectures", "Nkechi's training"), or a capitalised word inside a
  sentence of an ordinarily cased text ("Is Will still running the drop-in?"):
  :func:`acting_names`.  Calendar words, seasons, beliefs and nationalities, family
  words, places and venues never count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from themesift.clean.lexicon import NameLexicon, name_key
from themesift.clean.names import (
    _CALENDAR,
    _NOT_NAME_CAPS,
    _NOT_NAMES,
    _PLACE_AFTER,
    _ROLES,
    _WORD,
    _in_place,
    _known,
    _near_place,
    _plain,
    is_cased,
)
from themesift.clean.spans import Redaction

__all__ = ["acting_names", "coordinated_names"]

_JOINER = re.compile(r"[ \t]*(?:,|&|\band\b|,[ \t]*and\b)[ \t]*", re.IGNORECASE)


def coordinated_names(probe: str, spans: Sequence[Redaction],
                      lexicon: NameLexicon) -> list[Redaction]:
    """Names listed with a found name ("Eilidh and [NAME]", "[NAME], Priya and Chidi"):
    a word joined to a name by "and", "&" or a comma is a name too when it is
    capitalised (in a cased text) or a known name, and no common or place word."""
    cased = is_cased(probe)
    words = list(_WORD.finditer(probe))
    named = {i for i, m in enumerate(words) for s in spans
             if s.kind == "NAME" and s.start <= m.start() and m.end() <= s.end}
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
                        or key in _PLACE_AFTER or key in _ROLES or len(key) < 2
                        or _in_place(words, j, lexicon)):
                    continue
                if (word[0].isupper() and cased) or _known(key, lexicon):
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
_COPULA = frozenset(("was", "is"))
_DEGREE = frozenset("so very really absolutely always extremely such".split())
_PRAISE = frozenset(
    "lovely fantastic brilliant amazing great wonderful excellent kind rude helpful patient "
    "caring friendly fab superb outstanding professional polite supportive attentive "
    "unhelpful dismissive abrupt nice gentle thorough reassuring compassionate "
    "knowledgeable funny".split())
_DETERMINERS = frozenset(
    "the a an my your our their his her its this that these those each every no any some "
    "all".split())
_CLAUSE_WORDS = frozenset(("and", "but", "so", "then"))
_BREAK = re.compile(r"[.!?;:,()\n\"“”]")


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


def _acts(words: Sequence[re.Match[str]], run: Sequence[int], keys: Sequence[str]) -> bool:
    """Whether the subject ``run`` (word indexes) does what only a person does next."""
    after = [w.group().lower() for w in words[run[-1] + 1:run[-1] + 4]]
    if not after:
        return False
    if after[0] in _ACTS:
        return True
    if after[0] not in _COPULA or any(k in _ABSTRACT for k in keys):
        return False
    rest = after[1:]
    while rest and rest[0] in _DEGREE:
        rest = rest[1:]
    return bool(rest) and rest[0] in _PRAISE


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
    """A capitalised word name between lower-case words, in a cased text: "Is Will
    still running", not "the Amber ward", "Ministry of Justice component"."""
    word, prev = words[i].group(), words[i - 1].group()
    if (keys[i] not in lexicon.word_names or keys[i] in _ABSTRACT or not word[1:].islower()
            or i + 1 >= len(words) or not words[i + 1].group()[0].islower()
            or prev.lower() in _DETERMINERS):
        return False
    if prev[0].islower():  # "of" in "Ministry of Justice": a capitalised phrase goes on
        return not (len(prev) <= 3 and i > 1 and words[i - 2].group()[0].isupper())
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
        if not ok[i] or i in named:
            continue
        if _possessive(words, i):
            named.add(i)
        elif _opens(probe, words, i):
            run = _subject(words, i, ok)
            if _acts(words, run, [keys[j] for j in run]):
                named.update(run)
        elif cased and _inside_sentence(probe, words, i, keys, lexicon):
            named.add(i)  # "Is Will still running the drop-in?"
    return [Redaction("NAME", words[i].start(), words[i].end()) for i in sorted(named)]
