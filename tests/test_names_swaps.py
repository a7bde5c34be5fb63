"""name-inconsistency (TC401): swaps the name counts cannot show, and the word-level rules
behind them (benchmarks/quality.py name-swap and name misses)."""

from __future__ import annotations

from _names_helpers import run

from transcheck.checks.names import NameInconsistency
from transcheck.model import Severity
from transcheck.names import Token, independent_witness, phonetic_variant, tokenize

CHECK = NameInconsistency()

# Row 0 names Mendoza everywhere; row 1 names Australia twice in every version.
BASE = {
    "en": ["Rolando Mendoza was a former police officer.",
           "Australia should become a republic, say Australia's voters. Gillard said Australia must do so soon."],
    "ru": ["Роландо Мендоса был бывшим полицейским.",
           "Австралия должна стать республикой, говорят избиратели. Гиллард сказала, что Австралия должна сделать это скоро."],
    "be": ["Раланда Мендоза быў былым паліцэйскім.",
           "Аўстралія павінна стаць рэспублікай, кажуць выбаршчыкі. Гілард сказала, што Аўстралія павінна зрабіць гэта хутка."],
}


def _swaps(rows: dict[str, list[str]]) -> list[tuple[str | None, object, Severity]]:
    return [(f.lang, f.details.get("other_name"), f.severity) for f in run(CHECK, rows) if f.details.get("other_name")]


def test_clean_rows_are_silent() -> None:
    assert run(CHECK, BASE) == []


def test_swap_that_keeps_the_displaced_count_fires() -> None:
    """en still names Australia twice in the row (Australia's, where be/ru use no name), so
    counts show nothing; but the sentence holding Mendoza has Australia in be and ru."""
    rows = {k: list(v) for k, v in BASE.items()}
    rows["en"][1] = rows["en"][1].replace("said Australia", "said Mendoza")
    assert _swaps(rows) == [("en", "Mendoza", Severity.WARNING)]


def test_pronoun_made_explicit_is_silent() -> None:
    """ru names Мендоса where be/en say "he": another name of the article, but it displaces
    no name in the corresponding sentence (a translator's clarification, not a swap)."""
    rows = {k: list(v) for k, v in BASE.items()}
    rows["en"][1] = rows["en"][1].replace("soon.", "soon, he added.")
    rows["ru"][1] = rows["ru"][1].replace("скоро.", "скоро, добавил Мендоса.")
    rows["be"][1] = rows["be"][1].replace("хутка.", "хутка, дадаў ён.")
    assert _swaps(rows) == []


def test_iotated_vowel_swap_is_no_phonetic_variant() -> None:
    """Сімса/Сямса, Вильярреал/Вильэрреал: translators vary a vowel's quality, not iotation."""
    assert not phonetic_variant("сімса", "сямса")
    assert not phonetic_variant("вильярреал", "вильэрреал")
    assert phonetic_variant("пейлин", "пэйлин") and phonetic_variant("галапагас", "галапагос")


def _token(word: str, lang: str) -> Token:
    return tokenize(word, lang, 0)[0]


def test_town_on_sk_is_evidence_but_adjective_is_not() -> None:
    """Алейск/Алейска (a town) names a place English writes Aleisk; Луізіянскага is an adjective."""
    assert independent_witness(_token("Алейска", "be"), "en")
    assert independent_witness(_token("Алейск", "ru"), "en")
    assert not independent_witness(_token("Луізіянскага", "be"), "en")
    assert not independent_witness(_token("Российской", "ru"), "en")


def test_french_is_a_demonym() -> None:
    assert not independent_witness(_token("French", "en"), "ru")
    assert independent_witness(_token("France", "en"), "ru")


def _loud(rows: dict[str, list[str]]) -> list[list[str]]:
    return [f.details["forms"] for f in run(CHECK, rows) if f.severity >= Severity.WARNING and "forms" in f.details]


def test_latin_w_for_v_is_a_slip_not_a_variant() -> None:
    """English spellings do not vary w/v (Ngawang/Ngavang), unlike Cyrillic в/ў/у renderings."""
    assert not phonetic_variant("ngawang", "ngavang")
    assert phonetic_variant("дуайер", "двайер") and phonetic_variant("olaf", "olav")


