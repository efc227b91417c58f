"""Quote banks: per theme its label, size, keywords and quotes, for pasting into a report.

:class:`QuoteBank` is the one value every format is written from
(:mod:`themesift.report.write`); this module holds it, its tables, and the
cell rules every spreadsheet cell we write goes through (:func:`neutralise`,
:func:`xml_safe`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from themesift.cells import neutralise, neutralise_frame, xml_safe
from themesift.types import LEANING, Family, Quote, Theme, ThemeSentiment, family_of

# How a theme's origin reads in tables: a code of the codebook, or a theme found beside one.
ORIGIN_NAMES = {"": "", "code": "codebook", "new": "new"}


def display_label(theme: Theme) -> str:
    """A theme's label as reports show it: "(new)" after a theme found beside a codebook."""
    return f"{theme.label} (new)" if theme.origin == "new" else theme.label


__all__ = ["ORIGIN_NAMES", "QUOTE_COLUMNS", "Placed", "QuoteBank", "THEME_COLUMNS", "attribution",
           "display_label", "family_order", "leaning_pcts", "neutralise", "neutralise_frame",
           "placed", "quote_bank_rows", "sentiment_line", "summary_line", "theme_rows",
           "xml_safe"]


SENTIMENT_PCT = tuple(f"{side}_pct" for side in LEANING)
QUOTE_COLUMNS = (
    "family",
    "theme_id",
    "theme",
    "theme_count",
    "theme_share_pct",
    *SENTIMENT_PCT,
    "keywords",
    "stability",
    "quote_rank",
    "comment_id",
    "quote",
)
THEME_COLUMNS = ("family", "theme_id", "theme", "count", "share_pct", "sentiment_n",
                 *SENTIMENT_PCT, "keywords", "stability")


@dataclass(frozen=True)
class Placed:
    """A theme in a listing grouped by family."""

    theme: Theme
    family: Family | None  # the family of several themes it sits in (None: its own family)
    opens: bool  # the first of its family's themes: the family's heading goes before it


def family_order(themes: Sequence[Theme], families: Sequence[Family]) -> tuple[Theme, ...]:
    """``themes`` family by family (families in the order given), biggest theme first in
    each; themes outside every family last."""
    fam = family_of(families)
    rank = {f.id: i for i, f in enumerate(families)}
    return tuple(sorted(themes, key=lambda t: (
        rank[fam[t.id].id] if t.id in fam else len(rank), -t.size, t.id)))


def placed(themes: Sequence[Theme], families: Sequence[Family]) -> list[Placed]:
    """``themes`` in their order, each with the family of several themes it sits in, and
    whether it is the first of that family's."""
    fam = family_of(families)
    seen: set[int] = set()
    out: list[Placed] = []
    for theme in themes:
        f = fam.get(theme.id)
        group = f if f is not None and len(f.theme_ids) > 1 else None
        out.append(Placed(theme, group, group is not None and group.id not in seen))
        if group is not None:
            seen.add(group.id)
    return out


