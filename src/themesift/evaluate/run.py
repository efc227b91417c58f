"""Judge themes against human codes: run an analysis, then compare (``themesift evaluate``).

The analysis is a collaborator (the pipeline's, passed in by :mod:`themesift.api`);
the comparison is :func:`themesift.evaluate.metrics.agreement`: NMI, ARI, homogeneity
and completeness of the primary theme against the first human code; the share
of substantive comments left unassigned; the number of themes; Consult's
per-response F1 after mapping each theme to its majority code (every theme a
comment gets counts, so secondary themes help or hurt); Cohen's kappa per code.
Non-answers stay their own bucket, as the analysis reports them.

With ``per`` the analysis runs separately within each value of that column
(each survey question has its own codebook) and the figures are averaged,
weighted by the number of coded rows.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from themesift.errors import ThemesiftError
from themesift.evaluate.metrics import Agreement, Codes, agreement, mean_agreement
from themesift.fsutil import atomic_path
from themesift.types import Analysis, Corpus
from themesift.version import __version__

log = logging.getLogger(__name__)


MIN_PER_GROUP = 5  # coded comments a --per group needs to be measured


@dataclass(frozen=True)
class GroupResult:
    """One analysis (the whole file, or one value of the ``per`` column)."""

    value: str
    rows: int
    method: str
    labels: tuple[str, ...]  # theme labels, largest theme first
    agreement: Agreement


@dataclass(frozen=True)
class Evaluation:
    source: str
    text_col: str
    label_col: str
    multi_label_sep: str | None
    per: str | None
    overall: Agreement
    groups: tuple[GroupResult, ...]
    skipped: tuple[str, ...] = ()  # per values with nothing to analyse

    def to_dict(self) -> dict[str, Any]:
        return {
            "themesift": __version__,
            "source": self.source,
            "text_col": self.text_col,
            "label_col": self.label_col,
            "multi_label_sep": self.multi_label_sep,
            "per": self.per,
            "overall": self.overall.to_dict(),
            "groups": [
                {"value": g.value, "rows": g.rows, "method": g.method, "labels": list(g.labels),
                 "agreement": g.agreement.to_dict()}
                for g in self.groups
            ],
            "skipped": list(self.skipped),
        }


def agreement_of(analysis: Analysis, codes: Sequence[Codes]) -> Agreement:
    """Agreement of an analysis (row-aligned with ``codes``) with human codes."""
    a = analysis.assignments
    return agreement(a.primary.tolist(), codes, themes=a.themes)


def subset(corpus: Corpus, rows: Sequence[int]) -> Corpus:
    """The rows ``rows`` of ``corpus``, in that order."""
    return Corpus(
        ids=tuple(corpus.ids[i] for i in rows),
        texts=tuple(corpus.texts[i] for i in rows),
        groups={k: tuple(v[i] for i in rows) for k, v in corpus.groups.items()},
        text_col=corpus.text_col, id_col=corpus.id_col, source=corpus.source,
    )


def evaluate_corpus(
    corpus: Corpus,
    codes: Sequence[Codes],
    analyse: Callable[[Corpus], Analysis],
    *,
    per_values: Sequence[str] | None = None,
) -> tuple[Agreement, tuple[GroupResult, ...], tuple[str, ...]]:
    """Analyse ``corpus`` (or each group of ``per_values``) with ``analyse`` and compare
    with ``codes``.

    Returns the overall agreement, one result per analysed group and the
    groups skipped for having no substantive comments or, with ``per_values``,
    fewer than ``MIN_PER_GROUP`` coded ones (a theme per comment would score 1.0).
    """
    if len(codes) != len(corpus):
        raise ValueError(f"{len(codes)} code rows for {len(corpus)} comments")
    if not any(codes):
        raise ThemesiftError("no row has a human code to compare with")
    values = list(per_values) if per_values is not None else [""] * len(corpus)
    results: list[GroupResult] = []
    skipped: list[str] = []
    for value in sorted(set(values)):
        rows = [i for i, v in enumerate(values) if v == value]
        group_codes = [codes[i] for i in rows]
        if sum(map(bool, group_codes)) < (MIN_PER_GROUP if per_values is not None else 1):
            log.warning("skipping %r: fewer than %d coded comments", value, MIN_PER_GROUP)
            skipped.append(value)
            continue
        try:
            analysis = analyse(subset(corpus, rows))
        except ThemesiftError as exc:
            if per_values is None:
                raise
            log.warning("skipping %s: %s", value, exc)
            skipped.append(value)
            continue
        results.append(GroupResult(
            value=value, rows=len(rows), method=analysis.method,
            labels=tuple(t.label for t in analysis.themes),
            agreement=agreement_of(analysis, group_codes)))
    if not results:
        raise ThemesiftError("nothing to evaluate: no group has coded, substantive comments")
    overall = mean_agreement([r.agreement for r in results]) if per_values is not None \
        else results[0].agreement
    return overall, tuple(results), tuple(skipped)


def write_json(evaluation: Evaluation, out: str | Path) -> Path:
    with atomic_path(out) as tmp:
        tmp.write_text(json.dumps(evaluation.to_dict(), indent=2, ensure_ascii=False),
                       encoding="utf-8")
    return Path(out)
