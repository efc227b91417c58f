"""Tag a large export chunk by chunk with flat memory, resumably.

Each chunk is read (``ingest.iter_chunks``), tagged (:class:`~themesift.tagging.chunk.ChunkTagger`)
and committed as a Parquet part in ``OUT.parts/`` with a JSON journal naming the
input file (size and SHA-256), the model (SHA-256 of its manifest), the options
and every committed part.  ``resume=True`` checks those and continues after the
last committed part.  At the end the parts are joined into OUT atomically and
the parts folder is removed, so OUT is either absent, the old file, or complete.
The result gives the wall seconds per stage (:mod:`~themesift.tagging.timing`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow.parquet as pq

from themesift.errors import ThemesiftError
from themesift.fsutil import atomic_path
from themesift.ingest import iter_question_chunks
from themesift.tagging.chunk import ChunkTagger, SurveyTagger, TaggedChunk, row_key
from themesift.tagging.timing import StageTimes, Stopwatch, timed
from themesift.tagging.write import XLSX_MAX_ROWS, assemble
from themesift.types import CleaningReport, Progress

log = logging.getLogger(__name__)

JOURNAL = "journal.json"
FORMAT = "themesift-tag-parts"
OUTPUTS = (".csv", ".parquet", ".jsonl", ".xlsx")


@dataclass(frozen=True)
class TagJob:
    """What to tag and how: the options a resumed run must share with the first."""

    path: Path
    out: Path
    text_cols: tuple[str, ...]  # one column per question the tagger knows, in its order
    id_col: str | None = None
    group_cols: tuple[str, ...] = ()
    chunksize: int = 50_000

    def options(self) -> dict[str, Any]:
        return {"text_cols": list(self.text_cols), "id_col": self.id_col,
                "group_cols": list(self.group_cols), "chunksize": self.chunksize}


@dataclass(frozen=True)
class StreamResult:
    """A finished tag run: ``seconds`` from start to end, ``stages`` where they went."""

    rows: int
    report: CleaningReport
    counts: dict[int, int]
    resumed_rows: int = 0
    seconds: float = 0.0
    notes: tuple[str, ...] = field(default=())
    stages: StageTimes = StageTimes()


def parts_dir(out: Path) -> Path:
    return out.with_name(out.name + ".parts")


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(8 * 1024**2):
            h.update(block)
    return h.hexdigest()


def estimate_rows(path: Path) -> int:
    """Rows in ``path``: exact for Parquet, else its line count (an upper bound for CSV)."""
    if path.suffix.lower() == ".parquet":
        try:
            return int(pq.ParquetFile(path).metadata.num_rows)
        except Exception:  # noqa: BLE001 - the reader reports a bad file properly later
            return 0
    lines = 0
    with path.open("rb") as fh:
        while block := fh.read(8 * 1024**2):
            lines += block.count(b"\n")
    return max(lines - (path.suffix.lower() in (".csv", ".tsv", ".txt")), 1)


def check_out(out: Path) -> None:
    if out.suffix.lower() not in OUTPUTS:
        raise ThemesiftError(f"cannot write {out.name}: unsupported file type "
                             f"(use {', '.join(OUTPUTS)})")
    if out.is_dir():
        raise ThemesiftError(f"cannot write {out}: it is a folder")


def run(job: TagJob, tagger: ChunkTagger | SurveyTagger, *, model_sha256: str,
        resume: bool = False, progress: Progress | None = None) -> StreamResult:
    """Tag ``job.path`` into ``job.out`` (see the module docstring); counts are output rows
    (respondent x question)."""
    check_out(job.out)
    started = time.perf_counter()
    watch = Stopwatch()
    with watch("read"):
        total = estimate_rows(job.path) * len(job.text_cols)
        if job.out.suffix.lower() == ".xlsx" and total > 4 * XLSX_MAX_ROWS:
            raise ThemesiftError(f"{job.path.name} has too many rows for .xlsx; "
                                 "use .csv or .parquet")
        journal = _Journal.open(job, model_sha256, resume)  # hashes the input
        seen = journal.seen_keys()
    done = journal.rows
    notes = (f"resumed after {done} rows already tagged",) if done else ()
    report = progress or (lambda stage, d, t: None)
    report("tag", done, max(total, done))
    survey = tagger if isinstance(tagger, SurveyTagger) else SurveyTagger([tagger])
    chunks = timed(iter_question_chunks(job.path, chunksize=job.chunksize,
                                        text_cols=job.text_cols, id_col=job.id_col,
                                        group_cols=job.group_cols), watch, "read")
    try:
        for index, corpora in enumerate(chunks):
            rows = len(corpora[0]) * len(corpora)  # respondent x question
            if index < len(journal.parts):
                if rows != journal.parts[index]["rows"]:
                    raise ThemesiftError(f"cannot resume: chunk {index + 1} of {job.path.name} "
                                         "differs from the interrupted run; run without --resume")
                continue
            chunk = survey.tag(corpora)
            watch.add(chunk.seconds)
            with watch("clean"):
                chunk = widen_duplicates(chunk, seen)
            with watch("write"):
                journal.commit(index, chunk)
            done += rows
            report("tag", done, max(total, done))
    except BaseException as exc:
        if journal.rows == 0 or isinstance(exc, ThemesiftError):
            # Nothing to resume, or bad input that must change first (and a changed
            # input cannot be resumed): leave no OUT.parts/ behind.
            shutil.rmtree(journal.folder, ignore_errors=True)
        elif isinstance(exc, KeyboardInterrupt):
            log.warning("interrupted: %d rows are committed in %s; run the same command with "
                        "--resume to continue", journal.rows, journal.folder)
        raise
    report("tag", done, done)
    if done == 0:
        shutil.rmtree(journal.folder, ignore_errors=True)
        raise ThemesiftError(f"{job.path.name} has no rows")
    with watch("write"):
        assemble(journal.parts_paths(), job.out)
        summary = journal.summary()
        shutil.rmtree(journal.folder, ignore_errors=True)
    return StreamResult(rows=done, report=summary[0], counts=summary[1],
                        resumed_rows=journal.resumed_rows,
                        seconds=time.perf_counter() - started, notes=notes,
                        stages=watch.times())


def widen_duplicates(chunk: TaggedChunk, seen: set[int]) -> TaggedChunk:
    """Flag rows whose text appeared in an earlier chunk too; add this chunk's keys to ``seen``."""
    earlier = np.fromiter((k != 0 and k in seen for k in chunk.keys.tolist()), dtype=bool,
                          count=len(chunk.keys))
    seen.update(k for k in chunk.keys.tolist() if k)
    if not earlier.any():
        return chunk
    frame = chunk.frame.copy()
    frame["duplicate"] = frame["duplicate"].to_numpy(dtype=bool) | earlier
    report = chunk.report.with_duplicates(int(frame["duplicate"].sum()))
    return TaggedChunk(frame=frame, keys=chunk.keys, report=report)


