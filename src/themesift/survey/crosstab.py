"""Cross-tabs of an open question's themes: by a closed column, and by another question.

:func:`crosstab`: rows are the question's themes (largest first in the whole
question, ties by id), columns the levels of a closed column.  A cell holds the
answers at that level in the theme and their % of the level's base: the
substantive answers to the question from respondents at that level.  A comment
counts under every theme it has, so shares may add up to more than 100%.

Per theme, a test of whether its share differs across levels: a two-sided
two-proportion z-test with 2 levels (effect size: Cohen's h, first level minus
second), a chi-square test of independence of the 2 x k table (in the theme or
not, by level) with more (effect size: Cramér's V).  The p-values of a table's
tested themes are adjusted together with Benjamini-Hochberg (q).  Small bases
are flagged rather than tested: no theme of a table is tested when any level's
base is under ``min_base`` (10), nor a theme when an expected count of its
2 x k table is under ``min_expected`` (5).  Effect sizes are given for every
theme (descriptive), p and q only for the tested ones.

:func:`cross_question`: of the respondents whose answer to one question is in a
theme, the themes of their answers to another question (% of those of them who
answered it substantively), next to the same shares among everyone who did.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import pandas as pd

from themesift.errors import ThemesiftError
from themesift.survey.answers import (
    answers,
    by_size,
    check_closed,
    check_question,
    substantive,
    theme_counts,
    theme_labels,
)
from themesift.survey.closed import ordered_levels, respondent_values
from themesift.survey.stats import (
    benjamini_hochberg,
    chi_square,
    cohens_h,
    expected_min,
    two_proportion_p,
    two_proportion_z,
)

MAX_LEVELS = 20
MIN_BASE = 10
MIN_EXPECTED = 5.0
ALPHA = 0.05
NAN = float("nan")


@dataclass(frozen=True)
class ThemeRow:
    theme_id: int
    label: str
    counts: tuple[int, ...]  # answers in the theme, per level


@dataclass(frozen=True)
class ThemeTest:
    """Whether a theme's share differs across levels; p and q are NaN when not tested."""

    theme_id: int
    label: str
    status: str  # "tested", "small base", "small expected count" or "one level"
    test: str  # "z" (two levels) or "chi2" (more); "" when not tested
    statistic: float  # z (first level minus second) or chi-square
    p: float
    q: float  # Benjamini-Hochberg adjusted across the table's tested themes
    effect: str  # "h" (Cohen's h, two levels) or "V" (Cramér's V); "" with one level
    effect_size: float
    significant: bool  # q < alpha


@dataclass(frozen=True)
class CrossTab:
    """Theme shares of one question by the levels of a closed column (see the module)."""

    question: str
    by: str
    levels: tuple[str, ...]
    bases: tuple[int, ...]  # substantive answers per level
    rows: tuple[ThemeRow, ...]
    unassigned: tuple[int, ...]  # substantive answers in no theme, per level
    not_answered: int  # substantive answers whose respondent left ``by`` blank (no base)
    results: tuple[ThemeTest, ...]  # in the order of ``rows``
    alpha: float
    note: str

    @property
    def base(self) -> int:
        return sum(self.bases)

    @property
    def tests(self) -> pd.DataFrame:
        """One row per theme: status, test, statistic, p, q, effect, effect_size, significant."""
        columns = ["theme_id", "theme", "status", "test", "statistic", "p", "q", "effect",
                   "effect_size", "significant"]
        return pd.DataFrame([(t.theme_id, t.label, t.status, t.test, t.statistic, t.p, t.q,
                              t.effect, t.effect_size, t.significant) for t in self.results],
                            columns=columns)

    def frame(self) -> pd.DataFrame:
        """For export: theme_id, theme, then "<level> n" and "<level> %" per level and the
        total; a row per theme, one for answers in no theme (id -1) and the base row."""
        lines = [(r.theme_id, r.label, r.counts) for r in self.rows]
        lines.append((-1, "No theme (unassigned)", self.unassigned))
        data = []
        for tid, label, counts in lines:
            cells: list[object] = [tid, label]
            for n, base in zip((*counts, sum(counts)), (*self.bases, self.base), strict=True):
                cells += [n, round(100 * n / base, 1) if base else NAN]
            data.append(cells)
        data.append([pd.NA, "Base: substantive answers",
                     *[v for n in (*self.bases, self.base) for v in (n, NAN)]])
        names = [f"{level} {part}" for level in (*self.levels, "Total") for part in ("n", "%")]
        frame = pd.DataFrame(data, columns=["theme_id", "theme", *names])
        return frame.astype({"theme_id": "Int64"})


