"""Helpers for CLI tests: a small suffix-layout corpus and the fake embedder wired in."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from conftest import FakeEmbedder

from transcheck.cli import cli

ARTICLE_A = {
    "be": "# Загаловак\n\nПершы абзац пра бюджэт.\n\nДругі абзац пра выбары.\n",
    "ru": "# Заголовок\n\nПервый абзац о бюджете.\n\nВторой абзац о выборах.\n",
    "en": "# Title\n\nFirst paragraph about the budget.\n\nSecond paragraph about the election.\n",
}


def write_corpus(root: Path, articles: dict[str, dict[str, str]]) -> Path:
    for stem, versions in articles.items():
        for lang, text in versions.items():
            path = root / f"{stem}.{lang}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return root


def use_fake_embedder(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI builds its embedder through transcheck.commands.load_embedder."""
    monkeypatch.setattr(
        "transcheck.commands.load_embedder", lambda spec, prefix="query": FakeEmbedder()
    )


def run(*args: Any) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def summary(report: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))["summary"]
    return data
