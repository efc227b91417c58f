"""Tests for themesift.redact: regex PII, span merging and NER names."""

from __future__ import annotations

from typing import Any

import pytest

from themesift.clean.names import find_titled_names
from themesift.clean.redact import find_names, find_pii, nhs_checksum_ok
from themesift.clean.spans import Redaction, merge_spans, redact
from themesift.nlp.spacy_model import load_nlp


def kinds(text: str) -> list[tuple[str, str]]:
    return [(r.kind, text[r.start : r.end]) for r in find_pii(text)]


@pytest.mark.parametrize(
    "email",
    ["jo.bloggs@example.co.uk", "a_b+tag@nhs.net", "Sarah.Jones99@Hospital.org"],
)
def test_emails(email: str) -> None:
    assert kinds(f"Write to {email}, thanks.") == [("EMAIL", email)]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.nhs.uk/conditions",
        "http://example.com/a?b=1&c=2",
        "www.example.org",
        "WWW.Example.org/page",
    ],
)
def test_urls(url: str) -> None:
    # trailing punctuation stays outside the span
    assert kinds(f"See {url}. Or ({url}).") == [("URL", url), ("URL", url)]


@pytest.mark.parametrize(
    "phone",
    [
        "07700 900123",
        "07700900123",
        "07700-900-123",
        "020 7946 0958",
        "0161 496 0000",
        "01632 960123",
        "0800 123 4567",
        "+44 7700 900123",
        "+447700900123",
        "+44 (0)20 7946 0958",
        "0044 161 496 0000",
        "(020) 7946 0958",
        "(0161) 496 0000",
        "(01632) 960123",
    ],
)
def test_uk_phones(phone: str) -> None:
    assert kinds(f"Ring me on {phone} please") == [("PHONE", phone)]


@pytest.mark.parametrize(
    "text",
    [
        "It cost 1234567890 pounds",  # 10 digits not starting with 0
        "Waited 45 minutes, ward 12",
        "On 2023-01-15 at 0900",
        "Reference 0123 4567",  # too short
        "Account 0161 4960 0001 2345",  # a longer digit run is not a phone number
    ],
)
def test_not_phones(text: str) -> None:
    assert kinds(text) == []


@pytest.mark.parametrize(
    "code",
    ["SW1A 1AA", "M1 1AE", "m1 1ae", "EC1A1BB", "B33 8TH", "CR2 6XH", "DN55 1PT", "W1A 0AX",
     "GIR 0AA", "ls2 9jt"],
)
def test_postcodes(code: str) -> None:
    assert kinds(f"I live at {code}, nearby") == [("POSTCODE", code)]


@pytest.mark.parametrize(
    "text", ["room a1 2nd floor", "the A12 road", "QQ1 1AA", "covid19 ward", "SW1A 1AAB"]
)
def test_not_postcodes(text: str) -> None:
    assert kinds(text) == []


def test_nhs_checksum() -> None:
    assert nhs_checksum_ok("9434765919")
    assert not nhs_checksum_ok("9434765918")
    assert not nhs_checksum_ok("943476591")
    # a check digit of 10 is never valid
    assert not any(nhs_checksum_ok(f"000000006{d}") for d in "0123456789")


@pytest.mark.parametrize("nhs", ["943 476 5919", "943-476-5919", "9434765919"])
def test_valid_nhs_number(nhs: str) -> None:
    text = f"My NHS number is {nhs}."
    assert kinds(text) == [("NHS_NUMBER", nhs)]
    assert redact(text, find_pii(text)) == "My NHS number is [NHS_NUMBER]."


def test_invalid_nhs_number_is_not_flagged() -> None:
    # Bad check digit and no leading 0: neither an NHS number nor a UK phone number.
    assert kinds("My NHS number is 943 476 5918.") == []
    # Bad check digit but shaped like a UK number (leading 0): flagged as a PHONE.
    assert not nhs_checksum_ok("0123456788")
    assert kinds("number 012 345 6788") == [("PHONE", "012 345 6788")]


def test_nhs_number_beats_phone_on_same_span() -> None:
    # 0123456789 is a valid NHS number that also looks like a UK phone number.
    assert nhs_checksum_ok("0123456789")
    assert kinds("id 012 345 6789") == [("NHS_NUMBER", "012 345 6789")]


def test_spans_sorted_and_disjoint() -> None:
    text = "Mail a@b.com, visit www.b.com, ring 07700 900123 at SW1A 1AA; NHS 943 476 5919"
    found = find_pii(text)
    assert [r.kind for r in found] == ["EMAIL", "URL", "PHONE", "POSTCODE", "NHS_NUMBER"]
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
    assert redact(text, found) == (
        "Mail [EMAIL], visit [URL], ring [PHONE] at [POSTCODE]; NHS [NHS_NUMBER]"
    )