def crosstab(assignments: pd.DataFrame, question: str, by: str, *,
             levels: Sequence[str] = (), min_base: int = MIN_BASE,
             min_expected: float = MIN_EXPECTED, alpha: float = ALPHA) -> CrossTab:
    """Theme shares of ``question`` by the levels of closed column ``by``.

    ``levels`` orders the columns (a profile's levels: an ordinal scale in scale
    order); other values follow sorted.  Levels with no substantive answer to the
    question are left out.
    """
    check_question(assignments, question)
    check_closed(assignments, by)
    value_of = respondent_values(assignments, by)
    observed = set(value_of[value_of != ""])
    if len(observed) > MAX_LEVELS:
        raise ThemesiftError(f"'{by}' has {len(observed)} different values; at most "
                             f"{MAX_LEVELS} can be cross-tabulated: group its values first")
    rows = substantive(assignments, question)
    found = answers(rows)
    level_of = [str(value_of.get(a.respondent, "")) for a in found]
    present = set(level_of)
    columns = [lv for lv in ordered_levels(observed, tuple(levels)) if lv in present]
    at = {lv: [a for a, v in zip(found, level_of, strict=True) if v == lv] for lv in columns}
    bases = tuple(len(at[lv]) for lv in columns)
    per_level = [theme_counts(at[lv]) for lv in columns]
    labels = theme_labels(rows)
    table = tuple(ThemeRow(t, labels[t], tuple(c[t] for c in per_level))
                  for t in by_size(theme_counts(found)))
    small = any(b < min_base for b in bases)
    tested = [_test(r, bases, small, min_expected) for r in table]
    q = benjamini_hochberg([t.p for t in tested])
    results = tuple(replace(t, q=float(qv), significant=bool(qv < alpha))
                    for t, qv in zip(tested, q, strict=True))
    return CrossTab(question=question, by=by, levels=tuple(columns), bases=bases, rows=table,
                    unassigned=tuple(sum(not a.themes for a in at[lv]) for lv in columns),
                    not_answered=sum(v == "" for v in level_of), results=results,
                    alpha=alpha, note=_note(question, by, len(columns), min_base,
                                            min_expected, alpha))


def _test(row: ThemeRow, bases: tuple[int, ...], small_base: bool,
          min_expected: float) -> ThemeTest:
    counts = row.counts
    k = len(bases)
    status, test, stat, p = "tested", "", NAN, NAN
    if k == 2:
        effect, size = "h", cohens_h(counts[0] / bases[0], counts[1] / bases[1])
    elif k > 2:
        effect, size = "V", chi_square(counts, bases)[2]
    else:
        effect, size = "", NAN
    if k < 2:
        status = "one level"
    elif small_base:
        status = "small base"
    elif expected_min(counts, bases) < min_expected:
        status = "small expected count"
    elif k == 2:
        test = "z"
        stat = two_proportion_z(counts[0], bases[0], counts[1], bases[1])
        p = two_proportion_p(counts[0], bases[0], counts[1], bases[1])
    else:
        test = "chi2"
        stat, p, _ = chi_square(counts, bases)
    return ThemeTest(row.theme_id, row.label, status, test, stat, p, NAN, effect, size, False)


def _note(question: str, by: str, levels: int, min_base: int, min_expected: float,
          alpha: float) -> str:
    test = ("no test (one level)" if levels < 2 else
            "two-sided two-proportion z-test; effect size Cohen's h (first level minus "
            "second)" if levels == 2 else
            "chi-square test of independence; effect size Cramér's V")
    return (f"Base: substantive answers to '{question}' from respondents who answered "
            f"'{by}'; the columns are their own answers to '{by}', never inferred from what "
            f"they wrote (a stance is not read off sentiment). A comment counts under every "
            f"theme it has, so a level's shares can add up to more than 100%. Per theme: "
            f"{test}; p-values adjusted with Benjamini–Hochberg across the table (q), "
            f"significant when q < {alpha:g}. "
            f"Not tested (flagged): every theme when a level's base is under {min_base}, a "
            f"theme when an expected count is under {min_expected:g}.")


