"""Where a finding points in the files: shared by the line-oriented reporters (SARIF, GitHub, JUnit).

A finding names segment indices per language; CI annotations want one file and one line.
The file is the version at fault when it exists. When that version lacks the content (a
missing segment), the line is the one after the nearest preceding aligned segment of that
version, so the annotation sits where the translation should have the text. When the whole
version is missing, the annotation goes to a sibling version (the first configured language
that exists), since there is no file to point at.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from transcheck.model import ArticleResult, Finding, Version


@dataclass(frozen=True)
class Location:
    version: Version
    line: int | None  # 1-based; None when unknown (reporters then omit the region)
    sibling: bool = False  # True when the finding's own version does not exist


def display_path(version: Version, base: Path | None = None) -> str:
    """POSIX path of the version relative to ``base`` (default: the working directory).

    CI systems resolve annotation paths against the checkout, which is where transcheck
    runs; when the file is outside ``base``, the corpus-relative path is the best guess.
    """
    base = Path.cwd() if base is None else base
    path = version.path
    try:
        absolute = path if path.is_absolute() else Path.cwd() / path
        rel = os.path.relpath(absolute.resolve(), base.resolve())
    except (OSError, ValueError):
        return version.rel_path
    if rel.startswith(".."):
        return version.rel_path
    return Path(rel).as_posix()


def _line(version: Version, index: int) -> int | None:
    if 0 <= index < len(version.segments):
        return version.segments[index].line
    return None


def _gap_line(result: ArticleResult, finding: Finding, lang: str) -> int | None:
    """Line in ``lang`` just after its last segment aligned before the finding's rows."""
    version = result.article.versions[lang]
    involved = {(other, i) for other, idx in finding.segments.items() for i in idx}
    previous: int | None = None
    for row in result.alignment:
        if any((other, i) in involved for other, idx in row.items() for i in idx):
            break
        if row.get(lang):
            previous = max(row[lang])
    if previous is None:
        return _line(version, 0) if version.segments else None
    after = previous + 1
    if after < len(version.segments):
        return version.segments[after].line
    return _line(version, previous)


def locate(result: ArticleResult, finding: Finding) -> Location | None:
    """The file and line to annotate for ``finding``; None if the article has no readable version."""
    versions = result.article.versions
    if finding.lang is not None and finding.lang in versions:
        version = versions[finding.lang]
        indices = finding.segments.get(finding.lang, ())
        if indices:
            return Location(version, _line(version, min(indices)))
        return Location(version, _gap_line(result, finding, finding.lang))
    # No version of its own: the first involved version, else the first existing one.
    for lang, indices in finding.segments.items():
        if lang in versions and indices:
            return Location(
                versions[lang],
                _line(versions[lang], min(indices)),
                sibling=finding.lang is not None,
            )
    if versions:
        version = next(iter(versions.values()))
        return Location(version, None, sibling=finding.lang is not None)
    return None
