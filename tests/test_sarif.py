"""SARIF output validates against the official 2.1.0 schema and points at files and lines."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from _sample_results import sample_result

from transcheck.checks.registry import ALL_CHECKS
from transcheck.report import sarif

REPO = Path(__file__).resolve().parents[1]
SARIF_SCHEMA = REPO / ".." / "shared" / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def log() -> dict:  # type: ignore[type-arg]
    return json.loads(sarif.render(sample_result(), base=Path.cwd()))


def test_validates_against_sarif_schema(log: dict) -> None:  # type: ignore[type-arg]
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(log), key=str)
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def test_rules_carry_check_help(log: dict) -> None:  # type: ignore[type-arg]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [c.code for c in ALL_CHECKS]
    for rule, check in zip(rules, ALL_CHECKS):
        assert rule["name"] == check.name
        assert rule["help"]["text"].startswith(check.help())
        assert rule["fullDescription"]["text"] == check.help()


def test_one_result_per_finding_with_levels(log: dict) -> None:  # type: ignore[type-arg]
    results = log["runs"][0]["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("TC101", "error"),
        ("TC102", "warning"),
        ("TC102", "note"),
        ("TC100", "error"),
    ]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        assert r["partialFingerprints"]["transcheck/v1"]


def test_locations(log: dict) -> None:  # type: ignore[type-arg]
    results = log["runs"][0]["results"]
    loc = [r["locations"][0]["physicalLocation"] for r in results]
    # TC101 is about be, which lacks ru/en paragraph 3: point after be's last aligned segment (2, line 5).
    assert loc[0]["artifactLocation"] == {"uri": "corpus/news/kallas.be.md", "uriBaseId": "SRCROOT"}
    assert loc[0]["region"] == {"startLine": 5}
    # No version at fault: the first involved segment (en 3 -> line 7).
    assert loc[1]["artifactLocation"]["uri"] == "corpus/news/kallas.en.md"
    assert loc[1]["region"] == {"startLine": 7}
    assert loc[2]["region"] == {"startLine": 3}  # ru lead
    # Missing ru version: a sibling file, no region.
    assert loc[3]["artifactLocation"]["uri"] == "corpus/news/lonely.be.md"
    assert "region" not in loc[3]
    assert "ru file does not exist" in results[3]["message"]["text"]


def test_unknown_line_omits_region() -> None:
    result = sample_result()
    lonely = result.articles[2]
    from dataclasses import replace

    from transcheck.model import Finding, Severity

    finding = Finding(
        "TC102", "extra-segment", Severity.WARNING, "news/lonely", "en", {"en": (0,)}, "x"
    )
    result = replace(result, articles=(replace(lonely, findings=(finding,)),))
    physical = sarif.to_dict(result)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert "region" not in physical


def test_deterministic() -> None:
    assert sarif.render(sample_result()) == sarif.render(sample_result())