@dataclass(frozen=True)
class QuestionShare:
    theme_id: int
    label: str
    n: int  # respondents of the theme whose answer to the other question is in this theme
    pct: float  # of the base
    overall_n: int  # everyone whose answer to the other question is in this theme
    overall_pct: float  # of everyone who answered the other question substantively


@dataclass(frozen=True)
class CrossQuestion:
    """Of the respondents whose answer to ``question`` is in a theme, their ``other`` themes."""

    question: str
    theme_id: int
    theme_label: str
    other: str
    respondents: int  # whose answer to ``question`` is in the theme
    base: int  # of them, those who answered ``other`` substantively
    rows: tuple[QuestionShare, ...]  # the other question's themes, largest n first
    unassigned: int  # of the base, answers in no theme
    overall_base: int  # everyone who answered ``other`` substantively
    overall_unassigned: int
    note: str

    def frame(self) -> pd.DataFrame:
        """theme_id, theme, n, % (of the base), all n, all % (of everyone who answered)."""
        data: list[tuple[object, ...]] = [
            (r.theme_id, r.label, r.n, round(r.pct, 1), r.overall_n, round(r.overall_pct, 1))
            for r in self.rows]
        data.append((-1, "No theme (unassigned)", self.unassigned,
                     round(_pct(self.unassigned, self.base), 1), self.overall_unassigned,
                     round(_pct(self.overall_unassigned, self.overall_base), 1)))
        data.append((pd.NA, "Base: answered substantively", self.base, NAN,
                     self.overall_base, NAN))
        frame = pd.DataFrame(data, columns=["theme_id", "theme", "n", "%", "all n", "all %"])
        return frame.astype({"theme_id": "Int64"})


def cross_question(assignments: pd.DataFrame, question: str, theme_id: int,
                   other: str) -> CrossQuestion:
    """Of the respondents whose answer to ``question`` has theme ``theme_id``, the themes
    of their answers to ``other``: n and % of those who answered ``other`` substantively."""
    check_question(assignments, question)
    check_question(assignments, other)
    if other == question:
        raise ThemesiftError("cross_question needs two different questions")
    first = substantive(assignments, question)
    labels = theme_labels(first)
    if theme_id not in labels:
        known = ", ".join(f"{t} ({labels[t]})" for t in sorted(labels)) or "(none)"
        raise ThemesiftError(f"no theme {theme_id} in question '{question}'; "
                             f"its themes: {known}")
    who = {a.respondent for a in answers(first) if theme_id in a.themes}
    second = substantive(assignments, other)
    themes_of: dict[str, set[int]] = {}
    for a in answers(second):  # a respondent's rows for one question: their themes together
        themes_of.setdefault(a.respondent, set()).update(a.themes)
    mine = {r: ts for r, ts in themes_of.items() if r in who}
    counts = Counter(t for ts in mine.values() for t in ts)
    overall = Counter(t for ts in themes_of.values() for t in ts)
    other_labels = theme_labels(second)
    base, overall_base = len(mine), len(themes_of)
    rows = tuple(QuestionShare(t, other_labels[t], counts[t], _pct(counts[t], base),
                               overall[t], _pct(overall[t], overall_base))
                 for t in sorted(overall, key=lambda t: (-counts[t], -overall[t], t)))
    note = (f"Respondents whose answer to '{question}' is in theme '{labels[theme_id]}': "
            f"{len(who)}, of whom {base} answered '{other}' substantively (the base). An "
            "answer counts under every theme it has, so the shares can add up to more than "
            "100%. 'all': everyone who answered "
            f"'{other}' substantively.")
    return CrossQuestion(question=question, theme_id=theme_id, theme_label=labels[theme_id],
                         other=other, respondents=len(who), base=base, rows=rows,
                         unassigned=sum(not ts for ts in mine.values()),
                         overall_base=overall_base,
                         overall_unassigned=sum(not ts for ts in themes_of.values()),
                         note=note)


def _pct(n: int, base: int) -> float:
    return 100 * n / base if base else NAN
