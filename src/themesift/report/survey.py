"""The survey report: per open question its counts, themes and quotes, then the closed
questions' tables and a methods appendix.

:class:`SurveyReport` is the one value every format is written from
(:mod:`themesift.report.survey_writers`); :func:`build_survey_report` makes it from a
saved survey model.  Tables a caller computed (cross-tabs, a closed question's counts)
come in as :class:`ReportTable` and are only rendered.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from themesift.errors import ThemesiftError
from themesift.model import SavedModel, SurveyModel
from themesift.report.bank import display_label
from themesift.types import Family, Quote, Theme, ThemeSentiment, family_of

THEME_HEADER = ("Family", "Theme", "n", "% of substantive", "% pos / neg / mixed", "Stability",
                "Keywords")
EMBEDDER = "sentence-transformers/all-MiniLM-L6-v2"


@dataclass(frozen=True)
class ReportTable:
    """A table the caller computed; a non-default index is shown as the first columns."""

    title: str
    frame: pd.DataFrame
    note: str = ""


@dataclass(frozen=True)
class QuestionSection:
    """One open question: counts (base: respondents), themes by size, first quotes."""

    key: str
    text: str
    answered: int
    substantive: int
    non_answers: int
    empty: int  # not answered
    redactions: Mapping[str, int]
    themes: tuple[Theme, ...]
    quotes: Mapping[int, tuple[Quote, ...]]
    tables: tuple[ReportTable, ...] = ()
    unassigned: int = 0
    dont_know: int = 0  # of the non-answers, those saying "I don't know"
    families: tuple[Family, ...] = ()
    sentiment: Mapping[int, ThemeSentiment] = field(default_factory=dict)  # per theme id

    def family_label(self, theme_id: int) -> str:
        f = family_of(self.families).get(theme_id)
        return f.label if f is not None and len(f.theme_ids) > 1 else ""

    def sides(self, theme_id: int) -> str:
        """"62 / 30 / 8": % of the theme's comments positive, negative, mixed ("" unknown)."""
        s = self.sentiment.get(theme_id)
        if s is None or not s.n:
            return ""
        return " / ".join(f"{p:.0f}" for p in s.percents(digits=0))

    @property
    def title(self) -> str:
        return self.text or self.key

    def share_pct(self, theme: Theme) -> float:
        """Share of substantive answers in ``theme``, in percent."""
        if self.substantive <= 0:
            return 0.0
        return 100.0 * theme.size / self.substantive

    def quotes_for(self, theme_id: int) -> tuple[Quote, ...]:
        return tuple(self.quotes.get(theme_id, ()))


@dataclass(frozen=True)
class SurveyReport:
    """Everything a survey report shows, in order; ``methods`` are (heading, paragraph)."""

    title: str
    source: str
    respondents: int
    created: str  # "Created 2026-12-02 from model ... with themesift 0.1.0"
    questions: tuple[QuestionSection, ...]
    closed: tuple[ReportTable, ...] = ()
    methods: tuple[tuple[str, str], ...] = ()


def counts_line(section: QuestionSection, respondents: int) -> str:
    """``6 answered, of whom 6 substantive; 0 non-answers; 13 not answered (base: ...)``."""
    dont_know = (f" ({section.dont_know} of them saying they don't know, e.g. 'no idea')"
                 if section.dont_know else "")
    line = (f"{section.answered} answered, of whom {section.substantive} substantive; "
            f"{section.non_answers} non-answers{dont_know}; {section.empty} not answered "
            f"(base: {respondents} respondents; theme shares are % of the "
            f"{section.substantive} substantive answers).")
    if section.unassigned:
        line += f" {section.unassigned} substantive answers fit no theme."
    return line


def theme_cells(section: QuestionSection, theme: Theme) -> tuple[str, ...]:
    """One theme table row as text: family (blank when the theme is its own), label, n,
    share (one decimal), sentiment, stability, keywords."""
    stability = "—" if theme.stability is None else f"{theme.stability:.2f}"
    return (section.family_label(theme.id), display_label(theme), str(theme.size),
            f"{section.share_pct(theme):.1f}", section.sides(theme.id), stability,
            ", ".join(theme.keywords))


def credit(quote: Quote) -> str:
    return f"— respondent {quote.comment_id}"


def table_cells(table: ReportTable) -> tuple[list[str], list[list[object]]]:
    """Header and rows of ``table``; a named or non-range index becomes leading columns."""
    frame = table.frame
    if not isinstance(frame.index, pd.RangeIndex) or any(n is not None for n in frame.index.names):
        frame = frame.reset_index()
    header = [" / ".join(map(str, c)) if isinstance(c, tuple) else str(c) for c in frame.columns]
    rows = [[_plain(v) for v in row] for row in frame.itertuples(index=False, name=None)]
    return header, rows


def _plain(value: object) -> object:
    item = getattr(value, "item", None)
    if callable(item):  # numpy scalar -> Python scalar
        value = item()
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return value


def cell_text(value: object) -> str:
    """A table cell as text: floats with one decimal (two below 1), others as str."""
    value = _plain(value)
    if isinstance(value, float):
        return f"{value:.2f}" if abs(value) < 1 and value != 0 else f"{value:.1f}"
    return str(value)


