"""The themesift command line: a thin shell over themesift.api."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from themesift.clean import MAX_TEXT_CHARS
from themesift.config import Config
from themesift.errors import ThemesiftError
from themesift.progress import RichProgress
from themesift.report import family_order, placed
from themesift.sentiment import sentiment_by_theme
from themesift.types import Analysis

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Find the themes in free-text comments, named in the respondents' own words.",
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)

TextCol = Annotated[Optional[str], typer.Option("--text-col", help="Column with the comments (guessed when omitted).")]  # noqa: E501
IdCol = Annotated[Optional[str], typer.Option("--id-col", help="Column with comment ids (generated when omitted).")]  # noqa: E501
GroupCol = Annotated[Optional[list[str]], typer.Option("--group-col", help="Column carried to every output (repeatable).")]  # noqa: E501
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars.")]


def _progress(quiet: bool) -> RichProgress:
    return RichProgress(disable=quiet or not sys.stderr.isatty(), console=err)


def _settings(settings: Path | None, **changes: object) -> Config:
    base = Config.from_toml(settings) if settings else Config()
    return base.with_(**{k: v for k, v in changes.items() if v is not None})


@app.command()
def analyse(
    file: Annotated[Path, typer.Argument(help="CSV, XLSX, Parquet or JSONL file of comments or survey answers.")],  # noqa: E501
    out_dir: Annotated[Path, typer.Option("--out", help="Model folder to write, e.g. models/survey.")],  # noqa: E501
    text_col: Annotated[Optional[list[str]], typer.Option("--text-col", help="Column of answers to an open question (repeatable: one per question; guessed when omitted).")] = None,  # noqa: E501
    text_cols: Annotated[Optional[str], typer.Option("--text-cols", help="'auto': analyse every free-text column (long, mostly distinct answers) as an open question.")] = None,  # noqa: E501
    question_col: Annotated[Optional[str], typer.Option("--question-col", help="A long export: the column naming the question of each answer.")] = None,  # noqa: E501
    id_col: Annotated[Optional[str], typer.Option("--id-col", help="Column with the respondent (or comment) id; generated when omitted.")] = None,  # noqa: E501
    group_col: GroupCol = None,
    themes: Annotated[Optional[int], typer.Option("--themes", help="Number of themes (default: automatic).")] = None,  # noqa: E501
    families: Annotated[Optional[int], typer.Option("--families", help="Number of families the themes are grouped into (default: automatic, about 3 themes each, 4 to 12).")] = None,  # noqa: E501
    embedder: Annotated[Optional[str], typer.Option("--embedder", help="minilm (default; MiniLM on ONNX Runtime), minilm-int8 (quantised: faster, slightly different vectors), fast (static: much faster, lower quality) or minilm-torch.")] = None,  # noqa: E501
    keep_word: Annotated[Optional[list[str]], typer.Option("--keep-word", help="A word or name never to redact as a person's name, e.g. a product, ward or drug (repeatable).")] = None,  # noqa: E501
    dont_know: Annotated[Optional[list[str]], typer.Option("--dont-know-is-answer", help="A question (or 'all') whose 'No idea' answers are answers, themed like the others, not non-answers (repeatable).")] = None,  # noqa: E501
    codebook: Annotated[Optional[Path], typer.Option("--codebook", help="Your codebook: a CSV or XLSX with a 'code' column (optional 'description', 'examples' separated by |, 'parent'). Its codes become themes with their names.")] = None,  # noqa: E501
    discover: Annotated[bool, typer.Option("--discover/--no-discover", help="With --codebook: find new themes among the answers no code fits (default), or leave them unassigned.")] = True,  # noqa: E501
    settings: Annotated[Optional[Path], typer.Option("--settings", help="TOML file of settings.")] = None,  # noqa: E501
    quiet: Quiet = False,
) -> None:
    """Find themes in FILE (each open question on its own); print them and write themes.csv,
    assignments.csv and the model."""
    from themesift.api import analyse_file, check_model_out

    if text_cols is not None and text_cols != "auto":
        raise ThemesiftError("--text-cols takes 'auto'; name columns with --text-col")
    if text_cols and text_col:
        raise ThemesiftError("use either --text-col or --text-cols auto, not both")
    config = _settings(settings, n_themes=themes, embedder=embedder, n_families=families)
    if not discover:
        config = config.with_(discover=False)
    if keep_word:
        config = config.with_(keep_words=(*config.keep_words, *keep_word))
    check_model_out(out_dir, inputs=(file,))
    with _progress(quiet) as progress:
        result = analyse_file(file, text_col=text_cols or text_col, question_col=question_col,
                              id_col=id_col, group_cols=group_col, config=config,
                              dont_know=dont_know or (), progress=progress,
                              codebook=codebook)
        result.save(out_dir)
    for note in result.notes:
        err.print(f"[yellow]note:[/] {note}")
    for skipped in result.survey.skipped:
        err.print(f"[yellow]note:[/] question skipped, {skipped}")
    several = len(result.survey.questions) > 1
    for qa in result.survey.questions:
        if several:
            out.print(f"\n[bold]{qa.question.key}[/]: {qa.question.text or ''}".rstrip(": "),
                      highlight=False)
        _print_report(qa.analysis, survey=several)
    out.print(f"Wrote the model, themes.csv, families.csv and assignments.csv to {out_dir}/")


def _print_report(analysis: Analysis, survey: bool = False) -> None:
    r = analysis.cleaned.report
    red = ", ".join(f"{k.lower()} {v}" for k, v in r.redactions.items() if v) or "none"
    if r.cut:
        red += f"; cut to {MAX_TEXT_CHARS:,} characters: {r.cut}"
    if survey:
        out.print(
            f"{r.rows_read} respondents: {r.rows_read - r.empty} answered ({r.substantive} "
            f"substantive, {r.duplicates} duplicates), {r.non_answers} non-answers"
            f"{_dont_know(r.dont_know)}, {r.empty} not answered; redacted: {red}",
            highlight=False)
    else:
        out.print(
            f"{r.rows_read} rows: {r.substantive} substantive ({r.duplicates} duplicates), "
            f"{r.non_answers} non-answers{_dont_know(r.dont_know)}, {r.empty} empty; "
            f"redacted: {red}", highlight=False)
    grouped = any(len(f.theme_ids) > 1 for f in analysis.families)
    title = f"{len(analysis.themes)} themes" + (
        f" in {len(analysis.families)} families" if grouped else "")
    table = Table(title=f"{title} ({analysis.method})",
                  caption="Comments: count (% of substantive); sentiment: % of the theme's "
                          "comments positive / negative / mixed")
    table.add_column("#", justify="right")
    table.add_column("Theme")
    table.add_column("Comments", justify="right")
    table.add_column("Sentiment", justify="right")
    table.add_column("Stability", justify="right")
    table.add_column("Keywords")
    feel = sentiment_by_theme(analysis)
    for place in placed(family_order(analysis.themes, analysis.families), analysis.families):
        t, f = place.theme, place.family
        if place.opens and f is not None:
            table.add_row("", f"[bold]{escape(f.label)}[/]",
                          f"[bold]{f.size} ({100 * f.share:.1f}%)[/]", "", "", "")
        stab = "" if t.stability is None else f"{t.stability:.2f}"
        marker = {"code": " [dim](code)[/]", "new": " [bold green](new)[/]"}.get(t.origin, "")
        s = feel.get(t.id)
        sides = "" if s is None or not s.n else "/".join(f"{p:.0f}" for p in s.percents(digits=0))
        indent = "  " if f is not None else ""
        table.add_row(str(t.id + 1), indent + escape(t.label) + marker,
                      f"{t.size} ({100 * t.share:.1f}%)", sides, stab,
                      escape(", ".join(t.keywords[:3])))
    sub = max(r.substantive, 1)
    table.add_row("", "(unassigned)",
                  f"{analysis.unassigned} ({100 * analysis.unassigned / sub:.1f}%)", "", "", "")
    out.print(table)


def _dont_know(n: int) -> str:
    return f" ({n} of them 'don't know')" if n else ""


@app.command()
def tag(
    model: Annotated[Path, typer.Argument(help="Model folder written by 'analyse'.")],
    file: Annotated[Path, typer.Argument(help="New comments to tag.")],
    out_file: Annotated[Path, typer.Option("--out", help="Output table (.csv, .xlsx, .parquet, .jsonl); with --engine dask a folder named *.parquet or *.csv.")],  # noqa: E501
    text_col: TextCol = None,
    id_col: IdCol = None,
    group_col: GroupCol = None,
    chunk_size: Annotated[int, typer.Option("--chunk-size", help="Rows read, tagged and committed at a time.")] = 50_000,  # noqa: E501
    resume: Annotated[bool, typer.Option("--resume", help="Continue an interrupted run from its committed chunks (OUT.parts/).")] = False,  # noqa: E501
    engine: Annotated[str, typer.Option("--engine", help="local (default) or dask.")] = "local",  # noqa: E501
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Dask scheduler address (default: a local cluster of 2 workers).")] = None,  # noqa: E501
    quiet: Quiet = False,
) -> None:
    """Tag FILE with the saved themes of MODEL (no refit), streaming it chunk by chunk."""
    from themesift.api import tag_file

    if scheduler and engine != "dask":
        raise ThemesiftError("--scheduler needs --engine dask")
    with _progress(quiet) as progress:
        result = tag_file(model, file, out_file, text_col=text_col, id_col=id_col,
                          group_cols=group_col or (), progress=progress, chunksize=chunk_size,
                          resume=resume, engine=engine, scheduler=scheduler)
    for note in result.notes:
        err.print(f"[yellow]note:[/] {note}")
    assigned = sum(v for k, v in result.counts.items() if k >= 0)
    out.print(f"Tagged {result.rows} rows ({assigned} with a theme, "
              f"{result.counts.get(-1, 0)} unassigned, {result.report.non_answers} non-answers) "
              f"-> {result.out}")
    out.print(f"Time by stage: {result.stages.line(result.seconds)}", soft_wrap=True,
              highlight=False)


@app.command()
def quotes(
    model: Annotated[Path, typer.Argument(help="Model folder written by 'analyse'.")],
    out_file: Annotated[Path, typer.Option("--out", help="Quote bank file to write.")],
    fmt: Annotated[Optional[str], typer.Option("--format", help="xlsx, docx, md or csv (default: from --out).")] = None,  # noqa: E501
    per_theme: Annotated[int, typer.Option("--per-theme", help="Quotes per theme.")] = 5,
    question: Annotated[Optional[str], typer.Option("--question", help="The question of a survey model (its column name).")] = None,  # noqa: E501
) -> None:
    """Write a quote bank (per theme: label, count, share, keywords, quotes with ids)."""
    from themesift.api import export_quotes

    path = export_quotes(model, out_file, fmt=fmt, per_theme=per_theme, question=question)
    out.print(f"Wrote quote bank {path}")


@app.command()
def review(
    model: Annotated[Path, typer.Argument(help="Model folder written by 'analyse'.")],
    n: Annotated[int, typer.Option("--n", help="How many comments (per question).")] = 20,
    question: Annotated[Optional[str], typer.Option("--question", help="Only this question of a survey model (its column name).")] = None,  # noqa: E501
    out_file: Annotated[Optional[Path], typer.Option("--out", help="Also write the queue to this CSV or XLSX file.")] = None,  # noqa: E501
) -> None:
    """List the comments the model is least sure of (smallest margin between its two best
    themes): code these first."""
    from themesift.api import check_output, review_model, write_review

    if out_file is not None:
        check_output(out_file, inputs=(model,))
    items = review_model(model, n=n, question=question)
    several = len({item.question for item in items}) > 1
    table = Table(*(["question"] if several else []), "margin", "closest theme", "runner-up",
                  "comment", title=f"The {len(items)} comments the model is least sure of")
    for item in items:
        text = item.text if len(item.text) <= 90 else item.text[:87] + "..."
        if item.rows > 1:
            text += f" (x{item.rows})"
        table.add_row(*([item.question] if several else []), f"{item.margin:.3f}",
                      item.first, item.second, text)
    out.print(table)
    if out_file is not None:
        out.print(f"Wrote {write_review(items, out_file)}")


@app.command()
def report(
    model: Annotated[Path, typer.Argument(help="Model folder written by 'analyse'.")],
    out_file: Annotated[Path, typer.Option("--out", help="Report file to write (.docx, .xlsx, .md or .html).")],  # noqa: E501
    fmt: Annotated[Optional[str], typer.Option("--format", help="docx, xlsx, md or html (default: from --out).")] = None,  # noqa: E501
    per_theme: Annotated[int, typer.Option("--per-theme", help="Quotes per theme.")] = 5,
    by: Annotated[Optional[list[str]], typer.Option("--by", help="Closed column to cross-tabulate every question's themes by (repeatable).")] = None,  # noqa: E501
    page: Annotated[str, typer.Option("--page", help="Page size of a Word report: A4 or Letter.")] = "A4",  # noqa: E501
) -> None:
    """Write the survey report: per question its themes (chart, table, quotes, cross-tabs),
    the closed questions, and how the themes were found."""
    from themesift.api import write_report

    path = write_report(model, out_file, fmt=fmt, per_theme=per_theme, by=by or (), page=page)
    out.print(f"Wrote report {path}")


@app.command()
def crosstab(
    model: Annotated[Path, typer.Argument(help="Model folder written by 'analyse'.")],
    question: Annotated[str, typer.Option("--question", help="The open question (its column name).")],  # noqa: E501
    by: Annotated[str, typer.Option("--by", help="The closed column (answer or attribute) to compare by.")],  # noqa: E501
    out_file: Annotated[Optional[Path], typer.Option("--out", help="Also write the table (.csv or .xlsx).")] = None,  # noqa: E501
) -> None:
    """Print theme shares of one question by the answers to a closed column, with tests."""
    from themesift.api import crosstab_display, crosstab_file

    table = crosstab_file(model, question=question, by=by, out=out_file)
    frame = crosstab_display(table)
    shown = Table(title=f"{question} by {by}: % of substantive answers (n)")
    for i, name in enumerate(frame.columns):
        shown.add_column(str(name), justify="left" if i == 0 else "right")
    for i, row in enumerate(frame.itertuples(index=False)):
        shown.add_row(*map(str, row), style="bold" if i == len(frame) - 1 else None)
    out.print(shown)
    out.print(table.note, highlight=False)
    if out_file:
        out.print(f"Wrote {out_file}")


@app.command()
def evaluate(
    file: Annotated[Path, typer.Argument(help="File of comments with human codes.")],
    label_col: Annotated[str, typer.Option("--label-col", help="Column with the human code(s).")],  # noqa: E501
    text_col: TextCol = None,
    id_col: IdCol = None,
    multi_label_sep: Annotated[Optional[str], typer.Option("--multi-label-sep", help="Separator of several codes in one cell, e.g. '|'.")] = None,  # noqa: E501
    per: Annotated[Optional[str], typer.Option("--per", help="Evaluate within each value of this column (e.g. a question id) and average.")] = None,  # noqa: E501
    json_out: Annotated[Optional[Path], typer.Option("--json", help="Also write the figures as JSON.")] = None,  # noqa: E501
    themes: Annotated[Optional[int], typer.Option("--themes", help="Number of themes (default: automatic).")] = None,  # noqa: E501
    settings: Annotated[Optional[Path], typer.Option("--settings", help="TOML file of settings.")] = None,  # noqa: E501
    quiet: Quiet = False,
) -> None:
    """Find themes in FILE and measure their agreement with the human codes in it."""
    from themesift.api import check_output, evaluate_file
    from themesift.evaluate import evaluation_table, write_json

    config = _settings(settings, n_themes=themes)
    if json_out:
        check_output(json_out, inputs=(file,))
    with _progress(quiet) as progress:
        result, notes = evaluate_file(file, label_col=label_col, text_col=text_col, id_col=id_col,
                                      multi_label_sep=multi_label_sep, per=per, config=config,
                                      progress=progress)
    for note in notes:
        err.print(f"[yellow]note:[/] {note}")
    out.print(evaluation_table(result))
    if json_out:
        out.print(f"Wrote {write_json(result, json_out)}")


@app.command()
def agree(
    file: Annotated[Path, typer.Argument(help="File with two codings of the same comments, one per column.")],  # noqa: E501
    a: Annotated[str, typer.Option("--a", help="Column of the first coding (a coder, or themesift's all_labels).")],  # noqa: E501
    b: Annotated[str, typer.Option("--b", help="Column of the second coding.")],
    id_col: Annotated[Optional[str], typer.Option("--id-col", help="Column naming each comment in the list of disagreements (default: its row).")] = None,  # noqa: E501
    text_col: TextCol = None,
    sep: Annotated[Optional[list[str]], typer.Option("--multi-label-sep", help="Separator of several codes in one cell (repeatable; default: ';' and '|').")] = None,  # noqa: E501
    out_file: Annotated[Optional[Path], typer.Option("--out", help="Also write the comments the codings disagree on (.csv).")] = None,  # noqa: E501
) -> None:
    """Compare two codings of the same comments: Cohen's kappa, Krippendorff's alpha and %
    agreement, overall and per code, and the comments they disagree on."""
    from themesift.api import agree_file
    from themesift.evaluate import SEPARATORS, agreement_table

    result, notes = agree_file(file, a=a, b=b, id_col=id_col, text_col=text_col,
                               separators=tuple(sep) if sep else SEPARATORS, out=out_file)
    for note in notes:
        err.print(f"[yellow]note:[/] {note}")
    out.print(agreement_table(result))
    if out_file:
        out.print(f"Wrote {len(result.disagreements)} disagreements to {out_file}")


@app.command("export-qda")
def export_qda(
    model: Annotated[Path, typer.Argument(help="Model folder written by 'analyse'.")],
    out_file: Annotated[Path, typer.Option("--out", help="FILE.qdpx: the comments, the themes as codes and the codings; FILE.qdc: the codebook alone.")],  # noqa: E501
) -> None:
    """Export a model as REFI-QDA, for NVivo, ATLAS.ti, MAXQDA or QualCoder (redacted
    comments only)."""
    from themesift.api import export_qda as export

    out.print(f"Wrote {export(model, out_file)}")


def main() -> None:
    """Entry point: one line on stderr and exit 2 for bad input, never a traceback."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "error")  # read when dask is imported
    logging.basicConfig(level=os.environ.get("THEMESIFT_LOG", "WARNING").upper(),
                        format="%(levelname)s %(name)s: %(message)s")
    for noisy in ("transformers", "sentence_transformers", "huggingface_hub"):
        logging.getLogger(noisy).setLevel(logging.ERROR)
    try:
        code = app(standalone_mode=False)  # typer returns 130 on Ctrl-C, 0 after --help
    except ThemesiftError as exc:
        _fail(str(exc))
    except typer.TyperException as exc:  # usage errors: a missing option, a bad value
        if not exc.format_message().strip():  # no arguments at all: the help was shown
            sys.exit(2)
        _fail(_usage(exc))
    except (typer.Abort, KeyboardInterrupt):
        code = 130
    except OSError as exc:  # a disk full or a permission changed mid-run
        where = f" {exc.filename}" if exc.filename else ""
        _fail(f"cannot read or write{where}: {exc.strerror or exc}")
    except MemoryError:
        err.print("themesift: error: out of memory; try a smaller file or --embedder fast")
        sys.exit(2)
    except Exception as exc:  # noqa: BLE001 - last resort: one line, no traceback
        if os.environ.get("THEMESIFT_DEBUG"):
            raise
        err.print(f"themesift: unexpected error ({type(exc).__name__}): {exc}; "
                  "set THEMESIFT_DEBUG=1 for details", highlight=False, soft_wrap=True)
        sys.exit(1)
    if code == 130:
        err.print("themesift: interrupted; no output was written or replaced", highlight=False)
    if isinstance(code, int) and code:
        sys.exit(code)


def _fail(message: str) -> NoReturn:
    err.print(f"themesift: error: {message}", highlight=False, soft_wrap=True)
    sys.exit(2)


def _usage(exc: typer.TyperException) -> str:
    """Click's message on one line, with the command's --help to read."""
    message = " ".join(exc.format_message().split())
    ctx = getattr(exc, "ctx", None)
    return f"{message} (see '{ctx.command_path} --help')" if ctx is not None else message
