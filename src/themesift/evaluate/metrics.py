"""Agreement between machine themes and human codes (pure functions, no models).

Predicted labels are theme ids (or UNASSIGNED / NON_ANSWER / EMPTY); human codes
are a tuple of strings per comment (multi-label allowed, empty = uncoded, so the
row is left out).
"""

from __future__ import annotations

import math
import re
import warnings
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from sklearn.metrics import (
    adjusted_rand_score,
    cohen_kappa_score,
    completeness_score,
    homogeneity_score,
    normalized_mutual_info_score,
)

from themesift.types import NON_ANSWER, UNASSIGNED

Codes = tuple[str, ...]


@dataclass(frozen=True)
class Agreement:
    n: int
    nmi: float
    ari: float
    homogeneity: float
    completeness: float
    unassigned_share: float  # pred == -1 among rows with pred >= -1
    n_themes: int  # distinct pred >= 0
    f1: float  # Consult's per-response F1
    kappa: Mapping[str, float] = field(default_factory=dict)  # Cohen's kappa per code

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["kappa"] = {code: self.kappa[code] for code in sorted(self.kappa)}
        return out


def parse_codes(values: Sequence[str | None],
                sep: str | Sequence[str] | None = "|") -> list[Codes]:
    """Split each cell on ``sep`` (one separator, or several: any of them splits), strip,
    drop empties and repeats (order kept)."""
    seps = (sep,) if isinstance(sep, str) else tuple(s for s in sep or () if s)
    pattern = re.compile("|".join(map(re.escape, seps))) if seps else None
    return [_parse_one(value, pattern) for value in values]


def _parse_one(value: object, sep: re.Pattern[str] | None) -> Codes:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ()
    text = str(value)
    parts = sep.split(text) if sep else [text]
    stripped = (part.strip() for part in parts)
    return tuple(dict.fromkeys(part for part in stripped if part))


def theme_mapping(pred: Sequence[int], codes: Sequence[Codes]) -> dict[int, str]:
    """Map each theme (and NON_ANSWER) to its most frequent human code.

    Every code of a multi-label row counts; ties go to the alphabetically first
    code.  UNASSIGNED and EMPTY map to nothing.
    """
    counts: dict[int, Counter[str]] = {}
    for label, row in zip(pred, codes, strict=True):
        if label >= 0 or label == NON_ANSWER:
            counts.setdefault(int(label), Counter()).update(row)
    return {
        label: min(counter.items(), key=lambda item: (-item[1], item[0]))[0]
        for label, counter in sorted(counts.items())
        if counter
    }


def agreement(
    pred: Sequence[int],
    codes: Sequence[Codes],
    themes: Sequence[Sequence[int]] | None = None,
) -> Agreement:
    """Compare predicted theme ids with human codes, row by row.

    NMI, ARI, homogeneity and completeness compare the primary theme with the
    first code.  F1 and kappa compare code sets: each row's predicted set is
    its primary theme's code, plus, when ``themes`` (every theme of each row,
    primary first) is given, the codes of its further themes.
    """
    _check_lengths(pred, codes)
    if themes is not None:
        _check_lengths(themes, codes)
    keep = [i for i, c in enumerate(codes) if c]
    labels = [int(pred[i]) for i in keep]
    truth = [codes[i] for i in keep]
    mapping = theme_mapping(labels, truth)
    if themes is None:
        pred_sets = [_mapped(mapping, p) for p in labels]
    else:
        pred_sets = [
            _mapped(mapping, p).union(*(_mapped(mapping, int(t)) for t in themes[i]))
            for p, i in zip(labels, keep, strict=True)
        ]
    considered = [p for p in labels if p >= UNASSIGNED]
    share = considered.count(UNASSIGNED) / len(considered) if considered else 0.0
    n_themes = len({p for p in labels if p >= 0})
    return _score(labels, truth, pred_sets, share, n_themes)


def coder_agreement(codes_a: Sequence[Codes], codes_b: Sequence[Codes]) -> Agreement:
    """Human vs human: A's primary code is the cluster label, B's codes the truth.

    Rows uncoded by either coder are left out.  F1 and kappa compare A's and B's
    code sets directly (the label spaces coincide, so no mapping is needed).
    """
    _check_lengths(codes_a, codes_b)
    rows = [(a, b) for a, b in zip(codes_a, codes_b, strict=True) if a and b]
    labels = [a[0] for a, _ in rows]
    pred_sets = [frozenset(a) for a, _ in rows]
    truth = [b for _, b in rows]
    return _score(labels, truth, pred_sets, 0.0, len(set(labels)))


