"""The JSON contract (public: CI users parse it). Add fields, never rename.

Schema: ``src/transcheck/schemas/report.schema.json``. Output is deterministic:
keys in a fixed order, lists in document order, no timestamps.
"""

from __future__ import annotations

import json
from typing import Any

from transcheck import __version__
from transcheck.model import ArticleResult, Finding, RunResult


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.label,
        "lang": finding.lang,
        "segments": {lang: list(idx) for lang, idx in sorted(finding.segments.items())},
        "message": finding.message,
        "details": dict(finding.details),
    }


def article_to_dict(result: ArticleResult, languages: list[str]) -> dict[str, Any]:
    article = result.article
    versions = {}
    for lang in languages:
        version = article.versions.get(lang)
        if version is None:
            continue
        versions[lang] = {
            "path": version.rel_path,
            "encoding": version.encoding,
            "segments": [
                {"index": s.index, "kind": s.kind, "text": s.text, "line": s.line} for s in version.segments
            ],
        }
    present = [lang for lang in languages if lang in article.versions]
    return {
        "id": article.id,
        "versions": versions,
        "missing_versions": list(article.missing),
        "alignment": [{lang: list(row.get(lang, ())) for lang in present} for row in result.alignment],
        "findings": [finding_to_dict(f) for f in result.findings],
    }


def to_dict(result: RunResult) -> dict[str, Any]:
    configured = result.settings.get("languages", [])
    languages = [str(lang) for lang in configured] if isinstance(configured, (list, tuple)) else []
    return {
        "tool": {"name": "transcheck", "version": __version__},
        "settings": dict(result.settings),
        "articles": [article_to_dict(a, languages) for a in result.articles],
        "errors": [{"path": e.path, "message": e.message} for e in result.errors],
        "summary": {
            "articles": len(result.articles),
            "findings": result.count_by_severity(),
            # Added in 0.1: findings silenced by inline markers / the baseline file.
            "suppressed": {
                "inline": int(result.suppressed.get("inline", 0)),
                "baseline": int(result.suppressed.get("baseline", 0)),
            },
        },
    }


def render(result: RunResult) -> str:
    return json.dumps(to_dict(result), ensure_ascii=False, indent=2) + "\n"
