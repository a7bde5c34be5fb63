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


def test_clean_article_false_alarms_stay_silent() -> None:
    """Patterns from clean NTREX/FLORES articles that used to warn (benchmarks/quality.py)."""
    from transcheck.model import Severity

    germans = {  # 'Germans' is a demonym: no witness that ru must name Germany
        "en": ["The Germans invaded Norway.", "Germany lost the war."],
        "ru": ["Немцы вторглись в Норвегию.", "Германия проиграла войну."],
        "be": ["Войскі Германіі ўварваліся ў Нарвегію.", "Германія прайграла вайну."],
    }
    assert [f.message for f in run(CHECK, germans) if f.severity >= Severity.WARNING] == []
    brother = {  # Брат is a common noun: «Брат Любовь» is no misspelling of Браза
        "en": ["He chose the names Love and Brother Love.", "Brother Love said so."],
        "ru": ["Он выбрал имена Лав или Браза Лав («Брат Любовь»).", "Браза Лав так сказал."],
        "be": ["Ён выбраў імёны Love і Brother Love.", "Brother Love так сказаў."],
    }
    assert [f.message for f in run(CHECK, brother) if f.severity >= Severity.WARNING] == []
    olga = {  # Belarusian prothetic в: Вольга is Olga, not a misspelling of Вольта (Volta)
        "en": ["They meet Olga Kurylenko.", "Jason Volta is sinister.", "Volta's yacht sank.", "Volta left."],
        "ru": ["Они встречают Ольгу Куриленко.", "Джейсон Вольта зловещий.", "Яхта Вольта утонула.", "Вольта ушёл."],
        "be": ["Яны сустракаюць Вольгу Курыленка.", "Джэйсан Вольта злавесны.", "Яхта Вольты патанула.",
               "Вольта сышоў."],
    }
    assert [f.message for f in run(CHECK, olga) if f.severity >= Severity.WARNING] == []


def test_belarusian_undoubled_form_is_info_not_warning() -> None:
    """be writes foreign names without double letters: Чхапана next to «Чхаппан» is INFO."""
    from transcheck.model import Severity

    rows = {
        "en": ["He sang the Chhappan Bhog bhajan.", "Plates of Chhappan Bhog were served."],
        "ru": ["Он исполнил бхаджан Чхаппан Бхог.", "Были поданы тарелки Чхаппан Бхог."],
        "be": ["Ён праспяваў бхаджан «Чхаппан бхог».", "Былі пададзены талеркі Чхапана Бхога."],
    }
    assert [f.message for f in run(CHECK, rows) if f.severity >= Severity.WARNING] == []


def test_sentence_initial_typo_confirmed_by_every_version_fires() -> None:
    rows = {
        "en": ["Aroentina is known for polo.", "Tourists love Argentina.", "Buenos Aires is big."],
        "ru": ["Аргентина известна поло.", "Туристы любят Аргентину.", "Буэнос-Айрес большой."],
        "be": ["Аргенціна вядомая пола.", "Турысты любяць Аргенціну.", "Буэнас-Айрэс вялікі."],
    }
    findings = run(CHECK, rows)
    assert [f.details["forms"] for f in findings] == [["Aroentina", "Argentina"]]


def test_name_after_an_abbreviation_is_mid_sentence() -> None:
    from transcheck.names import tokenize

    tokens = tokenize("Mrs. Kirchner spoke. Then Kirchner left.", "en", 0)
    assert [t.sentence_start for t in tokens if t.text == "Kirchner"] == [False, False]
    assert [t.sentence_start for t in tokens if t.text == "Then"] == [True]


def test_name_swapped_for_another_person_fires_without_a_second_mention() -> None:
    """be names Sybiha only once, but puts Калас (another person of the article) in his place."""
    rows = {
        "en": ["Kaja Kallas spoke in Brussels.", "Then Sybiha thanked the ministers.", "Kallas agreed."],
        "ru": ["Кая Каллас выступила в Брюсселе.", "Затем Сибига поблагодарил министров.", "Каллас согласилась."],
        "be": ["Кая Калас выступіла ў Брусэлі.", "Потым Калас падзякаваў міністрам.", "Калас пагадзілася."],
    }
    findings = run(CHECK, rows)
    assert [(f.lang, f.details.get("other_name")) for f in findings] == [("be", "Калас")], [f.message for f in findings]


def test_prefilter_never_hides_a_transliteration_match(shared_data: Path) -> None:
    """maybe_close is a lower bound: every pair cross_match accepts passes it."""
    from transcheck.names import cross_match, maybe_close, tokenize

    recs = [json.loads(line) for line in
            (shared_data / "flores200_articles.jsonl").read_text(encoding="utf-8").splitlines()[:25]]
    checked = 0
    for rec in recs:
        words = {lang: [t.text for s in rec[lang] for t in tokenize(s, lang, 0)][:60] for lang in ("be", "ru", "en")}
        for a in words["en"][:20]:
            for lang in ("be", "ru"):
                close = maybe_close(a, "en", words[lang], lang, 1).tolist()
                for b, near in zip(words[lang], close, strict=True):
                    for slack in (0, 1):
                        if cross_match(a, "en", b, lang, slack=slack):
                            checked += 1
                            assert near, (a, b)
    assert checked > 50


