"""GitHub workflow commands: one annotation per finding, escaped the way the runner expects."""

from __future__ import annotations

from _sample_results import sample_result

from transcheck.report import github


def test_escaping_follows_actions_toolkit() -> None:
    assert github.escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert github.escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert github.command("warning", "m: x, y", file="a,b.md", line=3, title="T:1") == (
        "::warning file=a%2Cb.md,line=3,title=T%3A1::m: x, y"
    )
    assert github.command("notice", "plain", file=None) == "::notice::plain"


def test_one_line_per_finding() -> None:
    lines = github.render(sample_result()).splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert commands[0] == (
        "::error file=corpus/news/kallas.be.md,line=5,title=TC101 missing-segment::"
        "news/kallas: be version has no counterpart of ru, en paragraph 3"
    )
    assert commands[1].startswith(
        "::warning file=corpus/news/kallas.en.md,line=7,title=TC102 extra-segment::"
    )
    assert "%0Asecond line" in commands[1] and "\n" not in commands[1]
    assert "50%25 vs 50 %25" in commands[1]
    assert commands[2].startswith("::notice file=corpus/news/kallas.ru.md,line=3,")
    # Missing version: sibling file, no line.
    assert commands[3].startswith(
        "::error file=corpus/news/lonely.be.md,title=TC100 missing-version::"
    )
    # Unreadable input: an error annotation too, with its control character kept verbatim but on one line.
    assert commands[4].startswith(
        "::error file=news/broken.ru.md,title=transcheck%3A unreadable input::"
    )
    assert len(commands) == 5
    assert lines[-1] == "transcheck: 3 articles, 2 errors, 1 warnings, 1 notes"
