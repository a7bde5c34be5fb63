"""Terminal output with rich: per-article tables quoting the segments, then a summary panel.

Layout choices (why):

* Two columns per finding table (what/where | message + quotes) so that the quotes keep
  most of an 80-column terminal; on wide terminals tables grow up to ``_MAX_WIDTH`` and no
  further, since very long lines are hard to read.
* Quotes are the segments the finding concerns, one line per version, with the part the
  check points at (``details["spans"]``, or the quoted sentence) highlighted in reverse
  video in the severity's colour. Reverse survives ``NO_COLOR``; when the output is not a
  terminal at all (CI logs, pipes) there are no styles, so the part is bracketed ⟦like this⟧.
* Every piece of article text goes through ``Text`` (never console markup), so ``[bold]``
  in an article prints literally.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from transcheck.model import ArticleResult, Finding, RunResult, Severity
from transcheck.report.evidence import highlight_spans, segment_of, sentence_of

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_MARK = {Severity.ERROR: "reverse bold red", Severity.WARNING: "reverse bold yellow", Severity.INFO: "reverse cyan"}
_PLAIN_MARKS = ("⟦", "⟧")
_MAX_WIDTH = 160  # tables stop growing here on very wide terminals
_MIN_QUOTE = 160  # characters of a segment quoted at least, around the highlighted part


def _languages(result: RunResult) -> list[str]:
    raw = result.settings.get("languages")
    return [str(x) for x in raw] if isinstance(raw, (list, tuple)) else []


def _excerpt(text: str, spans: Sequence[tuple[int, int]], limit: int) -> tuple[str, list[tuple[int, int]], bool, bool]:
    """A window of at most ``limit`` characters that shows the first span with some context."""
    if len(text) <= limit:
        return text, list(spans), False, False
    first = min((s for s, _ in spans), default=0)
    start = max(0, min(first - limit // 3, len(text) - limit))
    end = start + limit
    # Cut at word boundaries when one is near, never past the highlighted part.
    if start > 0:
        space = text.find(" ", start, min(first, start + 20))
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.rfind(" ", max(start, end - 20), end)
        end = space if space > first else end
    clipped = [(max(s, start) - start, min(e, end) - start) for s, e in spans if s < end and e > start]
    return text[start:end], clipped, start > 0, end < len(text)


def _quote_line(
    lang: str, index: int, text: str, spans: Sequence[tuple[int, int]], severity: Severity, *, plain: bool, limit: int
) -> Text:
    body, marks, cut_left, cut_right = _excerpt(text, spans, limit)
    line = Text()
    line.append(f"{lang} ¶{index} ", style="dim")
    if cut_left:
        line.append("…", style="dim")
    cursor = 0
    for start, end in sorted(set(marks)):
        start = max(start, cursor)  # overlapping spans: continue after the current mark
        if start >= end:
            continue
        line.append(body[cursor:start])
        if plain:
            line.append(_PLAIN_MARKS[0] + body[start:end] + _PLAIN_MARKS[1])
        else:
            line.append(body[start:end], style=_MARK[severity])
        cursor = end
    line.append(body[cursor:])
    if cut_right:
        line.append("…", style="dim")
    return line


def _quotes(result: ArticleResult, finding: Finding, languages: Sequence[str], *, plain: bool, limit: int) -> Text:
    spans: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for lang, index, start, end in highlight_spans(result, finding):
        spans.setdefault((lang, index), []).append((start, end))
    wanted: dict[str, list[int]] = {lang: list(indices) for lang, indices in finding.segments.items()}
    for lang, index in spans:
        if index not in wanted.setdefault(lang, []):
            wanted[lang].append(index)
    order = [lang for lang in languages if lang in wanted] + sorted(set(wanted) - set(languages))
    lines: list[Text] = []
    for lang in order:
        for index in sorted(wanted[lang]):
            seg = segment_of(result, lang, index)
            if seg is None:
                continue
            lines.append(_quote_line(lang, index, seg.text, spans.get((lang, index), []), finding.severity,
                                     plain=plain, limit=limit))
    if finding.lang and finding.lang not in wanted and finding.lang in result.article.versions and lines:
        lines.append(Text(f"{finding.lang} — no counterpart", style="dim italic"))
    sentence = sentence_of(finding)
    located = any(s[0] == (sentence[0] if sentence else None) for s in spans)
    if sentence is not None and not located:
        quoted = sentence[2] if len(sentence[2]) <= limit else sentence[2][: limit - 1] + "…"
        lines.append(Text.assemble(("sentence ", "dim"), quoted))
    return Text("\n").join(lines)


def _article_table(result: ArticleResult, languages: Sequence[str], width: int, *, plain: bool) -> Table:
    article = result.article
    counts = Counter(f.severity for f in result.findings)
    title = Text(article.id, style="bold")
    for sev in sorted(counts, reverse=True):
        title.append(f"  {counts[sev]} {sev.label}", style=_STYLE[sev])
    table = Table(title=title, title_justify="left", width=width, show_lines=True, box=box.ROUNDED,
                  header_style="bold")
    # Check names are short (<= 20); a longer code or name (a baseline from elsewhere) folds.
    table.add_column("check", max_width=22, overflow="fold")
    table.add_column("finding", ratio=1, overflow="fold")
    limit = max(_MIN_QUOTE, 2 * (width - 30))
    for finding in result.findings:
        where = Text(finding.severity.label, style=_STYLE[finding.severity])
        where.append(f"\n{finding.code}\n")
        where.append(finding.name, style="dim")
        if finding.lang:
            where.append(f"\nversion {finding.lang}")
        body = Text(finding.message)
        quotes = _quotes(result, finding, languages, plain=plain, limit=limit)
        if quotes:
            body.append("\n")
            body.append_text(quotes)
        table.add_row(where, body)
    return table


def _clean_line(result: ArticleResult) -> Text:
    versions = ", ".join(result.article.versions)
    line = Text("✓ ", style="green")
    line.append(result.article.id, style="bold")
    line.append(f"  no findings ({versions}; {len(result.alignment)} rows)", style="dim")
    return line


def _summary(result: RunResult) -> Panel:
    counts = result.count_by_severity()
    flagged = sum(1 for a in result.articles if a.findings)
    head = Text()
    head.append(f"{len(result.articles)} articles checked", style="bold")
    head.append(f" · {flagged} with findings · {len(result.articles) - flagged} clean\n")
    parts = []
    for sev in sorted(Severity, reverse=True):
        n = counts[sev.label]
        noun = sev.label + ("s" if n != 1 and sev != Severity.INFO else "")
        parts.append((f"{n} {noun}", _STYLE[sev] if n else "dim"))
    for k, (label, style) in enumerate(parts):
        if k:
            head.append(" · ")
        head.append(label, style=style)
    suppressed = {k: int(v) for k, v in result.suppressed.items() if v}
    if suppressed:
        how = ", ".join(f"{k} {v}" for k, v in sorted(suppressed.items()))
        head.append(f" · {sum(suppressed.values())} suppressed ({how})", style="dim")
    if result.errors:
        n = len(result.errors)
        head.append(f"\n{n} unreadable input{'s' if n != 1 else ''}", style="bold red")
    pieces: list[Text | Table] = [head]
    by_check: dict[tuple[str, str], Counter[Severity]] = {}
    for article in result.articles:
        for f in article.findings:
            by_check.setdefault((f.code, f.name), Counter())[f.severity] += 1
    if by_check:
        table = Table(box=None, pad_edge=False, show_edge=False, header_style="dim")
        table.add_column("check", overflow="fold")
        for sev in sorted(Severity, reverse=True):
            table.add_column(sev.label, justify="right", style=_STYLE[sev])
        for (code, name), c in sorted(by_check.items()):
            table.add_row(f"{code} {name}", *(str(c[s] or "") for s in sorted(Severity, reverse=True)))
        pieces.append(Text(""))
        pieces.append(table)
    model = result.settings.get("model")
    if model:
        pieces.append(Text(f"\nmodel {model}", style="dim", overflow="fold"))
    return Panel(Group(*pieces), title="transcheck", title_align="left", expand=False, box=box.ROUNDED)


def print_report(result: RunResult, console: Console, *, verbose: bool = False, quiet: bool = False) -> None:
    """Findings per article (``verbose``: clean articles too), input errors, then the summary.

    ``quiet`` prints the summary only.
    """
    if not quiet:
        languages = _languages(result)
        width = min(console.width, _MAX_WIDTH)
        plain = console.color_system is None
        for article in result.articles:
            if article.findings:
                console.print(_article_table(article, languages, width, plain=plain))
            elif verbose:
                console.print(_clean_line(article))
        for error in result.errors:
            line = Text.assemble(("error ", "bold red"), (error.path, "bold"), f": {error.message}")
            console.print(line, overflow="fold")
    console.print(_summary(result))
