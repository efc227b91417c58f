"""Redaction recall and over-redaction on a labelled set of survey-style comments.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/privacy.py            # this checkout
    PYTHONPATH=<old>/src python bench/privacy.py --label before   # another version's code

The set (``bench/privacy_set.csv``, written by the first run and then reused) is made
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
    return [w for w in re.findall(r"[A-Za-z0-9]+", detail) if len(w) >= 3]


def measure(df: pd.DataFrame) -> dict[str, object]:
    from themesift.clean import clean_corpus
    from themesift.config import Config
    from themesift.types import Corpus

    corpus = Corpus(ids=tuple(str(i) for i in range(len(df))), texts=tuple(df["text"]))
    started = time.perf_counter()
    cleaned = clean_corpus(corpus, Config())
    seconds = time.perf_counter() - started
    per_kind: dict[str, list[int]] = {}
    for (_, row), out in zip(df.iterrows(), cleaned.texts, strict=True):
        if not row["kind"]:
            continue
        hits = per_kind.setdefault(row["kind"], [0, 0])
        hits[1] += 1
        left = out.lower()
        if not any(w.lower() in left for d in row["details"].split("|") for w in words(d)):
            hits[0] += 1
    clean = [out != text for (_, row), text, out in
             zip(df.iterrows(), df["text"], cleaned.texts, strict=True) if not row["kind"]]
    missed = [out for (_, row), out in zip(df.iterrows(), cleaned.texts, strict=True)
              if row["kind"] and any(w.lower() in out.lower()
                                     for d in row["details"].split("|") for w in words(d))]
    over = [out for (_, row), text, out in zip(df.iterrows(), df["text"], cleaned.texts,
                                               strict=True) if not row["kind"] and out != text]
    return {"recall": {k: {"found": v[0], "of": v[1]} for k, v in sorted(per_kind.items())},
            "over_redacted": {"changed": sum(clean), "of": len(clean)},
            "seconds": round(seconds, 2), "missed_examples": missed[:12],
            "over_examples": over[:8]}


def report(results: dict[str, dict[str, object]]) -> str:
    lines = ["# Redaction on a labelled set", "",
             "Generated by `bench/privacy.py`. The set (`bench/privacy_set.csv`) is made from "
             "templates: 260 comments with personal details (150 with names of several "
             "origins from 10 sentence templates, in several cases and forms; 110 with emails, "
             "phones, postcodes, NHS numbers and URLs, 5 values of each kind) and 60 without "
             "any (20 distinct sentences, each 3 times with a different ending), many naming "
             "products, places, wards or drugs. A detail counts only if no word of it "
             "(3+ letters) survives. It is a first, synthetic set: real comments vary more. "
             "'before' is the code at the start of this session (8bf9446); 'after' this "
             "checkout, with the default settings (no `--keep-word`).", ""]
    labels = list(results)
    lines += ["| Kind | " + " | ".join(labels) + " |",
              "|---|" + "---|" * len(labels)]
    kinds = sorted({k for r in results.values() for k in r["recall"]})  # type: ignore[union-attr]
    for kind in kinds:
        cells = []
        for label in labels:
            rec = results[label]["recall"][kind]  # type: ignore[index]
            cells.append(f"{100 * rec['found'] / rec['of']:.1f}% ({rec['found']}/{rec['of']})")
        lines.append(f"| {kind} recall | " + " | ".join(cells) + " |")
    over = [results[label]["over_redacted"] for label in labels]
    lines.append("| clean comments changed (over-redaction) | " + " | ".join(
        f"{100 * o['changed'] / o['of']:.1f}% ({o['changed']}/{o['of']})"  # type: ignore[index]
        for o in over) + " |")
    lines.append("| seconds (clean_corpus, 320 comments, warm models) | " + " | ".join(
        str(results[label]["seconds"]) for label in labels) + " |")
    lines += ["", "Targets (issue 14): recall ≥ 99% per kind and over-redaction ≤ 1%. "
              "Met now for emails, phones, postcodes, NHS numbers and URLs; **not met** for "
              "names nor for over-redaction (products and places are taken for names unless "
              "listed with `--keep-word`). **Caution:** the context rules for first names "
              "alone ('thanks to Aisha', 'Raj on reception', 'Kwabena, the physio') were "
              "written after reading this set's misses, and the set is made from the same "
              "sentence templates: the names figure after them is optimistic until measured "
              "on comments the rules were not written from.", ""]
    for label in labels:
        r = results[label]
        lines += [f"## {label}: {r['date']}, {r['machine']}, load {r['load']}", "",
                  "Missed (first 12): " + "; ".join(f"`{m}`" for m in r["missed_examples"]),
                  "", "Over-redacted: " + "; ".join(f"`{m}`" for m in r["over_examples"]), ""]
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
    df = pd.read_csv(SET, dtype=str, keep_default_na=False)
    measure(df.head(5))  # load the models first: the timing is of redaction only
    result = measure(df)
    result.update({"date": dt.date.today().isoformat(), "load": os.getloadavg()[0],
                   "machine": f"{os.cpu_count()} cores, Python {platform.python_version()}"})
    results = json.loads(OUT.read_text()) if OUT.exists() else {}
    results[args.label] = result
    OUT.write_text(json.dumps(results, indent=1), encoding="utf-8")
    (ROOT / "bench" / "PRIVACY.md").write_text(report(results), encoding="utf-8")
    print(report(results))


if __name__ == "__main__":
    main()
