"""``--changed-since REF``: which articles have a version that changed since a git ref.

Changed = ``git diff --name-only REF`` (committed, staged and unstaged changes against REF)
plus untracked, not-ignored files (a translation just added is a change too). Each changed
file selects its whole article — every sibling version — because a change in one language is
exactly what may have made the others drift. Deleted files select nothing: they cannot be read.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path

from transcheck.model import ArticleSource


class GitError(RuntimeError):
    """git is missing, the folder is not in a repository, or the ref is unknown."""


def _git(args: list[str], cwd: Path) -> str:
    try:
        proc = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", check=False
        )
    except OSError as exc:
        raise GitError(f"cannot run git: {exc}") from exc
    if proc.returncode != 0:
        raise GitError(
            f"git {' '.join(args)} failed in {cwd}: {proc.stderr.strip() or proc.returncode}"
        )
    return proc.stdout


def repo_root(start: Path) -> Path:
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    return Path(_git(["rev-parse", "--show-toplevel"], folder).strip()).resolve()


def changed_files(ref: str, start: Path) -> set[Path]:
    """Absolute, resolved paths of files changed since ``ref`` in the repository holding ``start``."""
    root = repo_root(start)
    # -z: paths verbatim (no quoting of non-ASCII names, which be/ru file names often are).
    # --no-renames: a renamed file is reported under its new name as an added file.
    diff = _git(["diff", "--name-only", "--no-renames", "-z", ref, "--"], root)
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], root)
    names = [n for n in (diff + untracked).split("\0") if n]
    return {(root / name).resolve() for name in names if (root / name).exists()}


def article_filter(ref: str, paths: Iterable[Path]) -> Callable[[ArticleSource], bool]:
    """A predicate for ``pipeline.run_check``: does an article have a changed version?"""
    changed: set[Path] = set()
    for root in dict.fromkeys(repo_root(Path(p)) for p in paths):  # one git pass per repository
        changed |= changed_files(ref, root)

    def has_changed_version(source: ArticleSource) -> bool:
        return any(Path(p).resolve() in changed for p in source.paths.values())

    return has_changed_version
