"""Tag a large export on a Dask cluster: the same chunks and output as the local stream.

1. The driver reads the input with ``ingest.iter_chunks`` (so encodings, ids and
   errors are exactly those of the local engine) and stages each chunk as a
   Parquet file beside OUT.
2. ``map_partitions`` tags the chunks on the workers with a
   :class:`~themesift.tagging.chunk.ChunkTagger` scattered to every worker once
   (settings, centroids and, for the fast embedder, its vectors: arrays, never
   a pickle read from a user path).
3. Rows repeating an earlier row's text anywhere in the file are flagged
   ``duplicate`` (first occurrence per text via a groupby), and the parts are
   written into OUT, a folder of ``part-NNNNN.parquet`` or ``.csv`` files,
   which replaces any earlier OUT only when complete.

The staging folders sit beside OUT, so with a remote scheduler OUT must be on
storage every worker can reach.

Time by stage (:class:`~themesift.tagging.timing.StageTimes`): ``read`` (staging
the input) and ``write`` (the duplicates pass and the final write) are the
driver's wall seconds; ``clean``, ``names``, ``embed``, ``assign`` and
``sentiment`` are the workers' seconds summed over the partitions, which run in
parallel, so they may add up to more than the run took.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from themesift.clean import KINDS, MAX_TEXT_CHARS, says_dont_know
from themesift.errors import ThemesiftError
from themesift.fsutil import atomic_dir
from themesift.ingest import iter_question_chunks
from themesift.tagging.arrow_csv import write_csv
from themesift.tagging.chunk import ChunkTagger, SurveyTagger
from themesift.tagging.stream import StreamResult, TagJob, estimate_rows
from themesift.tagging.timing import STAGES, StageTimes, Stopwatch
from themesift.types import CleaningReport, Corpus, Progress

log = logging.getLogger(__name__)

FORMATS = (".parquet", ".csv")
MARKER = "themesift-tag.json"


def run_dask(job: TagJob, tagger: ChunkTagger | SurveyTagger, *, scheduler: str | None = None,
             progress: Progress | None = None) -> StreamResult:
    """Tag ``job.path`` on Dask into the folder ``job.out`` (see the module docstring).

    A survey model tags each question's column: one output row per respondent and
    question, in the order of the local engine.
    """
    import dask

    survey = tagger if isinstance(tagger, SurveyTagger) else SurveyTagger([tagger])
    if len(survey.taggers) != len(job.text_cols):
        raise ValueError("one text column per question of the tagger")
    fmt = _check_out(job.out)
    started = time.perf_counter()
    watch = Stopwatch()
    report = progress or (lambda stage, d, t: None)
    # Keep pandas' own string columns, so the output equals the local engine's.
    with dask.config.set({"dataframe.convert-string": False}), _work_dir(job.out) as work, \
            _client(scheduler) as client:
        with watch("read"):
            inputs, lengths = _stage_input(job, work / "in", report)
        total = int(sum(lengths)) * len(job.text_cols)  # respondent x question
        report("tag", 0, total)
        (work / "tagged").mkdir()
        tagged = _read_parts(inputs, _input_meta(job)).map_partitions(
            _tag_partition, client.scatter(survey, broadcast=True), job.group_cols,
            job.text_cols,
            meta=_tagged_meta(job))
        metas = _write_all(client, tagged, work / "tagged", ".parquet",
                           lambda done: report("tag", done, total), lengths)
        for m in metas:
            watch.add(StageTimes.of(m["seconds"]))
        with watch("write"):
            parts = [work / "tagged" / m["file"] for m in metas]
            first = client.scatter(_first_rows(client, parts), broadcast=True)
            final = _read_parts(parts, _tagged_meta(job)).map_partitions(
                _finish, first, meta=_final_meta(job))
            with atomic_dir(job.out) as tmp:
                written = _write_all(client, final, tmp, fmt, None, lengths)
                summary, counts = _summary(metas, written)
                stages = _stages(watch)  # up to this summary
                (tmp / MARKER).write_text(json.dumps({
                    "source": job.path.name, "rows": total,
                    "parts": [w["file"] for w in written], "report": summary.to_dict(),
                    "counts": {str(k): v for k, v in sorted(counts.items())},
                    "seconds": stages.to_dict(), "summed": list(stages.summed),
                }, indent=1), encoding="utf-8")
    return StreamResult(rows=total, report=summary, counts=counts,
                        seconds=time.perf_counter() - started, stages=_stages(watch))


def _stages(watch: Stopwatch) -> StageTimes:
    return replace(watch.times(), summed=WORKER_STAGES)


def _summary(tagged: list[dict[str, Any]], written: list[dict[str, Any]]
             ) -> tuple[CleaningReport, dict[int, int]]:
    """The cleaning report (duplicates across the file) and rows per theme id."""
    r = CleaningReport.combine(CleaningReport.from_dict(m["report"]) for m in tagged)
    duplicates = int(sum(w["duplicates"] for w in written))
    counts: dict[int, int] = {}
    for m in tagged:
        for k, v in m["counts"].items():
            counts[int(k)] = counts.get(int(k), 0) + int(v)
    return r.with_duplicates(duplicates), counts


def _check_out(out: Path) -> str:
    fmt = out.suffix.lower()
    if fmt not in FORMATS:
        raise ThemesiftError(f"with --engine dask, --out is a folder named *.parquet or *.csv, "
                             f"not {out.name}")
    if out.exists() and not out.is_dir():
        raise ThemesiftError(f"cannot write {out}: a file of that name exists")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise ThemesiftError(f"will not overwrite {out}: it is not empty and not themesift output")
    return fmt


@contextmanager
def _work_dir(out: Path) -> Iterator[Path]:
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}.staging-", dir=out.parent))
    try:
        yield work
    finally:
        shutil.rmtree(work, ignore_errors=True)


@contextmanager
def _client(scheduler: str | None) -> Iterator[Any]:
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise ThemesiftError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        with client:
            yield client
        return
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # inherited by the worker processes
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster, \
            Client(cluster) as client:
        yield client


# -- staging the input ----------------------------------------------------------------------


def _stage_input(job: TagJob, folder: Path, report: Progress) -> tuple[list[Path], list[int]]:
    """Write the input's chunks as Parquet files with the ids the local engine gives."""
    estimate = estimate_rows(job.path)
    folder.mkdir()
    paths: list[Path] = []
    lengths: list[int] = []
    chunks = iter_question_chunks(job.path, chunksize=job.chunksize, text_cols=job.text_cols,
                                  id_col=job.id_col, group_cols=job.group_cols)
    for i, corpora in enumerate(chunks):
        path = folder / f"in-{i:05d}.parquet"
        _corpus_frame(corpora, job, start=sum(lengths)).to_parquet(path, index=False)
        paths.append(path)
        lengths.append(len(corpora[0]))
        report("read", sum(lengths), max(estimate, sum(lengths)))
    report("read", sum(lengths), sum(lengths))
    return paths, lengths