def test_witness_varying_a_vowel_does_not_veto() -> None:
    """be writes Берзофскі and Беразофскі (its own vowel variation): not two different people,
    so ru Бераофски against Берзофски is still judged (and en votes for the usual form)."""
    rows = {
        "en": ["Professor Berzofsky led the study.", "Berzofsky said the results were clear."],
        "ru": ["Исследование возглавил профессор Берзофски.", "По словам Бераофски, результаты ясны."],
        "be": ["Даследаванне ўзначаліў прафесар Берзофскі.", "Паводле Беразофскі, вынікі ясныя."],
    }
    assert ["Бераофски", "Берзофски"] in _loud(rows)


def test_short_stem_consonant_slip_fires() -> None:
    """Кітай/Кішая: the stem кіт is too short for near_duplicate, but one consonant changed in
    the same case form, and ru Китая at both places, is a slip."""
    rows = {
        "en": ["China grew fast.", "Exports from China rose.", "Imports to China fell."],
        "ru": ["Китай быстро рос.", "Экспорт из Китая вырос.", "Импорт в Китай упал."],
        "be": ["Кітай хутка рос.", "Экспарт з Кітая вырас.", "Імпарт у Кішая ўпаў."],
    }
    assert _loud(rows) == [["Кішая", "Кітай"]] or _loud(rows) == [["Кішая", "Кітая"]], _loud(rows)


def test_demonyms_are_a_list_not_a_suffix() -> None:
    """Vatican, Iran, Japan, Ryan end in -an but are names (evidence); Korean, Swiss are not."""
    for word in ("Vatican", "Iran", "Japan", "Ryan", "Duncan", "Brian"):
        assert independent_witness(_token(word, "en"), "be"), word
    for word in ("Korean", "Germans", "Swiss", "Chinese", "Americans", "Catholic"):
        assert not independent_witness(_token(word, "en"), "be"), word


def test_oblique_case_of_a_name_is_no_common_noun() -> None:
    """Амазонки parses first as "amazons", but the dictionary also knows the river: evidence."""
    from transcheck.names import ru_common_noun

    assert not ru_common_noun("Амазонки") and not ru_common_noun("Амазонка")
    assert ru_common_noun("Министерство") and ru_common_noun("Палата")


SOYUZ = {
    "en": ["In 1975 Soyuz flew.", "Then Soyuz docked with Apollo.", "The crew of Soyuz landed.", "By now Soyuz is old."],
    "ru": ["В 1975 году Союз полетел.", "Затем Союз состыковался с Аполлоном.", "Экипаж Союза приземлился.",
           "Сейчас Союз устарел."],
    "be": ["У 1975 годзе Саюз паляцеў.", "Потым Саюз састыкаваўся з Апалонам.", "Экіпаж Саюза прызямліўся.",
           "Цяпер Саюз састарэў."],
}


def test_single_vowel_slip_against_an_agreed_majority_fires() -> None:
    """Саюз ×3 and one Сіюза, every other version naming Soyuz/Союз at all four places: a/і
    cross vowel classes, so a slip (a warning), not a translator's variant."""
    rows = {k: list(v) for k, v in SOYUZ.items()}
    rows["be"][2] = "Экіпаж Сіюза прызямліўся."
    assert _loud(rows) == [["Сіюза", "Саюз"]], _loud(rows)


def test_vowel_of_the_same_class_is_no_warning() -> None:
    """Саюз ×3 and one Союза (а/о): akanne, how careful translators vary a
    name; never a warning (at most INFO), unlike the а/і of the test above."""
    rows = {k: list(v) for k, v in SOYUZ.items()}
    rows["be"][2] = "Экіпаж Союза прызямліўся."
    assert _loud(rows) == []
    rows["be"][2] = "Экіпаж Сіюза прызямліўся."
    assert _loud(rows) != []


