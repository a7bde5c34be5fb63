"""Joint alignment of an article's language versions (placeholder: replaced by the real aligner)."""

from __future__ import annotations

from typing import Callable, Mapping, Sequence

from transcheck.config import Thresholds
from transcheck.embed.base import Vectors
from transcheck.model import AlignmentRow

EmbedFn = Callable[[Sequence[str]], Vectors]


def align_versions(
    vectors: Mapping[str, Vectors],
    texts: Mapping[str, Sequence[str]],
    embed: EmbedFn,
    thresholds: Thresholds,
) -> tuple[AlignmentRow, ...]:
    """One joint alignment of all versions: rows in document order, every language a key in every row."""
    langs = list(vectors)
    longest = max((len(texts[lang]) for lang in langs), default=0)
    return tuple(
        {lang: ((i,) if i < len(texts[lang]) else ()) for lang in langs} for i in range(longest)
    )
