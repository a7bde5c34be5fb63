"""Per-language word stems and lemmas, so that inflected names and terms compare equal.

Russian uses pymorphy3 (OpenCorpora dictionary, loads offline in ~0.4 s, ~20k parses/s;
every result is cached) for lemmas and proper-noun tags, plus a suffix stemmer for
unknown names (pymorphy guesses Сибига/Сибиги into different lemmas). Belarusian uses
:mod:`transcheck.morph_be`. English names do not inflect: only the possessive is removed.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from transcheck.morph_be import same_stem_be, stem_be

_RU_ENDINGS = tuple(sorted({
    "ого", "его", "ому", "ему", "ыми", "ими", "ами", "ями",
    "ая", "яя", "ое", "ее", "ую", "юю", "ой", "ей", "ый", "ий",
    "ых", "их", "ым", "им", "ом", "ем", "ам", "ям", "ах", "ях", "ою", "ею",
    "а", "я", "ы", "и", "у", "ю", "е", "о", "й", "ь",
}, key=len, reverse=True))
MIN_STEM = 3

# pymorphy3 grammemes that mark proper nouns (names, surnames, patronymics, places, orgs).
PROPER_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})


@functools.lru_cache(maxsize=65536)
def stem_ru(word: str) -> str:
    w = word.lower().replace("ё", "е")
    for ending in _RU_ENDINGS:
        if w.endswith(ending) and len(w) - len(ending) >= MIN_STEM:
            return w[: -len(ending)]
    return w


_POSSESSIVE = re.compile(r"(?:['’]s|['’])$", re.IGNORECASE)


@functools.lru_cache(maxsize=65536)
def stem_en(word: str) -> str:
    return _POSSESSIVE.sub("", word.lower())


def stem(word: str, lang: str) -> str:
    """The comparison key of ``word`` in ``lang`` (lowercase; endings stripped for be/ru)."""
    if lang == "ru":
        return stem_ru(word)
    if lang == "be":
        return stem_be(word)
    return stem_en(word)


@functools.lru_cache(maxsize=1)
def _analyzer() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@functools.lru_cache(maxsize=65536)
def ru_lemmas(word: str) -> frozenset[str]:
    """Normal forms of every pymorphy3 parse of a Russian word."""
    return frozenset(p.normal_form.replace("ё", "е") for p in _analyzer().parse(word))


@functools.lru_cache(maxsize=65536)
def ru_word_info(word: str) -> tuple[bool, bool, bool]:
    """(known to the dictionary, tagged as a proper noun, best parse is an adjective/verb/other
    non-noun). Used to tell names from capitalised common words."""
    parses = _analyzer().parse(word)
    known = _analyzer().word_is_known(word.lower())
    best = parses[0]
    proper = any(PROPER_TAGS & p.tag.grammemes for p in parses[:3] if p.score >= 0.1)
    non_noun = best.tag.POS not in ("NOUN", None) and not (PROPER_TAGS & best.tag.grammemes)
    return known, proper, non_noun


def same_word(a: str, b: str, lang: str) -> bool:
    """Are ``a`` and ``b`` forms of one word (Сибига/Сибигу yes, Каллас/Калас no)?"""
    if stem(a, lang) == stem(b, lang):
        return True
    if lang == "ru":
        return bool(ru_lemmas(a) & ru_lemmas(b))
    if lang == "be":
        return same_stem_be(a, b)
    return False
