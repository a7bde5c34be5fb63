"""The pipeline: corpus → extract → embed → align → checks → RunResult.

Embedding dominates run time, so all segment texts of the run are embedded in one
deduplicated, cached batch before any article is aligned; alignment and checks then
only read vectors (and ask the cached embedder for the rare extra text).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from transcheck import article_cache, suppress
from transcheck.align import align_versions
from transcheck.checks.base import CheckContext
from transcheck.checks.registry import select_checks
from transcheck.config import Settings
from transcheck.corpus import discover
from transcheck.embed.cache import CachedEmbedder, ResultCache
from transcheck.extract import ExtractError, read_version
from transcheck.model import (
    Article,
    ArticleResult,
    ArticleSource,
    Finding,
    InputError,
    RunResult,
    Severity,
    Version,
)

# (stage, done, total): stage is "read", "embed" or "check".
ProgressFn = Callable[[str, int, int], None]


def _noop(stage: str, done: int, total: int) -> None:
    pass


def read_articles(
    sources: Sequence[ArticleSource], settings: Settings, progress: ProgressFn = _noop
) -> tuple[list[Article], list[InputError]]:
    """Read every version of every article; an unreadable file is an error, the rest goes on."""
    articles: list[Article] = []
    errors: list[InputError] = []
    for done, source in enumerate(sources, 1):
        versions: dict[str, Version] = {}
        missing: list[str] = []
        for lang in settings.languages:
            path = source.paths.get(lang)
            if path is None:
                missing.append(lang)
                continue
            rel = path.relative_to(source.root).as_posix() if path.is_relative_to(source.root) else str(path)
            try:
                versions[lang] = read_version(path, lang, rel, settings)
            except (ExtractError, OSError) as exc:
                errors.append(InputError(path=rel, message=str(exc)))
                missing.append(lang)
        articles.append(Article(id=source.id, versions=versions, missing=tuple(missing)))
        progress("read", done, len(sources))
    return articles, errors


def load_resources(settings: Settings, cache_dir: Path | None = None) -> dict[str, Any]:
    """Run-wide resources checks share (loaded once per run, not per article).

    ``cache_dir``: the embedding cache folder; language guesses are kept there too, so a
    warm run loads no lingua model at all (langid.CACHE_FILE).
    """
    from transcheck.langid import CACHE_FILE, LanguageIdentifier

    store = None
    if cache_dir is not None:
        from transcheck.embed.cache import ResultCache

        store = ResultCache(cache_dir, CACHE_FILE)
    # Cheap to construct: lingua loads its models lazily, on the first segment identified.
    resources: dict[str, Any] = {"langid": LanguageIdentifier(store=store)}
    if settings.glossary:
        from transcheck.glossary import load_glossary

        # A bad glossary raises GlossaryError (a ConfigError): the CLI exits 2 naming file and line.
        resources["glossary"] = load_glossary(settings.glossary)
    return resources


def check_article(
    article: Article,
    embedder: CachedEmbedder,
    settings: Settings,
    resources: Mapping[str, Any],
) -> ArticleResult:
    langs = [lang for lang in settings.languages if lang in article.versions]
    texts = {lang: [s.text for s in article.versions[lang].segments] for lang in langs}
    vectors = {lang: embedder.embed(texts[lang]) for lang in langs}
    kinds = {lang: [s.kind for s in article.versions[lang].segments] for lang in langs}
    alignment = align_versions(vectors, texts, embedder.embed, settings.thresholds, kinds) if langs else ()
    ctx = CheckContext(
        article=article,
        alignment=alignment,
        vectors=vectors,
        embed=embedder.embed,
        settings=settings,
        resources=resources,
    )
    findings: list[Finding] = []
    for check in select_checks(settings.select, settings.ignore):
        findings.extend(check.run(ctx))
    findings = [_override_severity(f, settings) for f in findings]
    findings.sort(key=_finding_order)
    return ArticleResult(article=article, alignment=alignment, findings=tuple(findings))


def _override_severity(finding: Finding, settings: Settings) -> Finding:
    override = settings.severity.get(finding.code) or settings.severity.get(finding.name)
    if override is None:
        return finding
    return dataclasses.replace(finding, severity=Severity.parse(override))


def _finding_order(finding: Finding) -> tuple[int, str, str, str]:
    # Document order of the first segment involved, then code: stable and readable.
    first = min((i for idx in finding.segments.values() for i in idx), default=-1)
    return (first, finding.code, finding.lang or "", finding.message)


def run_check(
    paths: Sequence[Path],
    settings: Settings,
    embedder: CachedEmbedder,
    progress: ProgressFn = _noop,
    source_filter: Callable[[ArticleSource], bool] | None = None,
) -> RunResult:
    # Resources first: a bad glossary is a config error (exit 2) before any embedding work.
    cache = embedder.cache
    resources = load_resources(settings, cache.path.parent if cache is not None else None)
    sources, errors = discover(paths, settings)
    if source_filter is not None:  # e.g. --changed-since: only articles with a changed version
        sources = [s for s in sources if source_filter(s)]
    articles, read_errors = read_articles(sources, settings, progress)
    errors.extend(read_errors)

    # One batch for the whole run: dedup across articles, one progress bar, one cache pass.
    all_texts = [s.text for a in articles for v in a.versions.values() for s in v.segments]
    embedder.embed(all_texts, progress=lambda done, total: progress("embed", done, total))

    # Results of unchanged articles come from the per-article cache (transcheck.article_cache).
    store = ResultCache(cache.path.parent, article_cache.CACHE_FILE) if cache is not None else None
    identity = article_cache.run_identity(settings, embedder.identity)
    keys = [article_cache.article_key(a) for a in articles]
    known = store.get_many(identity, keys) if store is not None else {}
    results = []
    silenced = 0
    for done, (article, key) in enumerate(zip(articles, keys, strict=True), 1):
        if key in known:
            checked = article_cache.load(article, known[key])
        else:
            checked = check_article(article, embedder, settings, resources)
            if store is not None:
                store.put(identity, key, article_cache.dump(checked))
        # Inline markers (transcheck.suppress) apply after the checks: checks never see them.
        article_result, dropped = suppress.apply(checked)
        results.append(article_result)
        silenced += dropped
        progress("check", done, len(articles))
    resources["langid"].flush()
    if store is not None:
        store.close()
    return RunResult(
        settings=settings.signature(embedder.identity),
        articles=tuple(results),
        errors=tuple(sorted(errors, key=lambda e: (e.path, e.message))),
        suppressed={"inline": silenced},
    )