@dataclass(frozen=True)
class QuoteBank:
    """Everything a quote bank shows; ``themes`` are already sorted by the caller."""

    title: str
    themes: tuple[Theme, ...]
    quotes: Mapping[int, tuple[Quote, ...]]
    substantive: int
    non_answers: int
    unassigned: int
    group_names: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    families: tuple[Family, ...] = ()  # themes are ordered family by family
    sentiment: Mapping[int, ThemeSentiment] = field(default_factory=dict)  # per theme id
    family_sentiment: Mapping[int, ThemeSentiment] = field(default_factory=dict)
    # per theme id: the most typical quote of each side ("positive", "negative")
    side_quotes: Mapping[int, Mapping[str, Quote]] = field(default_factory=dict)

    def family(self, theme_id: int) -> Family | None:
        return family_of(self.families).get(theme_id)

    def family_label(self, theme_id: int) -> str:
        f = self.family(theme_id)
        return f.label if f is not None else ""

    def placed(self) -> list[Placed]:
        """The bank's themes in order, each with the family of several themes it sits in."""
        return placed(self.themes, self.families)

    def quotes_for(self, theme_id: int) -> tuple[Quote, ...]:
        return tuple(self.quotes.get(theme_id, ()))

    def share_pct(self, theme: Theme) -> float:
        """Share of substantive comments in ``theme``, in percent with one decimal."""
        if self.substantive <= 0:
            return 0.0
        return round(100.0 * theme.size / self.substantive, 1)

    def groups(self) -> tuple[str, ...]:
        """Group names to show: ``group_names``, else those found on the quotes."""
        if self.group_names:
            return self.group_names
        seen: dict[str, None] = {}
        for theme in self.themes:
            for quote in self.quotes_for(theme.id):
                seen.update(dict.fromkeys(quote.groups))
        return tuple(seen)

    @property
    def quote_count(self) -> int:
        return sum(len(self.quotes_for(t.id)) for t in self.themes)


def summary_line(bank: QuoteBank) -> str:
    """One sentence with the comment counts behind the shares."""
    return (
        f"{bank.substantive} substantive comments (the base for shares), "
        f"{bank.non_answers} non-answers, {bank.unassigned} unassigned."
    )


def sentiment_line(s: ThemeSentiment | None) -> str:
    """"Sentiment: 62% positive, 30% negative, 8% mixed, 0% neutral (of 120 comments)"."""
    if s is None or not s.n:
        return ""
    sides = (*LEANING, "neutral")
    parts = ", ".join(f"{p:.0f}% {side}"
                      for p, side in zip(s.percents(sides, digits=0), sides, strict=True))
    return f"Sentiment: {parts} (of {s.n} comment{'s' if s.n != 1 else ''})"


def leaning_pcts(s: ThemeSentiment | None) -> tuple[float | None, ...]:
    """% positive, negative and mixed (None each without sentiment)."""
    if s is None or not s.n:
        return (None,) * len(LEANING)
    return s.percents()


def attribution(quote: Quote, group_names: tuple[str, ...]) -> str:
    """``— id hcsa-04 (specialty: surgery)``; groups without a value are left out."""
    parts = [f"{name}: {quote.groups[name]}" for name in group_names if quote.groups.get(name)]
    suffix = f" ({', '.join(parts)})" if parts else ""
    return f"— id {quote.comment_id}{suffix}"


def _group_column(name: str) -> str:
    return f"group: {name}" if name in QUOTE_COLUMNS else name


def quote_bank_rows(bank: QuoteBank) -> pd.DataFrame:
    """One row per quote, themes in bank order and quotes in rank order."""
    groups = bank.groups()
    columns = [*QUOTE_COLUMNS, *(_group_column(g) for g in groups)]
    rows: list[list[object]] = []
    for theme in bank.themes:
        head = [
            bank.family_label(theme.id),
            theme.id,
            display_label(theme),
            theme.size,
            bank.share_pct(theme),
            *leaning_pcts(bank.sentiment.get(theme.id)),
            "; ".join(theme.keywords),
            theme.stability,
        ]
        for rank, quote in enumerate(bank.quotes_for(theme.id), start=1):
            values = [quote.groups.get(g, "") for g in groups]
            rows.append([*head, rank, quote.comment_id, quote.text, *values])
    return pd.DataFrame(rows, columns=columns)


def theme_rows(bank: QuoteBank) -> pd.DataFrame:
    """One row per theme: family, id, label, count, share (%), sentiment, keywords,
    stability."""
    rows = [
        [bank.family_label(t.id), t.id, display_label(t), t.size, bank.share_pct(t),
         s.n if (s := bank.sentiment.get(t.id)) else None, *leaning_pcts(bank.sentiment.get(t.id)),
         "; ".join(t.keywords), t.stability]
        for t in bank.themes
    ]
    return pd.DataFrame(rows, columns=list(THEME_COLUMNS))
