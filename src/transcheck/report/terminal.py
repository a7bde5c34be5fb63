"""Terminal output with rich: a summary and per-article tables quoting the segments."""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from transcheck.model import ArticleResult, Finding, RunResult, Severity

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_QUOTE_CHARS = 160


def _quote(result: ArticleResult, finding: Finding) -> Text:
    text = Text()
    for lang, indices in sorted(finding.segments.items()):
        version = result.article.versions.get(lang)
        if version is None:
            continue
        for i in indices:
            if i >= len(version.segments):
                continue
            body = version.segments[i].text
            if len(body) > _QUOTE_CHARS:
                body = body[: _QUOTE_CHARS - 1] + "…"
            if text:
                text.append("\n")
            text.append(f"{lang}[{i}] ", style="dim")
            text.append(body)
    return text


def print_report(result: RunResult, console: Console, *, verbose: bool = False, quiet: bool = False) -> None:
    if not quiet:
        for article in result.articles:
            if not article.findings and not verbose:
                continue
            table = Table(title=article.article.id, title_justify="left", expand=True, show_lines=True)
            table.add_column("severity", no_wrap=True)
            table.add_column("check", no_wrap=True)
            table.add_column("lang", no_wrap=True)
            table.add_column("finding", ratio=1)
            for finding in article.findings:
                body = Text(finding.message + "\n")
                body.append_text(_quote(article, finding))
                table.add_row(
                    Text(finding.severity.label, style=_STYLE[finding.severity]),
                    f"{finding.code}\n{finding.name}",
                    finding.lang or "—",
                    body,
                )
            console.print(table)
        for error in result.errors:
            console.print(Text.assemble(("error ", "bold red"), (error.path, "bold"), f": {error.message}"))
    counts = result.count_by_severity()
    summary = Text()
    summary.append(f"{len(result.articles)} articles checked, ")
    summary.append(f"{counts['error']} errors", style=_STYLE[Severity.ERROR] if counts["error"] else "")
    summary.append(", ")
    summary.append(f"{counts['warning']} warnings", style=_STYLE[Severity.WARNING] if counts["warning"] else "")
    summary.append(f", {counts['info']} info")
    if result.errors:
        summary.append(f", {len(result.errors)} unreadable inputs", style="bold red")
    summary.append(f"\nmodel {result.settings.get('model')}", style="dim")
    console.print(Panel(summary, title="transcheck", expand=False))
