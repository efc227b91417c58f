"""all-MiniLM-L6-v2 run by ONNX Runtime, in float32 or int8 (:mod:`onnx_build` makes both).

``OnnxMiniLM(int8=False)`` gives PyTorch's vectors (cosine 1.000, ``bench/EMBED.md``)
about twice as fast, so it keeps MiniLM's model id: the embedding cache and models made
with either are interchangeable.  ``int8=True`` is faster still but its vectors differ a
little, so it has an id of its own (with a fingerprint of the quantised weights).  Its
activations are quantised per call, over the whole batch, so a text's int8 vector would
depend on the texts batched with it: int8 embeds one text per call (which is also its
fastest way, with no padding), so ``tag`` reproduces ``analyse`` exactly.  Float32 sorts
texts by length and batches them by characters, as :mod:`themesift.embed.minilm` does;
mean pooling over the tokens and unit length, as sentence-transformers does.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from themesift.embed.base import batch_done, default_cache_dir, normalise
from themesift.embed.minilm import MINILM_ID, token_batches
from themesift.embed.onnx_build import FP32, INFO, INT8, TOKENIZER, build
from themesift.errors import ThemesiftError
from themesift.types import FloatArray, Tick

FOLDER = "minilm-onnx"
DIMS = 384
# Texts per float32 call, at most: 300 texts/s against 242 in batches of 64 (less padding;
# bench/EMBED.md); a batch also holds at most token_batches' number of characters.
ONNX_BATCH = 16


class OnnxMiniLM:
    """MiniLM on ONNX Runtime; picklable (the session is rebuilt where it is unpickled)."""

    def __init__(self, *, int8: bool = False, batch_size: int = 64,
                 progress: Tick | None = None, folder: Path | None = None) -> None:
        self.int8 = int8
        self.batch_size = batch_size
        self.progress = progress
        self.folder = folder or default_cache_dir() / FOLDER
        self._session: Any = None
        self._tokenizer: Any = None
        self._fingerprint = ""

    @property
    def model_id(self) -> str:
        if not self.int8:
            return MINILM_ID
        self._load()
        return f"{MINILM_ID}+onnx-int8-{self._fingerprint}"

    def embed(self, texts: Sequence[str]) -> FloatArray:
        if not texts:
            return np.zeros((0, DIMS), dtype=np.float32)
        session, tokenizer = self._load()
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.empty((len(texts), DIMS), dtype=np.float32)
        reported = 0
        size = 1 if self.int8 else min(self.batch_size, ONNX_BATCH)
        for batch in token_batches([len(texts[i]) for i in order], size):
            rows = order[batch]
            enc = tokenizer.encode_batch([texts[i] for i in rows])
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
            hidden = session.run(None, {"input_ids": ids, "attention_mask": mask,
                                        "token_type_ids": np.zeros_like(ids)})[0]
            weights = mask[..., None].astype(np.float32)
            out[rows] = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
            reported = batch_done(batch.stop, len(texts), reported, self.progress)
        return normalise(out)

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_session": None, "_tokenizer": None, "progress": None}

    def _load(self) -> tuple[Any, Any]:
        if self._session is None:
            weights = self.folder / (INT8 if self.int8 else FP32)
            if not weights.is_file() or not (self.folder / INFO).is_file():
                build(self.folder)
            self._session, self._tokenizer = _open(self.folder, weights)
            if self.int8:
                self._fingerprint = hashlib.sha256(weights.read_bytes()).hexdigest()[:12]
        return self._session, self._tokenizer


def _open(folder: Path, weights: Path) -> tuple[Any, Any]:
    import onnxruntime as ort
    from tokenizers import Tokenizer

    try:
        info = json.loads((folder / INFO).read_text())
        tokenizer = Tokenizer.from_file(str(folder / TOKENIZER))
        tokenizer.enable_truncation(max_length=int(info["max_tokens"]))
        tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # noqa: S106 - a token name
        options = ort.SessionOptions()
        options.intra_op_num_threads = max(1, os.cpu_count() or 1)
        options.log_severity_level = 3  # errors only
        session = ort.InferenceSession(str(weights), options,
                                       providers=_providers(ort.get_available_providers()))
    except Exception as exc:  # noqa: BLE001 - ONNX Runtime, JSON and tokenizer errors alike
        raise ThemesiftError(f"the ONNX MiniLM in {folder} is unreadable "
                             f"({type(exc).__name__}); delete that folder to rebuild it") from None
    return session, tokenizer


def _providers(available: Sequence[str]) -> list[str]:
    """A GPU when ONNX Runtime has one, else the CPU."""
    return [p for p in ("CUDAExecutionProvider", "CPUExecutionProvider") if p in available]
