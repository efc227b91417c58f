"""Sentence embeddings: the contract and cache, MiniLM, a fast static model, and a registry."""

from themesift.embed.base import (
    Embedder,
    EmbeddingCache,
    default_cache_dir,
    embed_texts,
    normalise,
    release_memory,
    text_key,
)
from themesift.embed.select import EMBEDDERS, cache_for, get_embedder

__all__ = ["EMBEDDERS", "EmbeddingCache", "Embedder", "cache_for", "default_cache_dir",
           "embed_texts", "get_embedder", "normalise", "release_memory", "text_key"]