def test_english_vowel_slip_needs_every_other_version_to_agree() -> None:
    """en Corbyn ×3 and one Curbyn (NTREX dailymail-298622), ru/be showing Корбин/Корбін at
    all four places: a warning. Two people one vowel apart (Neal Baer, Nell Scovell: ru Нил,
    Нелл) are never one name misspelt."""
    rows = {
        "en": ["Jeremy Corbyn spoke first.", "Then Corbyn left.", "Critics of Curbyn stayed.", "Corbyn came back."],
        "ru": ["Джереми Корбин выступил первым.", "Потом Корбин ушёл.", "Критики Корбина остались.",
               "Корбин вернулся."],
        "be": ["Джэрэмі Корбін выступіў першым.", "Потым Корбін сышоў.", "Крытыкі Корбіна засталіся.",
               "Корбін вярнуўся."],
    }
    assert _loud(rows) == [["Curbyn", "Corbyn"]], _loud(rows)
    rows = {
        "en": ["Neal Baer wrote it.", "Then Neal Baer left.", "Nell Scovell stayed.", "Neal Baer came back."],
        "ru": ["Нил Баер написал это.", "Потом Нил Баер ушёл.", "Нелл Сковелл осталась.", "Нил Баер вернулся."],
        "be": ["Ніл Баер напісаў гэта.", "Потым Ніл Баер сышоў.", "Нэл Сковел засталася.", "Ніл Баер вярнуўся."],
    }
    assert _loud(rows) == [], _loud(rows)


def test_c_k_swap_judged_when_a_witness_varies_its_own_spelling() -> None:
    """en Berzofsky … Berzofscy (NTREX dailymail-298630, seed 11); be writes Берзофскі and
    Беразофскі (its own vowel variation): not two people, so the C/K swap is judged."""
    rows = {
        "en": ["Dr Jay Berzofsky led the study.", "Dr Berzofscy said the vaccine worked."],
        "ru": ["Исследование возглавил доктор Джей Берзофски.", "Доктор Берзофски сказал, что вакцина работает."],
        "be": ["Даследаванне ўзначаліў доктар Джэй Берзофскі.", "Доктар Беразофскі сказаў, што вакцына працуе."],
    }
    assert ["Berzofscy", "Berzofsky"] in _loud(rows), _loud(rows)


def test_doubled_letter_judged_when_a_witness_varies_its_own_spelling() -> None:
    """ru Заррате vs Зарате; be writes Зарата and Сарата (its own variation, one sound class):
    not two people, so the doubled letter is still judged and en Zárate votes for Зарате."""
    rows = {
        "en": ["Zárate was arrested.", "Police said Zárate confessed."],
        "ru": ["Зарате был арестован.", "Полиция сообщила, что Заррате признался."],
        "be": ["Зарата быў арыштаваны.", "Паліцыя паведаміла, што Сарата прызнаўся."],
    }
    assert ["Заррате", "Зарате"] in _loud(rows), _loud(rows)


def test_short_stem_consonant_for_a_vowel_fires() -> None:
    """Кітая/Кнтая: a consonant for a vowel changes the skeleton (a slip); Кітая/Кетая, a vowel
    for a vowel, is left alone in a stem this short."""
    rows = {
        "en": ["China grew fast.", "Exports from China rose.", "Imports to China fell."],
        "ru": ["Китай быстро рос.", "Экспорт из Китая вырос.", "Импорт из Китая упал."],
        "be": ["Кітай хутка рос.", "Экспарт з Кітая вырас.", "Імпарт з Кнтая ўпаў."],
    }
    assert ["Кнтая", "Кітая"] in _loud(rows), _loud(rows)
    rows["be"][2] = "Імпарт з Кетая ўпаў."
    assert _loud(rows) == []


def _forms(rows: dict[str, list[str]]) -> list[tuple[list[str], Severity]]:
    return [(f.details["forms"], f.severity) for f in run(CHECK, rows) if "forms" in f.details]


def test_one_to_one_tie_broken_by_the_other_versions() -> None:
    """Карэяй once, Кфрэяй once: skeleton votes tie, but a consonant for a vowel (Кфрэ) fits
    ru Кореей / en Korea worse at every place than a vowel for a vowel (Карэ); and a vowel
    turned consonant is no translator's variant (vowel_consonant_swap): a warning."""
    rows = {
        "en": ["Talks with Korea went well.", "We build ties with Korea, he said."],
        "ru": ["Переговоры с Кореей прошли хорошо.", "Мы строим связи с Кореей, сказал он."],
        "be": ["Перамовы з Карэяй прайшлі добра.", "Мы будуем сувязі з Кфрэяй, сказаў ён."],
    }
    assert (["Кфрэяй", "Карэяй"], Severity.WARNING) in _forms(rows), _forms(rows)
    rows["be"][1] = "Мы будуем сувязі з Карэяй, сказаў ён."
    assert _forms(rows) == []


