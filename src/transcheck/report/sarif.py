"""SARIF 2.1.0 output, for GitHub code scanning and other SARIF viewers.

One result per finding; ``ruleId`` is the check code and every check is listed under
``tool.driver.rules`` with its help text (the check's docstring), so viewers can explain a
result without transcheck installed. Locations are relative URIs under the ``SRCROOT`` base
(the directory transcheck ran in, which in CI is the checkout). ``partialFingerprints`` carry
the baseline fingerprint, which survives line shifts, so code scanning tracks a finding
across commits the same way ``transcheck check --baseline`` does.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from transcheck import __version__
from transcheck.baseline import fingerprint
from transcheck.checks.registry import ALL_CHECKS
from transcheck.model import ArticleResult, Finding, RunResult, Severity
from transcheck.report.locate import display_path, locate

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
BASE_ID = "SRCROOT"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rules() -> list[dict[str, Any]]:
    rules = []
    for check in ALL_CHECKS:
        help_text = check.help()
        first = help_text.splitlines()[0] if help_text else check.name
        rule: dict[str, Any] = {
            "id": check.code,
            "name": check.name,
            "shortDescription": {"text": first},
            "fullDescription": {"text": help_text or first},
            "help": {
                "text": help_text + (f"\n\nExample: {check.example}" if check.example else "")
            },
            "defaultConfiguration": {"level": LEVELS[check.severity]},
            "properties": {"category": check.category, "tags": ["translation", check.category]},
        }
        rules.append(rule)
    return rules


def _result(
    article: ArticleResult, finding: Finding, rule_index: dict[str, int], base: Path | None
) -> dict[str, Any]:
    message = finding.message
    where = locate(article, finding)
    out: dict[str, Any] = {"ruleId": finding.code}
    if finding.code in rule_index:
        out["ruleIndex"] = rule_index[finding.code]
    out["level"] = LEVELS[finding.severity]
    if where is not None and where.sibling:
        message += f" (reported at the {where.version.lang} version: the {finding.lang} file does not exist)"
    out["message"] = {"text": f"{article.article.id}: {message}"}
    if where is not None:
        physical: dict[str, Any] = {
            "artifactLocation": {"uri": display_path(where.version, base), "uriBaseId": BASE_ID}
        }
        if where.line is not None:
            physical["region"] = {"startLine": where.line}
        out["locations"] = [{"physicalLocation": physical}]
    out["partialFingerprints"] = {"transcheck/v1": fingerprint(article.article, finding)}
    out["properties"] = {
        "article": article.article.id,
        "lang": finding.lang,
        "name": finding.name,
        "segments": {lang: list(idx) for lang, idx in sorted(finding.segments.items())},
    }
    return out


def to_dict(result: RunResult, base: Path | None = None) -> dict[str, Any]:
    """The SARIF log. ``base`` is what URIs are relative to (default: the working directory)."""
    root = (Path.cwd() if base is None else base).resolve()
    rules = _rules()
    rule_index = {rule["id"]: i for i, rule in enumerate(rules)}
    results = [
        _result(article, finding, rule_index, root)
        for article in result.articles
        for finding in article.findings
    ]
    notifications = [
        {"level": "error", "message": {"text": f"{e.path}: {e.message}"}} for e in result.errors
    ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "transcheck",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": rules,
            }
        },
        "originalUriBaseIds": {BASE_ID: {"uri": root.as_uri() + "/"}},
        "invocations": [
            {
                "executionSuccessful": True,
                "toolExecutionNotifications": notifications,
            }
        ],
        "results": results,
        "properties": {"settings": dict(result.settings)},
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(result: RunResult, base: Path | None = None) -> str:
    return json.dumps(to_dict(result, base), ensure_ascii=False, indent=2) + "\n"
