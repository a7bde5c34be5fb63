"""Language identification: real FLORES/UDHR text, authored Ukrainian, scripts, vetoes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from transcheck.embed.cache import ResultCache
from transcheck.langid import CACHE_FILE, LanguageIdentifier, count_letters


@pytest.fixture(scope="module")
def ident() -> LanguageIdentifier:
    return LanguageIdentifier()


def test_flores_paragraphs_identified(ident: LanguageIdentifier, shared_data: Path) -> None:
    with (shared_data / "flores200_articles.jsonl").open(encoding="utf-8") as fh:
        records = [json.loads(line) for _, line in zip(range(40), fh)]
    for rec in records:
        for lang in ("be", "ru", "en"):
            guess = ident.identify(" ".join(rec[lang]))
            assert guess.lang == lang, (lang, rec[lang][0])
            assert guess.confidence > 0.9


def test_ukrainian_is_not_belarusian(ident: LanguageIdentifier) -> None:
    # Authored for this test (no Ukrainian in shared/data).
    uk = "Їхня родина переїхала до Львова кілька років тому, і тепер вони працюють у місті."
    be = "Іх сям'я пераехала ў Львоў некалькі гадоў таму, і цяпер яны працуюць у горадзе."
    assert ident.identify(uk).lang == "uk"
    assert ident.identify(be).lang == "be"


def test_script_decides_candidates(ident: LanguageIdentifier) -> None:
    # A Russian sentence quoting an English name stays Russian; English stays English.
    ru = "Компания Apple представила новый iPhone на презентации в Купертино в сентябре."
    assert ident.identify(ru).lang == "ru"
    assert ident.identify("The Belarusian opposition met in Vilnius on Monday.").lang == "en"


def test_no_letters(ident: LanguageIdentifier) -> None:
    guess = ident.identify("2024 — 68,4 %")
    assert guess.lang is None and guess.confidence == 0.0


def test_letter_counts() -> None:
    assert count_letters("Мінск, Minsk 2024") == (10, 5, 5)


def test_share_in_separates_quote_from_paragraph(ident: LanguageIdentifier) -> None:
    be = [
        "Міністр выступіў на пасяджэнні ўрада ў панядзелак раніцай.",
        "Ён нагадаў пра планы на наступны год і пра новыя праграмы.",
        "«Мы сделаем всё возможное», — сказаў ён.",
    ]
    assert ident.share_in(be, "ru") < 0.5
    assert ident.share_in(be, "be") > 0.5


def _no_detector(self: LanguageIdentifier, script: str, accurate: bool) -> None:
    raise AssertionError(f"lingua detector loaded ({script}, accurate={accurate})")


def test_cached_guesses_load_no_detector(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [
        "Кампанія Apple прадставіла новы iPhone на прэзентацыі ў Купертына ў верасні.",
        "Компания Apple представила новый iPhone на презентации в Купертино в сентябре.",
        "The Belarusian opposition met in Vilnius on Monday.",
        "2024 — 68,4 %",
    ]
    first = LanguageIdentifier(store=ResultCache(tmp_path, CACHE_FILE))
    fast = first.identify_many(texts)
    accurate = [first.identify(t, accurate=True) for t in texts]
    first.flush()
    assert [g.lang for g in fast] == ["be", "ru", "en", None]

    monkeypatch.setattr(LanguageIdentifier, "_detector", _no_detector)
    second = LanguageIdentifier(store=ResultCache(tmp_path, CACHE_FILE))
    assert second.identify_many(texts) == fast  # exact: same floats, no model
    assert [second.identify(t, accurate=True) for t in texts] == accurate
    assert second.identify(texts[0]) == fast[0]
    # A text never seen needs the model: the cache does not make one up.
    with pytest.raises(AssertionError, match="detector loaded"):
        second.identify("Зусім новы сказ, якога ў кэшы няма і не было ніколі.")


def test_cache_key_names_the_detector(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The Belarusian opposition met in Vilnius on Monday."
    first = LanguageIdentifier(store=ResultCache(tmp_path, CACHE_FILE))
    first.identify(text)
    first.flush()
    # Another mode, or another detector (library version, language set, this module's
    # source), is another key: a guess is never served across detector versions.
    assert LanguageIdentifier(store=ResultCache(tmp_path, CACHE_FILE)).identity(True) != first.identity(False)
    monkeypatch.setattr(LanguageIdentifier, "_detector", _no_detector)
    with pytest.raises(AssertionError):
        LanguageIdentifier(store=ResultCache(tmp_path, CACHE_FILE)).identify(text, accurate=True)
    monkeypatch.setattr("transcheck.langid._detector_identity", lambda: "lingua=0.0;other")
    with pytest.raises(AssertionError):
        LanguageIdentifier(store=ResultCache(tmp_path, CACHE_FILE)).identify(text)