class _Journal:
    """``OUT.parts/journal.json`` and the committed Parquet parts it lists."""

    def __init__(self, folder: Path, header: dict[str, Any], parts: list[dict[str, Any]]) -> None:
        self.folder = folder
        self.header = header
        self.parts = parts
        self.resumed_rows = sum(p["rows"] for p in parts)

    @property
    def rows(self) -> int:
        return sum(int(p["rows"]) for p in self.parts)

    @classmethod
    def open(cls, job: TagJob, model_sha256: str, resume: bool) -> _Journal:
        folder = parts_dir(job.out)
        header = {"format": FORMAT, "version": 1,
                  "input": {"name": job.path.name, "size": job.path.stat().st_size,
                            "sha256": file_sha256(job.path)},
                  "model_sha256": model_sha256, "options": job.options()}
        old = cls._read(folder)
        if folder.exists() and old is None:
            raise ThemesiftError(f"{folder} exists and is not a themesift parts folder; "
                                 "move it away first")
        if resume and old is not None:
            why = _mismatch(old, header)
            if why:
                raise ThemesiftError(f"cannot resume from {folder}: {why}; "
                                     "run without --resume to start again")
            parts = _valid_parts(folder, old.get("parts", []))
            log.info("resuming: %d parts (%d rows) already tagged", len(parts),
                     sum(p["rows"] for p in parts))
            journal = cls(folder, header, parts)
        else:
            if old is not None:
                log.warning("discarding the parts of an earlier run in %s (use --resume to "
                            "continue it)", folder)
                shutil.rmtree(folder)
            journal = cls(folder, header, [])
        folder.mkdir(parents=True, exist_ok=True)
        journal._write()
        return journal

    @staticmethod
    def _read(folder: Path) -> dict[str, Any] | None:
        try:
            data = json.loads((folder / JOURNAL).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return None
        parts = data.get("parts", [])
        if not isinstance(parts, list) or not all(
                isinstance(p, dict) and type(p.get("rows")) is int for p in parts):
            return None  # hand-edited or damaged: not a parts folder to resume from
        return data

    def commit(self, index: int, chunk: TaggedChunk) -> None:
        name = f"part-{index:05d}.parquet"
        path = self.folder / name
        with atomic_path(path) as tmp:
            chunk.frame.to_parquet(tmp, index=False)
        counts = chunk.frame["primary_theme"].value_counts()
        self.parts.append({
            "file": name, "rows": len(chunk.frame), "sha256": file_sha256(path),
            "report": chunk.report.to_dict(),
            "counts": {str(k): int(v) for k, v in counts.items()},
        })
        self._write()

    def _write(self) -> None:
        with atomic_path(self.folder / JOURNAL) as tmp:
            tmp.write_text(json.dumps({**self.header, "parts": self.parts}, indent=1),
                           encoding="utf-8")

    def parts_paths(self) -> list[Path]:
        return [self.folder / p["file"] for p in self.parts]

    def seen_keys(self) -> set[int]:
        """Keys of the substantive texts in the committed parts (for duplicate flags)."""
        seen: set[int] = set()
        for path in self.parts_paths():
            table = pq.read_table(path, columns=["question", "status", "text"])
            for question, status, text in zip(table["question"].to_pylist(),
                                              table["status"].to_pylist(),
                                              table["text"].to_pylist(), strict=True):
                if status == "substantive":
                    seen.add(row_key(question, text))
        return seen

    def summary(self) -> tuple[CleaningReport, dict[int, int]]:
        reports = [CleaningReport.from_dict(p["report"]) for p in self.parts]
        counts: dict[int, int] = {}
        for p in self.parts:
            for k, v in p["counts"].items():
                counts[int(k)] = counts.get(int(k), 0) + int(v)
        return CleaningReport.combine(reports), counts


def _mismatch(old: dict[str, Any], new: dict[str, Any]) -> str:
    if old.get("input") != new["input"]:
        return f"the input file differs from the interrupted run's ({old.get('input', {})})"
    if old.get("model_sha256") != new["model_sha256"]:
        return "the model differs from the interrupted run's"
    if old.get("options") != new["options"]:
        return f"the options differ from the interrupted run's ({old.get('options')})"
    return ""


def _valid_parts(folder: Path, parts: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The committed parts, up to the first missing or damaged one."""
    good = []
    for i, part in enumerate(parts):
        path = folder / str(part.get("file", ""))
        if part.get("file") != f"part-{i:05d}.parquet" or not path.is_file() \
                or file_sha256(path) != part.get("sha256"):
            log.warning("part %d in %s is missing or damaged; tagging again from there", i, folder)
            break
        good.append(dict(part))
    return good
