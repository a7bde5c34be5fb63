"""Read a version's file into segments (title, lead, paragraphs) in document order.

The format follows the extension: Markdown (``.md``, ``.markdown``; front matter YAML or
TOML), HTML (``.html``, ``.htm``; whole pages via trafilatura, fragments via html.parser)
and plain-text page dumps (``.txt``). Bytes are decoded by ``encoding.decode`` (UTF-8 with
or without BOM, UTF-16/32 with BOM, a page's declared charset, plausible cp1251).
Whitespace inside segments is collapsed and text NFC-normalised (``blocks.normalise``).
Every failure is an ``ExtractError`` with a one-line reason; the caller adds the path.
"""

from __future__ import annotations

from pathlib import Path

from transcheck.config import Settings
from transcheck.extract.blocks import Block, to_segments
from transcheck.extract.encoding import decode
from transcheck.extract.errors import ExtractError
from transcheck.extract.html import declared_charset, read_html
from transcheck.extract.markdown import read_markdown
from transcheck.extract.text import read_text
from transcheck.model import Version

__all__ = ["SUPPORTED_SUFFIXES", "ExtractError", "read_version", "segments_from_text"]

MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
TEXT_SUFFIXES = (".txt",)
SUPPORTED_SUFFIXES = MARKDOWN_SUFFIXES + HTML_SUFFIXES + TEXT_SUFFIXES


def read_version(path: Path, lang: str, rel_path: str, settings: Settings) -> Version:
    """The segments of one language version; raises ExtractError (or OSError) if unreadable."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ExtractError(
            f"unsupported file type {suffix or '(none)'}; expected one of {', '.join(SUPPORTED_SUFFIXES)}"
        )
    data = path.read_bytes()
    if not data.strip():
        raise ExtractError("no text found (empty file)")
    text, encoding = decode(data, declared_charset(data) if suffix in HTML_SUFFIXES else None)
    segments = to_segments(segments_from_text(text, suffix, settings))
    return Version(lang=lang, path=path, rel_path=rel_path, segments=segments, encoding=encoding)


def segments_from_text(text: str, suffix: str, settings: Settings) -> list[Block]:
    """The raw blocks of already-decoded ``text`` in the format ``suffix`` names."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if suffix in MARKDOWN_SUFFIXES:
        return read_markdown(text)
    if suffix in HTML_SUFFIXES:
        return read_html(text, settings)
    return read_text(text, settings)