def _section(key: str, text: str, model: SavedModel, per_theme: int,
             tables: Sequence[ReportTable]) -> QuestionSection:
    themes = tuple(sorted(model.themes, key=lambda t: (-t.size, t.id)))
    cleaning = model.cleaning
    if cleaning is None:
        substantive = sum(t.size for t in themes)
        answered, non_answers, empty, redactions = substantive, 0, 0, {}
    else:
        substantive, non_answers, empty = (cleaning.substantive, cleaning.non_answers,
                                           cleaning.empty)
        answered = cleaning.rows_read - cleaning.empty
        redactions = dict(cleaning.redactions)
    quotes = {t.id: tuple(model.quotes.get(t.id, ()))[:per_theme] for t in themes}
    return QuestionSection(key=key, text=text, answered=answered, substantive=substantive,
                           non_answers=non_answers, empty=empty, redactions=redactions,
                           themes=themes, quotes=quotes, tables=tuple(tables),
                           unassigned=int(model.training.get("unassigned", 0) or 0),
                           dont_know=cleaning.dont_know if cleaning else 0,
                           families=model.families, sentiment=model.sentiment)


def _joined(pairs: Mapping[str, object]) -> str:
    return "; ".join(f"{k} = {v}" for k, v in pairs.items())


def _per_question(values: Mapping[str, str]) -> str:
    """One value when every question shares it, else ``key: value`` per question."""
    distinct = set(values.values())
    if len(distinct) == 1:
        return distinct.pop()
    return " ".join(f"{key}: {value}." for key, value in values.items())


def methods(model: SurveyModel) -> tuple[tuple[str, str], ...]:
    """The methods appendix as (heading, paragraph) pairs."""
    saved = {q.question.key: q.model for q in model.questions}
    embedders = _per_question({k: m.embedder_id or EMBEDDER for k, m in saved.items()})
    resamples = _per_question({k: str(m.config.stability_resamples) for k, m in saved.items()})
    found = (
        f"Each answer was turned into a sentence embedding ({embedders}). The substantive "
        "answers to each question were grouped with k-means, the number of themes chosen "
        "automatically for each question (the best silhouette score). Each theme is labelled "
        "with a phrase respondents used, and its keywords are the terms most typical of it. "
        "Quotes are answers close to the theme's centre yet unlike each other (maximal "
        "marginal relevance). Stability is the mean Jaccard overlap of a theme's members "
        f"with the best-matching theme when the themes are refitted on 80% subsamples "
        f"({resamples} refits); 1.00 means the theme came back identical every time. "
        "Related themes are grouped into families (complete-linkage clustering of the theme "
        "centres, about three themes per family); a family column is blank where a theme "
        "is a family of its own. Sentiment is read with VADER per answer and per clause; "
        "an answer about several themes counts for each on the side of the clauses that "
        "use its keywords, and 'mixed' means one clause is positive and another negative.")
    base = ("Shares are percentages of a question's substantive answers. Empty answers and "
            "non-answers (such as 'n/a', 'no comment') are counted but excluded from the base; "
            "an answer may fit no theme when it is far from every theme's centre.")
    settings = _per_question({k: _joined(m.config.to_dict()) for k, m in saved.items()})
    versions: Mapping[str, object] = model.manifest.get("versions") or next(
        (m.manifest.get("versions") or {} for m in saved.values()), {})
    hashes = "".join(f"\n{k}: {m.training.get('data_sha256', 'not recorded')}"
                     for k, m in saved.items())
    redacted = _per_question({k: _redactions(m) for k, m in saved.items()})
    return (
        ("How themes were found", found),
        ("Base of the shares", base),
        ("Settings", settings or "Not recorded."),
        ("Versions", ", ".join(f"{k} {v}" for k, v in versions.items()) or "Not recorded."),
        ("Data", f"Source: {model.source or 'not recorded'}. SHA-256 of the answers "
                 f"analysed, per question:{hashes}"),
        ("Redaction", "Before analysis, personal details were replaced by placeholders "
                      f"such as [EMAIL]. Replaced: {redacted}"),
    )


def _redactions(model: SavedModel) -> str:
    cleaning = model.cleaning
    if cleaning is None:
        return "not recorded"
    done = {k: v for k, v in cleaning.redactions.items() if v}
    return ", ".join(f"{k} {v}" for k, v in done.items()) if done else "none"


def _created(model: SurveyModel) -> str:
    manifest = model.manifest
    created = str(manifest.get("created") or "")
    version = dict(manifest.get("versions") or {}).get("themesift", "")
    when = created.replace("T", " ").replace("+00:00", " UTC") if created else "unknown date"
    return f"Model created {when} with themesift {version or 'unknown version'}."


def build_survey_report(
    model: SurveyModel,
    *,
    per_theme: int = 5,
    tables: Mapping[str, Sequence[ReportTable]] | None = None,
    closed: Sequence[ReportTable] = (),
    title: str | None = None,
) -> SurveyReport:
    """The report of ``model``: per question (in model order) counts, themes by size and
    the first ``per_theme`` quotes; ``tables`` adds tables per question key."""
    if per_theme < 0:
        raise ThemesiftError(f"per_theme must be 0 or more, not {per_theme}")
    tables = dict(tables or {})
    keys = {q.question.key for q in model.questions}
    unknown = sorted(set(tables) - keys)
    if unknown:
        raise ThemesiftError(f"tables given for unknown question(s) {', '.join(unknown)}; "
                             f"the model's questions: {', '.join(sorted(keys))}")
    sections = tuple(_section(q.question.key, q.question.text, q.model, per_theme,
                              tables.get(q.question.key, ()))
                     for q in model.questions)
    return SurveyReport(
        title=title or f"Themes in {model.source or model.path.name}",
        source=model.source, respondents=model.respondents, created=_created(model),
        questions=sections, closed=tuple(closed), methods=methods(model))
