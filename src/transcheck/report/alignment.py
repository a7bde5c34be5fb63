"""Render a file alignment (``transcheck align``): a rich table, TSV, or JSON."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from transcheck.align.command import FileAlignment

_PREVIEW = 60  # characters of each segment shown in the table


def _indices(idx: tuple[int, ...]) -> str:
    return ",".join(str(i) for i in idx)


def _preview(text: str) -> str:
    return text if len(text) <= _PREVIEW else text[: _PREVIEW - 1] + "…"


def to_json(result: FileAlignment) -> str:
    langs = list(result.versions)
    data = {
        "languages": langs,
        "files": {lang: v.rel_path for lang, v in result.versions.items()},
        "rows": [{lang: list(row[lang]) for lang in langs} for row in result.rows],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def to_tsv(result: FileAlignment) -> str:
    """One row per line: per language the segment indices, then per language the joined text."""
    langs = list(result.versions)
    lines = ["\t".join([f"{lang}_segments" for lang in langs] + [f"{lang}_text" for lang in langs])]
    for row in result.rows:
        texts = [
            " ".join(result.versions[lang].segments[i].text for i in row[lang]).replace("\t", " ")
            for lang in langs
        ]
        lines.append("\t".join([_indices(row[lang]) for lang in langs] + texts))
    return "\n".join(lines) + "\n"


def print_table(result: FileAlignment, console: Console) -> None:
    from rich.markup import escape
    from rich.table import Table

    langs = list(result.versions)
    table = Table(show_lines=True)
    table.add_column("#", justify="right", style="dim")
    for lang in langs:
        table.add_column(f"{lang} ({result.versions[lang].rel_path})", overflow="fold")
    for number, row in enumerate(result.rows, 1):
        cells = []
        for lang in langs:
            if not row[lang]:
                cells.append("[red]— missing —[/red]")
                continue
            segs = result.versions[lang].segments
            body = "\n".join(escape(_preview(segs[i].text)) for i in row[lang])
            cells.append(f"[dim]{_indices(row[lang])}[/dim] {body}")
        table.add_row(str(number), *cells)
    console.print(table)
