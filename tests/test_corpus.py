"""Corpus discovery: the three layouts, auto-detection, single files, several paths, errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from transcheck.config import Settings
from transcheck.corpus import discover
from transcheck.model import ArticleSource, InputError
from transcheck.pipeline import read_articles


def touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Title of {name}\n\nBody of {name}.\n", encoding="utf-8")


def table(sources: list[ArticleSource]) -> dict[str, dict[str, str]]:
    """id -> {lang: path relative to the article's root}."""
    return {
        s.id: {lang: p.relative_to(s.root).as_posix() for lang, p in s.paths.items()}
        for s in sources
    }


def run(paths: list[Path], layout: str = "auto") -> tuple[list[ArticleSource], list[InputError]]:
    return discover(paths, Settings(layout=layout))


def test_suffix_layout_with_noise(tmp_path: Path) -> None:
    touch(
        tmp_path,
        "news/2025/kallas.be.md",
        "news/2025/kallas.ru.html",
        "news/2025/kallas.en.txt",
        "news/2025/tusk.be.md",  # missing ru and en
        "news/2025/notes.md",  # no language tag: ignored
        "news/2025/kallas.de.md",  # not a configured language: ignored
        "news/2025/photo.be.png",  # unsupported extension
        "README.md",
        "LICENSE.en.md",
        "glossary.be.md",
        ".hidden/secret.be.md",
        "news/.draft.be.md",
    )
    sources, errors = run([tmp_path])
    assert errors == []
    assert table(sources) == {
        "news/2025/kallas": {
            "be": "news/2025/kallas.be.md",
            "ru": "news/2025/kallas.ru.html",
            "en": "news/2025/kallas.en.txt",
        },
        "news/2025/tusk": {"be": "news/2025/tusk.be.md"},
    }
    assert all(s.root == tmp_path for s in sources)
    assert list(sources[0].paths) == ["be", "ru", "en"]  # in settings.languages order


def test_folder_layout(tmp_path: Path) -> None:
    touch(
        tmp_path,
        "be/news/kallas.md",
        "ru/news/kallas.md",
        "en/news/kallas.md",
        "en/news/only-en.md",
        "misc/x.md",
    )
    sources, errors = run([tmp_path])
    assert errors == []
    assert table(sources) == {
        "news/kallas": {
            "be": "be/news/kallas.md",
            "ru": "ru/news/kallas.md",
            "en": "en/news/kallas.md",
        },
        "news/only-en": {"en": "en/news/only-en.md"},
    }


def test_article_dir_layout(tmp_path: Path) -> None:
    touch(
        tmp_path,
        "2025/kallas/be.md",
        "2025/kallas/ru.html",
        "2025/kallas/en.txt",
        "2025/kallas/notes.md",
    )
    sources, errors = run([tmp_path])
    assert errors == []
    assert table(sources) == {
        "2025/kallas": {
            "be": "2025/kallas/be.md",
            "ru": "2025/kallas/ru.html",
            "en": "2025/kallas/en.txt",
        }
    }
    # the article folder itself as the root: the id is the folder's name
    sources, _ = run([tmp_path / "2025" / "kallas"])
    assert [s.id for s in sources] == ["kallas"]


def test_auto_mixed_tree_and_override(tmp_path: Path) -> None:
    touch(
        tmp_path,
        "be/news/a.md",
        "ru/news/a.md",
        "posts/b.be.md",
        "posts/b.en.md",
        "stories/c/be.md",
        "stories/c/ru.md",
    )
    sources, errors = run([tmp_path])
    assert errors == []
    assert table(sources) == {
        "news/a": {"be": "be/news/a.md", "ru": "ru/news/a.md"},
        "posts/b": {"be": "posts/b.be.md", "en": "posts/b.en.md"},
        "stories/c": {"be": "stories/c/be.md", "ru": "stories/c/ru.md"},
    }
    assert [s.id for s in run([tmp_path], "suffix")[0]] == ["posts/b"]
    assert [s.id for s in run([tmp_path], "folder")[0]] == ["news/a"]
    assert [s.id for s in run([tmp_path], "article-dir")[0]] == ["stories/c"]


def test_same_article_and_language_twice_is_an_error_naming_both(tmp_path: Path) -> None:
    touch(tmp_path, "kallas.en.md", "kallas.en.html", "kallas.be.md")
    sources, errors = run([tmp_path])
    assert table(sources) == {"kallas": {"be": "kallas.be.md", "en": "kallas.en.html"}}
    assert len(errors) == 1
    assert "kallas.en.html" in errors[0].message and "kallas.en.md" in errors[0].message
    assert errors[0].path == "kallas.en.md"


def test_single_file_brings_its_siblings(tmp_path: Path) -> None:
    touch(
        tmp_path, "news/kallas.be.md", "news/kallas.ru.md", "news/kallas.en.md", "news/other.en.md"
    )
    sources, errors = run([tmp_path / "news" / "kallas.en.md"])
    assert errors == []
    assert table(sources) == {
        "kallas": {"be": "kallas.be.md", "ru": "kallas.ru.md", "en": "kallas.en.md"}
    }
    assert sources[0].root == tmp_path / "news"

    touch(tmp_path, "site/be/news/x.md", "site/ru/news/x.html", "site/en/news/y.md")
    sources, errors = run([tmp_path / "site" / "ru" / "news" / "x.html"])
    assert errors == []
    assert table(sources) == {"news/x": {"be": "be/news/x.md", "ru": "ru/news/x.html"}}
    assert sources[0].root == tmp_path / "site"

    touch(tmp_path, "arts/k/be.md", "arts/k/en.txt")
    sources, errors = run([tmp_path / "arts" / "k" / "en.txt"])
    assert errors == []
    assert table(sources) == {"k": {"be": "k/be.md", "en": "k/en.txt"}}


def test_single_relative_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    touch(tmp_path, "kallas.be.md", "kallas.en.md")
    monkeypatch.chdir(tmp_path)
    sources, errors = run([Path("kallas.be.md")])
    assert errors == []
    articles, read_errors = read_articles(sources, Settings())
    assert read_errors == []
    assert articles[0].id == "kallas"
    assert articles[0].versions["en"].rel_path == "kallas.en.md"
    assert articles[0].missing == ("ru",)


def test_several_paths_and_bad_inputs(tmp_path: Path) -> None:
    touch(tmp_path, "a/x.be.md", "a/x.ru.md", "b/y.be.md", "b/y.en.md", "c/z.be.md", "c/z.ru.md")
    (tmp_path / "notes.docx").write_bytes(b"x")
    (tmp_path / "plain.md").write_text("no tag", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    sources, errors = run(
        [
            tmp_path / "b",
            tmp_path / "a",
            tmp_path / "a" / "x.be.md",  # inside a folder already given: not read twice
            tmp_path / "c" / "z.ru.md",
            tmp_path / "c" / "z.be.md",  # two files of one article: one article
            tmp_path / "missing",
            tmp_path / "notes.docx",
            tmp_path / "plain.md",
            tmp_path / "empty",
        ]
    )
    assert [s.id for s in sources] == ["x", "y", "z"]
    assert table(sources)["z"] == {"be": "z.be.md", "ru": "z.ru.md"}
    messages = {Path(e.path).name: e.message for e in errors}
    assert set(messages) == {"missing", "notes.docx", "plain.md", "empty"}
    assert "no such file" in messages["missing"]
    assert "unsupported" in messages["notes.docx"]
    assert "not a language version" in messages["plain.md"]
    assert "no article versions found" in messages["empty"]


def test_output_is_sorted_and_deterministic(tmp_path: Path) -> None:
    names = [f"n{i % 7}/a{i}.{lang}.md" for i in range(30) for lang in ("en", "be")]
    touch(tmp_path, *names)
    first = run([tmp_path])[0]
    ids = [s.id for s in first]
    assert ids == sorted(ids) and len(ids) == 30
    for s in first:
        assert "\\" not in s.id and not os.path.isabs(s.id)
    assert table(run([tmp_path])[0]) == table(first)
