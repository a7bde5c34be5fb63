"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per finding.

Printed to stdout, where the Actions runner turns each line into an annotation on the file
and line (see docs/ci.md). Escaping follows the runner's rules (actions/toolkit
``command.ts``): in the message, ``%``, ``\\r`` and ``\\n`` are percent-encoded; in property
values, ``:`` and ``,`` are too, since they delimit properties.
"""

from __future__ import annotations

from pathlib import Path

from transcheck.model import RunResult, Severity
from transcheck.report.locate import display_path, locate

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: str | int | None) -> str:
    props = ",".join(
        f"{key}={escape_property(str(value))}"
        for key, value in properties.items()
        if value is not None
    )
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def render(result: RunResult, base: Path | None = None) -> str:
    lines: list[str] = []
    for article in result.articles:
        for finding in article.findings:
            where = locate(article, finding)
            message = f"{article.article.id}: {finding.message}"
            if where is not None and where.sibling:
                message += f" (the {finding.lang} file does not exist)"
            lines.append(
                command(
                    COMMANDS[finding.severity],
                    message,
                    file=display_path(where.version, base) if where else None,
                    line=where.line if where else None,
                    title=f"{finding.code} {finding.name}",
                )
            )
    for error in result.errors:
        lines.append(
            command("error", error.message, file=error.path, title="transcheck: unreadable input")
        )
    counts = result.count_by_severity()
    lines.append(
        f"transcheck: {len(result.articles)} articles, {counts['error']} errors, "
        f"{counts['warning']} warnings, {counts['info']} notes"
        + "".join(f", {n} suppressed ({how})" for how, n in sorted(result.suppressed.items()) if n)
    )
    return "\n".join(lines) + "\n"
