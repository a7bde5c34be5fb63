"""name-inconsistency (TC401): within-version misspellings and names missing from a version."""

from __future__ import annotations

import json
from pathlib import Path

from _names_helpers import make_ctx, run, span_texts

from transcheck.checks.names import NameInconsistency

CHECK = NameInconsistency()
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_70d369480b2c5394.txt"


def _seed_paragraphs() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    return [p.strip() for p in text.split("\n\n") if p.strip() and not p.strip().startswith("•")]


def test_seed_callas_fires() -> None:
    rows = {"en": _seed_paragraphs()}
    findings = run(CHECK, rows)
    assert len(findings) == 1, [f.message for f in findings]
    f = findings[0]
    assert f.code == "TC401" and f.lang == "en"
    assert f.message == "'Callas' here, 'Kallas' elsewhere in en"
    assert span_texts(f, rows) == ["Callas"]


def test_seed_without_the_typo_is_silent() -> None:
    rows = {"en": [p.replace("Callas", "Kallas") for p in _seed_paragraphs()]}
    assert run(CHECK, rows) == []


def test_russian_declension_is_silent() -> None:
    rows = {"ru": [
        "Министр иностранных дел Украины Андрей Сибига прибыл в Брюссель.",
        "Коллеги поблагодарили Сибигу за поддержку.",
        "По словам Сибиги, переговоры продолжатся.",
        "Встреча с Сибигой длилась два часа.",
    ]}
    assert run(CHECK, rows) == []


def test_kallas_kalas_within_russian_fires() -> None:
    rows = {"ru": [
        "Глава европейской дипломатии Кая Каллас призвала усилить давление.",
        "По мнению Каллас, летнее наступление провалилось.",
        "Каллас заявила, что Москва получит ясный сигнал.",
        "Что касается активов, Калас призвала к быстрому решению.",
    ]}
    findings = run(CHECK, rows)
    assert [f.message for f in findings] == ["'Калас' here, 'Каллас' elsewhere in ru"]
    assert findings[0].segments == {"ru": (3,)}
    assert span_texts(findings[0], rows) == ["Калас"]


THREE = {
    "en": ["Foreign Minister Andrii Sybiha arrived in Brussels.",
           "Kaja Kallas thanked Sybiha for the talks.",
           "Sybiha said the talks would go on."],
    "ru": ["Министр иностранных дел Андрей Сибига прибыл в Брюссель.",
           "Кая Каллас поблагодарила Сибигу за переговоры.",
           "Сибига сказал, что переговоры продолжатся."],
    "be": ["Міністр замежных спраў Андрэй Сібіга прыбыў у Брусель.",
           "Кая Калас падзякавала Сібігу за перамовы.",
           "Сібіга сказаў, што перамовы працягнуцца."],
}


def test_cross_version_transliterations_are_silent() -> None:
    assert run(CHECK, THREE) == []


def test_missing_name_fires() -> None:
    rows = {k: list(v) for k, v in THREE.items()}
    rows["be"][1] = "Кая Калас падзякавала міністру за перамовы."
    findings = run(CHECK, rows)
    assert len(findings) == 1, [f.message for f in findings]
    f = findings[0]
    assert f.lang == "be" and f.segments["be"] == (1,)
    assert "'Sybiha' (en)" in f.message and "'Сибигу' (ru)" in f.message
    assert sorted(span_texts(f, rows)) == ["Sybiha", "Сибигу"]


def test_name_replaced_by_another_person_is_named() -> None:
    rows = {k: list(v) for k, v in THREE.items()}
    rows["be"][2] = "Калас сказала, што перамовы працягнуцца."
    findings = run(CHECK, rows)
    assert len(findings) == 1
    assert findings[0].lang == "be" and "another name in this article" in findings[0].message
    assert findings[0].details["other_name"] == "Калас"


def test_untranslated_and_incomplete_rows_are_skipped() -> None:
    rows = {k: list(v) for k, v in THREE.items()}
    rows["be"][1] = "Кая Калас падзякавала міністру за перамовы."
    assert run(CHECK, rows, cache={"untranslated_rows": {1}}) == []
    ctx = make_ctx(rows)
    ctx.alignment = (ctx.alignment[0], {"en": (1,), "ru": (1,), "be": ()}, ctx.alignment[2])
    assert list(CHECK.run(ctx)) == []


def test_two_different_names_are_not_a_misspelling() -> None:
    rows = {
        "en": ["Iran and the US met.", "Iran said no.", "Iraq was not invited."],
        "ru": ["Иран и США встретились.", "Иран сказал нет.", "Ирак не пригласили."],
        "be": ["Іран і ЗША сустрэліся.", "Іран сказаў не.", "Ірак не запрасілі."],
    }
    assert run(CHECK, rows) == []


def test_clean_flores_articles_rarely_alarm(shared_data: Path) -> None:
    """False alarms on real professional translations (benchmarks/names_terms.py measures
    all 624 articles: 1.6 warnings per 100, most of them real slips; INFO not counted)."""
    from transcheck.model import Severity

    articles = [json.loads(line) for line in
                (shared_data / "flores200_articles.jsonl").read_text(encoding="utf-8").splitlines()[:150]]
    alarms = 0
    for rec in articles:
        rows = {lang: rec[lang] for lang in ("be", "ru", "en")}
        alarms += sum(f.severity >= Severity.WARNING for f in run(CHECK, rows))
    assert alarms <= 150 * 0.02, alarms


def test_vowel_variant_is_info_and_typo_is_warning() -> None:
    """Картар/Картэр is how careful translators vary a name (INFO); Кантэр is a slip."""
    from transcheck.model import Severity

    base = {
        "en": ["Carter arrived in Minsk.", "Carter said no.", "Carter left.", "Sybiha met Carter."],
        "ru": ["Картер прибыл в Минск.", "Картер сказал нет.", "Картер уехал.", "Сибига встретил Картера."],
        "be": ["Картэр прыбыў у Мінск.", "Картэр сказаў не.", "Потым Картар з'ехаў.", "Сібіга сустрэў Картэра."],
    }
    variant = run(CHECK, base)
    assert [(f.lang, f.severity) for f in variant] == [("be", Severity.INFO)], [f.message for f in variant]
    typo = {k: list(v) for k, v in base.items()}
    typo["be"][2] = "Потым Кантэр з'ехаў."
    loud = [f for f in run(CHECK, typo) if f.severity >= Severity.WARNING]
    assert [f.details["forms"] for f in loud] == [["Кантэр", "Картэр"]]


def test_names_thresholds_drive_the_check() -> None:
    """names_require_known lives in config.Thresholds (and so in the report signature)."""
    import dataclasses

    from _names_helpers import make_ctx

    from transcheck.config import Settings, Thresholds

    assert Settings().signature("m")["names_require_known"] == 1
    rows = {k: list(v) for k, v in THREE.items()}
    rows["be"][0] = "Міністр замежных спраў прыбыў у Брусель."
    rows["be"][1] = "Кая Калас падзякавала міністру за перамовы."
    rows["be"][2] = "Ён сказаў, што перамовы працягнуцца."  # be never names Sybiha now
    assert run(CHECK, rows) == []
    ctx = make_ctx(rows)
    ctx.settings = dataclasses.replace(ctx.settings, thresholds=Thresholds(names_require_known=0))
    assert {f.lang for f in CHECK.run(ctx)} == {"be"}
