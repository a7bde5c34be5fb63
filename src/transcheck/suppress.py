"""Inline suppressions: a marker in a source file silences one finding, with a reason.

Syntax (one marker per line, on its own line; see docs/suppressions.md)::

    <!-- transcheck: ignore number-mismatch -- reason: figure updated after translation -->
    # transcheck: ignore TC101, TC102 -- the be edition drops the sidebar on purpose

* ``<!-- ... -->`` works in Markdown and HTML; ``# ...`` in plain text (in Markdown a ``#``
  line is a heading, so there only the comment form is recognised).
* ``ignore`` applies to the next segment of that version: a finding is silenced when it has
  one of the listed checks (code or name) and quotes that segment.
* ``ignore-article`` applies to every finding of the listed checks in the whole article
  (e.g. a deliberately missing version: put it in a version that exists).
* The reason follows ``--`` (an optional ``reason:`` prefix is dropped). A marker without a
  reason, with no or unknown checks, or with no segment after it does not silence anything
  and is itself reported as TC900 ``bad-suppression``: silencing must say why.

Extractors must not turn marker lines into segments: Markdown/HTML comments are dropped by
the extractors anyway, and the plain-text extractor skips lines that ``is_marker_line``
accepts. Suppressions are applied after the checks ran (``apply``), so checks never see them.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from transcheck.model import Article, ArticleResult, Finding, Version

_HTML_MARKER = re.compile(r"^\s*<!--\s*transcheck\s*:(?P<body>.*?)-->\s*$", re.IGNORECASE)
_HASH_MARKER = re.compile(r"^\s*#\s*transcheck\s*:(?P<body>.*)$", re.IGNORECASE)
_HASH_SUFFIXES = {".md", ".markdown", ".html", ".htm", ".xhtml"}
ACTIONS = ("ignore", "ignore-article")
BAD_SUPPRESSION_CODE = (
    "TC900"  # transcheck.checks.control.BadSuppression: never silenced by a marker
)
# Characters of a segment's start used to find it in the raw file when its line is unknown.
_PROBE_CHARS = 40


@dataclass(frozen=True)
class Marker:
    lang: str
    line: int  # 1-based line of the marker in its file
    action: str  # "ignore" | "ignore-article" | "" when unparsable
    checks: tuple[str, ...]  # as written (codes or names)
    reason: str
    target: int | None  # index of the segment it precedes (for "ignore")
    problem: str | None  # why it cannot be used, or None if valid

    def covers(self, finding: Finding) -> bool:
        return finding.code.upper() in {c.upper() for c in self.checks} or finding.name.lower() in {
            c.lower() for c in self.checks
        }


def is_marker_line(line: str, hash_comments: bool = True) -> bool:
    """True for a line that is a transcheck marker (extractors drop such lines)."""
    return bool(_HTML_MARKER.match(line) or (hash_comments and _HASH_MARKER.match(line)))


def parse_body(body: str) -> tuple[str, tuple[str, ...], str, str | None]:
    """(action, checks, reason, problem) of the text after ``transcheck:``."""
    head, _, reason = body.partition("--")
    reason = reason.strip()
    if reason.lower().startswith("reason:"):
        reason = reason[len("reason:") :].strip()
    words = head.strip().split(None, 1)
    action = words[0].lower() if words else ""
    checks = tuple(c for c in re.split(r"[\s,]+", words[1] if len(words) > 1 else "") if c)
    problem: str | None = None
    if action not in ACTIONS:
        problem = f"unknown action {action!r} (use ignore or ignore-article)"
    elif not checks:
        problem = "names no check (write e.g. 'ignore number-mismatch -- reason')"
    elif not reason:
        problem = "gives no reason (add '-- reason: why this is fine')"
    else:
        from transcheck.checks.registry import find_check

        unknown = [c for c in checks if find_check(c) is None]
        if unknown:
            problem = f"names unknown check(s) {', '.join(unknown)}"
    return action, checks, reason, problem


def _read_lines(version: Version) -> list[str]:
    try:
        return version.path.read_text(encoding=version.encoding, errors="replace").splitlines()
    except (OSError, LookupError):
        return []


def _segment_lines(version: Version, lines: Sequence[str]) -> list[int | None]:
    """Each segment's start line; found by text search when the extractor did not record it."""
    known = [s.line for s in version.segments]
    if all(line is not None for line in known):
        return known
    squashed = [" ".join(line.split()) for line in lines]
    out: list[int | None] = []
    start = 0
    for segment, line in zip(version.segments, known):
        if line is None:
            probe = segment.text[:_PROBE_CHARS]
            for i in range(start, len(squashed)):
                if probe and probe in squashed[i]:
                    line = i + 1
                    break
        if line is not None:
            start = line - 1
        out.append(line)
    return out


def scan(version: Version) -> list[Marker]:
    """The markers in one version's file, each tied to the segment that follows it."""
    lines = _read_lines(version)
    hash_ok = Path(version.path).suffix.lower() not in _HASH_SUFFIXES
    seg_lines = _segment_lines(version, lines)
    markers: list[Marker] = []
    for number, text in enumerate(lines, 1):
        match = _HTML_MARKER.match(text) or (_HASH_MARKER.match(text) if hash_ok else None)
        if match is None:
            continue
        action, checks, reason, problem = parse_body(match.group("body"))
        # ">=": an extractor that keeps a comment inside the block starts the block on the marker line.
        target = next(
            (i for i, ln in enumerate(seg_lines) if ln is not None and ln >= number), None
        )
        if problem is None and action == "ignore" and target is None:
            problem = "precedes no segment"
        markers.append(Marker(version.lang, number, action, checks, reason, target, problem))
    return markers


def markers_of(article: Article) -> list[Marker]:
    return [m for lang in sorted(article.versions) for m in scan(article.versions[lang])]


def _silences(marker: Marker, finding: Finding) -> bool:
    if (
        marker.problem is not None
        or not marker.covers(finding)
        or finding.code == BAD_SUPPRESSION_CODE
    ):
        return False
    if marker.action == "ignore-article":
        return True
    return marker.target in finding.segments.get(marker.lang, ())


def filter_findings(
    findings: Iterable[Finding], markers: Sequence[Marker]
) -> tuple[list[Finding], int]:
    kept: list[Finding] = []
    dropped = 0
    for finding in findings:
        if any(_silences(m, finding) for m in markers):
            dropped += 1
        else:
            kept.append(finding)
    return kept, dropped


def apply(result: ArticleResult) -> tuple[ArticleResult, int]:
    """The article's result without silenced findings, and how many were silenced."""
    if not result.findings:
        return result, 0
    markers = markers_of(result.article)
    if not markers:
        return result, 0
    kept, dropped = filter_findings(result.findings, markers)
    return dataclasses.replace(result, findings=tuple(kept)), dropped
