"""Spare processes that run spaCy on a share of the texts, beside the caller.

spaCy runs on one core, and it is the slowest part of cleaning (NER for names)
and of labelling (tagger and parser for candidate phrases).  ``split_work``
cuts the texts into contiguous shares of about equal length: the calling
process does the first share itself while worker processes do the others, so
on a 2-core laptop the work takes about 60% of the time it takes in one
process.  spaCy reads each text on its own, so the result is the same however
the texts are split (tests check this).  This module is only the pool: the
jobs a worker knows (``names`` for redaction, ``terms`` for labels) are
registered in :mod:`themesift.spacy_worker`, the workers' entry point, so the
pool imports no stage.

The workers are plain child processes (``python -m themesift.spacy_worker``, each
loading only spaCy and the model, about 300 MB) that read lists of texts on
stdin and write the spans found on stdout, both pickled between these two
processes only.  They are started once per process, kept for later calls and
stopped at exit or when their stdin closes.  They are not used

* when the work is small (starting a worker costs a few seconds),
* inside a daemonic process (a Dask worker),
* when ``THEMESIFT_WORKERS=1`` (or the machine has one core),

and any failure of a worker (it died, it cannot start) falls back to doing that
share in the calling process, with a warning in the log.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing as mp
import os
import pickle
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

logger = logging.getLogger(__name__)

WORKER_MODULE = "themesift.spacy_worker"  # the child's entry point (it knows the jobs)
MIN_CHARS_PER_SHARE = 40_000  # below this a worker's start-up costs more than it saves
MAX_WORKERS = 4  # processes in all, the caller included

Spans = list[tuple[int, int]]
LocalFn = Callable[[Sequence[str]], list[Any]]

_workers: list[_Worker] = []
_broken = False
_busy = threading.Lock()  # one caller at a time uses the workers (the app has threads)


class _Spent(threading.local):
    """Per thread: job -> wall seconds spent in :func:`split_work` (see :func:`seconds_in`)."""

    def __init__(self) -> None:
        self.by_job: dict[str, float] = {}


_spent = _Spent()


def default_workers() -> int:
    """Processes for spaCy, the caller included: ``THEMESIFT_WORKERS`` or the cores (<= 4)."""
    raw = os.environ.get("THEMESIFT_WORKERS", "")
    if raw.strip().isdigit() and int(raw) > 0:
        return min(int(raw), MAX_WORKERS)
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


def shares(lengths: Sequence[int], parts: int) -> list[range]:
    """Cut ``range(len(lengths))`` into at most ``parts`` contiguous runs of similar total."""
    total = sum(lengths)
    out: list[range] = []
    start = 0
    acc = 0
    for i, n in enumerate(lengths):
        acc += n
        if len(out) < parts - 1 and acc * parts >= total * (len(out) + 1):
            out.append(range(start, i + 1))
            start = i + 1
    if start < len(lengths):
        out.append(range(start, len(lengths)))
    return out


class _Worker:
    """One child process running a job ("names" or "terms") on the texts it is sent."""

    def __init__(self) -> None:
        env = {**os.environ, "HF_HUB_OFFLINE": "1", "THEMESIFT_WORKERS": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", WORKER_MODULE], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        self._sender: threading.Thread | None = None
        self._send_error: BaseException | None = None

    def alive(self) -> bool:
        return self.proc.poll() is None

    def send(self, job: str, texts: list[str]) -> None:
        """Start sending a request (in a thread: the child may still be loading)."""
        def write() -> None:
            try:
                assert self.proc.stdin is not None
                pickle.dump((job, texts), self.proc.stdin, protocol=pickle.HIGHEST_PROTOCOL)
                self.proc.stdin.flush()
            except BaseException as exc:  # noqa: BLE001 - reported by receive()
                self._send_error = exc

        self._send_error = None
        self._sender = threading.Thread(target=write, daemon=True)
        self._sender.start()

    def receive(self) -> list[Any]:
        assert self._sender is not None and self.proc.stdout is not None
        self._sender.join()
        if self._send_error is not None:
            raise RuntimeError(f"cannot send texts: {self._send_error}")
        try:
            result: Any = pickle.load(self.proc.stdout)
        except (EOFError, pickle.UnpicklingError) as exc:
            raise RuntimeError(f"no answer (exit code {self.proc.poll()})") from exc
        if isinstance(result, str):
            raise RuntimeError(result)
        return result  # type: ignore[no-any-return]

    def stop(self) -> None:
        try:
            if self.proc.stdin is not None:
                self.proc.stdin.close()
            self.proc.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()


def _get_workers(n: int) -> list[_Worker]:
    global _broken
    if _broken or n < 1 or mp.current_process().daemon:
        return []
    _workers[:] = [w for w in _workers if w.alive()]
    try:
        while len(_workers) < n:
            _workers.append(_Worker())
    except OSError as exc:
        logger.warning("cannot start a spaCy worker (%s); running spaCy in one process", exc)
        _broken = True
    return _workers[:n]


def shutdown() -> None:
    """Stop the worker processes (they are also stopped at exit)."""
    while _workers:
        _workers.pop().stop()


atexit.register(shutdown)


def split_work(job: str, texts: Sequence[str], local: LocalFn, workers: int) -> list[Any]:
    """``local(texts)``, with shares of the work done by up to ``workers - 1`` processes.

    ``local`` runs ``job`` in this process; the workers run the same job with
    the default spaCy model (:func:`themesift.nlp.load_nlp`).
    """
    started = time.perf_counter()
    try:
        return _share(job, texts, local, workers)
    finally:
        _spent.by_job[job] = seconds_in(job) + time.perf_counter() - started


def seconds_in(job: str) -> float:
    """Wall seconds this thread has spent in :func:`split_work` on ``job`` so far: its own
    share and the wait for the workers'.  A caller times a stage by the difference."""
    return _spent.by_job.get(job, 0.0)


def _share(job: str, texts: Sequence[str], local: LocalFn, workers: int) -> list[Any]:
    parts = min(workers, sum(map(len, texts)) // MIN_CHARS_PER_SHARE)
    if parts < 2 or not _busy.acquire(blocking=False):
        return local(texts)
    try:
        return _split(job, texts, local, parts)
    finally:
        _busy.release()


def _split(job: str, texts: Sequence[str], local: LocalFn, parts: int) -> list[Any]:
    global _broken
    helpers = _get_workers(parts - 1)
    if not helpers:
        return local(texts)
    runs = shares([len(t) for t in texts], len(helpers) + 1)
    for worker, run in zip(helpers, runs[1:], strict=False):
        worker.send(job, [texts[i] for i in run])
    out = local([texts[i] for i in runs[0]])
    for worker, run in zip(helpers, runs[1:], strict=False):
        try:
            out.extend(worker.receive())
        except RuntimeError as exc:
            logger.warning("a spaCy worker failed (%s); doing its share in this process", exc)
            _broken = True
            worker.stop()
            out.extend(local([texts[i] for i in run]))
    return out
