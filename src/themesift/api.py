"""High-level operations over files: what the CLI and the app call."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from themesift import __version__
from themesift.config import Config
from themesift.export import QuoteBank, write_quote_bank
from themesift.io import load_corpus
from themesift.fsutil import check_writable
from themesift.persist import SavedModel, check_model_target, load_model, save_model
from themesift.pipeline import Analysis, Progress, analyse
from themesift.tables import assignments_frame, build_quote_bank, themes_frame
from themesift.types import CleaningReport, ThemesiftError

log = logging.getLogger(__name__)
MAX_CHUNK = 10_000_000  # rows per chunk; memory grows with it


@dataclass(frozen=True)
class Loaded:
    analysis: Analysis
    notes: tuple[str, ...]


def analyse_file(
    path: str | Path,
    *,
    text_col: str | None = None,
    id_col: str | None = None,
    group_cols: Sequence[str] = (),
    config: Config | None = None,
    progress: Progress | None = None,
) -> Loaded:
    corpus, notes = load_corpus(path, text_col=text_col, id_col=id_col, group_cols=group_cols)
    return Loaded(analyse(corpus, config, progress=progress), tuple(notes))


def save_analysis(analysis: Analysis, out: str | Path) -> Path:
    """Write the model folder with themes.csv and assignments.csv beside it."""
    corpus = analysis.cleaned.corpus
    report = analysis.cleaned.report
    training = {
        "source": corpus.source,
        "text_col": corpus.text_col,
        "id_col": corpus.id_col,
        "group_cols": list(corpus.groups),
        "rows": len(corpus),
        "data_sha256": analysis.data_hash,
        "method": analysis.method,
        "unassigned": analysis.unassigned,
        "cleaning": {
            "rows_read": report.rows_read, "empty": report.empty,
            "non_answers": report.non_answers, "duplicates": report.duplicates,
            "substantive": report.substantive, "redactions": dict(report.redactions),
        },
    }
    return save_model(
        out,
        themes=analysis.themes,
        centroids=analysis.centroids,
        quotes=dict(analysis.quotes),
        config=analysis.config,
        embedder_id=analysis.embedder_id,
        training=training,
        tables={
            "themes.csv": themes_frame(analysis.themes),
            "assignments.csv": assignments_frame(
                analysis.cleaned, analysis.assignments, analysis.themes),
        },
    )


@dataclass(frozen=True)
class TagResult:
    rows: int
    report: CleaningReport
    counts: dict[int, int]
    out: Path
    notes: tuple[str, ...]


def tag_file(
    model_dir: str | Path,
    path: str | Path,
    out: str | Path,
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
    """Tag a new export with a saved model's themes, chunk by chunk; one row per input row.

    ``engine="local"`` streams the file in this process with flat memory and
    commits each chunk, so ``resume=True`` continues an interrupted run.
    ``engine="dask"`` runs the chunks on a Dask cluster (``scheduler`` address,
    else a local cluster) and writes ``out`` as a folder of Parquet or CSV parts.
    The model's own embedder is used.
    """
    from themesift.embed import get_embedder
    from themesift.columns import choose_text_column
    from themesift.io import peek_table
    from themesift.stream import TagJob

    if not 1 <= chunksize <= MAX_CHUNK:
        raise ThemesiftError(f"--chunk-size must be from 1 to {MAX_CHUNK:,}")
    if engine not in ("local", "dask"):
        raise ThemesiftError(f"unknown engine '{engine}'; choose local or dask")
    if resume and engine == "dask":
        raise ThemesiftError("--resume works with the local engine only")
    check_writable(out, inputs=(path, model_dir), folder=engine == "dask")
    model = load_model(model_dir)
    prefer = model.manifest.get("training", {}).get("text_col")
    text_col, notes = choose_text_column(peek_table(path), text_col, prefer)
    job = TagJob(Path(path), Path(out), text_col, id_col, tuple(group_cols), chunksize)
    build = (lambda d, t: progress("build", d, t)) if progress else None
    embedder = get_embedder(model.config.embedder, batch_size=model.config.batch_size,
                            build_progress=build)
    _check_embedder(model, embedder.model_id)
    if engine == "dask":
        from themesift.dask_engine import run_dask

        result = run_dask(job, model, embedder, scheduler=scheduler, progress=progress)
    else:
        from themesift.embed import EmbeddingCache
        from themesift.stream import run
        from themesift.tagger import ChunkTagger

        # The static embedder is faster than the disk cache; MiniLM is not.
        cache = EmbeddingCache() if model.config.embedder != "fast" else None
        tagger = ChunkTagger.from_model(model, embedder, cache)
        result = run(job, tagger, model_sha256=model_fingerprint(model), resume=resume,
                     progress=progress)
    return TagResult(result.rows, result.report, result.counts, Path(out),
                     tuple(notes) + result.notes)


def model_fingerprint(model: SavedModel) -> str:
    """SHA-256 of the model's manifest (which holds the SHA-256 of every other file)."""
    return hashlib.sha256((model.path / "manifest.json").read_bytes()).hexdigest()


def _check_embedder(model: SavedModel, embedder_id: str) -> None:
    if embedder_id != model.embedder_id:
        raise ThemesiftError(
            f"model {model.path} was fitted with embedder {model.embedder_id}, "
            f"not {embedder_id}; run 'analyse' again to refit it")


def quote_bank_for(model: SavedModel, per_theme: int) -> QuoteBank:
    training = model.manifest.get("training", {})
    cleaning = training.get("cleaning", {})
    return build_quote_bank(
        f"Themes in {training.get('source') or model.path.name}",
        model.themes,
        model.quotes,
        per_theme=per_theme,
        substantive=int(cleaning.get("substantive", sum(t.size for t in model.themes))),
        non_answers=int(cleaning.get("non_answers", 0)),
        unassigned=int(training.get("unassigned", 0)),
        group_names=model.group_names,
        notes=(f"Generated by themesift {__version__} from model '{model.path.name}' "
               f"({model.manifest.get('created', '')}).",),
    )


def export_quotes(model_dir: str | Path, out: str | Path, *, fmt: str | None = None,
                  per_theme: int = 5) -> Path:
    if per_theme < 1:
        raise ThemesiftError("--per-theme must be at least 1")
    check_writable(out, inputs=(model_dir,))
    model = load_model(model_dir)
    return write_quote_bank(quote_bank_for(model, per_theme), out, fmt)


def check_model_out(out: str | Path, *, inputs: Sequence[str | Path] = ()) -> None:
    """Before an analysis: its model folder can be written and destroys no input."""
    check_writable(out, inputs=inputs, folder=True)
    check_model_target(Path(out))
