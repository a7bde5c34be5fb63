"""Glue between parsed command-line options and the library: settings, embedder, reporters.

Kept out of cli.py so that the CLI stays a thin parser and this stays testable.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

from transcheck.config import ConfigError, Settings, find_config, load_settings
from transcheck.embed.base import EmbedderError, load_embedder
from transcheck.embed.cache import CachedEmbedder, EmbeddingCache, default_cache_dir
from transcheck.model import RunResult, Severity

# format name -> default file name in the reports dir. "terminal" and "github" print to
# stdout (GitHub Actions reads workflow commands from the step's output).
FILE_FORMATS = {"json": "report.json", "sarif": "report.sarif", "junit": "report.junit.xml", "html": "report.html"}
STDOUT_FORMATS = ("terminal", "github")
ALL_FORMATS = (*STDOUT_FORMATS, *FILE_FORMATS)


def _fail(message: str) -> NoReturn:
    from transcheck.cli import UsageError

    raise UsageError(message)


def build_settings(paths: Sequence[Path], options: dict[str, Any]) -> Settings:
    overrides: dict[str, Any] = {}
    if options.get("languages"):
        overrides["languages"] = tuple(x.strip() for x in options["languages"].split(",") if x.strip())
    for key in ("layout", "model", "fail_on"):
        if options.get(key):
            overrides[key] = options[key]
    for key in ("select", "ignore"):
        if options.get(key):
            overrides[key] = tuple(options[key])
    if options.get("glossary"):
        overrides["glossary"] = str(options["glossary"])
    try:
        config = options.get("config_path") or find_config(paths[0])
        return load_settings(config, overrides)
    except ConfigError as exc:
        _fail(str(exc))


def build_embedder(settings: Settings, options: dict[str, Any]) -> CachedEmbedder:
    try:
        inner = load_embedder(settings.model, prefix=settings.prefix)
    except EmbedderError as exc:
        _fail(str(exc))
    cache = None
    if not options.get("no_cache"):
        directory = options.get("cache_dir") or default_cache_dir()
        try:
            cache = EmbeddingCache(Path(directory))
        except OSError as exc:
            _fail(f"{directory}: cannot use as embedding cache: {exc}")
    return CachedEmbedder(inner, cache)


def _outputs(formats: Sequence[str], outputs: Sequence[Path], reports_dir: Path, write_default: bool) -> dict[str, Path]:
    """Which file each file format goes to.

    ``--output`` files pair up, in order, with the file formats (json, sarif, junit) as given
    by ``--format``; file formats without an ``--output`` go to ``reports_dir`` under their
    default name. ``terminal`` and ``github`` print to stdout and take no ``--output``.
    Unless ``write_default`` is off, report.json and report.html are always written too (CI artifacts).
    """
    unknown = [f for f in formats if f not in ALL_FORMATS]
    if unknown:
        _fail(f"unknown format {unknown[0]!r}; choose from {', '.join(ALL_FORMATS)}")
    file_formats = [f for f in dict.fromkeys(formats) if f in FILE_FORMATS]
    if len(outputs) > len(file_formats):
        _fail(
            f"{len(outputs)} --output file(s) for {len(file_formats)} file format(s): --output pairs with "
            f"{', '.join(FILE_FORMATS)} in --format order ({', '.join(STDOUT_FORMATS)} print to stdout)"
        )
    targets = {fmt: out for fmt, out in zip(file_formats, outputs)}
    for fmt in file_formats[len(outputs):]:
        targets[fmt] = reports_dir / FILE_FORMATS[fmt]
    if write_default:
        for default in ("json", "html"):  # CI artifacts: machine- and human-readable
            if default not in targets:
                targets[default] = reports_dir / FILE_FORMATS[default]
    seen: dict[Path, str] = {}
    for fmt, target in targets.items():
        key = target.resolve()
        if key in seen:
            _fail(f"{target}: both the {seen[key]} and the {fmt} report would be written there")
        seen[key] = fmt
    return targets


def render(fmt: str, result: RunResult, fail_on: str = "error") -> str:
    """The text of a machine-readable report (``fail_on`` decides what fails a JUnit test case)."""
    if fmt == "json":
        from transcheck.report import json_report

        return json_report.render(result)
    if fmt == "sarif":
        from transcheck.report import sarif

        return sarif.render(result)
    if fmt == "junit":
        from transcheck.report import junit

        threshold = Severity.WARNING if fail_on == "never" else Severity.parse(fail_on)
        return junit.render(result, threshold)
    if fmt == "html":
        from transcheck.report import html

        return html.render(result)
    if fmt == "github":
        from transcheck.report import github

        return github.render(result)
    raise AssertionError(fmt)


def exit_code(result: RunResult, fail_on: str) -> int:
    if fail_on == "never":
        return 0
    worst = result.worst()
    return 1 if worst is not None and worst >= Severity.parse(fail_on) else 0


@contextmanager
def _progress(enabled: bool) -> Iterator[Any]:
    if not enabled:
        yield lambda stage, done, total: None
        return
    from transcheck.report.progress import rich_progress

    with rich_progress() as callback:
        yield callback


def _source_filter(paths: Sequence[Path], options: dict[str, Any]) -> Any:
    ref = options.get("changed_since")
    if not ref:
        return None
    from transcheck.gitchanges import GitError, article_filter

    try:
        return article_filter(ref, paths)
    except GitError as exc:
        _fail(f"--changed-since {ref}: {exc}")


def _run(paths: Sequence[Path], settings: Settings, options: dict[str, Any], interactive: bool) -> RunResult:
    from transcheck.pipeline import run_check

    source_filter = _source_filter(paths, options)
    embedder = build_embedder(settings, options)
    try:
        with _progress(interactive) as progress:
            return run_check(paths, settings, embedder, progress, source_filter=source_filter)
    except (EmbedderError, ConfigError) as exc:
        _fail(str(exc))


def _apply_baseline(result: RunResult, settings: Settings, options: dict[str, Any]) -> RunResult:
    from transcheck import baseline

    path = options.get("baseline") or settings.baseline
    if not path:
        return result
    try:
        return baseline.apply(result, baseline.load(Path(path)))
    except baseline.BaselineError as exc:
        _fail(str(exc))


def run_check_command(**options: Any) -> int:
    from rich.console import Console

    from transcheck.report.terminal import print_report

    paths: list[Path] = list(options["paths"])
    settings = build_settings(paths, options)
    formats = list(options.get("formats") or ("terminal",))
    targets = _outputs(formats, list(options.get("outputs") or ()), options["reports_dir"], not options.get("no_reports"))
    console = Console(stderr=False, highlight=False)
    interactive = console.is_terminal and not options.get("quiet")
    result = _apply_baseline(_run(paths, settings, options, interactive), settings, options)
    if "terminal" in formats:
        print_report(result, console, verbose=bool(options.get("verbose")), quiet=bool(options.get("quiet")))
    if "github" in formats:
        print(render("github", result), end="")
    for fmt, target in targets.items():
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(render(fmt, result, settings.fail_on), encoding="utf-8")
        except OSError as exc:
            _fail(f"{target}: cannot write {fmt} report: {exc}")
        if "terminal" in formats and not options.get("quiet"):
            console.print(f"[dim]wrote {fmt} report to {target}[/dim]")
    return exit_code(result, settings.fail_on)


def run_baseline_command(**options: Any) -> int:
    """``transcheck baseline``: write every current finding to a baseline file."""
    from transcheck import baseline

    paths: list[Path] = list(options["paths"])
    settings = build_settings(paths, options)
    result = _run(paths, settings, options, interactive=False)
    target: Path = options["output"]
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(baseline.render(result), encoding="utf-8")
    except OSError as exc:
        _fail(f"{target}: cannot write baseline: {exc}")
    total = sum(len(a.findings) for a in result.articles)
    print(f"wrote {total} finding(s) of {len(result.articles)} article(s) to {target}")
    return 0


def run_init_command(directory: Path, force: bool, languages: str | None) -> int:
    from transcheck.init_config import InitError, write_config

    langs = tuple(x.strip() for x in languages.split(",") if x.strip()) if languages else None
    try:
        target, summary = write_config(directory, force=force, languages=langs)
    except InitError as exc:
        _fail(str(exc))
    print(f"wrote {target}: {summary}")
    return 0


def run_align_command(files: Sequence[Path], fmt: str | None, options: dict[str, Any]) -> int:
    """`transcheck align`: align two or three files and print the rows."""
    import sys

    from rich.console import Console

    from transcheck.align.command import AlignInputError, align_files
    from transcheck.extract import ExtractError
    from transcheck.report import alignment

    languages = [x.strip() for x in (options.get("languages") or "").split(",") if x.strip()]
    settings = build_settings(files, {k: v for k, v in options.items() if k != "languages"})
    embedder = build_embedder(settings, options)
    try:
        result = align_files(files, languages or None, settings, embedder)
    except (AlignInputError, ExtractError, OSError) as exc:
        _fail(str(exc))
    fmt = fmt or ("table" if sys.stdout.isatty() else "tsv")
    if fmt == "table":
        alignment.print_table(result, Console())
    else:
        sys.stdout.write(alignment.to_json(result) + "\n" if fmt == "json" else alignment.to_tsv(result))
    return 0
