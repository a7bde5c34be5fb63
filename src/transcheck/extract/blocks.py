"""What every format reader produces (blocks) and how blocks become segments.

A format reader turns a file into ``Block``s in document order: a kind
(title/lead/paragraph), raw text and the 1-based source line where it starts.
``to_segments`` then normalises text (NFC, whitespace runs collapsed, stripped, control
characters dropped, punctuation kept), drops blocks left empty, and numbers segments from 0.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from transcheck.extract.errors import ExtractError
from transcheck.model import Segment

_SPACE_RUN = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")

# A block of at least this many words reads like article text, not like a headline in a
# "Latest news" list; see ``trailing_chrome_start``.
BODY_TEXT_MIN_WORDS = 20


@dataclass(frozen=True)
class Block:
    kind: str  # "title", "lead" or "paragraph"
    text: str
    line: int | None = None


def normalise(text: str) -> str:
    """NFC, no control/zero-width characters, whitespace runs collapsed to one space, stripped."""
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", text)
    return _SPACE_RUN.sub(" ", text).strip()


def to_segments(blocks: Sequence[Block]) -> tuple[Segment, ...]:
    """Segments numbered in document order; ``ExtractError("no text found")`` if none remain."""
    segments: list[Segment] = []
    for block in blocks:
        text = normalise(block.text)
        if text:
            segments.append(
                Segment(index=len(segments), kind=block.kind, text=text, line=block.line)
            )
    if not segments:
        raise ExtractError("no text found")
    return tuple(segments)


class Boilerplate:
    """The settings' boilerplate regexes: a line is boilerplate when one matches all of it."""

    def __init__(self, patterns: Sequence[str]) -> None:
        try:
            self._patterns = [re.compile(p, re.IGNORECASE) for p in patterns]
        except re.error as exc:
            raise ExtractError(f"invalid boilerplate pattern: {exc}") from None

    def matches(self, text: str) -> bool:
        text = normalise(text)
        return any(p.fullmatch(text) for p in self._patterns)


def trailing_chrome_start(
    texts: Sequence[str], is_chrome: Sequence[bool], body_start: int
) -> int | None:
    """Index where the page's trailing chrome begins, or None.

    Page dumps end with site chrome: "Latest news" followed by a list of headlines and
    dates. The rule: the first boilerplate block after the body has begun (``index >=
    body_start``) after which no block reads like article text (``BODY_TEXT_MIN_WORDS``
    words) starts the trailing chrome; it and everything after it are dropped. A
    boilerplate block *followed* by article text (e.g. an inline "Read also: ...") is
    only dropped itself. Linear: one backward pass.
    """
    n = len(texts)
    long_after = [False] * (n + 1)
    for i in range(n - 1, -1, -1):
        long_after[i] = long_after[i + 1] or (
            not is_chrome[i] and len(texts[i].split()) >= BODY_TEXT_MIN_WORDS
        )
    for i in range(max(body_start, 0), n):
        if is_chrome[i] and not long_after[i + 1]:
            return i
    return None
