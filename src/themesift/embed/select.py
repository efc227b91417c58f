"""Pick an embedder by its config name (``Config.embedder``), and its cache rule."""

from __future__ import annotations

from collections.abc import Callable

from themesift.embed.base import Embedder, EmbeddingCache
from themesift.embed.fast import FastEmbedder
from themesift.embed.minilm import MiniLMEmbedder
from themesift.embed.onnx import OnnxMiniLM
from themesift.errors import ThemesiftError
from themesift.types import Tick


def _minilm(batch_size: int, progress: Tick | None, build_progress: Tick | None) -> Embedder:
    return OnnxMiniLM(batch_size=batch_size, progress=progress)


def _minilm_int8(batch_size: int, progress: Tick | None, build_progress: Tick | None
                 ) -> Embedder:
    return OnnxMiniLM(int8=True, batch_size=batch_size, progress=progress)


def _minilm_torch(batch_size: int, progress: Tick | None, build_progress: Tick | None
                  ) -> Embedder:
    return MiniLMEmbedder(batch_size=batch_size, progress=progress)


def _fast(batch_size: int, progress: Tick | None, build_progress: Tick | None) -> Embedder:
    return FastEmbedder(progress=progress, build_progress=build_progress)


# Config name -> factory(batch_size, progress, build_progress).  "minilm" runs on ONNX
# Runtime and gives PyTorch's vectors ("minilm-torch", kept for comparison), about twice
# as fast; "minilm-int8" is quantised: faster, slightly different vectors, its own id.
EMBEDDERS: dict[str, Callable[[int, Tick | None, Tick | None], Embedder]] = {
    "minilm": _minilm,
    "minilm-int8": _minilm_int8,
    "minilm-torch": _minilm_torch,
    "fast": _fast,
}
# Embedders that are faster than reading their vectors back from the disk cache.
UNCACHED = frozenset({"fast"})


def get_embedder(name: str, *, batch_size: int = 64, progress: Tick | None = None,
                 build_progress: Tick | None = None) -> Embedder:
    """Look an embedder up by its config name.

    ``build_progress`` reports the one-off build of the fast embedder on first use.
    """
    factory = EMBEDDERS.get(name)
    if factory is None:
        raise ThemesiftError(f"unknown embedder '{name}'; choose one of: {', '.join(EMBEDDERS)}")
    return factory(batch_size, progress, build_progress)


def cache_for(name: str) -> EmbeddingCache | None:
    """The disk cache for embedder ``name``: none where embedding is faster than the cache."""
    return None if name in UNCACHED else EmbeddingCache()
