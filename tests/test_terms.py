"""Glossary loading (CSV, TBX, YAML) and the term-mismatch check (TC402)."""

from __future__ import annotations

from pathlib import Path

import pytest
from _names_helpers import make_ctx, run, span_texts

from transcheck.checks.terms import TermMismatch
from transcheck.config import ConfigError, Settings
from transcheck.glossary import Glossary, GlossaryError, load_glossary
from transcheck.model import Severity
from transcheck.pipeline import load_resources

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "corpora" / "glossary.csv"
CHECK = TermMismatch()

TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en">
  <text><body>
    <termEntry id="dw">
      <langSet xml:lang="en">
        <tig><term>Deutsche Welle</term>
             <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
        <tig><term>German Wave</term>
             <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
      </langSet>
      <langSet xml:lang="ru"><tig><term>Немецкая волна</term></tig></langSet>
      <langSet xml:lang="be"><tig><term>Нямецкая хваля</term></tig></langSet>
    </termEntry>
  </body></text>
</martif>
"""

YAML = """terms:
  - concept: Deutsche Welle
    en: Deutsche Welle
    ru: [Немецкая волна, DW]
    be: Нямецкая хваля
    forbidden:
      en: [German Wave]
"""


def test_sample_glossary_parses() -> None:
    g = load_glossary(SAMPLE)
    concepts = {t.concept: t for t in g.terms}
    dw = concepts["Deutsche Welle"]
    assert dw.approved["ru"][0] == "Немецкая волна" and dw.approved["be"][0] == "Нямецкая хваля"
    assert dw.forbidden["en"] == ("German Wave",)
    assert concepts["Kaja Kallas"].approved["be"][0] == "Кая Калас"
    assert concepts["Vladimir Putin"].approved["be"][0] == "Уладзімір Пуцін"


@pytest.mark.parametrize("name,text", [("g.tbx", TBX), ("g.yaml", YAML)])
def test_tbx_and_yaml_parse(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (term,) = load_glossary(path).terms
    assert term.approved["en"] == ("Deutsche Welle",)
    assert term.approved["ru"][0] == "Немецкая волна"
    assert term.forbidden["en"] == ("German Wave",)


@pytest.mark.parametrize("name,text,where", [
    ("bad.csv", "concept,en,rus_lang\nX,Y,Z\n", "bad.csv:1:"),
    ("bad.csv", "en,ru\nEU,ЕС\n,,,\nA,B,C\n", "bad.csv:4:"),
    ("bad.csv", "en,ru,forbidden_en\nEU,ЕС,EU\n", "bad.csv:2:"),
    ("bad.tbx", "<martif><text><body>\n<termEntry>\n<langSet>", "bad.tbx:3:"),
    ("bad.yaml", "- en: EU\n  ru: ЕС\n- en: [1, 2]\n", "bad.yaml:3:"),
    ("bad.yaml", "- en: EU\n  rus language: ЕС\n", "bad.yaml:1:"),
    ("bad.txt", "en,ru\n", "bad.txt"),
])
def test_bad_glossary_names_file_and_line(tmp_path: Path, name: str, text: str, where: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GlossaryError) as err:
        load_glossary(path)
    assert f"{tmp_path / where}" in str(err.value) or where in str(err.value)


def test_bad_glossary_is_a_config_error_from_load_resources(tmp_path: Path) -> None:
    bad = tmp_path / "g.csv"
    bad.write_text("concept,xx-long-column\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="g.csv:1"):
        load_resources(Settings(glossary=str(bad)))
    with pytest.raises(ConfigError, match="not found"):
        load_resources(Settings(glossary=str(tmp_path / "missing.csv")))
    assert "glossary" in load_resources(Settings(glossary=str(SAMPLE)))


SEED_ROW = {
    "en": ["Kaja Kallas urged more pressure on Russia, writes German Wave."],
    "ru": ["Кая Каллас призвала усилить давление на Россию, пишет «Немецкая волна»."],
    "be": ["Кая Калас заклікала ўзмацніць ціск на Расію, піша «Нямецкая хваля»."],
}


def test_german_wave_is_a_forbidden_variant() -> None:
    findings = run(CHECK, SEED_ROW, load_glossary(SAMPLE))
    assert len(findings) == 1, [f.message for f in findings]
    f = findings[0]
    assert f.severity == Severity.ERROR and f.lang == "en"
    assert "'German Wave'" in f.message and "Deutsche Welle" in f.message
    assert span_texts(f, SEED_ROW) == ["German", "Wave"]


def test_inflected_forms_count_as_approved() -> None:
    rows = {
        "en": ["Deutsche Welle reports that Vladimir Putin spoke."],
        "ru": ["Как сообщает корреспондент Немецкой волны, Владимир Путин выступил."],
        "be": ["Як паведамляе карэспандэнт Нямецкай хвалі, Уладзімір Пуцін выступіў."],
    }
    assert run(CHECK, rows, load_glossary(SAMPLE)) == []


def test_missing_approved_form_is_a_warning() -> None:
    rows = {
        "en": ["Deutsche Welle reports the talks ended."],
        "ru": ["Как сообщает немецкое радио, переговоры закончились."],
        "be": ["Як паведамляе «Нямецкая хваля», перамовы скончыліся."],
    }
    findings = run(CHECK, rows, load_glossary(SAMPLE))
    assert [(f.lang, f.severity) for f in findings] == [("ru", Severity.WARNING)]
    assert "'Немецкая волна'" in findings[0].message


def test_no_glossary_no_findings() -> None:
    assert run(CHECK, SEED_ROW) == []


def test_derived_or_copied_term_is_info_not_warning() -> None:
    """Greenlandic for Greenland, or the en name left in Latin letters: the term is there in
    another form (benchmarks/names_terms.py: most warnings of a generated glossary)."""
    from transcheck.glossary import Term

    glossary = Glossary(path="<test>", terms=(Term(
        concept="Greenland", approved={"en": ("Greenland",), "ru": ("Гренландия",), "be": ("Грэнландыя",)},
        forbidden={}),))
    rows = {
        "en": ["Greenlandic fishermen went out.", "Greenland is cold."],
        "ru": ["Рыбаки Гренландии вышли в море.", "В Greenland холодно."],
        "be": ["Рыбакі Грэнландыі выйшлі ў мора.", "У Грэнландыі холадна."],
    }
    findings = run(CHECK, rows, glossary)
    assert sorted((f.lang, f.segments[f.lang][0], f.severity) for f in findings) == [
        ("en", 0, Severity.INFO), ("ru", 1, Severity.INFO)]


def _glossary(*terms: tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]) -> Glossary:
    from transcheck.glossary import Term

    return Glossary(path="<test>", terms=tuple(
        Term(concept=approved["en"][0], approved=approved, forbidden=forbidden) for approved, forbidden in terms))


PANAMA = ({"en": ("Panama",), "ru": ("Панама",), "be": ("Панама",)}, {})


def test_inflection_the_stemmer_misreads_still_counts() -> None:
    """Панаму: the Belarusian stemmer strips the adjective ending -аму (stem "пан"); any-ending
    keys still match Панама (benchmarks/names_terms.py: a clean false alarm before)."""
    rows = {"en": ["They returned to Panama."], "ru": ["Они вернулись в Панаму."],
            "be": ["Яны вярнуліся ў Панаму."]}
    assert run(CHECK, rows, _glossary(PANAMA)) == []


def test_softened_consonant_only_in_dative_locative() -> None:
    from transcheck.checks.terms import words_match

    assert words_match("Атланта", "Атланце", "be") and words_match("Мексіка", "Мексіцы", "be")
    assert not words_match("Чарльзам", "Чарльгам", "be")  # a respelling, not a case form
    assert not words_match("Каллас", "Калас", "ru")


def test_respelling_is_a_warning_not_a_derived_form() -> None:
    """Ливингстан for Ливингстон shares all but one letter with it: a respelling (warning),
    not a derivation (Бразильский for Бразилия stays INFO)."""
    glossary = _glossary(
        ({"en": ("Livingston",), "ru": ("Ливингстон",), "be": ("Лівінгстан",)}, {}),
        ({"en": ("Brazil",), "ru": ("Бразилия",), "be": ("Бразілія",)}, {}),
    )
    rows = {
        "en": ["Livingston won again.", "The Congress of Brazil met."],
        "ru": ["Ливингстан снова выиграл.", "Бразильский конгресс собрался."],
        "be": ["Лівінгстан зноў выйграў.", "Кангрэс Бразіліі сабраўся."],
    }
    findings = run(CHECK, rows, glossary)
    assert sorted((f.lang, f.segments[f.lang][0], f.severity) for f in findings) == [
        ("ru", 0, Severity.WARNING), ("ru", 1, Severity.INFO)]


def test_capitalised_name_does_not_match_a_lowercase_word() -> None:
    """Пара (a name) in the glossary; пары (pairs) in two versions is no evidence the term is
    there, and a lowercase homograph of a forbidden name is no forbidden variant."""
    glossary = _glossary(({"en": ("Paro",), "ru": ("Пара",), "be": ("Пара",)}, {"ru": ("Калий",)}))
    rows = {"en": ["Two pairs of shoes and some potassium."], "ru": ["Две пары обуви и калий."],
            "be": ["Дзве пары абутку і калій."]}
    assert run(CHECK, rows, glossary) == []
    rows["ru"] = ["Две пары обуви, сказал Калий."]
    assert [(f.lang, f.severity) for f in run(CHECK, rows, glossary)] == [("ru", Severity.ERROR)]


def test_english_demonym_is_info() -> None:
    glossary = _glossary(({"en": ("Catalonia",), "ru": ("Каталония",), "be": ("Каталонія",)}, {}))
    rows = {"en": ["The Catalan government met."], "ru": ["Правительство Каталонии собралось."],
            "be": ["Урад Каталоніі сабраўся."]}
    assert [(f.lang, f.severity) for f in run(CHECK, rows, glossary)] == [("en", Severity.INFO)]


def test_large_glossary_index_finds_only_the_terms_present() -> None:
    from transcheck.checks.terms import term_index
    from transcheck.names import tokenize

    glossary = _glossary(PANAMA, *[({"en": (f"Name{i}",), "ru": (f"Имя{i}",), "be": (f"Імя{i}",)}, {})
                                   for i in range(500)])
    index = term_index(glossary)
    assert index.candidates(tokenize("Они вернулись в Панаму.", "ru", 0), "ru") == {0}


def test_corpus_builder_glossary_and_term_faults(tmp_path: Path) -> None:
    """The benchmark glossary loads, and a planted forbidden variant is found as an error."""
    import random
    import sys

    sys.path.insert(0, str(REPO / "benchmarks"))
    from corpus_builder import (
        BaseArticle,
        GlossaryEntry,
        _texts,
        plant_term,
        write_corpus,
        write_glossary,
    )

    entry = GlossaryEntry(concept="Hamilton", approved={"en": ["Hamilton"], "ru": ["Хэмилтон"], "be": ["Хэмілтан"]},
                          forbidden={"en": ["Khemilton"], "ru": ["Хэмилтан"], "be": ["Хэмілтон"]}, paragraphs=2)
    write_glossary([entry], tmp_path / "glossary.csv")
    glossary = load_glossary(tmp_path / "glossary.csv")
    assert glossary.terms[0].forbidden["be"] == ("Хэмілтон",)
    article = BaseArticle(id="t", title=None, paragraphs=[
        {"en": ["The team did well, said Hamilton."], "ru": ["Команда хорошо поработала, сказал Хэмилтон."],
         "be": ["Каманда добра папрацавала, сказаў Хэмілтан."]}])
    built = plant_term(article, "term-forbidden", random.Random(1), [entry])
    assert built is not None and built.faults[0].check == "term-mismatch"
    lang = built.faults[0].lang
    assert built.paragraphs[lang] != _texts(article)[lang]
    findings = run(CHECK, {x: built.paragraphs[x] for x in ("en", "ru", "be")}, glossary)
    assert [(f.lang, f.severity) for f in findings] == [(lang, Severity.ERROR)]
    write_corpus([built], tmp_path / "c", glossary=[entry])
    assert (tmp_path / "c" / "transcheck.toml").read_text(encoding="utf-8").count("glossary.csv") == 1


def test_derived_adjective_with_alternating_consonant_is_info() -> None:
    glossary = _glossary(({"en": ("Senate",), "ru": ("Сенат",), "be": ("Сенат",)}, {}))
    rows = {"en": ["The Senate vote is due."], "ru": ["Голосование в Сенате ожидается."],
            "be": ["Галасаванне на сенацкім узроўні чакаецца."]}
    assert [(f.lang, f.severity) for f in run(CHECK, rows, glossary)] == [("be", Severity.INFO)]


def test_misspelt_glossary_name_is_reported_once() -> None:
    """Callas among Kallas is name-inconsistency's finding (it quotes both spellings); the
    term check does not repeat it, but reports it when that check is switched off."""
    import dataclasses

    from transcheck.checks.names import NameInconsistency

    glossary = _glossary(({"en": ("Kaja Kallas", "Kallas"), "ru": ("Кая Каллас", "Каллас"),
                          "be": ("Кая Калас", "Калас")}, {}))
    rows = {
        "en": ["Kaja Kallas arrived in Kyiv.", "Kallas met the minister.", "Callas emphasized the point.",
               "Kallas left on Friday."],
        "ru": ["Кая Каллас прибыла в Киев.", "Каллас встретилась с министром.", "Каллас подчеркнула это.",
               "Каллас уехала в пятницу."],
        "be": ["Кая Калас прыбыла ў Кіеў.", "Калас сустрэлася з міністрам.", "Калас падкрэсліла гэта.",
               "Калас з'ехала ў пятніцу."],
    }
    names = list(NameInconsistency().run(make_ctx(rows, glossary)))
    assert [(f.lang, f.segments[f.lang]) for f in names if f.severity >= Severity.WARNING] == [("en", (2,))]
    assert run(CHECK, rows, glossary) == []
    ctx = make_ctx(rows, glossary)
    ctx.settings = dataclasses.replace(ctx.settings, ignore=("TC401",))
    alone = list(CHECK.run(ctx))
    assert [(f.lang, f.severity) for f in alone] == [("en", Severity.WARNING)]


def test_term_left_out_by_a_version_that_never_uses_it_is_info() -> None:
    """A term left out of a paraphrase (FLORES devtest-028: "Washington insiders" → «имеющим
    связи с правительством») has no wrong form to correct: INFO, as name-inconsistency treats
    a name the version names nowhere else. It stays a warning when the version uses the term
    elsewhere, or leaves a word behind that is the wrong rendering."""
    glossary = _glossary(({"en": ("Washington",), "ru": ("Вашингтон",), "be": ("Вашынгтон",)}, {}))
    rows = {"en": ["Contracts went to perceived Washington insiders, critics said.", "Nothing more."],
            "ru": ["Контракты доставались тем, кто имеет связи с правительством, говорили критики.",
                   "Больше ничего."],
            "be": ["Кантракты атрымлівалі інсайдэры з Вашынгтона, казалі крытыкі.", "Больш нічога."]}
    assert [(f.lang, f.severity) for f in run(CHECK, rows, glossary)] == [("ru", Severity.INFO)]
    rows["ru"][1] = "Больше ничего Вашингтон не сказал."
    assert [(f.lang, f.severity) for f in run(CHECK, rows, glossary)] == [("ru", Severity.WARNING)]
    rows["ru"][1] = "Больше ничего."
    for wrong in ("инсайдерам из Капитолия", "инсайдерам из Ландона"):
        rows["ru"][0] = f"Контракты доставались {wrong}, говорили критики."
        assert [(f.lang, f.severity) for f in run(CHECK, rows, glossary)] == [("ru", Severity.WARNING)], wrong


@pytest.mark.parametrize("lang,concept,rows", [
    # AZ abbreviates Arizona (NTREX newsweek-51338).
    ("en", {"en": ("Arizona",), "ru": ("Аризона",), "be": ("Арызона",)},
     {"en": ["The storm passed within 40 miles of the AZ border."],
      "ru": ["Шторм прошёл в 40 милях от границы Аризоны."],
      "be": ["Шторм прайшоў за 40 міль ад мяжы Арызоны."]}),
    # An irregular English adjective of the place (FLORES: French for Францыі).
    ("en", {"en": ("France",), "ru": ("Франция",), "be": ("Францыя",)},
     {"en": ["French electoral law codifies the proceedings."],
      "ru": ["Избирательное законодательство Франции регулирует процедуру."],
      "be": ["Выбарчае заканадаўства Францыі рэгулюе працэдуру."]}),
    # A Belarusian adjective of the place whose root changes (FLORES devtest-030: у турэцкім
    # Газіянтэпе for "Gaziantep, Turkey").
    ("be", {"en": ("Turkey",), "ru": ("Турция",), "be": ("Турцыя",)},
     {"en": ["A car bomb exploded in Gaziantep, Turkey yesterday."],
      "ru": ["Вчера в Газиантепе (Турция) взорвался автомобиль."],
      "be": ["Учора ў турэцкім Газіянтэпе ўзарваўся аўтамабіль."]}),
    # A derived word inside a hyphenated compound (FLORES dev-000: Catalan-capital).
    ("en", {"en": ("Catalonia",), "ru": ("Каталония",), "be": ("Каталонія",)},
     {"en": ["Since moving to the Catalan-capital, Vidal had played 49 games."],
      "ru": ["После переезда в столицу Каталонии Видаль провёл 49 матчей."],
      "be": ["Пасля пераезду ў сталіцу Каталоніі Відаль правёў 49 матчаў."]}),
    # The term is part of a longer name the version abbreviates (FLORES devtest-046: США).
    ("ru", {"en": ("America",), "ru": ("Америка",), "be": ("Амерыка",)},
     {"en": ["Across the United States of America, there are 400,000 known cases."],
      "ru": ["В США обнаружено приблизительно 400 тысяч случаев."],
      "be": ["Каля 400 000 выпадкаў зарэгістравана ў Злучаных Штатах Амерыкі."]}),
])
def test_term_in_another_form_is_info(lang: str, concept: dict[str, tuple[str, ...]],
                                      rows: dict[str, list[str]]) -> None:
    """Abbreviated, an English demonym, inside a compound, or inside a longer name the version
    abbreviates: the term is there in another form, so INFO, not a warning."""
    found = [(f.lang, f.severity) for f in run(CHECK, rows, _glossary((concept, {})))]
    assert found == [(lang, Severity.INFO)]


def test_unrelated_acronym_does_not_excuse_a_missing_term() -> None:
    """An acronym excuses the term only when it abbreviates it or a longer name around it."""
    glossary = _glossary(({"en": ("Africa",), "ru": ("Африка",), "be": ("Афрыка",)}, {}))
    rows = {"en": ["Africa joined the talks at NATO headquarters."],
            "ru": ["Делегация Евразии присоединилась к переговорам в штаб-квартире НАТО."],
            "be": ["Афрыка далучылася да перамоў у штаб-кватэры НАТА."]}
    assert [(f.lang, f.severity) for f in run(CHECK, rows, glossary)] == [("ru", Severity.WARNING)]
    rows["en"][0] = "South Africa joined the talks."
    rows["be"][0] = "Паўднёвая Афрыка далучылася да перамоў."
    rows["ru"][0] = "ЮАР присоединилась к переговорам."
    assert [(f.lang, f.severity) for f in run(CHECK, rows, glossary)] == [("ru", Severity.INFO)]
    # Inside a longer name (FLORES devtest-033): the acronym there is another name's.
    rows["en"][0] = "Glen Cushing of the USGS and of South Africa University said."
    rows["be"][0] = "Глен Кушынг з ЗША і Універсітэта Паўднёвай Афрыкі сказаў."
    rows["ru"][0] = "Глен Кушинг из США и Университета Южной Аффрики сказал."
    assert [(f.lang, f.severity) for f in run(CHECK, rows, glossary)] == [("ru", Severity.WARNING)]


def test_vowel_final_name_does_not_match_a_longer_word() -> None:
    """Ливи (Livingston's nickname) is not Ливии (of Libya): a vowel-final word is inflected by
    replacing its vowel, not by adding one. Панаму is still Панама, Каванам still Кавана."""
    from transcheck.checks.terms import words_match

    assert not words_match("Ливи", "Ливии", "ru") and not words_match("Ліві", "Лівіі", "be")
    assert words_match("Панама", "Панаму", "ru") and words_match("Кавана", "Каванам", "be")
    glossary = _glossary(({"en": ("Livi",), "ru": ("Ливи",), "be": ("Ліві",)}, {}))
    rows = {"en": ["Libya's government met in Tripoli."], "ru": ["Правительство Ливии собралось в Триполи."],
            "be": ["Урад Лівіі сабраўся ў Трыпалі."]}
    assert run(CHECK, rows, glossary) == []


def test_benchmark_glossary_folds_partition_the_articles(shared_data: Path) -> None:
    """quality.py scores each article against the glossary of the other fold only: the folds
    split the base articles by a fixed rule, and term faults use the other fold's glossary."""
    import sys

    sys.path.insert(0, str(REPO / "benchmarks"))
    from corpus_builder import FOLDS, fold_ids, glossary_fold, load_base_articles

    ids = [a.id for a in load_base_articles(7)]
    folds = [fold_ids(7, f) for f in range(FOLDS)]
    assert set().union(*folds) == set(ids) and sum(map(len, folds)) == len(ids)
    assert all(ids[i] in folds[glossary_fold(i)] for i in range(len(ids)))


def test_respelt_term_beside_a_derived_word_is_a_warning() -> None:
    """A derived word (Indian) makes a missing term INFO, but not when the term is there
    misspelt (Inndia): that version has it wrong."""
    glossary = _glossary(({"en": ("India",), "ru": ("Индия",), "be": ("Індыя",)}, {}))
    rows = {"en": ["Indian cuisine is famous across Inndia."], "ru": ["Индийская кухня известна по всей Индии."],
            "be": ["Індыйская кухня вядомая па ўсёй Індыі."]}
    assert [(f.lang, f.severity) for f in run(CHECK, rows, glossary)] == [("en", Severity.WARNING)]
    rows["en"] = ["Indian cuisine is famous everywhere."]
    assert [(f.lang, f.severity) for f in run(CHECK, rows, glossary)] == [("en", Severity.INFO)]
