"""`transcheck align A B [C]`: read two or three files and align them jointly.

The language of each file comes from its name tag (``x.en.md`` → ``en``) unless
``languages`` gives them in file order. Rendering is the reporters' job
(:mod:`transcheck.report.alignment`); this module only produces the data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from transcheck.align import align_versions
from transcheck.config import Settings
from transcheck.embed.cache import CachedEmbedder
from transcheck.model import AlignmentRow, Version


class AlignInputError(ValueError):
    """The files or languages given cannot be aligned; the message says why."""


@dataclass(frozen=True)
class FileAlignment:
    versions: dict[str, Version]  # in the order the files were given
    rows: tuple[AlignmentRow, ...]


def language_of(path: Path) -> str | None:
    """The language tag in a file name: the last suffix before the extension (x.en.md → en)."""
    suffixes = path.suffixes
    if len(suffixes) >= 2:
        tag = suffixes[-2].lstrip(".").lower()
        if 2 <= len(tag) <= 3 and tag.isalpha():
            return tag
    return None


def resolve_languages(paths: Sequence[Path], languages: Sequence[str] | None) -> list[str]:
    if not 2 <= len(paths) <= 3:
        raise AlignInputError(f"align takes two or three files, got {len(paths)}")
    if languages:
        if len(languages) != len(paths):
            raise AlignInputError(
                f"--languages names {len(languages)} language(s) for {len(paths)} file(s)"
            )
        langs = list(languages)
    else:
        found = [language_of(p) for p in paths]
        missing = [str(p) for p, lang in zip(paths, found) if lang is None]
        if missing:
            raise AlignInputError(
                f"no language tag in {', '.join(missing)} (name files like x.en.md or pass --languages)"
            )
        langs = [lang for lang in found if lang is not None]
    if len(set(langs)) != len(langs):
        raise AlignInputError(f"languages repeat: {langs}; pass --languages to name them")
    return langs


def align_files(
    paths: Sequence[Path],
    languages: Sequence[str] | None,
    settings: Settings,
    embedder: CachedEmbedder,
) -> FileAlignment:
    """Read each file as a version (any supported format) and align the versions jointly."""
    from transcheck.extract import read_version

    langs = resolve_languages(paths, languages)
    versions = {lang: read_version(path, lang, str(path), settings) for lang, path in zip(langs, paths)}
    texts = {lang: [s.text for s in v.segments] for lang, v in versions.items()}
    embedder.embed([t for lang in langs for t in texts[lang]])  # one deduplicated batch
    vectors = {lang: embedder.embed(texts[lang]) for lang in langs}
    kinds = {lang: [s.kind for s in v.segments] for lang, v in versions.items()}
    rows = align_versions(vectors, texts, embedder.embed, settings.thresholds, kinds)
    return FileAlignment(versions=versions, rows=rows)
