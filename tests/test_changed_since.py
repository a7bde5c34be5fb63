"""--changed-since: only articles with a version changed since a ref, with all their siblings."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from _cli_helpers import ARTICLE_A, run, use_fake_embedder, write_corpus

from transcheck.config import Settings
from transcheck.corpus import discover
from transcheck.gitchanges import GitError, article_filter, changed_files

B = {"be": "# Б\n\nТэкст.\n", "en": "# B\n\nText.\n"}  # no ru version: TC100


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.email", "t@example.org")
    git(tmp_path, "config", "user.name", "t")
    write_corpus(tmp_path / "content", {"news/a": ARTICLE_A, "news/b": B, "news/c": B, "news/d": B})
    (tmp_path / ".gitignore").write_text("ignored/\n", encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    git(tmp_path, "tag", "base")
    return tmp_path


def _ids(repo: Path, ref: str) -> list[str]:
    corpus = repo / "content"
    sources, _ = discover([corpus], Settings())
    keep = article_filter(ref, [corpus])
    return [s.id for s in sources if keep(s)]


def test_modified_staged_untracked_and_committed(repo: Path) -> None:
    assert _ids(repo, "base") == []
    # Unstaged edit of one version selects the whole article.
    (repo / "content/news/a.ru.md").write_text("# Заголовок\n\nНовы.\n", encoding="utf-8")
    # Staged edit.
    (repo / "content/news/b.en.md").write_text("# B\n\nText, edited.\n", encoding="utf-8")
    git(repo, "add", "content/news/b.en.md")
    # Untracked new article (one file, Cyrillic name) and an ignored file.
    write_corpus(repo / "content", {"news/навіны": {"be": "# Н\n\nТэкст.\n"}})
    write_corpus(repo / "ignored", {"x": {"be": "# X\n"}})
    assert _ids(repo, "base") == ["news/a", "news/b", "news/навіны"]
    # Committed changes since the ref count too.
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "edit")
    assert _ids(repo, "base") == ["news/a", "news/b", "news/навіны"]
    assert _ids(repo, "HEAD") == []


def test_changed_files_are_absolute(repo: Path) -> None:
    (repo / "content/news/d.be.md").write_text("# Д\n\nЗменены.\n", encoding="utf-8")
    assert changed_files("base", repo / "content") == {(repo / "content/news/d.be.md").resolve()}


def test_bad_ref_and_no_repo(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    with pytest.raises(GitError):
        article_filter("no-such-ref", [repo / "content"])
    with pytest.raises(GitError):
        changed_files("HEAD", tmp_path_factory.mktemp("not-a-repo"))


def test_cli_changed_since(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_fake_embedder(monkeypatch)
    (repo / "content/news/c.be.md").write_text("# Б\n\nТэкст зменены.\n", encoding="utf-8")
    result = run(
        "check",
        "content",
        "--select",
        "TC100",
        "--changed-since",
        "base",
        "-f",
        "github",
        "--no-reports",
    )
    assert result.exit_code == 1
    assert "news/c: no ru version" in result.output
    assert "news/b" not in result.output and "news/d" not in result.output
    assert "transcheck: 1 articles" in result.output
    assert run("check", "content", "--changed-since", "nope", "--no-reports").exit_code == 2
