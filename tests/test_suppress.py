"""Inline suppression markers: syntax, which segment they bind to, filtering, TC900."""

from __future__ import annotations

from pathlib import Path

import pytest
from _cli_helpers import run, summary, use_fake_embedder, write_corpus

from transcheck import suppress
from transcheck.checks.base import CheckContext
from transcheck.checks.control import BadSuppression
from transcheck.config import Settings
from transcheck.extract import read_version
from transcheck.model import Article, ArticleResult, Finding, Severity, Version

MD = """# Бюджэт

Першы абзац.

<!-- transcheck: ignore extra-segment, TC101 -- reason: figure updated after translation -->
Другі абзац з лічбай 5.

<!-- transcheck: ignore TC101 -->
Трэці абзац.
"""


def _version(tmp_path: Path, name: str, text: str, lang: str = "be") -> Version:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_version(path, lang, name, Settings())


def _finding(
    code: str, name: str, segments: dict[str, tuple[int, ...]], lang: str | None = "ru"
) -> Finding:
    return Finding(code, name, Severity.ERROR, "a", lang, segments, "m")


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            " ignore missing-segment -- reason: figure updated ",
            ("ignore", ("missing-segment",), "figure updated", None),
        ),
        (
            " ignore TC101,TC102 -- dropped on purpose",
            ("ignore", ("TC101", "TC102"), "dropped on purpose", None),
        ),
        (
            " IGNORE-ARTICLE missing-version -- ru edition skips it",
            ("ignore-article", ("missing-version",), "ru edition skips it", None),
        ),
    ],
)
def test_parse_valid(body: str, expected: tuple[object, ...]) -> None:
    assert suppress.parse_body(body) == expected


@pytest.mark.parametrize(
    "body, problem",
    [
        (" ignore TC101", "gives no reason"),
        (" ignore TC101 --   ", "gives no reason"),
        (" ignore -- because", "names no check"),
        (" ignore no-such-check -- because", "unknown check"),
        (" silence TC101 -- because", "unknown action"),
    ],
)
def test_parse_problems(body: str, problem: str) -> None:
    assert problem in (suppress.parse_body(body)[3] or "")


def test_markdown_marker_is_not_a_segment_and_binds_to_next(tmp_path: Path) -> None:
    version = _version(tmp_path, "a.be.md", MD)
    assert [s.text for s in version.segments] == [
        "Бюджэт",
        "Першы абзац.",
        "Другі абзац з лічбай 5.",
        "Трэці абзац.",
    ]
    markers = suppress.scan(version)
    assert [(m.line, m.target, m.problem) for m in markers] == [
        (5, 2, None),
        (8, 3, "gives no reason (add '-- reason: why this is fine')"),
    ]


def test_text_marker_is_not_a_segment(tmp_path: Path) -> None:
    text = "Title of the piece\n\nFirst paragraph of the text, long enough.\n\n# transcheck: ignore TC101 -- kept short on purpose\nSecond paragraph.\n"
    version = _version(tmp_path, "a.en.txt", text, "en")
    assert all("transcheck" not in s.text for s in version.segments)
    (marker,) = suppress.scan(version)
    assert version.segments[marker.target or 0].text == "Second paragraph."
    assert marker.problem is None


def test_hash_marker_in_markdown_is_a_heading_not_a_marker(tmp_path: Path) -> None:
    version = _version(
        tmp_path, "a.en.md", "# Title\n\n# transcheck: ignore TC101 -- x\n\nBody.\n", "en"
    )
    assert suppress.scan(version) == []


def test_html_marker(tmp_path: Path) -> None:
    html = (
        "<html><body><h1>Title here</h1>\n<p>First paragraph.</p>\n"
        "<!-- transcheck: ignore TC101 -- sidebar on purpose -->\n<p>Second paragraph.</p>\n</body></html>\n"
    )
    version = _version(tmp_path, "a.en.html", html, "en")
    assert all("transcheck" not in s.text for s in version.segments)
    (marker,) = suppress.scan(version)
    assert marker.target is not None and version.segments[marker.target].text == "Second paragraph."


def test_apply_silences_only_matching_findings(tmp_path: Path) -> None:
    be = _version(tmp_path, "a.be.md", MD)
    article = Article(id="a", versions={"be": be})
    findings = (
        _finding("TC101", "missing-segment", {"be": (2,)}),  # silenced: code listed, segment marked
        _finding("TC100", "missing-version", {"be": (2,)}),  # other check: kept
        _finding("TC101", "missing-segment", {"be": (1,)}),  # other segment: kept
        _finding("TC101", "missing-segment", {"be": (3,)}),  # marker without a reason: kept
        _finding("TC900", "bad-suppression", {"be": (2,)}, "be"),  # never silenced
    )
    result, dropped = suppress.apply(ArticleResult(article, (), findings))
    assert dropped == 1
    assert result.findings == findings[1:]


def test_ignore_article(tmp_path: Path) -> None:
    en = _version(
        tmp_path,
        "a.en.md",
        "<!-- transcheck: ignore-article missing-version -- not run in ru -->\n# T\n\nBody.\n",
        "en",
    )
    article = Article(id="a", versions={"en": en}, missing=("ru",))
    findings = (
        _finding("TC100", "missing-version", {}),
        _finding("TC101", "missing-segment", {"en": (1,)}),
    )
    result, dropped = suppress.apply(ArticleResult(article, (), findings))
    assert (dropped, [f.code for f in result.findings]) == (1, ["TC101"])


def test_bad_suppression_check(tmp_path: Path) -> None:
    be = _version(
        tmp_path,
        "a.be.md",
        MD + "\n<!-- transcheck: ignore TC101 -- trailing, nothing follows -->\n",
    )
    ctx = CheckContext(
        article=Article("a", {"be": be}),
        alignment=(),
        vectors={},
        embed=lambda t: None,
        settings=Settings(),
    )  # type: ignore[arg-type,return-value]
    found = list(BadSuppression().run(ctx))
    assert [(f.code, f.severity, f.lang, dict(f.segments)) for f in found] == [
        ("TC900", Severity.WARNING, "be", {"be": (3,)}),
        ("TC900", Severity.WARNING, "be", {}),
    ]
    assert "line 8 gives no reason" in found[0].message
    assert "precedes no segment" in found[1].message


def test_cli_counts_inline_suppressions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_fake_embedder(monkeypatch)
    monkeypatch.chdir(tmp_path)
    corpus = write_corpus(
        tmp_path / "c",
        {
            "b": {
                "be": "<!-- transcheck: ignore-article TC100 -- ru edition skips it -->\n# Б\n\nТэкст.\n",
                "en": "# B\n\nText.\n",
            },
            "c": {
                "be": "<!-- transcheck: ignore-article TC100 -->\n# В\n\nТэкст.\n",
                "en": "# C\n\nText.\n",
            },
        },
    )
    result = run(
        "check",
        corpus,
        "--select",
        "TC100",
        "--select",
        "TC900",
        "-f",
        "github",
        "--reports-dir",
        "r",
    )
    assert summary(Path("r/report.json"))["suppressed"] == {"inline": 1, "baseline": 0}
    assert "::warning file=c/c.be.md,line=2,title=TC900 bad-suppression::" in result.output
    assert "c: no ru version" in result.output and "b: no ru version" not in result.output
