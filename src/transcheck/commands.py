"""Glue between parsed command-line options and the library: settings, embedder, reporters.

Kept out of cli.py so that the CLI stays a thin parser and this stays testable.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, NoReturn, Sequence

from transcheck.config import ConfigError, Settings, find_config, load_settings
from transcheck.embed.base import EmbedderError, load_embedder
from transcheck.embed.cache import CachedEmbedder, EmbeddingCache, default_cache_dir
from transcheck.model import RunResult, Severity

# format name -> default file name in the reports dir. "terminal" prints to stdout.
FILE_FORMATS = {"json": "report.json"}
ALL_FORMATS = ("terminal", *FILE_FORMATS)


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
    """Which file each non-terminal format goes to."""
    unknown = [f for f in formats if f not in ALL_FORMATS]
    if unknown:
        _fail(f"unknown format {unknown[0]!r}; choose from {', '.join(ALL_FORMATS)}")
    file_formats = [f for f in dict.fromkeys(formats) if f != "terminal"]
    if len(outputs) > len(file_formats):
        _fail("more --output files than non-terminal --format options")
    targets = {fmt: out for fmt, out in zip(file_formats, outputs)}
    for fmt in file_formats[len(outputs):]:
        targets[fmt] = reports_dir / FILE_FORMATS[fmt]
    if write_default and "json" not in targets:
        targets["json"] = reports_dir / FILE_FORMATS["json"]
    return targets


def render(fmt: str, result: RunResult) -> str:
    if fmt == "json":
        from transcheck.report import json_report

        return json_report.render(result)
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


def run_check_command(**options: Any) -> int:
    from rich.console import Console

    from transcheck.pipeline import run_check
    from transcheck.report.terminal import print_report

    paths: list[Path] = list(options["paths"])
    settings = build_settings(paths, options)
    formats = list(options.get("formats") or ("terminal",))
    targets = _outputs(formats, list(options.get("outputs") or ()), options["reports_dir"], not options.get("no_reports"))
    embedder = build_embedder(settings, options)
    console = Console(stderr=False, highlight=False)
    interactive = console.is_terminal and not options.get("quiet")
    try:
        with _progress(interactive) as progress:
            result = run_check(paths, settings, embedder, progress)
    except (EmbedderError, ConfigError) as exc:
        _fail(str(exc))
    if "terminal" in formats:
        print_report(result, console, verbose=bool(options.get("verbose")), quiet=bool(options.get("quiet")))
    for fmt, target in targets.items():
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(render(fmt, result), encoding="utf-8")
        except OSError as exc:
            _fail(f"{target}: cannot write {fmt} report: {exc}")
        if "terminal" in formats and not options.get("quiet"):
            console.print(f"[dim]wrote {fmt} report to {target}[/dim]")
    return exit_code(result, settings.fail_on)

