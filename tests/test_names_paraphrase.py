"""name-inconsistency (TC401): a name the target renders by other means — an acronym of a
phrase that starts with it, a paraphrased sentence, a translated word of a place name
(benchmarks/quality.py --seed 11 clean-article warnings)."""

from __future__ import annotations

from _names_helpers import run

from transcheck.checks.names import NameInconsistency
from transcheck.model import Severity
from transcheck.names import independent_witness, tokenize

CHECK = NameInconsistency()

GMT = {
    "en": ["Greenwich lies on the Thames in London.",
           "The study group presented its report at 12.00 GMT today. It asks for an open debate."],
    "ru": ["Гринвич стоит на Темзе в Лондоне.",
           "Сегодня в 12:00 по Гринвичу группа представила свой доклад. Он призывает к открытым обсуждениям."],
    "be": ["Грынвіч стаіць на Тэмзе ў Лондане.",
           "Сёння ў 12.00 па Грынвічы група прадставіла справаздачу. Яна заклікае да адкрытых дэбатаў."],
}


def _loud(rows: dict[str, list[str]]) -> list[tuple[str | None, str]]:
    return [(f.lang, f.message) for f in run(CHECK, rows) if f.severity >= Severity.WARNING]


def test_acronym_of_a_phrase_starting_with_the_name_is_silent() -> None:
    """"12.00 GMT" where be/ru write «па Грынвічы»: the acronym renders the name."""
    assert _loud(GMT) == []


def test_name_dropped_without_an_acronym_still_fires() -> None:
    rows = {k: list(v) for k, v in GMT.items()}
    rows["en"][1] = rows["en"][1].replace("12.00 GMT today", "noon today")
    assert [lang for lang, _ in _loud(rows)] == ["en"]


def test_acronym_with_another_initial_does_not_render_the_name() -> None:
    rows = {k: list(v) for k, v in GMT.items()}
    rows["en"][1] = rows["en"][1].replace("GMT", "UTC")
    assert [lang for lang, _ in _loud(rows)] == ["en"]


def test_acronym_the_other_versions_keep_is_not_the_name_written_out() -> None:
    """be/ru carry "GMT" over too: then it abbreviates something else, not the name."""
    rows = {k: list(v) for k, v in GMT.items()}
    rows["ru"][1] = rows["ru"][1].replace("в 12:00", "в 12:00 GMT")
    rows["be"][1] = rows["be"][1].replace("ў 12.00", "ў 12.00 GMT")
    rows["en"][1] = rows["en"][1].replace("12.00 GMT today", "noon today, GMT")
    assert [lang for lang, _ in _loud(rows)] == ["en"]


def test_middle_of_middle_east_is_no_name() -> None:
    """"Middle East" is translated (Блізкі Ўсход): 'Middle' is no evidence for a name
    (it was taken for Мілера, a swap claimed on a clean article)."""
    middle = tokenize("the Middle East", "en", 0)[1]
    assert not independent_witness(middle, "be") and not independent_witness(middle, "ru")


YUAN = {
    "en": ["A farmer identified only by his surname Yuan was killed by a pig at a market.",
           ("His body was found about an hour later. The animal who killed the man did not belong to Yuan "
            "or his cousin. A market manager told the newspaper that the pig had been locked away.")],
    "be": ["Фермер, якога ведаюць толькі па прозвішчы Юань, быў забіты свіннёй на рынку.",
           ("Яго цела было знойдзена прыкладна праз гадзіну. Жывёліна, якая забіла чалавека, не належала "
            "Юаню або яго стрыечнаму брату. Кіраўнік рынку паведаміў газеце, што свіння была зачынена.")],
    "ru": ["Фермер, известный только по фамилии Юань, был убит свиньёй на рынке.",
           ("Тело было найдено примерно час спустя. Свинья-убийца не принадлежала братьям. Менеджер рынка "
            "рассказал газете, что свинью сразу же заперли в отдельном загоне.")],
}


def test_name_left_out_of_a_paraphrased_sentence_is_info() -> None:
    """ru condenses one sentence of the paragraph ("did not belong to Yuan or his cousin" →
    «не принадлежала братьям»): a translator's choice, INFO; the paragraph is not condensed."""
    findings = [f for f in run(CHECK, YUAN) if f.lang == "ru"]
    assert [f.severity for f in findings] == [Severity.INFO], [f.message for f in findings]


def test_name_dropped_from_a_faithful_sentence_is_a_warning() -> None:
    rows = {k: list(v) for k, v in YUAN.items()}
    rows["ru"][1] = ("Тело было найдено примерно час спустя. Животное, которое убило человека, не принадлежало "
                     "или его двоюродному брату. Менеджер рынка рассказал газете, что свинью сразу же заперли.")
    findings = [f for f in run(CHECK, rows) if f.lang == "ru"]
    assert [f.severity for f in findings] == [Severity.WARNING], [f.message for f in findings]



