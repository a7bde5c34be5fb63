"""Read a version's file into segments (placeholder)."""

from __future__ import annotations

from pathlib import Path

from transcheck.config import Settings
from transcheck.model import Version


class ExtractError(ValueError):
    """A file cannot be read into segments; the message says why (the caller adds the path)."""


def read_version(path: Path, lang: str, rel_path: str, settings: Settings) -> Version:
    raise NotImplementedError
