"""A hand-built RunResult for reporter tests: fixed content, so outputs are deterministic.

It covers what reporters must handle: a missing segment (the version at fault lacks the
text), a finding about a whole missing version, a finding with no single version at fault,
an info finding, text that needs escaping (%, :, ",", newlines, <, &, Cyrillic), a segment
with an unknown line, and an unreadable input.
"""

from __future__ import annotations

from pathlib import Path

from transcheck.model import (
    Article,
    ArticleResult,
    Finding,
    InputError,
    RunResult,
    Segment,
    Severity,
    Version,
)

SETTINGS = {
    "model": "fake/bag-of-words-64",
    "languages": ["be", "ru", "en"],
    "layout": "suffix",
    "transcheck_version": "0.0.0",
    "align_skip_percentile": 0.1,
    "divergent_margin": 0.0,
    "signature": "transcheck:0.0.0|model:fake",
}

TEXTS = {
    "be": ["Калас: ЕС падтрымае Украіну", "Кароткі лід.", "Першы абзац."],
    "ru": [
        "Каллас: ЕС поддержит Украину",
        "Короткий лид.",
        "Первый абзац.",
        "Второй абзац: 50% , «цитата».",
    ],
    "en": [
        "Kallas: EU will back Ukraine",
        "Short lead.",
        "First paragraph.",
        "Second paragraph: 50%, <b>&</b>\nnext.",
    ],
}


def version(
    lang: str, texts: list[str], stem: str = "kallas", first_line: int = 1, root: str = "corpus"
) -> Version:
    segments = tuple(
        Segment(
            index=i, kind=("title", "lead", "paragraph")[min(i, 2)], text=t, line=first_line + 2 * i
        )
        for i, t in enumerate(texts)
    )
    rel = f"news/{stem}.{lang}.md"
    return Version(lang=lang, path=Path(root) / rel, rel_path=rel, segments=segments)


def kallas() -> ArticleResult:
    article = Article(
        id="news/kallas", versions={lang: version(lang, TEXTS[lang]) for lang in ("be", "ru", "en")}
    )
    alignment = (
        {"be": (0,), "ru": (0,), "en": (0,)},
        {"be": (1,), "ru": (1,), "en": (1,)},
        {"be": (2,), "ru": (2,), "en": (2,)},
        {"be": (), "ru": (3,), "en": (3,)},
    )
    findings = (
        Finding(
            "TC101",
            "missing-segment",
            Severity.ERROR,
            "news/kallas",
            "be",
            {"ru": (3,), "en": (3,)},
            "be version has no counterpart of ru, en paragraph 3",
        ),
        Finding(
            "TC102",
            "extra-segment",
            Severity.WARNING,
            "news/kallas",
            None,
            {"en": (3,)},
            'numbers differ: 50% vs 50 %, see "quote"\nsecond line',
            {"spans": [{"lang": "en", "segment": 3, "start": 18, "end": 21}]},
        ),
        Finding(
            "TC102",
            "extra-segment",
            Severity.INFO,
            "news/kallas",
            "ru",
            {"ru": (1,)},
            "minor: lead, shorter",
        ),
    )
    return ArticleResult(article=article, alignment=alignment, findings=findings)


def lonely() -> ArticleResult:
    # The ru version is missing; the en version's title has no known line.
    en = version("en", ["Lonely title", "Body."], stem="lonely")
    en = Version(
        en.lang, en.path, en.rel_path, (Segment(0, "title", "Lonely title", None), en.segments[1])
    )
    article = Article(
        id="news/lonely",
        versions={"be": version("be", ["Адзінокі загаловак", "Тэкст."], stem="lonely"), "en": en},
        missing=("ru",),
    )
    alignment = ({"be": (0,), "en": (0,)}, {"be": (1,), "en": (1,)})
    findings = (
        Finding(
            "TC100",
            "missing-version",
            Severity.ERROR,
            "news/lonely",
            "ru",
            {},
            "no ru version (found: be, en)",
        ),
    )
    return ArticleResult(article=article, alignment=alignment, findings=findings)


def clean() -> ArticleResult:
    texts = {"be": ["Загаловак"], "ru": ["Заголовок"], "en": ["Title"]}
    article = Article(
        id="news/clean",
        versions={lang: version(lang, t, stem="clean") for lang, t in texts.items()},
    )
    return ArticleResult(
        article=article, alignment=({"be": (0,), "ru": (0,), "en": (0,)},), findings=()
    )


def sample_result() -> RunResult:
    return RunResult(
        settings=dict(SETTINGS),
        articles=(clean(), kallas(), lonely()),
        errors=(InputError(path="news/broken.ru.md", message="cannot decode: bad bytes\x01 here"),),
    )
