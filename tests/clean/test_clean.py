"""Tests for themesift.clean: repair, non-answers, clean_corpus."""

from __future__ import annotations

import ftfy
import numpy as np
import pytest

from themesift.clean.corpus import NON_ANSWERS, clean_corpus, is_non_answer, normalise_key, repair
from themesift.clean.redact import find_pii
from themesift.clean.spans import redact
from themesift.config import Config
from themesift.errors import ThemesiftError
from themesift.types import CleaningReport, Corpus, Status

NO_NAMES = Config(redact_names=False)


def corpus(*texts: str) -> Corpus:
    return Corpus(ids=tuple(str(i) for i in range(len(texts))), texts=texts)


@pytest.mark.parametrize(
    ("raw", "fixed"),
    [
        ("donâ€™t", "don't"),
        ("The cafÃ© was shut", "The café was shut"),
        ("  lots   of\n\nspace\t here  ", "lots of space here"),
        ("non\u00a0breaking\u200bspace", "non breakingspace"),
        ("fish &amp; chips", "fish & chips"),
        ("“curly” quotes", '"curly" quotes'),
        ("", ""),
        ("   \n ", ""),
    ],
)
def test_repair(raw: str, fixed: str) -> None:
    assert repair(raw) == fixed


@pytest.mark.parametrize("text", ["plain ascii text", "a < b > c", "tabs\tand\r\nlines", "x\x07y"])
def test_repair_fast_path_agrees_with_ftfy(text: str) -> None:
    assert repair(text) == " ".join(ftfy.fix_text(text).split())


def test_normalise_key() -> None:
    assert normalise_key("  The Staff were GREAT!!  ") == "the staff were great"
    assert normalise_key("...don’t   know?") == "don't know"
    assert normalise_key("N/A.") == "n/a"
    assert normalise_key("-") == ""


@pytest.mark.parametrize(
    "text",
    sorted(NON_ANSWERS)
    + [
        "N/A.", "n/a", "NA", "None", "None.", "nothing", "Nothing really", "None at all",
        "no, nothing", "No. Nothing.", "nothing to say", "Nothing to add, thanks",
        "No further comments at this time", "Nothing more to add.", "No thank you",
        "none thanks", "I don't know", "I do not know", "I’m not sure", "not sure",
        "Not really", "idk", "nope", "nil", "No comment", "no comments.", "-", "--", ".",
        "?", "???", "...", "x", "X", "0", "123", "No, not at all", "nothing else",
        "nothing that I can think of", "Not applicable", "n/a - as above",
        "Absolutely nothing!", "In my opinion nothing", "Overall nothing.", "For me nothing.",
        "Nothing that comes to mind.", "Not sure, nothing I could think of", "Not a thing",
    ],
)  # fmt: skip
def test_non_answers(text: str) -> None:
    assert is_non_answer(text)


@pytest.mark.parametrize(
    "text",
    [
        "nothing, the staff were great",
        "Nothing, it was perfect",
        "Nothing. More than I expected.",
        "Absolutely nothing was explained",
        "For me the waiting time",
        "no parking",
        "No parking available",
        "None of the staff listened",
        "Nothing was explained to me",
        "not enough nurses",
        "Not sure why I had to wait so long",
        "no comment on the food but the staff were rude",
        "Thank you",
        "ok",
        "Yes",
        "nothing ключ",
        "I don't know why they cancelled",
        "no more waiting please",
        "10/10",
        "100%",
        "9.5/10!",
    ],
)
def test_substantive_answers(text: str) -> None:
    assert not is_non_answer(text)