def mean_agreement(items: Sequence[Agreement]) -> Agreement:
    """Average agreements weighted by ``n`` (e.g. one per question).

    ``n`` is the total; ``n_themes`` the rounded weighted mean; each code's kappa
    is averaged over the items that have it.
    """
    if not items:
        raise ValueError("mean_agreement needs at least one Agreement")
    total = sum(item.n for item in items)
    weights = [item.n / total if total else 1 / len(items) for item in items]

    def mean(name: str) -> float:
        return float(sum(w * getattr(item, name) for w, item in zip(weights, items, strict=True)))

    kappa: dict[str, float] = {}
    for code in sorted({code for item in items for code in item.kappa}):
        having = [(w, item.kappa[code]) for w, item in zip(weights, items, strict=True)
                  if code in item.kappa]
        weight = sum(w for w, _ in having)
        kappa[code] = (
            sum(w * k for w, k in having) / weight
            if weight
            else sum(k for _, k in having) / len(having)
        )
    return Agreement(
        n=total,
        nmi=mean("nmi"),
        ari=mean("ari"),
        homogeneity=mean("homogeneity"),
        completeness=mean("completeness"),
        unassigned_share=mean("unassigned_share"),
        n_themes=round(mean("n_themes")),
        f1=mean("f1"),
        kappa=kappa,
    )


def response_f1(pred_sets: Sequence[frozenset[str]], true_sets: Sequence[Codes]) -> float:
    """Consult's per-response F1: each row's F1 of predicted vs true codes, averaged."""
    if not true_sets:
        return 0.0
    pairs = zip(pred_sets, true_sets, strict=True)
    return sum(_row_f1(p, frozenset(t)) for p, t in pairs) / len(true_sets)


def code_kappas(
    pred_sets: Sequence[frozenset[str]], true_sets: Sequence[Codes]
) -> dict[str, float]:
    """Cohen's kappa per code (of either side) on presence/absence; never NaN."""
    truth = [frozenset(t) for t in true_sets]
    codes = sorted({code for t in truth for code in t} | {code for p in pred_sets for code in p})
    return {
        code: _kappa([code in p for p in pred_sets], [code in t for t in truth])
        for code in codes
    }


def _score(
    labels: Sequence[Hashable],
    truth: Sequence[Codes],
    pred_sets: Sequence[frozenset[str]],
    unassigned_share: float,
    n_themes: int,
) -> Agreement:
    if not labels:
        return Agreement(0, 0.0, 0.0, 0.0, 0.0, unassigned_share, n_themes, 0.0, {})
    # Mixed label types (ints and strings) are normalised to strings for sklearn.
    clusters = [str(label) for label in labels]
    primary = [t[0] for t in truth]
    return Agreement(
        n=len(labels),
        nmi=float(normalized_mutual_info_score(primary, clusters, average_method="arithmetic")),
        ari=float(adjusted_rand_score(primary, clusters)),
        homogeneity=float(homogeneity_score(primary, clusters)),
        completeness=float(completeness_score(primary, clusters)),
        unassigned_share=unassigned_share,
        n_themes=n_themes,
        f1=response_f1(pred_sets, truth),
        kappa=code_kappas(pred_sets, truth),
    )


def _mapped(mapping: Mapping[int, str], label: int) -> frozenset[str]:
    return frozenset([mapping[label]]) if label in mapping else frozenset()


def _row_f1(pred: frozenset[str], true: frozenset[str]) -> float:
    hits = len(pred & true)
    precision = hits / len(pred) if pred else 0.0
    recall = hits / len(true) if true else 0.0
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def _kappa(a: Sequence[bool], b: Sequence[bool]) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = float(cohen_kappa_score(a, b))
    if math.isnan(value):
        return 1.0 if list(a) == list(b) else 0.0
    return value


def _check_lengths(a: Sequence[object], b: Sequence[object]) -> None:
    if len(a) != len(b):
        raise ValueError(f"length mismatch: {len(a)} labels vs {len(b)} code rows")
