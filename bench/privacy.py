"""Redaction recall and over-redaction on a labelled set of survey-style comments.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/privacy.py            # this checkout
    PYTHONPATH=<old>/src python bench/privacy.py --label before   # another version's code

A second, hand-written set (``bench/privacy_heldout.csv``) is measured beside it.
The first set (``bench/privacy_set.csv``, written by the first run and then reused) is made
from templates, seeded: 260 comments that hold personal details (names of several
origins with and without titles, in any case; emails; UK phones; postcodes; NHS numbers;
URLs), each listed with the details it holds, and 60 comments with none, many holding
product, place, ward and drug names that are not people.  A detail counts as redacted
only if no word of it (3 letters or more) survives: whole values, no fragments.
Over-redaction: clean comments that came out changed.  Results: ``bench/privacy.json``
(one entry per label) and ``bench/PRIVACY.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SET = ROOT / "bench" / "privacy_set.csv"
HELDOUT = ROOT / "bench" / "privacy_heldout.csv"  # by make_privacy_heldout.py; values sep " | "
HELDOUT2 = ROOT / "bench" / "privacy_heldout2.csv"  # by make_privacy_heldout2.py; the same
HELDOUT3 = ROOT / "bench" / "privacy_heldout3.csv"  # by make_privacy_heldout3.py; the same
OUT = ROOT / "bench" / "privacy.json"

FIRST = ["Sarah", "Dawn", "Grace", "Hope", "Precious", "Zainab", "Kwabena", "Anjali", "Priya",
         "Mohammed", "Oluwaseun", "Siobhan", "Wei", "Tomasz", "Aisha", "Chidi", "Fatima", "Raj",
         "Ngozi", "Ewa", "James", "Emma", "Will", "Jack", "Olivia", "Bogdan", "Yusuf", "Mei"]
LAST = ["Smith", "Patel", "Desai", "Mensah", "Okafor", "O'Neill", "McAllister", "Kowalski",
        "Nguyen", "Khan", "Hughes", "Adeyemi", "Chen", "Murphy", "Evans", "Begum", "Novak",
        "MacDonald", "Owusu", "Sharma"]
TITLES = ["Dr", "Nurse", "Sister", "Mr", "Mrs", "Ms", "Matron", "Prof"]
NAME_TEMPLATES = [
    "{title} {last} was lovely and explained everything",
    "{first} on reception was very rude to my mother",
    "{first} {last} looked after me really well",
    "Thanks to nurse {first} for her patience",
    "{TITLE} {LAST} WAS VERY RUDE TO ME",
    "I was seen by {title} {first} {last} who was excellent",
    "Please pass my thanks to {first} and the team",
    "{title}. {last} rushed the appointment and did not listen",
    "The physio {first} {last} helped me walk again",
    "{first} {last}'s care was outstanding",
]
OTHER_TEMPLATES = [
    ("EMAIL", "Email me at {v} with the results", lambda r: r.choice([
        "sarah.jones@nhs.net", "m.o'neill@example.co.uk", "k.mensah+clinic@gmail.com",
        "priya_desai@yahoo.co.uk", "j.smith77@hotmail.com"])),
    ("PHONE", "Call me on {v} please", lambda r: r.choice([
        "07700 900123", "0161 496 0000", "+44 7700 900456", "(020) 7946 0958", "07700900789",
        "0113-496-0000"])),
    ("POSTCODE", "I live at {v} and the bus is hopeless", lambda r: r.choice([
        "M13 9PL", "SW1A 1AA", "LS1 4AP", "b15 2tt", "EH1 2NG"])),
    ("NHS_NUMBER", "My NHS number is {v} if you need it", lambda r: r.choice([
        "943 476 5919", "9434765919", "990 6790377", "401-023-2137", "4010232137"])),
    ("URL", "My details are on {v} for anyone", lambda r: r.choice([
        "https://www.facebook.com/jane.doe.77", "www.linkedin.com/in/sarah-jones-123",
        "example.com/in/some-name-1234", "twitter.com/kmensah", "sarah-jones.co.uk"])),
]
CLEAN = [
    "Blackboard kept crashing during the exam", "The car park at Salford Royal is too small",
    "Amoxicillin made me feel sick for days", "The Lister Wing was spotless",
    "Signs to the Jubilee Building were missing", "The Café food was cold and overpriced",
    "A small minority of staff were unhelpful", "Students used Chegg to cheat",
    "Respondus Lockdown Browser would not install", "Will the doctor call me back?",
    "Grace period for parking fines is too short", "Hope to be seen sooner next time",
    "The Royal Infirmary needs more chairs", "Paracetamol was given quickly",
    "Microsoft Teams calls kept dropping", "The Maple Ward staff were kind",
    "Waited four hours in A&E on Friday", "The NHS app never works",
    "Moodle is easier than Canvas", "The Oncology Unit was calm and welcoming",
]


def make_set(seed: int = 2026) -> pd.DataFrame:
    r = random.Random(seed)
    rows = []
    for i in range(150):
        first, last, title = r.choice(FIRST), r.choice(LAST), r.choice(TITLES)
        template = NAME_TEMPLATES[i % len(NAME_TEMPLATES)]
        text = template.format(title=title, first=first, last=last, TITLE=title.upper(),
                               LAST=last.upper())
        details = [d for d in (first, last) if d in text or d.upper() in text]
        rows.append({"text": text, "kind": "NAME", "details": "|".join(details)})
    for i in range(110):
        kind, template, pick = OTHER_TEMPLATES[i % len(OTHER_TEMPLATES)]
        value = pick(r)
        rows.append({"text": template.format(v=value), "kind": kind, "details": value})
    for i in range(60):
        rows.append({"text": CLEAN[i % len(CLEAN)] + ("" if i < 20 else f" (visit {i})"),
                     "kind": "", "details": ""})
    return pd.DataFrame(rows)


def words(detail: str) -> list[str]:
    return [w for w in re.findall(r"[^\W_]+", detail) if len(w) >= 3]


def left_over(text: str, out: str, details: list[str]) -> bool:
    """Whether a word of a detail survives in ``out`` (a word that the comment also
    holds outside its details, e.g. "page" of "example.org/course-page", is not counted)."""
    rest = text
    for d in details:
        rest = rest.replace(d, " ")
    def has(word: str, where: str) -> bool:
        return bool(re.search(rf"\b{re.escape(word)}\b", where, re.IGNORECASE))
    return any(has(w, out) and not has(w, rest) for d in details for w in words(d))


def load(path: Path) -> pd.DataFrame:
    """A labelled set as columns text, kind ("" for none) and details (a list)."""
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    if "values" in df:  # the held-out set
        df["details"] = [[v.strip() for v in x.split(" | ") if v.strip()] for x in df["values"]]
        df["kind"] = df["kind"].replace("NONE", "")
    else:
        df["details"] = [[v for v in x.split("|") if v] for x in df["details"]]
    return df


def measure(df: pd.DataFrame) -> dict[str, object]:
    from themesift.clean import clean_corpus
    from themesift.config import Config
    from themesift.types import Corpus

    corpus = Corpus(ids=tuple(str(i) for i in range(len(df))), texts=tuple(df["text"]))
    started = time.perf_counter()
    cleaned = clean_corpus(corpus, Config())
    seconds = time.perf_counter() - started
    per_kind: dict[str, list[int]] = {}
    missed, over = [], []
    clean = 0
    for (_, row), out in zip(df.iterrows(), cleaned.texts, strict=True):
        if not row["kind"]:
            clean += 1
            if out != row["text"]:
                over.append(out)
            continue
        hits = per_kind.setdefault(row["kind"], [0, 0])
        hits[1] += 1
        if left_over(row["text"], out, row["details"]):
            missed.append(out)
        else:
            hits[0] += 1
    return {"recall": {k: {"found": v[0], "of": v[1]} for k, v in sorted(per_kind.items())},
            "over_redacted": {"changed": len(over), "of": clean},
            "seconds": round(seconds, 2), "missed_examples": missed[:12],
            "over_examples": over[:8]}


SHARED = ROOT.parent / "shared" / "eval"
REAL_FILES = ("nhs_fft_phase1_singlelabel.csv", "nhs_careopinion_multilabel.csv",
              "survey_exam_proctoring_educators.csv")


def real_texts(n: int = 4000) -> list[str]:
    """``n`` distinct real comments from three eval sets, shuffled with a fixed seed."""
    texts: list[str] = []
    for name in REAL_FILES:
        texts += list(pd.read_csv(SHARED / name, dtype=str)["text"].dropna().unique())
    random.Random(1).shuffle(texts)
    return texts[:n]


def measure_real() -> dict[str, object]:
    """Speed of clean_corpus on real comments (warm models), and how many got a [NAME]."""
    from themesift.clean import clean_corpus
    from themesift.config import Config
    from themesift.types import Corpus

    texts = real_texts()
    clean_corpus(Corpus(ids=("a",), texts=("warm up, Sarah",)), Config())
    started = time.perf_counter()
    out = clean_corpus(Corpus(ids=tuple(map(str, range(len(texts)))), texts=tuple(texts)),
                       Config()).texts
    return {"seconds": round(time.perf_counter() - started, 2), "texts": len(texts),
            "with_name": sum("[NAME]" in o for o in out), "load": os.getloadavg()[0]}


SETS = {"dev": "the first set (`privacy_set.csv`, templates; rules were written from it)",
        "heldout": "the second set (`privacy_heldout.csv`, written blind to the rules; its "
                   "misses were read since)",
        "heldout2": "the third set (`privacy_heldout2.csv`, written blind to the rules; "
                    "measured blind once, then its misses were read)",
        "heldout3": "the fourth set (`privacy_heldout3.csv`, written blind to the rules and "
                    "to the other sets; measured, never read: the fair figures)"}


def _pct(found: int, of: int) -> str:
    return f"{100 * found / of:.1f}% ({found}/{of})" if of else "–"


def report(results: dict[str, dict[str, dict[str, object]]]) -> str:
    lines = ["# Redaction on four labelled sets", "",
             "Generated by `bench/privacy.py`. Four synthetic sets of survey-style comments, "
             "each listed with the personal details it holds:", "",
             "- **dev** (`bench/privacy_set.csv`): 320 comments from templates (150 with names "
             "of several origins from 10 sentence templates, in several cases and forms; 110 "
             "with emails, phones, postcodes, NHS numbers and URLs, 5 values of each kind; 60 "
             "with none: 20 distinct sentences, each 3 times, many naming products, places, "
             "wards or drugs). The redaction rules were written while reading its misses.",
             "- **heldout** (`bench/privacy_heldout.csv`, made by "
             "`bench/make_privacy_heldout.py`): 515 hand-written, all-distinct comments "
             "(240 with names of many origins, 30% in lower case or capitals; 25 of each "
             "other kind; 150 with none, full of drugs, wards, hospitals, places, products "
             "and first names used as words), written by a helper who had not read the "
             "rules. Its misses were then read once and general rules added (names listed "
             "with a name, 'X, the student nurse', 'my name is X', roles as titles, Unicode "
             "capitals), so it is no longer fully held out: the figures under **after** "
             "are optimistic by however much those rules fit this set. Its remaining "
             "misses were read again on 2026-12-02 (word names such as Mark, Grace, Will "
             "and Joy; possessives; shop names), which led to the rules of "
             "`clean/name_context.py` and the venue list.",
             "- **heldout2** (`bench/privacy_heldout2.csv`, made by "
             "`bench/make_privacy_heldout2.py`): 627 hand-written, all-distinct comments "
             "(294 with names, 28% lower case and 10% capitals; 30 of each other kind; 183 "
             "with none, hard ones: drugs, wards and shops named after people, word names "
             "used as words), written on 2026-12-02 by a helper who read no rule and no "
             "earlier set. It was measured with the code of the session start and with "
             "the first new rules before any of its texts was read (session start: names "
             "86.4%, over-redaction 7.7%; first rules: 87.4%, 5.5%); then its misses were "
             "read and more general rules added (names where people work, 'X the ward "
             "clerk', thanks, roles, whole lower-case names, true ordinals), so **after** "
             "on it is optimistic too.",
             "- **heldout3** (`bench/privacy_heldout3.csv`, made by "
             "`bench/make_privacy_heldout3.py`): 795 hand-written, all-distinct comments "
             "(406 with names, 30% lower case and 10% capitals; 28-31 of each other kind; "
             "241 with none, hard ones: eponymous diseases, 'Dr Martens', 'Macmillan "
             "nurse', titles with no name), written on 2026-12-02 by another helper who "
             "read no rule and none of the other sets. Measured with the code of the "
             "session start and with the final code, and its texts never read to write "
             "a rule: **the fair figures are these**.", "",
             "A detail counts as redacted only if no word of it (3+ letters) survives: "
             "whole values, no fragments. Over-redaction: comments with no personal detail "
             "that came out changed. Default settings (no `--keep-word`).", ""]
    labels = list(results)
    for name, title in SETS.items():
        lines += [f"## {name}: {title}", "", "| Kind | " + " | ".join(labels) + " |",
                  "|---|" + "---|" * len(labels)]
        runs = [results[label].get(name, {}) for label in labels]
        kinds = sorted({k for r in runs for k in r.get("recall", {})})  # type: ignore[attr-defined]
        for kind in kinds:
            cells = [_pct(r["recall"][kind]["found"], r["recall"][kind]["of"])  # type: ignore[index]
                     if r else "–" for r in runs]
            lines.append(f"| {kind} recall | " + " | ".join(cells) + " |")
        lines.append("| over-redaction (clean comments changed) | " + " | ".join(
            _pct(r["over_redacted"]["changed"], r["over_redacted"]["of"])  # type: ignore[index]
            if r else "–" for r in runs) + " |")
        lines.append("| seconds (clean_corpus, warm models) | " + " | ".join(
            str(r.get("seconds", "–")) for r in runs) + " |")
        lines.append("")
    reals = [results[label].get("real") for label in labels]
    if any(reals):
        lines += ["## Speed on real comments", "",
                  f"`clean_corpus` on {next(r for r in reals if r)['texts']:,} distinct real "
                  "comments (NHS FFT, Care Opinion, educators; shuffled, seed 1), warm models, "
                  "names redacted; 'with [NAME]' is how many came out with a name redacted "
                  "(not checked by hand).", "",
                  "| | " + " | ".join(labels) + " |", "|---|" + "---|" * len(labels),
                  "| seconds | " + " | ".join(str(r["seconds"]) if r else "–" for r in reals)
                  + " |",
                  "| with [NAME] | " + " | ".join(str(r["with_name"]) if r else "–"
                                                 for r in reals) + " |",
                  "| load average | " + " | ".join(f"{r['load']:.2f}" if r else "–"
                                                  for r in reals) + " |", ""]
    lines += ["Targets (issue 14): recall ≥ 99% per kind, whole values, and over-redaction "
              "≤ 1%, with redaction no slower. See the closing note of the session for which "
              "are met.", ""]
    for label in labels:
        for name in SETS:  # the labelled sets; "real" has no examples
            r = results[label].get(name)
            if not r:
                continue
            lines += [f"### {label} on {name}: {r['date']}, {r['machine']}, load "
                      f"{r['load']:.2f}", "",
                      "Missed (first 12): " + "; ".join(f"`{m}`" for m in r["missed_examples"]),
                      "", "Over-redacted (first 8): "
                      + "; ".join(f"`{m}`" for m in r["over_examples"]), ""]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--label", default="after")
    parser.add_argument("--report-only", action="store_true")
    args = parser.parse_args()
    if args.report_only:
        (ROOT / "bench" / "PRIVACY.md").write_text(report(json.loads(OUT.read_text())),
                                                   encoding="utf-8")
        return
    if not SET.exists():
        make_set().to_csv(SET, index=False)
    measure(load(SET).head(5))  # load the models first: the timing is of redaction only
    entry = {}
    for name, path in (("dev", SET), ("heldout", HELDOUT), ("heldout2", HELDOUT2),
                       ("heldout3", HELDOUT3)):
        result = measure(load(path))
        result.update({"date": dt.date.today().isoformat(), "load": os.getloadavg()[0],
                       "machine": f"{os.cpu_count()} cores, Python {platform.python_version()}"})
        entry[name] = result
    if SHARED.is_dir():
        entry["real"] = measure_real()
    results = json.loads(OUT.read_text()) if OUT.exists() else {}
    if results and "dev" not in next(iter(results.values())):
        results = {}  # the old layout (one set): measured again
    results[args.label] = entry
    OUT.write_text(json.dumps(results, indent=1), encoding="utf-8")
    (ROOT / "bench" / "PRIVACY.md").write_text(report(results), encoding="utf-8")
    print(report(results))


if __name__ == "__main__":
    main()
