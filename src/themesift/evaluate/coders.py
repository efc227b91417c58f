"""Two codings of the same comments (two coders, or a coder and themesift): how far they agree.

Per code, presence and absence are compared row by row: Cohen's kappa (the one in
:mod:`themesift.evaluate.metrics`, through :func:`coder_agreement`), Krippendorff's
alpha (nominal, two coders, the ``krippendorff`` package) and the % of rows on which
the two agree.  Overall, each row's *set* of codes is one nominal category: % of rows
with the same set, Cohen's kappa and Krippendorff's alpha over those sets.  Rows one
coder left blank are left out (and counted).  The rows whose sets differ are listed.
"""

from __future__ import annotations

import math
import os
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import krippendorff
import numpy as np
import pandas as pd
from sklearn.metrics import cohen_kappa_score

from themesift.cells import write_csv
from themesift.errors import ThemesiftError
from themesift.evaluate.metrics import Agreement, Codes, coder_agreement, parse_codes
from themesift.fsutil import atomic_path

__all__ = ["SEPARATORS", "CodeAgreement", "CoderComparison", "Disagreement", "compare_codings",
           "compare_columns", "disagreements_frame", "nominal_alpha", "nominal_kappa",
           "write_disagreements"]

SEPARATORS = (";", "|")  # several codes in one cell


@dataclass(frozen=True)
class CodeAgreement:
    """One code: how often each coder used it, and how far they agree on it."""

    code: str
    n_a: int  # rows coder A gave this code
    n_b: int
    percent: float  # % of rows where both gave it or both did not
    kappa: float
    alpha: float


@dataclass(frozen=True)
class Disagreement:
    id: str
    text: str
    codes_a: Codes
    codes_b: Codes


@dataclass(frozen=True)
class CoderComparison:
    """Agreement of coding ``a`` with coding ``b`` over the rows both coded."""

    a: str  # the two codings' names (their columns)
    b: str
    n: int  # rows both coded
    blank_a: int  # rows left out: A blank (and B not), B blank (and A not), both blank
    blank_b: int
    blank_both: int
    percent: float  # % of rows with the same set of codes
    kappa: float  # Cohen's kappa over code sets as nominal categories
    alpha: float  # Krippendorff's alpha (nominal) over the same
    codes: tuple[CodeAgreement, ...]  # by code name
    disagreements: tuple[Disagreement, ...]
    metrics: Agreement  # coder_agreement(a, b): NMI, ARI, F1 ... with A's first code as label
    id_name: str = "id"  # what the disagreements' ids are: an id column, or "row"


def nominal_alpha(a: Sequence[object], b: Sequence[object]) -> float:
    """Krippendorff's alpha (nominal) of two coders over the same units, no missing values.

    When both coders use one and the same value throughout, alpha is undefined: 1.0
    (as with kappa in :mod:`metrics`, perfect agreement on a constant).
    """
    values = sorted({*map(str, a), *map(str, b)})
    if len(values) < 2:
        return 1.0 if len(a) else 0.0
    index = {v: i for i, v in enumerate(values)}
    data = np.array([[index[str(x)] for x in a], [index[str(x)] for x in b]], dtype=float)
    if data.shape[1] < 2:
        return 0.0
    value = float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))
    return 0.0 if math.isnan(value) else value