def test_vowel_consonant_swap_is_a_slip_not_a_variant() -> None:
    """Финляндия/Ффнляндия, Уасіла/Уфсіла: the consonant skeleton (doubled ф, glided у)
    matched, so phonetic_variant excused them; a glide for a vowel is still a variant."""
    from transcheck.names import vowel_consonant_swap

    assert vowel_consonant_swap("финлянди", "ффнлянди") and not phonetic_variant("финлянди", "ффнлянди")
    assert vowel_consonant_swap("уасіл", "уфсіл") and not phonetic_variant("уасіл", "уфсіл")
    assert not vowel_consonant_swap("дуайер", "двайер") and phonetic_variant("дуайер", "двайер")
    assert not vowel_consonant_swap("tsikhanouskaya", "tsikhanovskaya") and not vowel_consonant_swap("neal", "nell")
    assert not vowel_consonant_swap("мартэлі", "мартэйі") and not vowel_consonant_swap("фрыман", "фрымэн")


def test_slip_beside_a_belarusian_locative_alternation_fires() -> None:
    """Атланта → у Атланце (т/ц alternation kept by the stemmer: атлант/атланц); a slip in
    the locative form (Атоанце) is one letter from the name plus the alternation."""
    from transcheck.names import near_duplicate

    assert near_duplicate("атлант", "атоанц", "be") == "letter"
    assert near_duplicate("атлант", "атоанц", "ru") is None


def test_slip_the_stemmer_took_for_an_ending_fires() -> None:
    """Гарлеме (stem гарлем) vs Гарцем (stem гарц, -ем read as an ending): compared as stem
    against word; an ending alone (Капенгагенс/Капенгагену) is not a slip."""
    rows = {
        "en": ["Churches in Harlem struggle.", "They were built before Harlem became black."],
        "ru": ["Церкви в Гарлеме борются.", "Их построили до того, как Гарлем стал черным."],
        "be": ["Цэрквы ў Гарлеме змагаюцца.", "Іх пабудавалі да таго, як Гарцем стаў чорным."],
    }
    assert (["Гарцем", "Гарлеме"], Severity.WARNING) in _forms(rows), _forms(rows)
    rows["be"][1] = "Іх пабудавалі да таго, як Гарлем стаў чорным."
    assert _forms(rows) == []


def test_misspelt_name_next_to_a_dictionary_word_fires() -> None:
    """ru Форд is also a dictionary noun; Фжрд is no word at all and Форд is the settled
    spelling: still a slip (Брат/Браза, two mentions of nothing settled, stays silent)."""
    rows = {
        "en": ["Ford testified.", "Senators believed Ford.", "Ford said she was sure.", "They questioned Ford."],
        "ru": ["Форд дала показания.", "Сенаторы поверили Форд.", "Форд сказала, что уверена.",
               "Они допросили Фжрд."],
        "be": ["Форд дала паказанні.", "Сенатары паверылі Форд.", "Форд сказала, што ўпэўнена.",
               "Яны дапыталі Форд."],
    }
    assert (["Фжрд", "Форд"], Severity.WARNING) in _forms(rows), _forms(rows)


def test_four_letter_short_stem_slip_fires() -> None:
    """Палу/Пглу: a consonant for a vowel in a four-letter name (stem пал too short)."""
    rows = {
        "en": ["The quake hit Palu.", "Roads to Palu are closed.", "Aid reached Palu."],
        "ru": ["Землетрясение ударило по Палу.", "Дороги в Палу закрыты.", "Помощь дошла до Палу."],
        "be": ["Землятрус ударыў па Палу.", "Дарогі ў Палу закрытыя.", "Дапамога дайшла да Пглу."],
    }
    assert ["Пглу", "Палу"] in _loud(rows), _loud(rows)


