"""The data that flows through transcheck: corpus → extract → embed → align → checks → report.

Everything here is immutable and knows nothing about presentation: findings never
format themselves (reporters do), checks never print.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

# Kinds of segment an extractor may produce, in document order.
SEGMENT_KINDS = ("title", "lead", "paragraph")


class Severity(enum.IntEnum):
    """Ordered so that ``severity >= Severity.WARNING`` reads naturally."""

    INFO = 0
    WARNING = 1
    ERROR = 2

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (expected error, warning or info)") from None


@dataclass(frozen=True)
class Segment:
    """One unit of an article version: its title, its lead, or one paragraph."""

    index: int  # per version, from 0 in document order (title and lead included)
    kind: str  # one of SEGMENT_KINDS
    text: str
    line: int | None = None  # 1-based line of the segment's start in the source file, if known


@dataclass(frozen=True)
class Version:
    """One language version of an article, read into segments."""

    lang: str
    path: Path  # as found on disk
    rel_path: str  # POSIX path relative to the corpus root: what reports show
    segments: tuple[Segment, ...]
    encoding: str = "utf-8"


@dataclass(frozen=True)
class ArticleSource:
    """An article found in the corpus: its id and the file of each language version it has."""

    id: str  # path under the corpus root, language tag and extension removed
    root: Path
    paths: Mapping[str, Path]  # lang -> file; languages without a file are missing versions


@dataclass(frozen=True)
class Article:
    """An article whose available versions have been read."""

    id: str
    versions: Mapping[str, Version]  # only the versions that exist and could be read
    missing: tuple[str, ...] = ()  # configured languages with no readable version


# One row of a joint alignment: for each language, the indices of the segments in
# that row (empty tuple = nothing in this version corresponds).
AlignmentRow = Mapping[str, tuple[int, ...]]


@dataclass(frozen=True)
class Finding:
    """A problem found in an article. The stable ``code``/``name`` pair identifies the check."""

    code: str  # stable, e.g. "TC101"
    name: str  # stable, e.g. "missing-segment"
    severity: Severity
    article: str  # article id
    lang: str | None  # version at fault; None where none can be singled out
    segments: Mapping[str, tuple[int, ...]]  # lang -> segment indices involved
    message: str  # one plain sentence; reporters decide how to show it
    # Machine-readable evidence for reporters to highlight (e.g. the differing
    # numbers, the dropped sentence). Values are JSON-serialisable.
    details: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class InputError:
    """An input that could not be read. The run goes on with the rest."""

    path: str
    message: str


@dataclass(frozen=True)
class ArticleResult:
    article: Article
    alignment: tuple[AlignmentRow, ...]
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class RunResult:
    """Everything one ``transcheck check`` run produced; the only input reporters get."""

    settings: Mapping[str, object]  # the signature: model, languages, every threshold, version
    articles: tuple[ArticleResult, ...]
    errors: tuple[InputError, ...]
    # Findings left out of ``articles``, by cause: "inline" (source markers, see
    # transcheck.suppress) and "baseline" (transcheck.baseline). Reporters show the counts.
    suppressed: Mapping[str, int] = field(default_factory=dict)

    def count_by_severity(self) -> dict[str, int]:
        counts = {s.label: 0 for s in sorted(Severity, reverse=True)}
        for result in self.articles:
            for finding in result.findings:
                counts[finding.severity.label] += 1
        return counts

    def worst(self) -> Severity | None:
        severities = [f.severity for r in self.articles for f in r.findings]
        return max(severities) if severities else None
