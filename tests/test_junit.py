"""JUnit XML: well-formed, one test case per article, failures at/above the threshold."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from _sample_results import sample_result

from transcheck.model import Severity
from transcheck.report import junit


def _parse(text: str) -> ET.Element:
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    return ET.fromstring(text.encode("utf-8"))


def test_one_case_per_article_and_failures_at_warning() -> None:
    root = _parse(junit.render(sample_result(), Severity.WARNING))
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [
        "news/clean",
        "news/kallas",
        "news/lonely",
        "news/broken.ru.md",
    ]
    assert cases[0].find("failure") is None
    failure = cases[1].find("failure")
    assert failure is not None and failure.get("type") == "error"
    assert failure.text is not None
    assert failure.text.splitlines()[0].startswith(
        "corpus/news/kallas.be.md:5: error TC101 missing-segment [be]"
    )
    assert (
        len(failure.text.splitlines()) == 3
    )  # error + warning (the warning message has a newline)
    out = cases[1].find("system-out")
    assert out is not None and "TC102 extra-segment [ru] minor" in (out.text or "")
    assert cases[3].find("error") is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("4", "2", "1")
    assert root.get("tests") == "4"


def test_threshold_error_moves_warnings_to_output() -> None:
    root = _parse(junit.render(sample_result(), Severity.ERROR))
    kallas = root.findall("testsuite/testcase")[1]
    failure = kallas.find("failure")
    assert failure is not None and "TC102" not in (failure.text or "")
    assert "TC102 extra-segment [-]" in (kallas.findtext("system-out") or "")


def test_control_characters_do_not_break_xml() -> None:
    text = junit.render(sample_result())
    assert "\x01" not in text
    _parse(text)
    assert junit.render(sample_result()) == text