def test_locative_slip_fires_in_an_article() -> None:
    """Atlanta twice, then у Атоанце: found despite the locative's т/ц alternation."""
    rows = {
        "en": ["Atlanta schools cheated.", "The Atlanta paper reported it.", "Teachers in Atlanta were charged."],
        "ru": ["Школы Атланты жульничали.", "Газета Атланты сообщила об этом.", "Учителям в Атланте предъявили обвинения."],
        "be": ["Школы Атланты ашуквалі.", "Газета Атланты паведаміла пра гэта.", "Настаўнікам у Атоанце прад'явілі абвінавачанні."],
    }
    assert ["Атоанце", "Атланты"] in _loud(rows), _forms(rows)
    rows["be"][2] = "Настаўнікам у Атланце прад'явілі абвінавачанні."
    assert _forms(rows) == []


def test_english_w_after_a_vowel_is_heard_as_u() -> None:
    """Bowen Island / остров Боуэн, Howe Sound / Хау: the en text has both names
    (benchmarks/quality.py --seed 11 clean-article alarm); Iran/Iraq stay apart."""
    from transcheck.names import cross_match

    assert cross_match("Боуэн", "ru", "Bowen", "en") and cross_match("Хау", "ru", "Howe", "en")
    assert cross_match("Пауэлл", "ru", "Powell", "en") and cross_match("Браун", "ru", "Brown", "en")
    assert not cross_match("Иран", "ru", "Iraq", "en")


def test_russian_vowel_slip_across_russian_classes_fires() -> None:
    """ru Тутанхамона … Тутанхемона: а/е is one class under Belarusian akanne, but Russian
    spells that vowel as written; every other version sides with Тутанхамон."""
    rows = {
        "en": ["Tutankhamun's tomb was found.", "The mask of Tutankhamun is gold.", "Tutankhamun died young."],
        "ru": ["Гробница Тутанхамона найдена.", "Маска Тутанхемона золотая.", "Тутанхамон умер молодым."],
        "be": ["Грабніца Тутанхамона знойдзена.", "Маска Тутанхамона залатая.", "Тутанхамон памёр маладым."],
    }
    assert ["Тутанхемона", "Тутанхамона"] in _loud(rows), _forms(rows)
    rows["be"][1] = "Маска Тутанхэмона залатая."  # Belarusian а/э: a variant, not a warning
    rows["ru"][1] = "Маска Тутанхамона золотая."
    assert not _loud(rows), _forms(rows)


def test_belarusian_doubled_letter_of_one_mention_each_fires() -> None:
    """be Пітман … Пітмману: Belarusian writes foreign names with single letters, so of one
    mention each the doubled form is the slip, even though ru/en write Pittman."""
    rows = {
        "en": ["Pittman arrived.", "They thanked Pittman."],
        "ru": ["Питтман приехал.", "Они поблагодарили Питтмана."],
        "be": ["Пітман прыехаў.", "Яны падзякавалі Пітмману."],
    }
    assert ["Пітмману", "Пітман"] in _loud(rows), _forms(rows)


def test_consonant_of_another_sound_class_breaks_a_tie_loudly() -> None:
    """ru Гарлем once, Гафлема once (р→ф): no translator hears a name that way; a voicing
    pair (Техас/Тегас) or л/р stays a variant."""
    from transcheck.names import consonant_class_swap

    assert consonant_class_swap("гарлем", "гафлем")
    assert not consonant_class_swap("техас", "тегас") and not consonant_class_swap("ларри", "лалри")
    assert not consonant_class_swap("harlem", "hafrem")


def test_russian_doubled_letter_the_english_name_lacks_fires() -> None:
    """ru Альбукерке once, Альбуккерке once: Russian doubles only where the source does, and
    en Albuquerque has no double letter."""
    rows = {
        "en": ["Albuquerque is hot.", "He flew to Albuquerque."],
        "ru": ["В Альбукерке жарко.", "Он улетел в Альбуккерке."],
        "be": ["У Альбукерке горача.", "Ён паляцеў у Альбукерке."],
    }
    assert ["Альбуккерке", "Альбукерке"] in _loud(rows), _forms(rows)
    rows["ru"][1] = "Он улетел в Альбукерке."
    assert _forms(rows) == []
