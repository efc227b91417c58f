"""The public API: what a notebook, the command line and the app call.

In a notebook::

    import themesift
    result = themesift.analyse(df, text="comment", groups=["trust"])
    result = themesift.analyse(survey_df, text="auto")   # every open question of a survey
    result.themes            # one row per theme (and question): label, count, share, ...
    result.assignments       # one row per respondent x question: themes, redacted text
    result.quotes(3)         # three quotes per theme
    result.save("models/survey")
    themesift.load("models/survey").tag(next_year)   # the same themes, no refit

The file-level operations below (``analyse_file``, ``tag_file``,
``export_quotes``, ``evaluate_file``) are what the CLI commands run.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from themesift import pipeline
from themesift.coding import (
    ReviewItem,
    agree_file,
    codebook_codes,
    codebook_from_upload,
    export_qda,
    qda_bytes,
    review_model,
    write_review,
)
from themesift.config import Config
from themesift.errors import ThemesiftError
from themesift.evaluate import (
    Evaluation,
    parse_codes,
)
from themesift.ingest import (
    choose_text_column,
    corpus_from_frame,
    peek_table,
    profile_column,
    read_table,
    survey_from_frame,
)
from themesift.model import (
    check_model_out,
    check_output,
    load_survey_model,
    sha256_of,
)
from themesift.project import project_path
from themesift.report import (
    ReportTable,
    build_survey_report,
    write_quote_bank,
    write_survey_report,
)
from themesift.results import (
    Model,
    Result,
    model_quote_bank,
    question_columns,
    save_analysis,
    save_result,
)
from themesift.survey import CrossTab, crosstab, summarise_closed
from themesift.tagging import StageTimes, StreamResult, TagJob, run, run_dask, write_table
from themesift.types import (
    Analysis,
    CleaningReport,
    Code,
    Embed,
    Progress,
    Question,
    QuestionAnalysis,
    Survey,
    SurveyAnalysis,
)

log = logging.getLogger(__name__)
MAX_CHUNK = 10_000_000  # rows per chunk; memory grows with it
PathLike = str | os.PathLike[str]

__all__ = ["Model", "Result", "ReviewItem", "TagResult", "agree_file", "analyse", "analyse_file",
           "analyses_qda_bytes", "check_model_out", "check_output", "codebook_codes",
           "codebook_from_upload", "crosstab_display", "crosstab_file", "evaluate_file",
           "export_qda", "export_quotes", "load", "new_project", "qda_bytes", "report_bytes",
           "review_model", "save_analysis", "tag_file", "write_report", "write_review"]


# -- the public face ------------------------------------------------------------------------


def analyse(data: pd.DataFrame, text: str | Sequence[str] | None = None, *,
            id: str | None = None, groups: Sequence[str] | None = None,
            question_col: str | None = None, source: str = "", config: Config | None = None,
            dont_know: Sequence[str] = (), progress: Progress | None = None,
            codebook: PathLike | pd.DataFrame | Sequence[Code] | None = None,
            **settings: Any) -> Result:
    """Find the themes of each open question of ``data``, one analysis per question.

    ``text``: the column of answers (guessed when None), several columns (one per
    question), or ``"auto"`` to take every free-text column.  With ``question_col``
    the table is long: one row per answer, that column naming the question.  ``id``
    names the respondent id column (row numbers otherwise).  ``groups`` are the
    closed columns carried to every output; None keeps every other column of a
    survey, and none for a single text column.  ``settings`` change defaults of
    :class:`Config` (e.g. ``n_themes=8``); the defaults need no tuning.  ``dont_know``
    names the questions (or "all") whose "No idea" answers are answers, not non-answers.
    ``codebook`` (a file, a table with a ``code`` column, or :class:`Code` objects): its
    codes are themes of every question, labelled with their names; new themes are found
    among the answers no code fits (``discover=False`` to leave those unassigned).
    """
    frame = _frame(data)
    codes = codebook_codes(codebook)
    config = (config or Config()).with_(**settings)
    text_cols: Sequence[str] | str | None = [text] if isinstance(text, str) and text != "auto" \
        else text
    survey, notes = survey_from_frame(frame, text_cols=text_cols, question_col=question_col,
                                      id_col=id, groups=groups, source=source)
    unknown = set(dont_know) - {q.key for q in survey.questions} - {"all"}
    if unknown:
        raise ThemesiftError(f"--dont-know-is-answer names no question: {', '.join(unknown)}")
    return Result(pipeline.analyse_survey(survey, config, dont_know=dont_know,
                                          progress=progress, codes=codes), tuple(notes))


def load(path: PathLike) -> Model:
    """Load a model folder written by ``Result.save`` or ``themesift analyse``."""
    return Model(load_survey_model(path))


def _frame(data: object) -> pd.DataFrame:
    if not isinstance(data, pd.DataFrame):
        raise ThemesiftError(f"expected a pandas DataFrame, not {type(data).__name__}; "
                             "read a file with themesift.read_table(path) first")
    return data


# -- files: what the CLI runs -----------------------------------------------------------------


def analyse_file(path: PathLike, *, text_col: str | Sequence[str] | None = None,
                 question_col: str | None = None, id_col: str | None = None,
                 group_cols: Sequence[str] | None = None, config: Config | None = None,
                 dont_know: Sequence[str] = (), progress: Progress | None = None,
                 codebook: PathLike | None = None) -> Result:
    """``analyse`` on a CSV, TSV, XLSX, Parquet or JSONL file (``text_col`` as ``text``)."""
    codes = codebook_codes(codebook)  # a bad codebook is refused before the long read
    return analyse(read_table(path), text_col, id=id_col, groups=group_cols,
                   question_col=question_col, source=Path(path).name, config=config,
                   dont_know=dont_know, progress=progress, codebook=codes)


@dataclass(frozen=True)
class TagResult:
    """A tag run: rows tagged, cleaning report, rows per theme id, and where the
    ``seconds`` of the run (model loading not included) went, per stage."""

    rows: int
    report: CleaningReport
    counts: dict[int, int]
    out: Path
    notes: tuple[str, ...]
    seconds: float = 0.0
    stages: StageTimes = StageTimes()


def tag_file(
    model_dir: PathLike,
    path: PathLike,
    out: PathLike,
    *,
    text_col: str | None = None,
    id_col: str | None = None,
    group_cols: Sequence[str] = (),
    progress: Progress | None = None,
    chunksize: int = 50_000,
    resume: bool = False,
    engine: str = "local",
    scheduler: str | None = None,
) -> TagResult:
    """Tag a new export with a saved model's themes, chunk by chunk.

    One output row per input row and question: each question's themes tag the
    export's column of the same name (a single-question model: ``text_col``, else
    the column it was trained on).  ``engine="local"`` streams the file in this
    process with flat memory and commits each chunk, so ``resume=True`` continues
    an interrupted run.  ``engine="dask"`` runs the chunks on a Dask cluster
    (``scheduler`` address, else a local cluster) and writes ``out`` as a folder of
    Parquet or CSV parts, in the same rows and order.  The model's own embedder
    is used.
    """
    if not 1 <= chunksize <= MAX_CHUNK:
        raise ThemesiftError(f"--chunk-size must be from 1 to {MAX_CHUNK:,}")
    if engine not in ("local", "dask"):
        raise ThemesiftError(f"unknown engine '{engine}'; choose local or dask")
    if resume and engine == "dask":
        raise ThemesiftError("--resume works with the local engine only")
    check_output(out, inputs=(path, model_dir), folder=engine == "dask")
    model = load_survey_model(model_dir)
    names = list(map(str, peek_table(path).columns))
    columns = question_columns(model, names, text_col)
    notes = []
    if id_col is None and model.id_col and model.id_col in names:
        id_col = model.id_col
        notes.append(f"no --id-col given; using '{id_col}' as the model was trained with")
    if len(model.questions) == 1 and text_col is None:
        notes.append(f"no --text-col given; using '{columns[0][1]}' as the model was trained on")
    missing = [q.question.key for q in model.questions if q not in [c[0] for c in columns]]
    if missing:
        notes.append(f"the export has no column for question(s) {', '.join(missing)}")
    job = TagJob(Path(path), Path(out), tuple(col for _, col in columns), id_col,
                 tuple(group_cols), chunksize)
    tagger = pipeline.survey_tagger([q for q, _ in columns], progress)
    result: StreamResult
    if engine == "dask":
        result = run_dask(job, tagger, scheduler=scheduler, progress=progress)
    else:
        fingerprint = sha256_of(model.path / "manifest.json")
        result = run(job, tagger, model_sha256=fingerprint, resume=resume, progress=progress)
    return TagResult(result.rows, result.report, result.counts, Path(out),
                     tuple(notes) + result.notes, result.seconds, result.stages)


def export_quotes(model_dir: PathLike, out: PathLike, *, fmt: str | None = None,
                  per_theme: int = 5, question: str | None = None) -> Path:
    """A quote bank of one question of a model (the only one, or ``question``)."""
    if per_theme < 1:
        raise ThemesiftError("--per-theme must be at least 1")
    check_output(out, inputs=(model_dir,))
    model = load_survey_model(model_dir)
    if question is None and len(model.questions) > 1:
        keys = ", ".join(q.question.key for q in model.questions)
        raise ThemesiftError(f"the model has {len(model.questions)} questions ({keys}); choose "
                             "one with --question, or write them all with 'themesift report'")
    q = model.question(question) if question else model.questions[0]
    return write_quote_bank(model_quote_bank(q.model, q.question, per_theme), out, fmt)




def write_report(model_dir: PathLike, out: PathLike, *, fmt: str | None = None,
                 per_theme: int = 5, by: Sequence[str] = (), page: str = "A4") -> Path:
    """The survey report of a model: per question its themes, chart, quotes and cross-tabs
    by the columns ``by``; the closed questions; a methods appendix (.docx .xlsx .md .html)."""
    check_output(out, inputs=(model_dir,))
    model = load_survey_model(model_dir)
    rows = model.assignments()
    closed = [ReportTable(s.title, s.frame(), f"Respondents who answered: {s.base}; "
                          f"not answered: {s.not_answered} (not in the base).")
              for s in summarise_closed(rows, model.profiles)]
    tables: dict[str, list[ReportTable]] = {}
    for q in model.questions:
        for column in by:
            profile = model.profiles.get(column)
            table = crosstab(rows, q.question.key, column,
                             levels=profile.levels if profile else ())
            tables.setdefault(q.question.key, []).append(
                ReportTable(f"By {column}", crosstab_display(table), table.note))
    report = build_survey_report(model, per_theme=per_theme, tables=tables, closed=closed)
    return write_survey_report(report, out, fmt, page=page)


@contextlib.contextmanager
def _saved(questions: Sequence[tuple[Question, Analysis]], source: str) -> Iterator[Path]:
    """The analyses (the app's question projects, with their edits) saved as a temporary
    model folder, removed afterwards."""
    corpus = questions[0][1].cleaned.corpus
    survey = Survey(source=source, respondents=corpus.ids, id_col=corpus.id_col,
                    questions=tuple(q for q, _ in questions),
                    answers={q.key: a.cleaned.corpus.texts for q, a in questions},
                    attributes=dict(corpus.groups),
                    profiles={g: profile_column(g, pd.Series(v, dtype=object))
                              for g, v in corpus.groups.items()})
    analysis = SurveyAnalysis(survey, tuple(QuestionAnalysis(q, a) for q, a in questions))
    with tempfile.TemporaryDirectory(prefix="themesift-export-") as tmp:
        yield save_result(analysis, Path(tmp) / "model")


def report_bytes(questions: Sequence[tuple[Question, Analysis]], *, source: str, fmt: str,
                 by: Sequence[str] = (), per_theme: int = 5, page: str = "A4") -> bytes:
    """The survey report of some analyses (the app's question projects, with their edits):
    the same report as ``write_report``, as the bytes of a .docx, .xlsx or .html file."""
    if fmt not in ("docx", "xlsx", "html"):
        raise ThemesiftError("the report downloads as docx, xlsx or html")
    with _saved(questions, source) as model:
        out = write_report(model, model.parent / f"report.{fmt}", fmt=fmt, by=by,
                           per_theme=per_theme, page=page)
        return out.read_bytes()


def analyses_qda_bytes(questions: Sequence[tuple[Question, Analysis]], *, source: str,
                       fmt: str) -> bytes:
    """Some analyses (the app's projects, with their edits) as REFI-QDA: a ``qdpx``
    project or a ``qdc`` codebook, as ``export_qda`` writes a saved model."""
    with _saved(questions, source) as model:
        return qda_bytes(model, fmt)


def crosstab_display(table: CrossTab) -> pd.DataFrame:
    """The cross-tab to read: per theme "% (n)" per level and in total, the BH-adjusted q
    (or why it was not tested) and the effect size; then the unassigned and base rows."""
    bases = (*table.bases, table.base)
    levels = [str(level) for level in (*table.levels, "Total")]

    def cells(counts: tuple[int, ...]) -> list[str]:
        return [f"{100 * n / b:.1f}% ({n})" if b else "—"
                for n, b in zip((*counts, sum(counts)), bases, strict=True)]

    rows = []
    for row, test in zip(table.rows, table.results, strict=True):
        q = f"{test.q:.3f}{' *' if test.significant else ''}" if test.q == test.q \
            else test.status
        effect = f"{test.effect} = {test.effect_size:.2f}" if test.effect else ""
        rows.append([row.label, *cells(row.counts), q, effect])
    rows.append(["(no theme)", *cells(table.unassigned), "", ""])
    rows.append(["Base (n)", *(str(b) for b in bases), "", ""])
    return pd.DataFrame(rows, columns=["Theme", *levels, "q (BH)", "Effect"])


def crosstab_frame(table: CrossTab) -> pd.DataFrame:
    """The cross-tab with each theme's test beside it (p, BH-adjusted q, effect size)."""
    tests = table.tests.set_index("theme_id")[["status", "test", "p", "q", "effect",
                                                "effect_size"]]
    frame = table.frame()
    return frame.join(tests, on="theme_id").round({"p": 4, "q": 4, "effect_size": 3})


def crosstab_file(model_dir: PathLike, *, question: str, by: str,
                  out: PathLike | None = None) -> CrossTab:
    """Theme shares of one question of a model by a closed column; ``out`` (.csv, .xlsx)
    also writes it, with the tests."""
    if out is not None:
        check_output(out, inputs=(model_dir,))
    model = load_survey_model(model_dir)
    profile = model.profiles.get(by)
    table = crosstab(model.assignments(), model.question(question).question.key, by,
                     levels=profile.levels if profile else ())
    if out is not None:
        if Path(out).suffix.lower() not in (".csv", ".xlsx"):
            raise ThemesiftError(f"cannot write {Path(out).name}: use .csv or .xlsx")
        write_table(crosstab_frame(table), Path(out))  # CSV cells neutralised there
    return table


def evaluate_file(
    path: PathLike,
    *,
    label_col: str,
    text_col: str | None = None,
    id_col: str | None = None,
    multi_label_sep: str | None = None,
    per: str | None = None,
    config: Config | None = None,
    progress: Progress | None = None,
) -> tuple[Evaluation, tuple[str, ...]]:
    """Evaluate the themes of a labelled file; also return notes on choices made."""
    df = read_table(path)
    text_col, notes = choose_text_column(df.drop(columns=[label_col], errors="ignore"),
                                         text_col)
    group_cols = [label_col, *([per] if per and per != label_col else [])]
    corpus = corpus_from_frame(df, text_col=text_col, id_col=id_col, group_cols=group_cols,
                               source=Path(path).name, output=False)
    if multi_label_sep == "":
        raise ThemesiftError("--multi-label-sep must not be empty")
    codes = parse_codes(corpus.groups[label_col], multi_label_sep)
    if not any(codes):
        raise ThemesiftError(f"column '{label_col}' holds no codes")
    overall, groups, skipped = pipeline.evaluate(
        corpus, codes, config, per_values=corpus.groups[per] if per else None,
        progress=progress)
    evaluation = Evaluation(
        source=corpus.source, text_col=text_col, label_col=label_col,
        multi_label_sep=multi_label_sep, per=per, overall=overall, groups=groups,
        skipped=skipped)
    return evaluation, tuple(notes)


def new_project(data: pd.DataFrame, name: str, *, text: Sequence[str], id: str | None = None,
                groups: Sequence[str] | None = None, source: str = "",
                config: Config | None = None, embed: Embed | None = None,
                dont_know: Sequence[str] = (), progress: Progress | None = None,
                codebook: PathLike | pd.DataFrame | Sequence[Code] | None = None) -> str:
    """Analyse a table into a new project of the app (the Data page); returns its name.

    One open question makes one project; several make a survey project: one project
    per question, listed together (``project.SurveyIndex``).  ``codebook`` as for
    :func:`analyse`.
    """
    codes = codebook_codes(codebook)
    survey, _ = survey_from_frame(_frame(data), text_cols=list(text), id_col=id, groups=groups,
                                  source=source)
    config = config or Config()
    if len(survey.questions) == 1:
        key = survey.questions[0].key
        pipeline.analyse_project(survey.corpus(key), project_path(name),
                                 pipeline.question_config(config, key, dont_know), embed=embed,
                                 progress=progress, codes=codes)
    else:
        pipeline.analyse_survey_projects(survey, name, config, embed=embed,
                                         dont_know=dont_know, progress=progress, codes=codes)
    return name
