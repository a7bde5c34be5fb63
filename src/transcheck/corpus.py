"""Find articles and their language versions in a content tree.

Three layouts (``settings.layout``; languages are ``settings.languages``):

* ``suffix`` — language tag in the file name (Hugo "by file name"):
  ``news/2025/kallas.be.md``, ``kallas.ru.html`` → article ``news/2025/kallas``;
* ``folder`` — a top-level folder per language (Hugo "by content directory"):
  ``be/news/kallas.md``, ``ru/news/kallas.md`` → article ``news/kallas``;
* ``article-dir`` — one folder per article, one file per language:
  ``kallas/be.md``, ``kallas/ru.html`` → article ``kallas`` (the folder's path; the root's
  own name when the root itself is the article folder).

``auto`` decides **per file**, most specific rule first: a file named ``<lang>.<ext>`` is
article-dir; a file named ``<name>.<lang>.<ext>`` is suffix; a file without a tag whose
first folder under the root is a language folder is folder layout; anything else is
ignored. So a mixed tree (say Hugo ``content/`` with both conventions) is read sensibly,
and versions of the same article found through different conventions are merged by id.

Ids are POSIX paths relative to the corpus root: the folder given, or for a single file
the root its layout implies (its folder for suffix, the article folder's parent for
article-dir, the parent of the language folder for folder layout). A single file brings
in all its sibling versions. Hidden files/folders, README/LICENSE/NOTICE/glossary/config
files and unsupported extensions are skipped silently; a second file for the same (id,
language) is an InputError naming both (the first by path order is kept).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from transcheck.config import Settings
from transcheck.extract import SUPPORTED_SUFFIXES
from transcheck.model import ArticleSource, InputError

# File names (before the first dot, case-insensitive) that are never article versions.
IGNORED_NAMES = frozenset(
    [
        "readme",
        "license",
        "licence",
        "notice",
        "copying",
        "changelog",
        "contributing",
        "authors",
        "glossary",
        "transcheck",
        "pyproject",
        "config",
        "hugo",
        "_config",
    ]
)
LAYOUTS = ("article-dir", "suffix", "folder")  # the order auto tries them in


@dataclass(frozen=True)
class _Candidate:
    root: Path
    id: str
    lang: str
    rel: str  # POSIX path under root
    path: Path


def discover(
    paths: Sequence[Path], settings: Settings
) -> tuple[list[ArticleSource], list[InputError]]:
    """Articles under ``paths`` (folders or single files), sorted by id, plus unusable inputs."""
    langs = tuple(settings.languages)
    layouts = LAYOUTS if settings.layout == "auto" else (settings.layout,)
    errors: list[InputError] = []
    candidates: list[_Candidate] = []
    folders = [Path(p) for p in paths if Path(p).is_dir()]
    resolved_folders = [f.resolve() for f in folders]
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = list(_walk(path, langs, layouts))
            if not found:
                errors.append(
                    InputError(
                        str(path),
                        f"no article versions found (layout {settings.layout}, languages {', '.join(langs)})",
                    )
                )
            candidates.extend(found)
        elif path.is_file():
            if any(path.resolve().is_relative_to(f) for f in resolved_folders):
                continue  # a folder given too covers it
            found_file, error = _single_file(path, langs, layouts)
            if error is not None:
                errors.append(error)
            candidates.extend(found_file)
        else:
            errors.append(InputError(str(path), "no such file or directory"))
    sources, dup_errors = _group(candidates, langs)
    return sources, errors + dup_errors


def _skip_name(name: str) -> bool:
    base = name.split(".", 1)[0].lower()
    return (
        name.startswith(".")
        or base in IGNORED_NAMES
        or base.startswith("glossary")
        or Path(name).suffix.lower() not in SUPPORTED_SUFFIXES
    )


def classify(
    rel: PurePosixPath, root_name: str, langs: Sequence[str], layouts: Sequence[str]
) -> tuple[str, str] | None:
    """``(article id, lang)`` of the file at ``rel`` under a root, or None if no layout fits."""
    suffix = rel.suffix
    stem = rel.name[: -len(suffix)] if suffix else rel.name
    base, _, tag = stem.rpartition(".")
    for layout in layouts:
        if layout == "article-dir" and stem.lower() in langs:
            folder = rel.parent.as_posix()
            return (root_name if folder == "." else folder), stem.lower()
        if layout == "suffix" and base and tag.lower() in langs:
            return (rel.parent / base).as_posix(), tag.lower()
        if (
            layout == "folder"
            and len(rel.parts) >= 2
            and rel.parts[0].lower() in langs
            and not (base and tag.lower() in langs)
            and stem.lower() not in langs
        ):
            return PurePosixPath(*rel.parts[1:-1], stem).as_posix(), rel.parts[0].lower()
    return None


def _walk(root: Path, langs: Sequence[str], layouts: Sequence[str]) -> Iterable[_Candidate]:
    root_name = root.resolve().name
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        folder = Path(dirpath)
        rel_folder = PurePosixPath(folder.relative_to(root).as_posix())
        for name in sorted(filenames):
            if _skip_name(name):
                continue
            rel = rel_folder / name
            hit = classify(rel, root_name, langs, layouts)
            if hit is not None:
                yield _Candidate(root, hit[0], hit[1], rel.as_posix(), folder / name)


def _single_file(
    path: Path, langs: Sequence[str], layouts: Sequence[str]
) -> tuple[list[_Candidate], InputError | None]:
    """The versions of the article one given file belongs to, siblings included."""
    if Path(path.name).suffix.lower() not in SUPPORTED_SUFFIXES:
        return [], InputError(
            str(path), f"unsupported file type; expected one of {', '.join(SUPPORTED_SUFFIXES)}"
        )
    stem = path.name[: -len(path.suffix)]
    base, _, tag = stem.rpartition(".")
    for layout in layouts:
        root: Path | None = None
        if layout == "article-dir" and stem.lower() in langs:
            root = _lexical_parent(path, 2)
        elif layout == "suffix" and base and tag.lower() in langs:
            root = path.parent
        elif (
            layout == "folder" and not (base and tag.lower() in langs) and stem.lower() not in langs
        ):
            root = _language_folder_parent(path, langs)
        if root is None:
            continue
        # Read the article's folder(s) with this one layout and keep this file's article.
        rel = PurePosixPath(path.relative_to(root).as_posix())
        hit = classify(rel, root.resolve().name, langs, (layout,))
        if hit is None:
            continue
        return [c for c in _siblings(root, rel, langs, layout) if c.id == hit[0]], None
    return [], InputError(
        str(path),
        "not a language version: expected <name>.<lang>.<ext>, <lang>/…/<name>.<ext> or <article>/<lang>.<ext> "
        f"with lang one of {', '.join(langs)}",
    )


def _siblings(
    root: Path, rel: PurePosixPath, langs: Sequence[str], layout: str
) -> Iterable[_Candidate]:
    if layout == "folder":
        folders = [PurePosixPath(lang, *rel.parts[1:-1]) for lang in langs]
    else:
        folders = [rel.parent]
    root_name = root.resolve().name
    for rel_folder in folders:
        folder = root / rel_folder
        if not folder.is_dir():
            continue
        for entry in sorted(folder.iterdir()):
            if not entry.is_file() or _skip_name(entry.name):
                continue
            entry_rel = rel_folder / entry.name
            hit = classify(entry_rel, root_name, langs, (layout,))
            if hit is not None:
                yield _Candidate(root, hit[0], hit[1], entry_rel.as_posix(), root / entry_rel)


def _lexical_parent(path: Path, levels: int) -> Path:
    if len(path.parts) <= levels:
        path = path.absolute()
    for _ in range(levels):
        path = path.parent
    return path


def _language_folder_parent(path: Path, langs: Sequence[str]) -> Path | None:
    """The parent of the nearest enclosing language folder (lexically, else absolutely)."""
    for candidate in (path, path.absolute()):
        parts = candidate.parts
        for i in range(len(parts) - 2, -1, -1):
            if parts[i].lower() in langs:
                return Path(*parts[:i]) if i > 0 else Path(".")
    return None


def _group(
    candidates: list[_Candidate], langs: Sequence[str]
) -> tuple[list[ArticleSource], list[InputError]]:
    seen: set[tuple[str, str]] = set()
    by_article: dict[tuple[str, str], dict[str, _Candidate]] = {}
    roots: dict[tuple[str, str], Path] = {}
    errors: list[InputError] = []
    for cand in sorted(candidates, key=lambda c: (str(c.root), c.rel)):
        if (str(cand.root), cand.rel) in seen:
            continue  # the same file reached twice (two single files of one article)
        seen.add((str(cand.root), cand.rel))
        key = (cand.id, str(cand.root))
        versions = by_article.setdefault(key, {})
        roots[key] = cand.root
        first = versions.get(cand.lang)
        if first is not None:
            errors.append(
                InputError(
                    cand.rel,
                    f"two {cand.lang} versions of article '{cand.id}': {first.rel} and {cand.rel}; using {first.rel}",
                )
            )
            continue
        versions[cand.lang] = cand
    sources = [
        ArticleSource(
            id=key[0],
            root=roots[key],
            paths={lang: versions[lang].path for lang in langs if lang in versions},
        )
        for key, versions in sorted(by_article.items())
    ]
    return sources, errors
