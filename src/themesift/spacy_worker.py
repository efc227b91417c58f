"""Entry point of a spaCy worker process (``python -m themesift.spacy_worker``).

:mod:`themesift.nlp.workers` starts these processes and sends them
``(job, texts)`` requests; this module knows the jobs, so the pool itself
depends on no stage.  Requests and answers are pickled between the parent and
this child only; nothing is ever read from a user's path.
"""

from __future__ import annotations

import pickle
import sys
from collections.abc import Callable, Sequence
from typing import IO, Any

from themesift.clean import entity_spans
from themesift.nlp import load_nlp
from themesift.themes import analyse_texts

JOBS: dict[str, Callable[[Sequence[str], Any], list[Any]]] = {
    "names": entity_spans,  # named entities for redaction
    "terms": analyse_texts,  # candidate phrases and lemmas for labels
}


def serve(stdin: IO[bytes], stdout: IO[bytes]) -> None:
    """The worker's loop: (job, texts) in, results out, until stdin closes."""
    while True:
        try:
            job, texts = pickle.load(stdin)
        except EOFError:
            return
        try:
            result: Any = JOBS[job](texts, load_nlp())
        except Exception as exc:  # noqa: BLE001 - reported to the parent, which falls back
            result = f"{type(exc).__name__}: {exc}"
        pickle.dump(result, stdout, protocol=pickle.HIGHEST_PROTOCOL)
        stdout.flush()


if __name__ == "__main__":
    serve(sys.stdin.buffer, sys.stdout.buffer)
