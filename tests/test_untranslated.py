"""untranslated-segment (TC201) on real FLORES paragraphs, with a hand-built article."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from transcheck.checks.base import CheckContext
from transcheck.checks.untranslated import UntranslatedSegment
from transcheck.config import Settings
from transcheck.langid import LanguageIdentifier
from transcheck.model import Article, Segment, Severity, Version

LANGS = ("be", "ru", "en")
IDENT = LanguageIdentifier()  # one per session, as in a run


def flores_rows(shared_data: Path, n: int = 3) -> dict[str, list[str]]:
    with (shared_data / "flores200_articles.jsonl").open(encoding="utf-8") as fh:
        recs = [json.loads(line) for _, line in zip(range(n), fh)]
    return {lang: [" ".join(r[lang]) for r in recs] for lang in LANGS}


def make_ctx(paras: dict[str, list[str]]) -> CheckContext:
    versions = {
        lang: Version(
            lang,
            Path(f"a.{lang}.md"),
            f"a.{lang}.md",
            tuple(Segment(i, "paragraph", t) for i, t in enumerate(texts)),
        )
        for lang, texts in paras.items()
    }
    n = max(len(t) for t in paras.values())
    alignment = tuple({lang: (i,) for lang in paras} for i in range(n))
    vectors = {lang: np.zeros((len(t), 4), dtype=np.float32) for lang, t in paras.items()}
    return CheckContext(
        article=Article("a", versions),
        alignment=alignment,
        vectors=vectors,
        embed=lambda texts: np.zeros((len(texts), 4), dtype=np.float32),
        settings=Settings(languages=LANGS),
        resources={"langid": IDENT},
    )


def test_clean_flores_is_silent(shared_data: Path) -> None:
    ctx = make_ctx(flores_rows(shared_data))
    assert list(UntranslatedSegment().run(ctx)) == []
    assert ctx.cache["untranslated_segments"] == set()
    assert ctx.cache["untranslated_rows"] == set()


@pytest.mark.parametrize(("target", "source"), [("be", "ru"), ("ru", "en"), ("en", "ru")])
def test_paragraph_left_in_other_language(shared_data: Path, target: str, source: str) -> None:
    paras = flores_rows(shared_data)
    paras[target][1] = flores_rows(shared_data)[source][1]
    ctx = make_ctx(paras)
    findings = list(UntranslatedSegment().run(ctx))
    assert [(f.lang, f.segments[target]) for f in findings] == [(target, (1,))]
    assert findings[0].severity == Severity.ERROR
    assert findings[0].details["detected"] == source
    assert float(str(findings[0].details["confidence"])) >= 0.9
    assert ctx.cache["untranslated_segments"] == {(target, 1)}
    assert ctx.cache["untranslated_rows"] == {1}


def test_russian_text_not_copied_still_found(shared_data: Path) -> None:
    # A Russian paragraph in the be version that is not the ru version's text: language rule.
    paras = flores_rows(shared_data, 4)
    paras["be"][0] = paras["ru"][3]
    paras = {lang: p[:3] for lang, p in paras.items()}
    findings = list(UntranslatedSegment().run(make_ctx(paras)))
    assert [(f.lang, f.details["detected"]) for f in findings] == [("be", "ru")]
    assert "copied_from" not in findings[0].details


def test_quote_and_names_do_not_trigger(shared_data: Path) -> None:
    paras = flores_rows(shared_data)
    paras["be"][0] = (
        "Міністр выступіў на пасяджэнні ўрада ў панядзелак раніцай і расказаў пра планы. "
        "Ён нагадаў пра новыя праграмы, якія пачнуць працаваць у наступным годзе. "
        "«Мы сделаем всё возможное», — сказаў ён."
    )
    paras["ru"][0] = (
        "Представитель компании Microsoft Corporation Джон Смит (John Smith) заявил, "
        "что Windows Update и Microsoft Office будут обновлены."
    )
    assert list(UntranslatedSegment().run(make_ctx(paras))) == []


def test_short_copied_title_is_a_warning(shared_data: Path) -> None:
    # Below untranslated_min_letters the language rule stays silent; the copy rule still
    # sees that be and ru are one text, in Russian: be is at fault, as a warning.
    paras = flores_rows(shared_data)
    titles = {"be": "Протесты в Минске продолжаются", "ru": "Протесты в Минске продолжаются",
              "en": "Protests in Minsk continue"}
    for lang, title in titles.items():
        paras[lang].insert(0, title)
    findings = list(UntranslatedSegment().run(make_ctx(paras)))
    assert [(f.lang, f.segments["be"], f.severity, f.details.get("copied_from")) for f in findings] == [
        ("be", (0,), Severity.WARNING, "ru")
    ]
