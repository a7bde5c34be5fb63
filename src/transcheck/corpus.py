"""Find articles and their language versions in a content tree (placeholder)."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from transcheck.config import Settings
from transcheck.model import ArticleSource, InputError


def discover(paths: Sequence[Path], settings: Settings) -> tuple[list[ArticleSource], list[InputError]]:
    """Articles under ``paths`` (folders or single files), sorted by id, plus unusable inputs."""
    raise NotImplementedError
