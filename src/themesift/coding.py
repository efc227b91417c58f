"""The researcher's own coding at the file level: codebooks in, the least-certain queue,
agreement between two codings, and REFI-QDA out (NVivo, ATLAS.ti, MAXQDA, QualCoder).

Part of the public API: :mod:`themesift.api` re-exports these, and the CLI runs them.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from themesift import pipeline
from themesift.errors import ThemesiftError
from themesift.evaluate import SEPARATORS, CoderComparison, compare_columns, write_disagreements
from themesift.ingest import choose_text_column, codes_from_frame, read_codebook, read_table
from themesift.model import check_output, load_survey_model
from themesift.qda import qdc_bytes, qdpx_bytes, read_qdc, write_bytes
from themesift.report import model_codebook, model_project
from themesift.tagging import write_table
from themesift.types import Code, Progress
from themesift.version import __version__

__all__ = ["QDA_FORMATS", "ReviewItem", "agree_file", "codebook_codes", "codebook_from_upload",
           "export_qda", "qda_bytes", "review_model", "write_review"]

PathLike = str | os.PathLike[str]
QDA_FORMATS = ("qdpx", "qdc")


def codebook_from_upload(name: str, data: bytes) -> tuple[Code, ...]:
    """The codes of an uploaded codebook file (a table, or REFI-QDA ``.qdc``/``.qdpx``)."""
    suffix = Path(name).suffix.lower()
    with tempfile.TemporaryDirectory(prefix="themesift-codebook-") as tmp:
        path = Path(tmp) / f"codebook{suffix}"
        path.write_bytes(data)
        codes = codebook_codes(path)
    return codes


def codebook_codes(codebook: PathLike | pd.DataFrame | Sequence[Code] | None
                   ) -> tuple[Code, ...]:
    """The codes of a codebook given as a file (a table or a REFI-QDA ``.qdc``), a table
    or a sequence of :class:`Code`."""
    if codebook is None:
        return ()
    if isinstance(codebook, pd.DataFrame):
        return codes_from_frame(codebook)
    if isinstance(codebook, str | os.PathLike):
        if Path(codebook).suffix.lower() in (".qdc", ".qdpx"):
            return read_qdc(codebook)
        return read_codebook(codebook)
    codes = tuple(codebook)
    if not all(isinstance(c, Code) for c in codes):
        raise ThemesiftError("a codebook is a file, a table with a 'code' column, or a list "
                             "of themesift.Code")
    return codes


@dataclass(frozen=True)
class ReviewItem:
    """A comment of the least-certain queue, with the labels of its two closest themes."""

    question: str
    text: str
    rows: int
    first: str
    second: str
    margin: float


def review_model(model_dir: PathLike, *, n: int = 20, question: str | None = None,
                 progress: Progress | None = None) -> tuple[ReviewItem, ...]:
    """The ``n`` comments (per question) that a saved model is least sure of: the
    smallest margin between its two closest themes, so the researcher codes where the
    model is weakest.  Texts are the model's redacted training answers."""
    if not 1 <= n <= 10_000:
        raise ThemesiftError("--n must be from 1 to 10,000")
    model = load_survey_model(model_dir)
    questions = [model.question(question)] if question else list(model.questions)
    rows = model.assignments()
    if not {"question", "status", "text"} <= set(rows.columns):
        raise ThemesiftError(f"model {model.path} has no usable assignments.csv; run "
                             "'analyse' again")
    items: list[ReviewItem] = []
    for q in questions:
        own = rows[(rows["question"].astype(str) == q.question.key)
                   & (rows["status"] == "substantive")]
        counts = own["text"].astype(str).value_counts()
        texts = sorted(counts.index)
        labels = {t.id: t.label for t in q.model.themes}
        for u in pipeline.review_queue(q.model, texts, [int(counts[t]) for t in texts], n=n,
                                       progress=progress):
            items.append(ReviewItem(q.question.key, u.text, u.rows, labels.get(u.first, ""),
                                    labels.get(u.second, ""), u.margin))
    return tuple(items)


def write_review(items: Sequence[ReviewItem], out: PathLike) -> Path:
    """The least-certain queue as a .csv or .xlsx file (cells safe to open in Excel)."""
    if Path(out).suffix.lower() not in (".csv", ".xlsx"):
        raise ThemesiftError("the review queue is written as .csv or .xlsx")
    frame = pd.DataFrame([[i.question, i.text, i.rows, i.first, i.second, i.margin]
                          for i in items],
                         columns=["question", "text", "rows", "closest_theme", "runner_up",
                                  "margin"])
    write_table(frame, Path(out))
    return Path(out)


def qda_bytes(model_dir: PathLike, fmt: str) -> bytes:
    """A model as REFI-QDA: ``qdpx`` (comments, codebook, codings) or ``qdc`` (codebook)."""
    if fmt not in QDA_FORMATS:
        raise ThemesiftError(f"REFI-QDA exports are .qdpx (project) or .qdc (codebook), "
                             f"not .{fmt}")
    model = load_survey_model(model_dir)
    if fmt == "qdc":
        return qdc_bytes(model_codebook(model), origin=f"themesift {__version__}")
    return qdpx_bytes(model_project(model))


def export_qda(model_dir: PathLike, out: PathLike) -> Path:
    """Write a model's REFI-QDA project (``.qdpx``) or codebook (``.qdc``) for NVivo,
    ATLAS.ti, MAXQDA or QualCoder; the same model always gives the same bytes."""
    check_output(out, inputs=(model_dir,))
    write_bytes(qda_bytes(model_dir, Path(out).suffix.lower().lstrip(".")), out)
    return Path(out)


def agree_file(path: PathLike, *, a: str, b: str, id_col: str | None = None,
               text_col: str | None = None, separators: Sequence[str] = SEPARATORS,
               out: PathLike | None = None) -> tuple[CoderComparison, tuple[str, ...]]:
    """Two codings of the same comments (columns ``a`` and ``b``) compared: Cohen's kappa,
    Krippendorff's alpha and % agreement, overall and per code; ``out`` (.csv) also gets
    the comments they disagree on.  Also returns notes on choices made."""
    if out is not None:
        check_output(out, inputs=(path,))
        if Path(out).suffix.lower() != ".csv":
            raise ThemesiftError(f"cannot write {Path(out).name}: the disagreements are a .csv")
    df = read_table(path)
    notes: list[str] = []
    if text_col is None:
        rest = df.drop(columns=[c for c in (a, b, id_col) if c], errors="ignore")
        try:
            text_col, notes = choose_text_column(rest, None)
        except ThemesiftError:
            notes = ["no --text-col given and no column of comments found; "
                     "the disagreements list ids only"]
    result = compare_columns(df, a, b, id_col=id_col, text_col=text_col, separators=separators)
    if out is not None:
        write_disagreements(result, out)
    return result, tuple(notes)