def test_respelling_transliteration_cannot_judge_fires_when_versions_agree() -> None:
    """Trump/Trlmp are both one letter from Трамп: no vote, but be and ru show the same name
    at every place, so the odd single form is the slip (benchmarks/quality.py misses)."""
    rows = {
        "en": ["Donald Trump met Kim in Hanoi.", "Later Trlmp flew home.", "Critics said Trump conceded."],
        "ru": ["Дональд Трамп встретился с Кимом в Ханое.", "Позже Трамп улетел домой.",
               "Критики сказали, что Трамп уступил."],
        "be": ["Дональд Трамп сустрэўся з Кімам у Ханоі.", "Пазней Трамп паляцеў дадому.",
               "Крытыкі сказалі, што Трамп саступіў."],
    }
    findings = run(CHECK, rows)
    assert [(f.lang, f.details["forms"], f.severity.name) for f in findings] == [
        ("en", ["Trlmp", "Trump"], "WARNING")], [f.message for f in findings]
    # Two different people at those places in another version: no finding (Brent/Brett).
    rows["ru"][1] = "Позже Тримп улетел домой."
    rows["be"][1] = "Пазней Трымп паляцеў дадому."
    assert run(CHECK, rows) == []


def test_swap_for_a_name_the_version_uses_elsewhere_fires() -> None:
    """ru never names Berlin elsewhere, but puts Мюнхен (which it uses in other rows) in its
    place; en calls it Munich, which no transliteration links to Мюнхен, so only the target's
    own use of the name says it belongs to the article (benchmarks/quality.py name-swap)."""
    rows = {
        "en": ["Protests took place in Munich.", "Crowds gathered in Berlin too.", "Later Munich saw more."],
        "ru": ["Протесты прошли в Мюнхене.", "Толпы собрались и в Мюнхене.", "Позже в Мюнхене прошли ещё."],
        "be": ["Пратэсты прайшлі ў Мюнхене.", "Натоўпы сабраліся і ў Берліне.", "Пазней у Мюнхене прайшлі яшчэ."],
    }
    findings = run(CHECK, rows)
    assert [(f.lang, f.details.get("other_name")) for f in findings] == [("ru", "Мюнхене")], [
        f.message for f in findings]
    # The same first sound is a spelling variant, not another name (Rowan for Роуэн): silent.
    rows["ru"] = [r.replace("Мюнхен", "Бирмингем") for r in rows["ru"]]
    rows["be"] = [r.replace("Мюнхен", "Бірмінгем") for r in rows["be"]]
    rows["en"] = [r.replace("Munich", "Birmingham") for r in rows["en"]]
    assert run(CHECK, rows) == []


def test_swap_told_by_where_the_other_versions_put_the_name() -> None:
    """ru writes Мендосе where be/en have Manila; be and en name Mendoza only in the next row
    and ru spells it Мендоса nowhere else: the intruder rule (names placed in another row by
    both other versions, Manila short in ru) reports the swap (benchmarks/quality.py name-swap)."""
    rows = {
        "en": ["The hostages were held in Manila for a day.", "The gunman, Rolando Mendoza, was a former officer."],
        "ru": ["Заложников держали в Мендосе целый день.", "Преступник, бывший офицер, был убит."],
        "be": ["Закладнікаў трымалі ў Маніле цэлы дзень.", "Злачынца, Раланда Мендоза, быў былым афіцэрам."],
    }
    swaps = [f for f in run(CHECK, rows) if f.details.get("other_name")]
    assert [(f.lang, f.details["other_name"], f.segments["ru"]) for f in swaps] == [("ru", "Мендосе", (0,))], [
        f.message for f in swaps]


def test_intruder_needs_consistent_counterparts() -> None:
    """en Jacobs is Якабс in one row of be/ru but Джейкабс in the others: the counterparts are
    unreliable, so a row where be/ru write Джейкабс is no swap (benchmarks/quality.py clean alarm)."""
    rows = {
        "en": ["In May Jacobs joined the club.", "Then Rangers signed Jacobs on loan.", "Later Jacobs scored twice."],
        "ru": ["В мае Якобс перешёл в клуб.", "Потом Рейнджерс взял Джейкобса в аренду.", "Позже Джейкобс забил дважды."],
        "be": ["У траўні Якабс перайшоў у клуб.", "Потым Рэйнджэрс узяў Джейкабса ў арэнду.", "Пазней Джейкабс забіў двойчы."],
    }
    assert [f.message for f in run(CHECK, rows) if f.details.get("other_name")] == []


def test_inserted_consonant_is_no_phonetic_variant() -> None:
    """Oregkn/Oregon, Чшйзом/Чейзом: a consonant put in is a typo even when its sound class
    merges with a neighbour's; vowel and voicing variants stay variants."""
    from transcheck.model import Severity
    from transcheck.names import phonetic_variant

    assert not phonetic_variant("oregkn", "oregon")
    assert not phonetic_variant("чшйз", "чейз")
    assert phonetic_variant("фрыман", "фрымэн") and phonetic_variant("дуайер", "двайер")
    assert phonetic_variant("сечжон", "седжон")
    rows = {
        "en": ["Oregon voted first.", "Then Oregkn voted again.", "Portland is in Oregon."],
        "ru": ["Орегон проголосовал первым.", "Затем Орегон проголосовал снова.", "Портленд находится в Орегоне."],
        "be": ["Арэгон прагаласаваў першым.", "Потым Арэгон прагаласаваў зноў.", "Портленд знаходзіцца ў Арэгоне."],
    }
    loud = [f for f in run(CHECK, rows) if f.severity >= Severity.WARNING]
    assert [f.details["forms"] for f in loud] == [["Oregkn", "Oregon"]], [f.message for f in loud]
