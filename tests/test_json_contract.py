"""The JSON report is a public contract: schema-valid, deterministic, with fixed key names."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest
from _sample_results import sample_result

from transcheck.report import json_report

SCHEMA_PATH = (
    Path(__file__).resolve().parents[1] / "src" / "transcheck" / "schemas" / "report.schema.json"
)


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_report_matches_schema(validator: jsonschema.Draft202012Validator) -> None:
    data = json.loads(json_report.render(sample_result()))
    errors = sorted(validator.iter_errors(data), key=str)
    assert not errors, "\n".join(e.message for e in errors)


def test_render_is_byte_identical() -> None:
    assert json_report.render(sample_result()) == json_report.render(sample_result())


def test_exact_key_names() -> None:
    data = json.loads(json_report.render(sample_result()))
    assert list(data) == ["tool", "settings", "articles", "errors", "summary"]
    assert list(data["tool"]) == ["name", "version"]
    article = data["articles"][1]
    assert list(article) == ["id", "versions", "missing_versions", "alignment", "findings"]
    assert list(article["versions"]) == ["be", "ru", "en"]
    assert list(article["versions"]["en"]) == ["path", "encoding", "segments"]
    assert list(article["versions"]["en"]["segments"][0]) == ["index", "kind", "text", "line"]
    assert article["alignment"][3] == {"be": [], "ru": [3], "en": [3]}
    assert list(article["findings"][0]) == [
        "code",
        "name",
        "severity",
        "lang",
        "segments",
        "message",
        "details",
    ]
    assert article["findings"][1]["lang"] is None
    assert list(data["errors"][0]) == ["path", "message"]
    assert data["summary"] == {
        "articles": 3,
        "findings": {"error": 2, "warning": 1, "info": 1},
        "suppressed": {"inline": 0, "baseline": 0},
    }
    assert data["articles"][2]["missing_versions"] == ["ru"]


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d["articles"][1]["findings"][0].pop("code"),
        lambda d: d["articles"][1]["findings"][0].update(severity="fatal"),
        lambda d: d["articles"][1]["versions"]["en"]["segments"][0].update(kind="sidebar"),
        lambda d: d["summary"]["findings"].update(critical=1),
        lambda d: d["articles"][0].update(missing_versions="ru"),
        lambda d: d.pop("errors"),
    ],
)
def test_schema_rejects_broken_reports(
    validator: jsonschema.Draft202012Validator, mutate: object
) -> None:
    data = json.loads(json_report.render(sample_result()))
    broken = copy.deepcopy(data)
    mutate(broken)  # type: ignore[operator]
    assert not validator.is_valid(broken)


def test_schema_allows_added_fields(validator: jsonschema.Draft202012Validator) -> None:
    data = json.loads(json_report.render(sample_result()))
    data["new_top_level"] = 1
    data["articles"][1]["findings"][0]["fingerprint"] = "abc"
    data["settings"]["some_new_threshold"] = 0.5
    assert validator.is_valid(data)