def test_clean_corpus_statuses_duplicates_and_report() -> None:
    cc = clean_corpus(
        corpus(
            "The staff were great",  # 0
            "",  # 1 empty
            "N/A",  # 2 non-answer
            "the staff were great!",  # 3 duplicate of 0
            "   ",  # 4 empty
            "Parking was awful",  # 5
            "nothing really",  # 6 non-answer
            "The staff were great",  # 7 duplicate of 0
            "Parking was awful.",  # 8 duplicate of 5
            "none",  # 9 non-answer (not a duplicate of anything)
            "none",  # 10
        ),
        NO_NAMES,
    )
    s, e, n = Status.SUBSTANTIVE, Status.EMPTY, Status.NON_ANSWER
    assert cc.status == (s, e, n, s, e, s, n, s, s, n, n)
    assert cc.duplicate_of == (-1, -1, -1, 0, -1, -1, -1, 0, 5, -1, -1)
    assert cc.texts[3] == "the staff were great!"
    r = cc.report
    assert (r.rows_read, r.empty, r.non_answers, r.duplicates, r.substantive) == (11, 2, 4, 3, 5)
    assert r.unique_substantive == 2
    assert cc.unique_indices() == [0, 5]
    assert set(r.redactions) == {"EMAIL", "URL", "PHONE", "POSTCODE", "NHS_NUMBER", "NAME"}
    assert sum(r.redactions.values()) == 0


def test_clean_corpus_redacts_and_counts() -> None:
    pii = ["jo@example.com", "07700 900123", "SW1A 1AA", "943 476 5919", "www.example.com"]
    cc = clean_corpus(
        corpus(
            "Email jo@example.com or ring 07700 900123",
            "I live at SW1A 1AA, NHS no 943 476 5919",
            "see www.example.com",
            "see www.example.com",  # same row twice: counted twice, duplicate once
            "Contact: jo@example.com",
        ),
        NO_NAMES,
    )
    assert cc.texts[0] == "Email [EMAIL] or ring [PHONE]"
    assert cc.texts[1] == "I live at [POSTCODE], NHS no [NHS_NUMBER]"
    assert cc.texts[4] == "Contact: [EMAIL]"
    assert not any(p in t for t in cc.texts for p in pii)
    assert cc.duplicate_of == (-1, -1, -1, 2, -1)
    assert dict(cc.report.redactions) == {
        "EMAIL": 2, "URL": 2, "PHONE": 1, "POSTCODE": 1, "NHS_NUMBER": 1, "NAME": 0,
    }  # fmt: skip


def test_duplicates_compare_redacted_text() -> None:
    cc = clean_corpus(corpus("Call me on 07700 900123", "call me on 0161 496 0000."), NO_NAMES)
    assert cc.duplicate_of == (-1, 0)


def test_clean_corpus_repairs_before_everything() -> None:
    cc = clean_corpus(corpus("  donâ€™t  know ", "donâ€™t like   the food"), NO_NAMES)
    assert cc.status == (Status.NON_ANSWER, Status.SUBSTANTIVE)
    assert cc.texts == ("don't know", "don't like the food")


def test_clean_corpus_uses_given_nlp_and_reports_progress() -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "PERSON", "pattern": "Kelly"}])
    calls: list[tuple[int, int]] = []
    cc = clean_corpus(
        corpus("Kelly was kind", "", "Kelly was kind", "no", "Thanks Kelly"),
        nlp=nlp,
        progress=lambda done, total: calls.append((done, total)),
    )
    assert cc.texts == ("[NAME] was kind", "", "[NAME] was kind", "no", "Thanks [NAME]")
    assert cc.report.redactions["NAME"] == 3
    assert calls[-1] == (2, 2)  # unique texts sent to NER


def test_clean_corpus_empty() -> None:
    cc = clean_corpus(corpus(), NO_NAMES)
    assert cc.texts == () and cc.report.rows_read == 0


def test_find_pii_and_redact_reexported() -> None:
    text = "mail a@b.co"
    assert redact(text, find_pii(text)) == "mail [EMAIL]"


@pytest.mark.slow
def test_clean_corpus_real_spacy_removes_names_and_pii() -> None:
    cc = clean_corpus(
        corpus(
            "Dr Sarah Jones was lovely",
            "Nurse Kelly Smith (kelly.smith@nhs.net, 07700 900123) was brilliant",
            "the nurse was kind",
            "N/A",
        )
    )
    joined = " ".join(cc.texts)
    for leaked in ["Sarah", "Jones", "Kelly", "Smith", "nhs.net", "900123"]:
        assert leaked not in joined, joined
    assert cc.texts[2] == "the nurse was kind"
    assert cc.report.redactions["NAME"] >= 2


