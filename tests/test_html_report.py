"""The HTML report: untrusted text is always escaped; one table row per alignment row."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import lxml.html
import pytest
from report_samples import HOSTILE, clean_article, hostile_article, realistic_article, sample_result

from transcheck.model import RunResult
from transcheck.report import html as html_report

ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "a", "div", "header", "main", "footer", "section",
    "details", "summary", "h1", "h2", "h3", "p", "span", "strong", "code", "kbd", "ul", "li", "table",
    "caption", "colgroup", "col", "thead", "tbody", "tr", "th", "td", "mark", "button", "input", "label",
    "select", "option", "fieldset", "legend", "blockquote", "dl", "dt", "dd", "script",
}


@pytest.fixture(scope="module")
def page() -> str:
    return html_report.render(sample_result())


@pytest.fixture(scope="module")
def doc(page: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(page)


def test_hostile_payloads_never_appear_unescaped(page: str) -> None:
    for payload in HOSTILE:
        assert payload not in page
    lowered = page.lower()
    for raw in ("<img", "<svg", "<iframe", "<textarea", "onerror=\"", "href=\"javascript:", "href=javascript:"):
        assert raw not in lowered, raw
    assert lowered.count("<script") == 1  # only the report's own inlined script
    assert lowered.count("</style") == 1


def test_dom_has_no_injected_elements_or_handlers(doc: lxml.html.HtmlElement) -> None:
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        assert el.tag in ALLOWED_TAGS, el.tag
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (el.tag, name)
            assert name not in ("src", "srcdoc", "action", "formaction"), (el.tag, name)
            if name == "href":
                assert value.startswith("#"), value
    scripts = doc.findall(".//script")
    assert len(scripts) == 1 and scripts[0].get("type") is None


def test_hostile_text_round_trips_as_text(doc: lxml.html.HtmlElement) -> None:
    """Escaped once, not twice, not dropped: the reader sees the article's text exactly."""
    titles = [h.text_content() for h in doc.iter("h2") if h.get("id") == "a1-h"]
    assert titles == [hostile_article().article.id]
    cell = doc.xpath('//tr[@id="a1-r2"]/td[@data-lang="be"]')[0]
    assert hostile_article().article.versions["be"].segments[2].text in cell.text_content()
    errors = doc.get_element_by_id("errors").text_content()
    assert HOSTILE[0] in errors and HOSTILE[1] in errors
    signature = doc.get_element_by_id("signature").text_content()
    assert HOSTILE[1] in signature


def test_one_table_row_per_alignment_row_with_empty_cell_for_missing(doc: lxml.html.HtmlElement) -> None:
    result = realistic_article()
    rows = doc.xpath('//section[@id="a0"]//tr[contains(@class, "arow")]')
    assert len(rows) == len(result.alignment)
    for tr, row in zip(rows, result.alignment):
        cells = tr.xpath("./td")
        assert [c.get("data-lang") for c in cells] == ["be", "ru", "en"]  # settings order
        for cell in cells:
            lang = cell.get("data-lang")
            is_empty = "empty" in cell.get("class").split()
            assert is_empty == (not row.get(lang))
            for i in row.get(lang, ()):
                assert result.article.versions[lang].segments[i].text in cell.text_content()
    gap = rows[2].xpath('./td[@data-lang="en"]')[0]
    assert "gap-error" in gap.get("class")  # the version at fault is marked, not just empty


def test_spans_highlight_the_differing_number(doc: lxml.html.HtmlElement) -> None:
    marks = doc.xpath('//tr[@id="a0-r3"]//mark')
    assert {(m.getparent().getparent().get("data-lang"), m.text_content()) for m in marks} == {
        ("be", "14"), ("ru", "15"), ("en", "14")
    }
    assert all("sev-warning" in m.get("class") for m in marks)
    # The finding is listed right under its row, with its explanation one click away.
    finding = doc.xpath('//tr[contains(@class,"frow")][@data-row="3"]//li[@data-check="TC301"]')
    assert len(finding) == 1
    missing = doc.xpath('//li[@data-check="TC101"]')[0]
    target = missing.xpath(".//button/@popovertarget")[0]
    helps = doc.xpath(f'//div[@id="{target}"][@popover]')
    assert len(helps) == 1 and "counterpart" in helps[0].text_content()


def test_overlapping_and_malformed_spans() -> None:
    from transcheck.model import Finding, Severity
    from transcheck.report.evidence import spans_of
    from transcheck.report.html import _highlight, _Hit

    out = _highlight("abcdef", [_Hit(0, 4, "f1", Severity.INFO), _Hit(2, 6, "f2", Severity.ERROR)])
    assert out == (
        '<mark class="hl sev-info" data-f="f1">ab</mark>'
        '<mark class="hl sev-error" data-f="f1 f2">cd</mark>'
        '<mark class="hl sev-error" data-f="f2">ef</mark>'
    )
    bad = Finding(code="X", name="x", severity=Severity.INFO, article="a", lang=None, segments={}, message="m",
                  details={"spans": [{"lang": "en", "segment": "1", "start": 0, "end": 2}, "junk",
                                     {"lang": "en", "segment": 0, "start": True, "end": 2},
                                     {"lang": "en", "segment": 0, "start": 1, "end": 2}]})
    assert spans_of(bad) == [("en", 0, 1, 2)]


def test_csp_allows_exactly_the_inlined_assets(doc: lxml.html.HtmlElement) -> None:
    csp = doc.xpath('//meta[@http-equiv="Content-Security-Policy"]/@content')[0]
    assert "default-src 'none'" in csp and "http" not in csp and "unsafe" not in csp
    for tag, directive in (("style", "style-src"), ("script", "script-src")):
        body = doc.find(f".//{tag}").text
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert re.search(rf"{directive} 'sha256-{re.escape(digest)}'", csp), directive


def test_index_lists_every_article_with_counts(doc: lxml.html.HtmlElement) -> None:
    rows = doc.xpath('//table[@id="index"]/tbody/tr')
    assert [r.get("data-name") for r in rows] == [a.article.id for a in sample_result().articles]
    assert [(r.get("data-error"), r.get("data-warning"), r.get("data-info")) for r in rows] == [
        ("1", "1", "0"), ("1", "0", "1"), ("0", "0", "0")
    ]


def test_deterministic_and_self_contained() -> None:
    result = RunResult(settings={"languages": ["be", "ru", "en"]}, articles=(clean_article(),), errors=())
    first = html_report.render(result)
    assert first == html_report.render(result)
    assert "http://" not in first and "https://" not in first and "@import" not in first
    assert "<details>" in first  # a clean article starts collapsed


def test_registered_as_a_file_format() -> None:
    from transcheck import commands

    assert commands.FILE_FORMATS["html"] == "report.html"
    assert commands.render("html", sample_result()).startswith("<!DOCTYPE html>")


def test_html_written_by_default_beside_json(tmp_path: Path) -> None:
    from transcheck.commands import _outputs

    targets = _outputs(["terminal"], [], tmp_path, True)
    assert targets == {"json": tmp_path / "report.json", "html": tmp_path / "report.html"}
    assert _outputs(["terminal"], [], tmp_path, False) == {}
    assert _outputs(["html"], [tmp_path / "x.html"], tmp_path, True)["html"] == tmp_path / "x.html"