def _corpus_frame(corpora: list[Corpus], job: TagJob, start: int) -> pd.DataFrame:
    first = corpora[0]
    data: dict[str, Any] = {"__row": np.arange(start, start + len(first), dtype=np.int64),
                            "__id": list(first.ids)}
    for j, corpus in enumerate(corpora):
        data[f"__text:{j}"] = list(corpus.texts)
    for name in job.group_cols:
        data[f"g:{name}"] = list(first.groups[name])
    return pd.DataFrame(data, dtype=object)


def _input_meta(job: TagJob) -> pd.DataFrame:
    cols = ["__id", *(f"__text:{j}" for j in range(len(job.text_cols))),
            *(f"g:{g}" for g in job.group_cols)]
    return pd.DataFrame({"__row": pd.Series(dtype="int64"),
                         **{c: pd.Series(dtype=object) for c in cols}})


def _read_parts(paths: list[Path], meta: pd.DataFrame) -> Any:
    import dask.dataframe as dd

    return dd.from_map(_read_parquet, [str(p) for p in paths], meta=meta,
                       enforce_metadata=False)


def _read_parquet(path: str) -> pd.DataFrame:
    return pd.read_parquet(path)


# -- tagging on the workers -----------------------------------------------------------------


def _tag_partition(df: pd.DataFrame, tagger: SurveyTagger, group_cols: tuple[str, ...],
                   text_cols: tuple[str, ...]) -> pd.DataFrame:
    groups = {g: tuple(df[f"g:{g}"]) for g in group_cols}
    corpora = [Corpus(ids=tuple(df["__id"]), texts=tuple(df[f"__text:{j}"]), groups=groups,
                      text_col=col) for j, col in enumerate(text_cols)]
    chunk = tagger.tag(corpora)
    frame = chunk.frame.copy()
    frame["_key"] = chunk.keys
    k = len(text_cols)  # output row of (respondent r, question j): r * k + j
    rows = df["__row"].to_numpy(dtype=np.int64)
    frame["_row"] = np.repeat(rows * k, k) + np.tile(np.arange(k, dtype=np.int64), len(rows))
    frame["_cut"] = [len(c.texts[r]) > MAX_TEXT_CHARS for r in range(len(df)) for c in corpora]
    kinds = chunk.kinds if chunk.kinds is not None else np.zeros((len(frame), len(KINDS)))
    for i, kind in enumerate(KINDS):
        frame[f"_r_{kind}"] = kinds[:, i].astype(np.int32)
    seconds = dict(chunk.seconds.items())
    for stage in WORKER_STAGES:  # the partition's seconds, on its first row
        values = np.zeros(len(frame))
        values[:1] = seconds[stage]
        frame[f"_s_{stage}"] = values
    return frame