def test_email_with_www_domain_is_one_email() -> None:
    assert kinds("to bob@www.example.com") == [("EMAIL", "bob@www.example.com")]


def test_no_pii() -> None:
    assert find_pii("The staff were lovely and the ward was clean.") == []
    assert find_pii("") == []


def test_merge_spans_takes_union_and_longest_kind() -> None:
    spans = [Redaction("NAME", 0, 10), Redaction("POSTCODE", 8, 14), Redaction("EMAIL", 20, 25)]
    assert merge_spans(spans) == [Redaction("NAME", 0, 14), Redaction("EMAIL", 20, 25)]
    same = [Redaction("PHONE", 3, 13), Redaction("NHS_NUMBER", 3, 13)]
    assert merge_spans(same) == [Redaction("NHS_NUMBER", 3, 13)]


def test_redact_replaces_with_kind_markers() -> None:
    text = "Dr Smith: a@b.com"
    spans = [Redaction("EMAIL", 10, 17), Redaction("NAME", 0, 8)]
    assert redact(text, spans) == "[NAME]: [EMAIL]"
    assert redact(text, []) == text


def _ruler_nlp() -> Any:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "PERSON", "pattern": [{"LOWER": "dr"}, {"LOWER": "patel"}]},
            {"label": "PERSON", "pattern": "Kelly"},
            {"label": "PERSON", "pattern": "Nurse"},
            {"label": "PERSON", "pattern": "sarah"},
            {"label": "ORG", "pattern": "Boots"},
        ]
    )
    return nlp


def test_find_names_filters_entities() -> None:
    nlp = _ruler_nlp()
    texts = [
        "Dr Patel and Kelly were kind",
        "The Nurse was kind",  # title alone: not a name
        "sarah was kind",  # all lower-case: read through its probe "Sarah was kind"
        "Boots is a shop",  # not a PERSON
        "We shopped at Boots in Kingston",  # an ORG is no name; nor "Kingston" (a GPE)
    ]
    calls: list[tuple[int, int]] = []
    found = find_names(texts, nlp, batch_size=2, progress=lambda d, t: calls.append((d, t)))
    got = [[text[r.start : r.end] for r in spans] for text, spans in zip(texts, found, strict=True)]
    assert got == [
        ["Dr Patel", "Kelly"],
        [],
        ["sarah"],
        [],
        ["Kingston"],  # the toy pipeline knows no GPE: the lexicon's word stands
    ]
    # "The Nurse was kind" (no capitalised word that could be a name) skips NER.
    assert calls[-1] == (4, 4)


def test_find_names_long_text_offsets() -> None:
    nlp = _ruler_nlp()
    text = "word " * 30_000 + "Kelly helped"
    [spans] = find_names([text], nlp)
    assert [text[r.start : r.end] for r in spans] == ["Kelly"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Dr Sarah Jones was lovely", ["Sarah", "Jones"]),
        ("Thanks to Nurse Smith and Dr Patel for everything", ["Smith", "Patel"]),
        ("John at reception was rude to me", ["John"]),
    ],
)
def test_real_ner_redacts_names(text: str, gone: list[str]) -> None:
    nlp = load_nlp()
    [spans] = find_names([text], nlp)
    out = redact(text, spans)
    assert "[NAME]" in out
    assert not any(name in out for name in gone), out


@pytest.mark.slow
def test_real_ner_keeps_plain_text() -> None:
    nlp = load_nlp()
    texts = ["The nurse was lovely and the doctor explained everything.", "The Doctor was great"]
    assert find_names(texts, nlp) == [[], []]
    # Words the small model took for names in the NHS and Care Opinion comments.
    family = ["As a first time Mum I would have really appreciated help.",
              "Rang pt before visit: Yes", "Felt threatened by him, and not understood."]
    assert find_names(family, nlp) == [[], [], []]
    [spans] = find_names(["Mum and Dad were told nothing by Sarah Jones."], nlp)
    assert [(s.start, s.end) for s in spans] == [(33, 44)]  # "Sarah Jones" only
    assert load_nlp() is nlp  # cached


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Please call Dr Patel on the ward", ["Dr Patel"]),
        ("Nurse Kelly Smith was brilliant", ["Nurse Kelly Smith"]),
        ("my consultant Mr O'Neil explained", ["Mr O'Neil"]),
        ("Sister Brown, Mrs. Jones-Smith and nurse Becky", ["Sister Brown", "Mrs. Jones-Smith",
                                                          "nurse Becky"]),
        ("Dr Ahmed The nurse was kind", ["Dr Ahmed"]),
        ("The Nurse Practitioner was good", []),
        ("I saw the Dr. The wait was long", []),
        ("the nurse was kind and the doctor too", []),
    ],
)
def test_find_titled_names(text: str, names: list[str]) -> None:
    assert [text[r.start : r.end] for r in find_titled_names(text)] == names