def test_dont_know_answers_are_non_answers_counted_apart() -> None:
    from themesift.clean.corpus import is_dont_know
    from themesift.report import assignments_frame
    from themesift.types import Assignments

    for text in ["No idea", "not sure", "I don't know", "Dunno, sorry", "idk"]:
        assert is_non_answer(text) and is_dont_know(text), text
    for text in ["n/a", "Nothing to add", "No, nothing else",
                 "I have no idea how they work, but the exams were fine"]:
        assert not is_dont_know(text), text
    texts = ("No idea", "n/a", "No idea", "The staff were kind", "")
    corpus = Corpus(ids=tuple(f"r{i}" for i in range(5)), texts=texts)
    cleaned = clean_corpus(corpus, Config(redact_names=False))
    report = cleaned.report
    assert (report.non_answers, report.dont_know, report.substantive) == (3, 2, 1)
    assert CleaningReport.from_dict(report.to_dict()) == report
    older = {k: v for k, v in report.to_dict().items() if k != "dont_know"}  # older models
    assert CleaningReport.from_dict(older).dont_know == 0

    frame = assignments_frame(cleaned, Assignments(
        primary=np.array([-2, -2, -2, -1, -3]), confidence=np.zeros(5, dtype=np.float32),
        themes=((), (), (), (), ())), ())
    assert frame["primary_label"].tolist() == [
        "(non-answer: don't know)", "(non-answer)", "(non-answer: don't know)",
        "(unassigned)", "(empty)"]


def test_dont_know_can_be_an_answer() -> None:
    corpus = Corpus(ids=("a", "b", "c"), texts=("No idea", "n/a", "The camera watches you"))
    cleaned = clean_corpus(corpus, Config(redact_names=False, dont_know_is_answer=True))
    assert cleaned.status == (Status.SUBSTANTIVE, Status.NON_ANSWER, Status.SUBSTANTIVE)
    assert (cleaned.report.substantive, cleaned.report.dont_know) == (2, 0)


def test_a_huge_comment_is_cut_counted_and_quick() -> None:
    import time

    from themesift.clean.corpus import MAX_TEXT_CHARS

    huge = "The parking was awful " * 2_500_000  # 55 MB in one cell
    started = time.perf_counter()
    cleaned = clean_corpus(Corpus(ids=("a", "b"), texts=(huge, "Kind staff")),
                           Config(redact_names=False))
    assert time.perf_counter() - started < 30
    assert cleaned.report.cut == 1
    assert len(cleaned.texts[0]) <= MAX_TEXT_CHARS and cleaned.texts[0].endswith("…")
    assert cleaned.texts[1] == "Kind staff"
    assert CleaningReport.from_dict(cleaned.report.to_dict()).cut == 1


@pytest.mark.slow
def test_keep_words_are_never_taken_for_names() -> None:
    texts = ("I used Blackboard and Respondus Lockdown Browser for the exams",
             "Dr Patel prescribed Amoxicillin at Salford Royal",
             "Sarah Jones on the Lister Wing was kind")
    corpus = Corpus(ids=("a", "b", "c"), texts=texts)
    keep = ("Blackboard", "Respondus Lockdown Browser", "Amoxicillin", "Salford Royal",
            "Lister Wing")
    cleaned = clean_corpus(corpus, Config(keep_words=keep))
    for word in ("Blackboard", "Respondus", "Amoxicillin", "Salford Royal", "Lister Wing"):
        assert word in " ".join(cleaned.texts), (word, cleaned.texts)
    assert "Patel" not in cleaned.texts[1] and "Sarah" not in cleaned.texts[2]
    assert Config.from_dict(Config(keep_words=keep).to_dict()).keep_words == keep
    with pytest.raises(ThemesiftError, match="list of words"):
        Config(keep_words="Blackboard")  # type: ignore[arg-type]
