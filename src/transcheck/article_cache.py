"""Per-article results on disk: a warm run skips alignment and checks of unchanged articles.

Embeddings are cached already, but on a warm run the checks themselves (names above all)
were most of the time left (benchmarks/speed.py). An article's alignment and findings are
a pure function of its segments, the settings, the glossary and the code, so they are
stored under a key naming all four (:func:`run_identity` and :func:`article_key`): any
change of them is a different key, never a stale result. Inline suppressions are applied
after this cache (they read the source files), so they always take effect.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path
from typing import Any

from transcheck.config import Settings
from transcheck.model import Article, ArticleResult, Finding, Severity

# File name in the embedding cache folder (embed.cache.ResultCache).
CACHE_FILE = "articles-v1.sqlite3"


@functools.lru_cache(maxsize=1)
def code_revision() -> str:
    """sha256 of every file of the installed transcheck package: an edited check (or an
    upgrade) never reuses results the old code produced."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".py", ".json", ".csv", ".txt")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def run_identity(settings: Settings, embedder_identity: str) -> str:
    """Everything besides the article that its result depends on."""
    glossary = ""
    if settings.glossary:
        glossary = hashlib.sha256(Path(settings.glossary).read_bytes()).hexdigest()
    return f"{code_revision()};{embedder_identity};{settings!r};{glossary}"


def article_key(article: Article) -> str:
    """The article's inputs as canonical JSON (what the checks read, and where from)."""
    return json.dumps(
        {
            "id": article.id,
            "missing": list(article.missing),
            "versions": {
                lang: {
                    "path": v.rel_path,
                    "encoding": v.encoding,
                    "segments": [[s.index, s.kind, s.text, s.line] for s in v.segments],
                }
                for lang, v in sorted(article.versions.items())
            },
        },
        ensure_ascii=False,
        sort_keys=True,
    )


def dump(result: ArticleResult) -> str:
    return json.dumps(
        {
            "alignment": [{lang: list(idx) for lang, idx in row.items()} for row in result.alignment],
            "findings": [
                {
                    "code": f.code,
                    "name": f.name,
                    "severity": int(f.severity),
                    "article": f.article,
                    "lang": f.lang,
                    "segments": {lang: list(idx) for lang, idx in f.segments.items()},
                    "message": f.message,
                    "details": f.details,
                }
                for f in result.findings
            ],
        },
        ensure_ascii=False,
    )


def load(article: Article, value: str) -> ArticleResult:
    data: dict[str, Any] = json.loads(value)
    return ArticleResult(
        article=article,
        alignment=tuple({lang: tuple(idx) for lang, idx in row.items()} for row in data["alignment"]),
        findings=tuple(
            Finding(
                code=f["code"],
                name=f["name"],
                severity=Severity(f["severity"]),
                article=f["article"],
                lang=f["lang"],
                segments={lang: tuple(idx) for lang, idx in f["segments"].items()},
                message=f["message"],
                details=f["details"],
            )
            for f in data["findings"]
        ),
    )
