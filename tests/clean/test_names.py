"""Tests for the name lexicon, the case probe and the rules of themesift.clean.names."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from themesift.clean.lexicon import name_key, name_lexicon
from themesift.clean.name_context import acting_names, coordinated_names, inside_names
from themesift.clean.names import (
    entity_names,
    is_cased,
    lexicon_names,
    name_probe,
)
from themesift.clean.spans import Redaction

ROOT = Path(__file__).resolve().parents[2]


def spans_text(text: str, spans: list[Redaction]) -> list[str]:
    return [text[s.start:s.end] for s in spans]


def test_name_key_folds_case_apostrophes_and_possessives() -> None:
    assert name_key("O’Neill") == name_key("O'NEILL") == "oneill"
    assert name_key("Sarah's") == "sarah"


def test_the_lexicon_knows_names_of_many_origins_and_flags_common_words() -> None:
    lex = name_lexicon()
    for name in ("zainab", "kwabena", "oluwaseun", "siobhan", "tomasz", "nguyen", "patel",
                 "okafor", "colin", "tariq"):
        assert lex.is_plain_name(name), name
    for word in ("hope", "will", "grace", "brown", "weeks", "centre"):
        assert not lex.is_plain_name(word), word  # names that are also English words
    for word in ("blackboard", "chegg", "amoxicillin", "salford"):
        assert not lex.is_name(word), word


@pytest.mark.parametrize(("text", "cased"), [
    ("Sarah was lovely", True),
    ("sarah was lovely", False),
    ("DR SMITH WAS VERY RUDE", False),
    ("Great Service From Very Friendly Staff", False),  # Title Case
    ("Thanks to Dawn Smith and the team", True),
])
def test_is_cased(text: str, cased: bool) -> None:
    assert is_cased(text) is cased


@pytest.mark.parametrize(("text", "probe"), [
    ("nurse sarah was lovely", "Nurse Sarah was lovely"),
    ("DR SMITH WAS VERY RUDE", "Dr Smith was very rude"),
    ("thanks to grace and the team", "thanks to Grace and the team"),
    ("the nurse will call back", "the Nurse will call back"),  # "will" after a role: no
    ("Many thanks to dr s. raghunathan", "Many thanks to dr S. Raghunathan"),
    ("Sarah was lovely", "Sarah was lovely"),  # a cased text is its own probe
])
def test_the_probe_capitalises_titles_roles_and_known_names(text: str, probe: str) -> None:
    out = name_probe(text, name_lexicon())
    assert out == probe and len(out) == len(text)


def test_lexicon_names_take_known_names_not_places_acronyms_or_vetoed_words() -> None:
    lex = name_lexicon()
    text = "Zainab took us past the Victoria Ward to St Thomas and the BMA office in Kingston"
    kingston = text.index("Kingston")
    ents = [(kingston, kingston + len("Kingston"), "GPE")]
    assert spans_text(text, lexicon_names(text, ents, lex)) == ["Zainab"]


@pytest.mark.parametrize(("text", "names"), [
    ("Travel from Milton Keynes is exhausting", []),  # a place of two words
    ("The bus from Barrow in Furness was late", []),
    ("Milton was lovely", ["Milton"]),  # a first name alone stays a name
    ("We drove to Leeds to see Priya", ["Priya"]),  # a place that is no first name
])
def test_places_are_not_people(text: str, names: list[str]) -> None:
    assert spans_text(text, lexicon_names(text, [], name_lexicon())) == names


def test_a_full_name_overrules_an_ner_org() -> None:
    text = "Oluwaseun Evans's care was outstanding"
    ents = [(0, len("Oluwaseun Evans's"), "ORG")]
    assert spans_text(text, lexicon_names(text, ents, name_lexicon())) == [
        "Oluwaseun Evans's", "Oluwaseun Evans's"]  # one span per word, merged later


@pytest.mark.parametrize(("text", "entity", "kept"), [
    ("Students used Chegg to cheat", "Chegg", False),  # no known name, no title
    ("The Lister Wing was spotless", "The Lister Wing", False),  # a place word ends it
    ("St Thomas' were brilliant", "St Thomas'", False),
    ("Bill payments are a rip off", "Bill", False),  # a lone common word opening a sentence
    ("Dr Mbeki-Ogunbanjo was kind", "Mbeki-Ogunbanjo", True),  # a title before it
    ("We met Anjali today", "Anjali", True),
])
def test_entity_names_need_the_lexicon_or_a_title(text: str, entity: str, kept: bool) -> None:
    start = text.index(entity)
    found = entity_names(text, [(start, start + len(entity), "PERSON")], name_lexicon())
    assert bool(found) is kept


@pytest.mark.parametrize(("text", "first", "more"), [
    ("Eilidh and Priya were brilliant", "Priya", ["Eilidh"]),
    ("Tom, Priya and Chidi were kind", "Priya", ["Tom", "Chidi"]),
    ("i want to thank priya and sunny on the unit", "Priya", ["sunny"]),
    ("Priya and the team were kind", "Priya", []),
    ("They are a great double act and Ant and Bryony should worry", "Ant", ["Bryony"]),
])
def test_names_listed_with_a_name_are_names(text: str, first: str, more: list[str]) -> None:
    lex = name_lexicon()
    probe = name_probe(text, lex)
    start = probe.index(first)
    found = coordinated_names(probe, [Redaction("NAME", start, start + len(first))], lex,
                              is_cased(text))
    assert sorted(spans_text(text, found)) == sorted(more)


@pytest.mark.parametrize(("text", "names"), [
    # word names told by what they do, in any case
    ("grace was fantastic with my nan, so patient with her questions", ["grace"]),
    ("MARK FROM IT CAME TO THE WARD AND FIXED IT", ["MARK"]),
    ("JOY AND PRECIOUS FROM THE NIGHT TEAM WERE SO KIND", ["JOY", "PRECIOUS"]),
    ("Angel was very kind and came across non judgmental", ["Angel"]),
    # possessives before a noun, word names or not ("Nkechi" is an NER 'GPE' here)
    ("Mark's lectures are the only ones I turn up for", ["Mark's"]),
    ("Nkechi's training session on sepsis was the best", ["Nkechi's"]),
    # a capitalised word name inside a sentence of a cased text
    ("Is Will still running the Friday drop-in? it was useful", ["Will"]),
    # ... and the same words as words
    ("Hope to be seen sooner next time", []),
    ("Will the doctor call me back?", []),
    ("Grace period for parking fines is too short", []),
    ("Mark the form with your ward number", []),
    ("Comfort was great but the food was cold", []),  # an abstract noun praised
    ("Patience is wearing thin with the delays", []),
    ("Lots of Love from Lucy and Mummy", ["Lucy"]),  # Lucy signs it: a name
    ("Physiotherapy waiting list is over 20 weeks in Kingston", []),  # a place first
    ("what the Ministry of Justice component is looking for", []),
    ("I am now a recovery Champion with the group", []),
    ("The Amber ward was calm", []),
    ("We value Christian care here", []),
    ("In Summer the ward gets far too hot", []),
    ("my nan's care was excellent", []),  # a family word
])
def test_word_names_are_names_when_they_act_as_people(text: str, names: list[str]) -> None:
    lex = name_lexicon()
    probe = name_probe(text, lex)
    found = acting_names(probe, lex, is_cased(text))
    if is_cased(text):
        ents = [(text.index("Kingston"), len(text), "GPE")] if "Kingston" in text else []
        found += inside_names(probe, ents, lex)
    assert spans_text(text, found) == names


@pytest.mark.parametrize(("text", "names"), [
    ("dawn on the switchboard was so helpful", ["dawn"]),  # where they work
    ("WILL ON RECEPTION WAS VERY RUDE TO MY MOTHER", ["WILL"]),
    ("Joy the ward clerk is an absolute star", ["Joy"]),  # their role
    ("ray the bus driver at the park and ride was lovely", ["ray"]),
    ("thank you to dawn and faith for looking after mum", ["dawn", "faith"]),  # thanks
    ("ask for sandy if you go to the plaster room", ["sandy"]),
    ("My placement tutor Summer checked in every week", ["Summer"]),  # a role first
    ("RECEPTIONIST SANDRA PIKE WAS EXTREMELY UNHELPFUL", ["SANDRA PIKE"]),  # whole name
    ("amir zadeh in a&e was brilliant", ["amir zadeh"]),
    ("OLUWAFEMI WAS A STAR", ["OLUWAFEMI"]),
    # not names
    ("Pat on the back for the cleaning team, the ward is spotless", []),
    ("Staff have to don and doff PPE in a tiny corridor", []),  # lower case, cased text
    ("They gave me Co-codamol and Ibuprofen together", []),
    ("Kings Mill and Queen's Medical Centre both wrote to me", []),
    ("Exams in May and June overlap with Ramadan and Eid", []),
    ("Miles from the car park to the clinic on crutches", []),
    ("Faith in the NHS is great again", []),
    ("I was given the chance to do the mentor Training course", []),
    ("Richard is the best therapist I've ever seen", ["Richard"]),
    ("Will visit again. Lovely staff. Will be telling friends", []),
])
def test_names_in_context_end_to_end(text: str, names: list[str]) -> None:
    from themesift.clean.redact import find_names
    from themesift.nlp.spacy_model import load_nlp

    assert spans_text(text, find_names([text], load_nlp())[0]) == names


@pytest.mark.parametrize(("text", "code"), [
    ("postcode ng72rd keeps being rejected", "ng72rd"),  # "2rd" is no ordinal
    ("I live at M13 9PL", "M13 9PL"),
])
def test_postcodes_typed_any_way(text: str, code: str) -> None:
    from themesift.clean.redact import find_pii

    assert [text[s.start:s.end] for s in find_pii(text) if s.kind == "POSTCODE"] == [code]


def test_an_ordinal_is_no_postcode() -> None:
    from themesift.clean.redact import find_pii

    assert find_pii("room a1 2nd floor") == []


@pytest.mark.parametrize(("text", "kept"), [
    ("costa prices are too high for staff on band 2", "costa"),  # in lower case too
    ("WH Smith in the main foyer has no healthy options", "WH Smith"),
    ("The team from Marie Curie were amazing", "Marie Curie"),
    ("Turnitin flagged my essay twice", "Turnitin"),
])
def test_shops_charities_and_software_are_not_people(text: str, kept: str) -> None:
    from themesift.clean.redact import find_names
    from themesift.nlp.spacy_model import load_nlp

    found = find_names([text], load_nlp())[0]
    assert not any(s.start < text.index(kept) + len(kept) and text.index(kept) < s.end
                   for s in found), spans_text(text, found)


def test_a_title_still_makes_a_venue_word_a_name() -> None:
    from themesift.clean.redact import find_names
    from themesift.nlp.spacy_model import load_nlp

    text = "Dr Costa explained the scan"
    assert spans_text(text, find_names([text], load_nlp())[0]) == ["Dr Costa"]


def _recall_and_over(path: Path, sep: str) -> tuple[float, float, list[str]]:
    from themesift.clean import clean_corpus
    from themesift.config import Config
    from themesift.types import Corpus

    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    texts = tuple(r["text"] for r in rows)
    out = clean_corpus(Corpus(ids=tuple(map(str, range(len(rows)))), texts=texts),
                       Config()).texts
    found = missed = changed = clean = 0
    misses = []
    for row, text in zip(rows, out, strict=True):
        if row["kind"] in ("", "NONE"):
            clean += 1
            changed += text != row["text"]
            continue
        values = [v.strip() for v in (row.get("values") or row.get("details") or "").split(sep)]
        rest = row["text"]
        for v in values:
            rest = rest.replace(v, " ")
        left = [w for v in values for w in re.findall(r"[^\W_]{3,}", v)
                if re.search(rf"\b{re.escape(w)}\b", text, re.I)
                and not re.search(rf"\b{re.escape(w)}\b", rest, re.I)]
        found += not left
        missed += bool(left)
        if left:
            misses.append(text)
    return found / (found + missed), changed / clean, misses


@pytest.mark.slow
@pytest.mark.parametrize(("name", "sep", "min_recall", "max_over"), [
    ("privacy_set.csv", "|", 0.99, 0.01),
    # A second set, written by someone who had not read the rules (its misses were read
    # once, so it is not fully held out any more): a floor well under today's figures.
    ("privacy_heldout.csv", " | ", 0.96, 0.02),
])
def test_redaction_on_the_labelled_sets(name: str, sep: str, min_recall: float,
                                        max_over: float) -> None:
    recall, over, misses = _recall_and_over(ROOT / "bench" / name, sep)
    assert recall >= min_recall, misses[:10]
    assert over <= max_over
