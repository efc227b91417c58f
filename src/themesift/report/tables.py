"""DataFrames at the edges: theme tables, assignment tables and quote banks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from themesift.clean import says_dont_know
from themesift.report.bank import ORIGIN_NAMES, QuoteBank
from themesift.types import (
    EMPTY,
    NON_ANSWER,
    UNASSIGNED,
    Assignments,
    CleanedCorpus,
    Quote,
    Theme,
)

SPECIAL_LABELS = {UNASSIGNED: "(unassigned)", NON_ANSWER: "(non-answer)", EMPTY: "(empty)"}
DONT_KNOW_LABEL = "(non-answer: don't know)"  # "No idea", "not sure": an answer to some questions


THEME_TABLE_COLUMNS = ["question", "theme_id", "label", "origin", "count", "share_pct",
                       "keywords", "label_suggestions", "stability", "coded"]



def themes_frame(themes: Sequence[Theme], question: str = "") -> pd.DataFrame:
    """One row per theme of ``question``."""
    return pd.DataFrame(
        [
            {
                "question": question,
                "theme_id": t.id,
                "label": t.label,
                "origin": ORIGIN_NAMES.get(t.origin, t.origin),
                "count": t.size,
                "share_pct": round(100 * t.share, 1),
                "keywords": "; ".join(t.keywords),
                "label_suggestions": "; ".join(t.label_suggestions),
                "stability": t.stability,
                "coded": t.coded,
            }
            for t in themes
        ],
        columns=THEME_TABLE_COLUMNS,
    )


def assignments_frame(
    cleaned: CleanedCorpus, assignments: Assignments, themes: Sequence[Theme],
    question: str | None = None,
) -> pd.DataFrame:
    """One row per input row: id, question, groups, status, themes, confidence, redacted text.

    ``question`` defaults to the corpus's text column.
    """
    corpus = cleaned.corpus
    labels = {t.id: t.label for t in themes}
    df = pd.DataFrame({"id": list(corpus.ids)})
    df["question"] = question if question is not None else corpus.text_col
    for name, values in corpus.groups.items():
        df[name] = list(values)
    df["status"] = [s.value for s in cleaned.status]
    df["duplicate"] = [d >= 0 for d in cleaned.duplicate_of]
    df["primary_theme"] = assignments.primary
    df["primary_label"] = [
        DONT_KNOW_LABEL if int(p) == NON_ANSWER and says_dont_know(text)
        else labels.get(int(p), SPECIAL_LABELS.get(int(p), ""))
        for p, text in zip(assignments.primary, cleaned.texts, strict=True)
    ]
    df["confidence"] = [round(float(c), 4) for c in assignments.confidence]
    df["all_themes"] = ["|".join(str(t) for t in ts) for ts in assignments.themes]
    df["all_labels"] = ["|".join(labels.get(t, "") for t in ts) for ts in assignments.themes]
    df["text"] = list(cleaned.texts)
    return df


def build_quote_bank(
    title: str,
    themes: Sequence[Theme],
    quotes: Mapping[int, Sequence[Quote]],
    *,
    per_theme: int,
    substantive: int,
    non_answers: int,
    unassigned: int,
    group_names: Sequence[str] = (),
    notes: Sequence[str] = (),
) -> QuoteBank:
    ordered = tuple(sorted(themes, key=lambda t: (-t.size, t.id)))
    return QuoteBank(
        title=title,
        themes=ordered,
        quotes={t.id: tuple(quotes.get(t.id, ()))[:per_theme] for t in ordered},
        substantive=substantive,
        non_answers=non_answers,
        unassigned=unassigned,
        group_names=tuple(group_names),
        notes=tuple(notes),
    )
