"""Glossary loading (CSV, TBX, YAML) and the term-mismatch check (TC402)."""

from __future__ import annotations

from pathlib import Path

import pytest
from _names_helpers import run, span_texts

from transcheck.checks.terms import TermMismatch
from transcheck.config import ConfigError, Settings
from transcheck.glossary import GlossaryError, load_glossary
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
    from transcheck.glossary import Glossary, Term

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
