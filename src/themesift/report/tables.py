"""DataFrames at the edges: theme tables, assignment tables and quote banks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from themesift.clean import says_dont_know
from themesift.report.bank import ORIGIN_NAMES, QuoteBank, family_order
from themesift.types import (
    EMPTY,
    LEANING,
    NON_ANSWER,
    UNASSIGNED,
    Assignments,
    CleanedCorpus,
    Distinct,
    Family,
    Quote,
    Theme,
    ThemeSentiment,
    family_of,
)

SPECIAL_LABELS = {UNASSIGNED: "(unassigned)", NON_ANSWER: "(non-answer)", EMPTY: "(empty)"}
DONT_KNOW_LABEL = "(non-answer: don't know)"  # "No idea", "not sure": an answer to some questions


SENTIMENT_COLUMNS = ["sentiment_n", "positive_pct", "negative_pct", "mixed_pct", "neutral_pct"]
THEME_TABLE_COLUMNS = ["question", "theme_id", "label", "family", "family_label", "origin",
                       "count", "share_pct", *SENTIMENT_COLUMNS, "keywords",
                       "label_suggestions", "stability", "coded"]
FAMILY_TABLE_COLUMNS = ["question", "family", "label", "count", "share_pct", "themes",
                        *SENTIMENT_COLUMNS, "keywords"]


def sentiment_cells(s: ThemeSentiment | None) -> dict[str, object]:
    """Base n and % positive / negative / mixed / neutral (blank without sentiment)."""
    if s is None:
        return dict.fromkeys(SENTIMENT_COLUMNS)
    sides = (*LEANING, "neutral")
    return {"sentiment_n": s.n, **{f"{side}_pct": p for side, p in
                                   zip(sides, s.percents(sides), strict=True)}}


def themes_frame(themes: Sequence[Theme], question: str = "", *,
                 families: Sequence[Family] = (),
                 sentiment: Mapping[int, ThemeSentiment] | None = None) -> pd.DataFrame:
    """One row per theme of ``question``, with its family and how its comments lean."""
    fam = family_of(families)
    sentiment = sentiment or {}
    return pd.DataFrame(
        [
            {
                "question": question,
                "theme_id": t.id,
                "label": t.label,
                "family": fam[t.id].id if t.id in fam else None,
                "family_label": fam[t.id].label if t.id in fam else "",
                "origin": ORIGIN_NAMES.get(t.origin, t.origin),
                "count": t.size,
                "share_pct": round(100 * t.share, 1),
                **sentiment_cells(sentiment.get(t.id)),
                "keywords": "; ".join(t.keywords),
                "label_suggestions": "; ".join(t.label_suggestions),
                "stability": t.stability,
                "coded": t.coded,
            }
            for t in themes
        ],
        columns=THEME_TABLE_COLUMNS,
    )


def families_frame(families: Sequence[Family], themes: Sequence[Theme], question: str = "",
                   sentiment: Mapping[int, ThemeSentiment] | None = None) -> pd.DataFrame:
    """One row per family of ``question``: its themes' labels, its size and sentiment."""
    label = {t.id: t.label for t in themes}
    sentiment = sentiment or {}
    return pd.DataFrame(
        [{"question": question, "family": f.id, "label": f.label, "count": f.size,
          "share_pct": round(100 * f.share, 1),
          "themes": "; ".join(label.get(t, str(t)) for t in f.theme_ids),
          **sentiment_cells(sentiment.get(f.id)), "keywords": "; ".join(f.keywords)}
         for f in families],
        columns=FAMILY_TABLE_COLUMNS)


def assignments_frame(
    cleaned: CleanedCorpus, assignments: Assignments, themes: Sequence[Theme],
    question: str | None = None, *, families: Sequence[Family] = (),
    sentiment: tuple[Sequence[str], Sequence[float | None]] | None = None,
) -> pd.DataFrame:
    """One row per input row: id, question, groups, status, themes, family, confidence,
    sentiment, redacted text.

    ``question`` defaults to the corpus's text column; ``sentiment`` is (label, score)
    per row (blank when None).
    """
    corpus = cleaned.corpus
    labels = {t.id: t.label for t in themes}
    fam = family_of(families)
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
    df["family"] = pd.array([fam[int(p)].id if int(p) in fam else None
                             for p in assignments.primary], dtype="Int64")
    df["family_label"] = [fam[int(p)].label if int(p) in fam else ""
                          for p in assignments.primary]
    df["confidence"] = [round(float(c), 4) for c in assignments.confidence]
    df["all_themes"] = ["|".join(str(t) for t in ts) for ts in assignments.themes]
    df["all_labels"] = ["|".join(labels.get(t, "") for t in ts) for ts in assignments.themes]
    side, score = sentiment if sentiment is not None else ([""] * len(df), [None] * len(df))
    df["sentiment"] = list(side)
    df["sentiment_score"] = pd.array(list(score), dtype="Float64")
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
    families: Sequence[Family] = (),
    sentiment: Mapping[int, ThemeSentiment] | None = None,
    family_sentiment: Mapping[int, ThemeSentiment] | None = None,
    side_quotes: Mapping[int, Mapping[str, Quote]] | None = None,
) -> QuoteBank:
    """The bank's themes biggest first, family by family (biggest family first)."""
    ordered = family_order(themes, sorted(families, key=lambda f: (-f.size, f.id)))
    return QuoteBank(
        title=title,
        themes=ordered,
        quotes={t.id: tuple(quotes.get(t.id, ()))[:per_theme] for t in ordered},
        substantive=substantive,
        non_answers=non_answers,
        unassigned=unassigned,
        group_names=tuple(group_names),
        notes=tuple(notes),
        families=tuple(families),
        sentiment=dict(sentiment or {}),
        family_sentiment=dict(family_sentiment or {}),
        side_quotes={k: dict(v) for k, v in (side_quotes or {}).items()},
    )


def typical_quotes(cleaned: CleanedCorpus, distinct: Distinct,
                   sentiment: Mapping[int, ThemeSentiment]) -> dict[int, dict[str, Quote]]:
    """The most typical positive and negative comment of each theme, as quotes."""
    out: dict[int, dict[str, Quote]] = {}
    for tid, s in sentiment.items():
        for side, d in s.typical.items():
            row = int(distinct.row_of[d])
            out.setdefault(tid, {})[side] = Quote(
                tid, cleaned.corpus.ids[row], cleaned.texts[row], 0.0,
                cleaned.corpus.group_values(row))
    return out
