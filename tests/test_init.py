"""transcheck init: detects layout and languages, writes a loadable commented config, never overwrites."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from _cli_helpers import ARTICLE_A, run, write_corpus

from transcheck.config import load_settings
from transcheck.init_config import detect


def test_detects_suffix_layout(tmp_path: Path) -> None:
    write_corpus(tmp_path, {"news/a": ARTICLE_A, "news/b": {"be": "# Б\n", "uk": "# Б\n"}})
    found = detect(tmp_path)
    assert (found.layout, found.languages, found.articles) == (
        "suffix",
        ("be", "ru", "en", "uk"),
        2,
    )


def test_detects_folder_layout(tmp_path: Path) -> None:
    for lang in ("be", "en"):
        (tmp_path / lang / "news").mkdir(parents=True)
        (tmp_path / lang / "news" / "a.md").write_text("# T\n\nBody.\n", encoding="utf-8")
    found = detect(tmp_path)
    assert (found.layout, found.languages) == ("folder", ("be", "en"))


def test_init_writes_loadable_config_and_never_overwrites(tmp_path: Path) -> None:
    write_corpus(tmp_path, {"news/a": ARTICLE_A})
    result = run("init", tmp_path)
    assert result.exit_code == 0, result.output
    target = tmp_path / "transcheck.toml"
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# transcheck configuration")
    data = tomllib.loads(text)
    assert data["layout"] == "suffix" and data["languages"] == ["be", "ru", "en"]
    settings = load_settings(target)
    assert settings.layout == "suffix"
    # Every threshold is documented in a comment.
    assert "# divergent_margin = " in text

    target.write_text("# mine\n", encoding="utf-8")
    again = run("init", tmp_path)
    assert again.exit_code == 2 and "already exists" in again.output
    assert target.read_text(encoding="utf-8") == "# mine\n"
    assert run("init", tmp_path, "--force", "--languages", "be,en").exit_code == 0
    assert tomllib.loads(target.read_text(encoding="utf-8"))["languages"] == ["be", "en"]
    assert not list(tmp_path.glob(".transcheck.toml.tmp"))


def test_init_empty_folder_and_bad_languages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("init").exit_code == 0
    assert (
        tomllib.loads((tmp_path / "transcheck.toml").read_text(encoding="utf-8"))["layout"]
        == "auto"
    )
    bad = run("init", "--force", "--languages", "be")
    assert bad.exit_code == 2 and "at least two languages" in bad.output
    # The failed --force left the existing config alone.
    assert tomllib.loads((tmp_path / "transcheck.toml").read_text(encoding="utf-8"))[
        "languages"
    ] == ["be", "ru", "en"]
