"""Optional backend: any sentence-transformers model available locally (``pip install transcheck[st]``)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from transcheck.embed.base import EmbedderError, Vectors, normalise


class SentenceTransformerEmbedder:
    """A sentence-transformers model from a local path or the local Hugging Face cache.

    The hub is never contacted: HF_HUB_OFFLINE/TRANSFORMERS_OFFLINE are set before loading,
    so a model that is not on disk fails with a clear message instead of a download.
    """

    def __init__(self, name_or_path: str) -> None:
        if not name_or_path:
            raise EmbedderError("st: needs a model path or cached model name, e.g. st:/models/LaBSE")
        self._name = name_or_path
        self._model: Any = None
        self._dim: int | None = None

    @property
    def identity(self) -> str:
        # A local path is identified by its config files too, so retraining in place
        # invalidates the cache instead of serving stale vectors.
        path = Path(self._name)
        stamp = ""
        if path.is_dir():
            digest = hashlib.sha256()
            for name in sorted(p.name for p in path.iterdir() if p.suffix in (".json", ".safetensors", ".bin")):
                stat = (path / name).stat()
                digest.update(f"{name}:{stat.st_size}:{int(stat.st_mtime)}".encode())
            stamp = "@" + digest.hexdigest()[:12]
        return f"st/{self._name}{stamp}"

    def _load(self) -> Any:
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError as exc:
                raise EmbedderError(
                    "sentence-transformers is not installed: pip install 'transcheck[st]'"
                ) from exc
            try:
                self._model = SentenceTransformer(self._name, device="cpu")
            except Exception as exc:  # the library raises many types for "not found offline"
                raise EmbedderError(
                    f"cannot load sentence-transformers model {self._name!r} offline: {exc}"
                ) from exc
            # Renamed in sentence-transformers 6; keep working with 3-5.
            get_dim = getattr(self._model, "get_embedding_dimension", None) or (
                self._model.get_sentence_embedding_dimension
            )
            self._dim = int(get_dim() or 0)
        return self._model

    @property
    def dim(self) -> int:
        self._load()
        assert self._dim is not None
        return self._dim

    def embed(self, texts: Sequence[str]) -> Vectors:
        model = self._load()
        vectors = model.encode(list(texts), batch_size=32, convert_to_numpy=True, show_progress_bar=False)
        return normalise(vectors.reshape(len(texts), -1) if len(texts) else vectors.reshape(0, self.dim))
