"""Terminal report: fits 80 columns, highlights the differing part, quiet/verbose, colours."""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

import pytest
from report_samples import flores_result, realistic_article, sample_result
from rich.cells import cell_len
from rich.console import Console

from transcheck.model import Finding, RunResult
from transcheck.report.terminal import print_report

SGR = re.compile(r"\x1b\[([0-9;]*)m")


def plain_console(width: int = 80) -> Console:
    return Console(record=True, width=width, file=io.StringIO())


def text_of(result: RunResult, width: int = 80, **kwargs: bool) -> str:
    console = plain_console(width)
    print_report(result, console, **kwargs)
    return console.export_text()


def ansi_of(result: RunResult, monkeypatch: pytest.MonkeyPatch, *, no_color: bool) -> str:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        monkeypatch.delenv("NO_COLOR", raising=False)
    out = io.StringIO()
    console = Console(file=out, width=100, force_terminal=True, color_system="truecolor")
    print_report(result, console)
    return out.getvalue()


def test_fits_80_columns_even_with_hostile_text(shared_data: Path) -> None:
    for result in (sample_result(), flores_result(shared_data, 3)):
        for kwargs in ({}, {"verbose": True}, {"quiet": True}):
            text = text_of(result, **kwargs)
            too_wide = [line for line in text.splitlines() if cell_len(line) > 80]
            assert too_wide == [], too_wide[:3]


def test_wide_terminal_uses_the_space_up_to_a_limit() -> None:
    lines = text_of(sample_result(), width=220).splitlines()
    widest = max(cell_len(line.rstrip()) for line in lines)
    assert 120 < widest <= 160


def test_differing_part_is_highlighted_from_spans() -> None:
    text = text_of(sample_result())
    # Not a terminal: no styles, so the highlighted part is bracketed.
    assert "Брюсселе ⟦15⟧ октября" in text
    assert "Brussels on ⟦14⟧ October" in text
    assert "ru ¶3" in text and "en — no counterpart" in text


def test_colours_on_a_terminal_and_none_with_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    coloured = ansi_of(sample_result(), monkeypatch, no_color=False)
    codes = SGR.findall(coloured)
    assert any("31" in c.split(";") for c in codes)  # red for errors
    # The number is highlighted in reverse video with the warning colour, no brackets.
    assert re.search(r"\x1b\[[0-9;]*7;33m15\x1b\[0m", coloured)
    assert "⟦" not in coloured

    mono = ansi_of(sample_result(), monkeypatch, no_color=True)
    params = {p for c in SGR.findall(mono) for p in c.split(";") if p}
    assert not params & {"31", "33", "36", "32", "38"}, params  # no colour at all
    assert re.search(r"\x1b\[[0-9;]*7m15\x1b\[0m", mono)  # still visible: reverse


def test_not_a_tty_means_no_escape_codes() -> None:
    out = io.StringIO()
    print_report(sample_result(), Console(file=out, width=80))
    assert "\x1b[" not in out.getvalue()


def test_quiet_prints_only_the_summary_and_verbose_adds_clean_articles() -> None:
    default = text_of(sample_result())
    quiet = text_of(sample_result(), quiet=True)
    verbose = text_of(sample_result(), verbose=True)
    assert "news/2025/kallas" in default and "news/2025/kallas" not in quiet
    assert "news/2025/weather" not in default and "✓ news/2025/weather" in verbose
    assert "3 articles checked" in quiet and "2 errors · 1 warning · 1 info" in quiet
    assert "TC301 number-mismatch" in quiet  # by-check table
    assert "1 unreadable input" in quiet and "cannot decode" not in quiet
    assert "error broken/" in default


def test_article_text_is_not_console_markup() -> None:
    article = realistic_article()
    finding = dataclasses.replace(article.findings[1], message="[bold red]boom[/] [link=http://x]y[/link]")
    result = RunResult(
        settings={"languages": ["be", "ru", "en"], "model": "[blink]m[/blink]"},
        articles=(dataclasses.replace(article, findings=(finding,)),),
        errors=(),
    )
    text = text_of(result, width=120)
    assert "[bold red]boom[/] [link=http://x]y[/link]" in text
    assert "[blink]m[/blink]" in text


def test_malformed_spans_do_not_crash() -> None:
    article = realistic_article()
    bad: Finding = dataclasses.replace(
        article.findings[1],
        details={"spans": [{"lang": "ru", "segment": 99, "start": 0, "end": 3}, {"lang": "ru", "segment": 3,
                 "start": 60, "end": 10_000}, None, {"segment": 1}]},
    )
    result = RunResult(settings={"languages": ["be", "ru", "en"]},
                       articles=(dataclasses.replace(article, findings=(bad,)),), errors=())
    assert "ru ¶3" in text_of(result)
