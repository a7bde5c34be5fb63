"""A persistent embedding cache, and the embedder wrapper that never embeds a text twice.

Vectors are stored in one SQLite file, keyed by sha256(model identity, text): a second run
over an unchanged corpus embeds nothing, and a model change can never serve stale vectors.

``ResultCache`` applies the same convention (same folder, sha256(identity, text) keys, WAL,
a corrupt file moved aside) to small per-text results other than vectors — language
identification (``transcheck.langid``), whose high-accuracy model costs seconds to load on a
warm run that would otherwise only need it for a couple of segments.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import numpy as np

from transcheck.embed.base import Embedder, Vectors

CACHE_ENV = "TRANSCHECK_CACHE_DIR"
_FILE = "embeddings-v1.sqlite3"
# Texts sent to the model per call: small enough for a smooth progress bar,
# large enough that per-call overhead stays negligible.
_CHUNK = 64

ProgressCallback = Callable[[int, int], None]  # (texts embedded so far, texts to embed)


def default_cache_dir() -> Path:
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("transcheck"))


def _key(identity: str, text: str) -> bytes:
    return hashlib.sha256(identity.encode() + b"\x00" + text.encode("utf-8")).digest()


class EmbeddingCache:
    """Vectors on disk. Safe for concurrent runs (SQLite WAL); a broken file is rebuilt, not fatal."""

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / _FILE
        self._db = _connect(self.path, "CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, dim INTEGER, vec BLOB)")

    def get_many(self, identity: str, texts: Iterable[str]) -> dict[str, Vectors]:
        wanted = {_key(identity, t): t for t in texts}
        found: dict[str, Vectors] = {}
        keys = list(wanted)
        for start in range(0, len(keys), 500):  # SQLite's bound-parameter limit
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for key, dim, blob in self._db.execute(
                f"SELECT key, dim, vec FROM vectors WHERE key IN ({marks})", chunk
            ):
                found[wanted[key]] = np.frombuffer(blob, dtype=np.float32).reshape(dim)
        return found

    def put_many(self, identity: str, items: Iterable[tuple[str, Vectors]]) -> None:
        rows = [(_key(identity, t), int(v.shape[0]), v.astype(np.float32).tobytes()) for t, v in items]
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)", rows)

    def close(self) -> None:
        self._db.close()


def _connect(path: Path, schema: str) -> sqlite3.Connection:
    def open_db() -> sqlite3.Connection:
        db = sqlite3.connect(path, timeout=30)
        db.execute("PRAGMA journal_mode=WAL")
        # WAL + synchronous=NORMAL: no fsync per commit (the cold run commits once per chunk of
        # 64 texts; fsyncs cost 5.5 s of a loaded cold run), still never corrupt; a power cut
        # can only lose the last commits — re-embedded next time, as a cache may be.
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute(schema)
        return db

    try:
        return open_db()
    except sqlite3.DatabaseError:
        # A corrupt cache only costs time: move it aside (never delete data silently).
        path.replace(path.with_suffix(".corrupt"))
        return open_db()


class ResultCache:
    """Small text results (JSON strings) on disk, keyed by sha256(identity, text).

    One SQLite file per kind (``name``) beside the embeddings, so the embedding file's
    format is untouched. ``identity`` must name everything the result depends on (library
    version, settings, code revision): a change of any of them is a different key, never a
    stale result. Writes are buffered (``put``) and committed in one transaction by ``flush``.
    """

    def __init__(self, directory: Path, name: str) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / name
        self._db = _connect(self.path, "CREATE TABLE IF NOT EXISTS results (key BLOB PRIMARY KEY, value TEXT)")
        self._pending: dict[bytes, str] = {}

    def get_many(self, identity: str, texts: Iterable[str]) -> dict[str, str]:
        wanted = {_key(identity, t): t for t in texts}
        found = {wanted[k]: v for k, v in self._pending.items() if k in wanted}
        keys = [k for k in wanted if k not in self._pending]
        for start in range(0, len(keys), 500):  # SQLite's bound-parameter limit
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for key, value in self._db.execute(f"SELECT key, value FROM results WHERE key IN ({marks})", chunk):
                found[wanted[key]] = value
        return found

    def put(self, identity: str, text: str, value: str) -> None:
        self._pending[_key(identity, text)] = value

    def flush(self) -> None:
        if self._pending:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?)", list(self._pending.items()))
            self._pending.clear()

    def close(self) -> None:
        self.flush()
        self._db.close()


class CachedEmbedder:
    """Wraps an Embedder: deduplicates, reads the cache, embeds only what is new.

    ``computed`` counts texts actually sent to the model over this object's life;
    the tests use it to show that a warm run embeds nothing.
    """

    def __init__(self, inner: Embedder, cache: EmbeddingCache | None) -> None:
        self.inner = inner
        self.cache = cache
        self.computed = 0
        self._memory: dict[str, Vectors] = {}

    @property
    def identity(self) -> str:
        return self.inner.identity

    @property
    def dim(self) -> int:
        return self.inner.dim

    def embed(self, texts: Sequence[str], progress: ProgressCallback | None = None) -> Vectors:
        unique = [t for t in dict.fromkeys(texts) if t not in self._memory]
        if unique and self.cache is not None:
            self._memory.update(self.cache.get_many(self.identity, unique))
            unique = [t for t in unique if t not in self._memory]
        done = 0
        if progress is not None:
            progress(0, len(unique))
        for start in range(0, len(unique), _CHUNK):
            chunk = unique[start : start + _CHUNK]
            vectors = self.inner.embed(chunk)
            self.computed += len(chunk)
            pairs = list(zip(chunk, vectors))
            self._memory.update(pairs)
            if self.cache is not None:
                self.cache.put_many(self.identity, pairs)
            done += len(chunk)
            if progress is not None:
                progress(done, len(unique))
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._memory[t] for t in texts]).astype(np.float32, copy=False)
