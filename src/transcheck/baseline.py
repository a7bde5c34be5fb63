"""Baselines: record today's findings so that CI reports only new ones.

A finding's fingerprint must survive unrelated edits: it hashes the article id, the check
code, the version at fault and the *texts* of the segments the finding quotes (whitespace
normalised) — never segment indices or line numbers, which shift when a paragraph is added
above. Editing a quoted segment changes the fingerprint, and that is intended: the finding
is then about different text and deserves a fresh look.

Fingerprints are matched as a multiset: if the baseline holds a fingerprint twice and the run
produces it three times, one finding is new.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Any

from transcheck import __version__
from transcheck.model import Article, ArticleResult, Finding, RunResult

BASELINE_FORMAT = 1
DEFAULT_BASELINE = "transcheck-baseline.json"


class BaselineError(ValueError):
    """The baseline file cannot be read; the message names it."""


def _norm(text: str) -> str:
    return " ".join(text.split())


def fingerprint(article: Article, finding: Finding) -> str:
    """Stable identity of a finding across runs and line shifts (see module doc)."""
    parts = [article.id, finding.code, finding.lang or ""]
    for lang, indices in sorted(finding.segments.items()):
        version = article.versions.get(lang)
        texts = []
        for i in indices:
            if version is not None and 0 <= i < len(version.segments):
                texts.append(_norm(version.segments[i].text))
        parts.append(lang + "=" + "\x1f".join(texts))
    digest = hashlib.sha256("\x1e".join(parts).encode("utf-8")).hexdigest()
    return digest[:32]


def to_dict(result: RunResult) -> dict[str, Any]:
    entries = []
    for article in result.articles:
        for finding in article.findings:
            entries.append(
                {
                    "fingerprint": fingerprint(article.article, finding),
                    "article": article.article.id,
                    "code": finding.code,
                    "name": finding.name,
                    "lang": finding.lang,
                    "message": finding.message,
                }
            )
    entries.sort(key=lambda e: (e["article"], e["code"], e["lang"] or "", e["fingerprint"]))
    return {
        "tool": "transcheck",
        "transcheck_version": __version__,
        "format": BASELINE_FORMAT,
        "findings": entries,
    }


def render(result: RunResult) -> str:
    """The baseline file's text: deterministic, one entry per finding (message for humans only)."""
    return json.dumps(to_dict(result), ensure_ascii=False, indent=2) + "\n"


def load(path: Path) -> Counter[str]:
    """Fingerprints in a baseline file, with multiplicity."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc}") from exc
    if (
        not isinstance(data, dict)
        or data.get("tool") != "transcheck"
        or not isinstance(data.get("findings"), list)
    ):
        raise BaselineError(
            f"{path}: not a transcheck baseline (write one with `transcheck baseline`)"
        )
    if data.get("format") != BASELINE_FORMAT:
        raise BaselineError(f"{path}: baseline format {data.get('format')!r} is not supported")
    prints: Counter[str] = Counter()
    for entry in data["findings"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise BaselineError(f"{path}: baseline entry without a fingerprint: {entry!r}")
        prints[entry["fingerprint"]] += 1
    return prints


def apply(result: RunResult, known: Counter[str]) -> RunResult:
    """``result`` without the findings the baseline knows; their number goes to ``suppressed``."""
    remaining = Counter(known)
    dropped = 0
    articles: list[ArticleResult] = []
    for article in result.articles:
        kept: list[Finding] = []
        for finding in article.findings:
            fp = fingerprint(article.article, finding)
            if remaining[fp] > 0:
                remaining[fp] -= 1
                dropped += 1
            else:
                kept.append(finding)
        articles.append(dataclasses.replace(article, findings=tuple(kept)))
    suppressed = dict(result.suppressed)
    suppressed["baseline"] = suppressed.get("baseline", 0) + dropped
    return dataclasses.replace(result, articles=tuple(articles), suppressed=suppressed)
