"""Build a CheckContext from rows of text (gold alignment), for the names and terms tests."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from transcheck.checks.base import CheckContext
from transcheck.config import Settings
from transcheck.glossary import Glossary
from transcheck.model import Article, Finding, Segment, Version


def make_ctx(rows: Mapping[str, Sequence[str]], glossary: Glossary | None = None,
             cache: dict[str, Any] | None = None) -> CheckContext:
    """One segment per row per language; every language must give the same number of rows."""
    versions = {
        lang: Version(lang=lang, path=Path(f"a.{lang}"), rel_path=f"a.{lang}",
                      segments=tuple(Segment(index=i, kind="paragraph", text=t) for i, t in enumerate(texts)))
        for lang, texts in rows.items()
    }
    n = len(next(iter(rows.values())))
    assert all(len(texts) == n for texts in rows.values())
    alignment = tuple({lang: (i,) for lang in rows} for i in range(n))

    def no_embed(texts: Any) -> np.ndarray:
        raise AssertionError("name/term checks must not embed")

    return CheckContext(
        article=Article(id="a", versions=versions),
        alignment=alignment,
        vectors={},
        embed=no_embed,
        settings=Settings(),
        resources={"glossary": glossary} if glossary else {},
        cache=cache if cache is not None else {},
    )


def run(check: Any, rows: Mapping[str, Sequence[str]], glossary: Glossary | None = None,
        cache: dict[str, Any] | None = None) -> list[Finding]:
    return list(check.run(make_ctx(rows, glossary, cache)))


def span_texts(finding: Finding, rows: Mapping[str, Sequence[str]]) -> list[str]:
    spans: Any = finding.details["spans"]
    return [rows[s["lang"]][s["segment"]][s["start"]:s["end"]] for s in spans]
