"""JUnit XML: one test case per article, so CI test dashboards show translation drift.

An article "fails" when it has findings at or above ``fail_on`` (default: warning): the test
case gets one ``<failure>`` whose type is the worst severity and whose body lists every such
finding with file and line. Findings below the threshold go to ``<system-out>``. Unreadable
inputs become test cases with an ``<error>``. Deterministic: no timestamps, no durations.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from transcheck.model import ArticleResult, Finding, RunResult, Severity
from transcheck.report.locate import display_path, locate

# Characters XML 1.0 cannot carry at all (ElementTree would write them and break the file).
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", text)


def _line(article: ArticleResult, finding: Finding, base: Path | None) -> str:
    where = locate(article, finding)
    place = ""
    if where is not None:
        place = display_path(where.version, base) + (f":{where.line}" if where.line else "") + ": "
    return _clean(
        f"{place}{finding.severity.label} {finding.code} {finding.name} [{finding.lang or '-'}] {finding.message}"
    )


def to_element(
    result: RunResult, fail_on: Severity = Severity.WARNING, base: Path | None = None
) -> ET.Element:
    suites = ET.Element("testsuites", name="transcheck")
    suite = ET.SubElement(suites, "testsuite", name="transcheck")
    failures = errors = 0
    for article in result.articles:
        case = ET.SubElement(
            suite, "testcase", classname="transcheck", name=_clean(article.article.id)
        )
        failing = [f for f in article.findings if f.severity >= fail_on]
        other = [f for f in article.findings if f.severity < fail_on]
        if failing:
            failures += 1
            worst = max(f.severity for f in failing)
            failure = ET.SubElement(
                case,
                "failure",
                type=worst.label,
                message=f"{len(failing)} finding(s) at or above {fail_on.label}: "
                + ", ".join(sorted({f"{f.code} {f.name}" for f in failing})),
            )
            failure.text = "\n".join(_line(article, f, base) for f in failing)
        if other:
            ET.SubElement(case, "system-out").text = "\n".join(
                _line(article, f, base) for f in other
            )
    for error in result.errors:
        errors += 1
        case = ET.SubElement(suite, "testcase", classname="transcheck.inputs", name=error.path)
        ET.SubElement(
            case, "error", type="unreadable", message=_clean(error.message)
        ).text = _clean(error.message)
    tests = len(result.articles) + len(result.errors)
    for element in (suites, suite):
        element.set("tests", str(tests))
        element.set("failures", str(failures))
        element.set("errors", str(errors))
    suite.set("skipped", "0")
    return suites


def render(
    result: RunResult, fail_on: Severity = Severity.WARNING, base: Path | None = None
) -> str:
    root = to_element(result, fail_on, base)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