def nominal_kappa(a: Sequence[object], b: Sequence[object]) -> float:
    """Cohen's kappa of two nominal codings; never NaN (a constant on both sides: 1.0)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = float(cohen_kappa_score([str(x) for x in a], [str(x) for x in b]))
    if math.isnan(value):
        return 1.0 if list(map(str, a)) == list(map(str, b)) else 0.0
    return value


def compare_codings(codes_a: Sequence[Codes], codes_b: Sequence[Codes], *,
                    ids: Sequence[str] | None = None, texts: Sequence[str] | None = None,
                    a: str = "a", b: str = "b", id_name: str = "id") -> CoderComparison:
    """Compare two codings row by row (``ids`` and ``texts`` name the disagreements)."""
    if len(codes_a) != len(codes_b):
        raise ValueError(f"length mismatch: {len(codes_a)} vs {len(codes_b)} rows")
    ids = list(ids) if ids is not None else [str(i + 1) for i in range(len(codes_a))]
    texts = list(texts) if texts is not None else [""] * len(codes_a)
    keep = [i for i, (x, y) in enumerate(zip(codes_a, codes_b, strict=True)) if x and y]
    sets_a = [frozenset(codes_a[i]) for i in keep]
    sets_b = [frozenset(codes_b[i]) for i in keep]
    metrics = coder_agreement(codes_a, codes_b)  # the same rows: both coded
    codes = sorted(set().union(*sets_a, *sets_b))
    per_code = []
    for code in codes:
        has_a = [code in s for s in sets_a]
        has_b = [code in s for s in sets_b]
        same = sum(x == y for x, y in zip(has_a, has_b, strict=True))
        per_code.append(CodeAgreement(code, sum(has_a), sum(has_b), 100 * same / len(keep),
                                      metrics.kappa[code], nominal_alpha(has_a, has_b)))
    labels_a = ["|".join(sorted(s)) for s in sets_a]
    labels_b = ["|".join(sorted(s)) for s in sets_b]
    same_sets = sum(x == y for x, y in zip(sets_a, sets_b, strict=True))
    disagreements = tuple(
        Disagreement(ids[i], texts[i], codes_a[i], codes_b[i])
        for i, x, y in zip(keep, sets_a, sets_b, strict=True) if x != y)
    blank_a = sum(1 for x, y in zip(codes_a, codes_b, strict=True) if not x and y)
    blank_b = sum(1 for x, y in zip(codes_a, codes_b, strict=True) if x and not y)
    return CoderComparison(
        a=a, b=b, n=len(keep), blank_a=blank_a, blank_b=blank_b,
        blank_both=len(codes_a) - len(keep) - blank_a - blank_b,
        percent=100 * same_sets / len(keep) if keep else 0.0,
        kappa=nominal_kappa(labels_a, labels_b) if keep else 0.0,
        alpha=nominal_alpha(labels_a, labels_b) if keep else 0.0,
        codes=tuple(per_code), disagreements=disagreements, metrics=metrics, id_name=id_name)


def compare_columns(df: pd.DataFrame, a: str, b: str, *, id_col: str | None = None,
                    text_col: str | None = None,
                    separators: Sequence[str] = SEPARATORS) -> CoderComparison:
    """Compare columns ``a`` and ``b`` of a table (cells of several codes split on any of
    ``separators``); a clear error for a missing column or no row both coded."""
    if a == b:
        raise ThemesiftError("--a and --b name the same column; give the two codings' columns")
    columns = [str(c) for c in df.columns]
    for flag, name in (("--a", a), ("--b", b), ("--id-col", id_col), ("--text-col", text_col)):
        if name is not None and name not in columns:
            raise ThemesiftError(f"{flag}: no column '{name}'; the columns are: "
                                 + ", ".join(f"'{c}'" for c in columns))
    if any(not s for s in separators):
        raise ThemesiftError("a code separator must not be empty")
    codes_a = parse_codes(df[a].tolist(), separators)
    codes_b = parse_codes(df[b].tolist(), separators)
    if not any(codes_a) or not any(codes_b):
        empty = a if not any(codes_a) else b
        raise ThemesiftError(f"column '{empty}' holds no codes")
    if not any(x and y for x, y in zip(codes_a, codes_b, strict=True)):
        raise ThemesiftError(f"no row is coded in both '{a}' and '{b}'")
    # Without an id column, a row is named by its line in a spreadsheet (the header is line 1).
    ids = [_cell(v) for v in df[id_col]] if id_col else [str(i + 2) for i in range(len(df))]
    texts = [_cell(v) for v in df[text_col]] if text_col else None
    return compare_codings(codes_a, codes_b, ids=ids, texts=texts, a=a, b=b,
                           id_name=id_col or "row")


def disagreements_frame(result: CoderComparison) -> pd.DataFrame:
    """One row per comment the two codings disagree on: id, text, both code sets, the codes
    only one of them gave."""
    columns = [result.id_name, "text", f"a: {result.a}", f"b: {result.b}", "only in a",
               "only in b"]
    rows = [(d.id, d.text, "; ".join(d.codes_a), "; ".join(d.codes_b),
             "; ".join(c for c in d.codes_a if c not in d.codes_b),
             "; ".join(c for c in d.codes_b if c not in d.codes_a))
            for d in result.disagreements]
    return pd.DataFrame(rows, columns=columns)


def write_disagreements(result: CoderComparison, out: str | os.PathLike[str]) -> None:
    """The disagreements as a CSV (formula-safe cells, written atomically)."""
    with atomic_path(out) as tmp:
        write_csv(disagreements_frame(result), tmp)


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)