@pytest.mark.parametrize(
    ("text", "may"),
    [
        ("Sarah was great", True),
        ("Will and Grace on the ward were lovely", True),  # names that are also words
        ("Excellent service. Thank you Mrs s.", True),  # an honorific always goes to NER
        ("Physio was great, thanks to XXXX", False),  # no known name: NER changes nothing
        ("Thanks to Oluwaseun", True),
        ("The Nurse was kind. Felt safe and Staff were great", False),
        ("Everything was Good, I'm happy", False),
        ("NHS staff in A&E", False),
    ],
)
def test_may_hold_name(text: str, may: bool) -> None:
    from themesift.clean.lexicon import name_lexicon
    from themesift.clean.names import may_hold_name

    assert may_hold_name(text, name_lexicon()) is may


@pytest.mark.parametrize(("text", "kind"), [
    ("my profile is at example.com/in/some-name-1234 thanks", "URL"),
    ("Go to facebook.com/jane.doe.77 now", "URL"),
    ("my site sarah-jones.co.uk is down", "URL"),
    ("NHS no 990 6790377 please", "NHS_NUMBER"),
    ("NHS number 9434 765 919", "NHS_NUMBER"),
    ("email m.o'neill@nhs.net today", "EMAIL"),
    ("write to first+last@example.org", "EMAIL"),
])
def test_the_audits_missed_forms_are_redacted_whole(text: str, kind: str) -> None:
    spans = find_pii(text)
    assert [s.kind for s in spans] == [kind]
    out = redact(text, spans)
    assert f"[{kind}]" in out
    left = out.replace(f"[{kind}]", " ")
    for fragment in ("1234", "6790377", "neill", "jane", "sarah", "last@", "765"):
        assert fragment not in left, (text, out)


@pytest.mark.parametrize("text", [
    "I used nhs.uk to book", "see e.g. the form", "it cost 1.50 per hour, version 2.0",
    "score 10/10", "room 12 on floor 3", "I waited 45 minutes at 10.30",
])
def test_ordinary_text_is_not_redacted(text: str) -> None:
    assert find_pii(text) == []


@pytest.mark.slow
@pytest.mark.parametrize(("text", "gone"), [
    ("Sister McAllister was lovely", ["McAllister", "Allister"]),
    ("Anjali Desai explained everything", ["Anjali", "Desai"]),
    ("DR SMITH WAS VERY RUDE", ["SMITH"]),
    ("Mrs O'Neill-Brown helped", ["Neill", "Brown"]),
    ("Thanks to Dawn Smith and the team", ["Dawn", "Smith"]),
])
def test_whole_names_are_redacted(text: str, gone: list[str]) -> None:
    from themesift.clean import clean_corpus
    from themesift.config import Config
    from themesift.types import Corpus

    out = clean_corpus(Corpus(ids=("a",), texts=(text,)), Config()).texts[0]
    assert "[NAME]" in out and not any(g in out for g in gone), out


@pytest.mark.slow
def test_a_title_before_a_common_word_is_not_a_name() -> None:
    from themesift.clean import clean_corpus
    from themesift.config import Config
    from themesift.types import Corpus

    texts = ("The Nurse Practitioner was great", "DR SAID IT WAS FINE")
    out = clean_corpus(Corpus(ids=("a", "b"), texts=texts), Config()).texts
    assert out == texts


@pytest.mark.parametrize(("text", "name"), [
    ("Please pass my thanks to Aisha and the team", "Aisha"),
    ("Raj on reception was very rude", "Raj"),
    ("Kwabena, the physio, was great", "Kwabena"),
    ("I asked for Zainab Okafor again", "Zainab Okafor"),
    ("Thank you Precious for everything", "Precious"),
])
def test_a_first_name_told_by_its_context(text: str, name: str) -> None:
    from themesift.clean.names import find_context_names

    spans = find_context_names(text)
    assert [text[s.start:s.end] for s in spans] == [name]


@pytest.mark.parametrize("text", [
    "Will the doctor call me back?", "Thanks to the team", "Thanks to All of you",
    "Please ask for help at reception", "Thank you Very much", "Staff on reception were kind",
])
def test_context_alone_does_not_make_a_name(text: str) -> None:
    from themesift.clean.names import find_context_names

    assert find_context_names(text) == []
