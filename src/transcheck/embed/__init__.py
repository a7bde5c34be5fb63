"""Sentence embeddings: an ``Embedder`` interface, two backends and a persistent cache."""

from transcheck.embed.base import Embedder, EmbedderError, load_embedder
from transcheck.embed.cache import CachedEmbedder, EmbeddingCache

__all__ = ["CachedEmbedder", "Embedder", "EmbedderError", "EmbeddingCache", "load_embedder"]