MADRID = {
    "en": ["Spain held a referendum in Catalonia a year ago.",
           "The vote was deemed illegal by Madrid but celebrated by separatists.",
           "Madrid sent the police to the polling stations."],
    "be": ["Іспанія правяла рэферэндум у Каталоніі год таму.",
           "Галасаванне Мадрыд прызнаў незаконным, але яго адзначылі сепаратысты.",
           "Мадрыд накіраваў паліцыю на выбарчыя ўчасткі."],
    "ru": ["Испания провела референдум в Каталонии год назад.",
           "Голосование было признано незаконным испанским правительством, но стало праздником для сепаратистов.",
           "Мадрид направил полицию на избирательные участки."],
}


def test_capital_written_as_its_country_is_silent() -> None:
    """"by Madrid" → «испанским правительством»: metonymy, not a dropped name."""
    assert _loud(MADRID) == []


def test_capital_dropped_without_its_country_still_fires() -> None:
    rows = {k: list(v) for k, v in MADRID.items()}
    rows["ru"][1] = rows["ru"][1].replace("испанским правительством", "правительством")
    assert [lang for lang, _ in _loud(rows)] == ["ru"]


def test_reference_metonymy_with_a_country_intruder_is_silent() -> None:
    """benchmarks/quality.py reuters-218888: ru also names Испании in that sentence, which
    be/en name only elsewhere; with the capital rendered by its country, no swap."""
    rows = {k: list(v) for k, v in MADRID.items()}
    rows["ru"][1] = rows["ru"][1].replace("сепаратистов.", "сепаратистов Испании.")
    rows["ru"][2] = "Правительство направило полицию на избирательные участки."
    assert _loud(rows) == []


def test_capital_dropped_where_every_version_names_the_country_still_fires() -> None:
    """The country word has its counterpart in the other versions (Spanish/іспанскія): it
    renders the country, not the capital (a planted swap London → Алейска beside
    брытанскіх/British was missed once)."""
    rows = {k: list(v) for k, v in MADRID.items()}
    rows["en"][1] = rows["en"][1].replace("by separatists", "by Spanish separatists")
    rows["be"][1] = rows["be"][1].replace("адзначылі сепаратысты", "адзначылі іспанскія сепаратысты")
    rows["ru"][1] = ("Голосование было признано незаконным правительством, но стало праздником для испанских "
                     "сепаратистов.")
    assert [lang for lang, _ in _loud(rows)] == ["ru"]


USA = {
    "en": ["America is large.",
           "Across the United States of America, there are about 400,000 known cases of the disease."],
    "ru": ["Америка велика.", "В США обнаружено приблизительно 400 тысяч случаев этой болезни."],
    "be": ["Амерыка вялікая.", "Каля 400 000 выпадкаў хваробы зарэгістравана ў Злучаных Штатах Амерыкі."],
}


def test_acronym_of_a_phrase_ending_with_the_name_is_silent() -> None:
    """ru США where be/en write the whole name (FLORES devtest-045, seed 13 clean alarm): the
    acronym's last letter is the name's initial and both others end a longer name with it."""
    assert _loud(USA) == []
    rows = {k: list(v) for k, v in USA.items()}
    rows["ru"][1] = rows["ru"][1].replace("В США", "В стране")
    assert [lang for lang, _ in _loud(rows)] == ["ru"]
    # Not when the name stands alone in the others: an acronym ending in its initial is then
    # some other name's (ЮНЕСКА is no rendering of "America").
    rows = {k: list(v) for k, v in USA.items()}
    rows["en"][1] = rows["en"][1].replace("the United States of America", "America")
    rows["be"][1] = rows["be"][1].replace("Злучаных Штатах Амерыкі", "Амерыцы")
    rows["ru"][1] = rows["ru"][1].replace("В США", "В ОАЭА")
    assert [lang for lang, _ in _loud(rows)] == ["ru"]


def test_an_english_adjective_elsewhere_does_not_name_the_country() -> None:
    """en "the national police" for «полиции Испании» (NTREX reuters-218888, seed 13 clean
    alarm): en says Spanish elsewhere, which the matcher took for Spain; an adjective is not
    the name, so en never names the country: a translator's choice, not a slip."""
    rows = {
        "en": ["The Canadian government spoke.", "They camped out to stop a rally for the national police."],
        "ru": ["Канадское правительство выступило.", "Они заночевали, чтобы помешать митингу полиции Канады."],
        "be": ["Канадскі ўрад выступіў.", "Яны заначавалі, каб перашкодзіць мітынгу паліцыі Канады."],
    }
    assert _loud(rows) == []
    rows["en"][0] = "The government of Canada spoke."
    assert [lang for lang, _ in _loud(rows)] == ["en"]