WORKER_STAGES = tuple(s for s in STAGES if s not in ("read", "write"))
_HELPERS = ["_key", "_row", "_cut", *(f"_r_{k}" for k in KINDS),
            *(f"_s_{s}" for s in WORKER_STAGES)]


def _tagged_meta(job: TagJob) -> pd.DataFrame:
    return _final_meta(job).assign(
        _key=pd.Series(dtype="int64"), _row=pd.Series(dtype="int64"), _cut=pd.Series(dtype=bool),
        **{f"_r_{k}": pd.Series(dtype="int32") for k in KINDS},
        **{f"_s_{s}": pd.Series(dtype="float64") for s in WORKER_STAGES})


def _final_meta(job: TagJob) -> pd.DataFrame:
    cols: dict[str, Any] = {"id": object, "question": object,
                            **dict.fromkeys(job.group_cols, object),
                            "status": object, "duplicate": bool, "primary_theme": "int64",
                            "primary_label": object, "family": "Int64",
                            "family_label": object, "confidence": "float64",
                            "all_themes": object, "all_labels": object, "sentiment": object,
                            "sentiment_score": "Float64", "text": object}
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in cols.items()})


def _write_all(client: Any, frame: Any, folder: Path, fmt: str,
               on_rows: Callable[[int], None] | None, lengths: list[int]) -> list[dict[str, Any]]:
    """Write each partition to ``folder/part-NNNNN<fmt>`` on the workers; return their notes."""
    from dask.delayed import delayed
    from distributed import as_completed

    parts = frame.to_delayed()
    if len(parts) != len(lengths):
        raise ThemesiftError("Dask changed the partitioning of the input; cannot keep row order")
    tasks = [delayed(_write_part)(p, str(folder / f"part-{i:05d}{fmt}"))
             for i, p in enumerate(parts)]
    futures = client.compute(tasks)
    notes: dict[str, dict[str, Any]] = {}
    done = 0
    for future in as_completed(futures):
        note = future.result()
        notes[note["file"]] = note
        done += note["rows"]
        if on_rows is not None:
            on_rows(done)
    return [notes[f"part-{i:05d}{fmt}"] for i in range(len(tasks))]


def _write_part(df: pd.DataFrame, path: str) -> dict[str, Any]:
    if path.endswith(".csv"):
        write_csv([pa.Table.from_pandas(df, preserve_index=False)], path)
    else:
        df.to_parquet(path, index=False)
    status = df["status"].value_counts()
    note: dict[str, Any] = {"file": os.path.basename(path), "rows": len(df),
                            "duplicates": int(df["duplicate"].sum())}
    if "_key" in df.columns:  # a tagged part: its cleaning report and theme counts
        note["report"] = {
            "rows_read": len(df), "empty": int(status.get("empty", 0)),
            "non_answers": int(status.get("non_answer", 0)), "duplicates": note["duplicates"],
            "substantive": int(status.get("substantive", 0)),
            "cut": int(df["_cut"].sum()),
            "dont_know": int(sum(says_dont_know(t) for t in df.loc[df["status"] == "non_answer",
                                                                 "text"])),
            "redactions": {k: int(df[f"_r_{k}"].sum()) for k in KINDS},
        }
        note["counts"] = {str(k): int(v) for k, v in df["primary_theme"].value_counts().items()}
        note["seconds"] = {s: float(df[f"_s_{s}"].sum()) for s in WORKER_STAGES}
    return note


# -- duplicates across the whole file -------------------------------------------------------


def _first_rows(client: Any, paths: list[Path]) -> pd.Series:
    """For each text key, the global row number of its first substantive row."""
    import dask.dataframe as dd

    rows = dd.read_parquet([str(p) for p in paths], columns=["_key", "_row"])
    first = rows[rows["_key"] != 0].groupby("_key")["_row"].min()
    result: pd.Series = client.compute(first).result()
    return result


def _finish(df: pd.DataFrame, first: pd.Series) -> pd.DataFrame:
    """Set ``duplicate`` from the first row of each key in the file; drop the helper columns."""
    keys = df["_key"].to_numpy(dtype=np.int64)
    rows = df["_row"].to_numpy(dtype=np.int64)
    earliest = first.reindex(keys).fillna(-1).to_numpy(dtype=np.int64)
    out = df.drop(columns=_HELPERS)
    out["duplicate"] = (keys != 0) & (earliest >= 0) & (earliest < rows)
    return out
