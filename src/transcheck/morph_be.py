"""A small Belarusian suffix-stripping stemmer for names and glossary terms.

Why our own: no Belarusian morphological analyser on PyPI works offline (pymorphy3 has
no Belarusian dictionary). Names and terms only need "same word, other case" decisions,
so stripping one inflectional ending (longest first) and undoing the commonest stem
alternations is enough: Сібіга/Сібігі/Сібігу/Сібігай/Сібізе → "сібіг",
Ціханоўская/Ціханоўскай/Ціханоўскую → "ціханоўск", Тарасаў/Тарасава → "тарасав".
Tested in tests/test_morph_translit.py.
"""

from __future__ import annotations

import functools

# Longest first. Adjective and noun endings of all genders, numbers and cases.
_ENDINGS = tuple(sorted({
    "ага", "яга", "аму", "яму", "ымі", "імі", "амі", "ямі", "ая", "яя", "ое", "ае", "ее", "ую", "юю", "ой", "ай", "ей", "ый", "ій",
    "ых", "іх", "ым", "ім", "ам", "ям", "ах", "ях", "ом", "ем", "ёй", "ою", "аю", "ею", "ёю",
    "оў", "еў", "аў", "яў",
    "а", "я", "ы", "і", "у", "ю", "е", "э", "о", "ё", "й", "ь",
}, key=len, reverse=True))

# Dative/locative alternations: Сібіга → Сібізе, рука → руцэ, муха → мусе.
_ALTERNATIONS = (("дзе", "д"), ("зе", "г"), ("цэ", "к"))

# Stem-final consonants that alternate before the dative/locative ending: Атланта/Атланце,
# Мексіка/Мексіцы, Сібіга/Сібізе. ``same_stem_be`` accepts these pairs; the stem itself keeps
# the written letter (Ніца/Ніцы must stay "ніц").
ALTERNATING_FINALS = frozenset({("ц", "т"), ("ц", "к"), ("з", "г"), ("с", "х")})

# Endings in ў that belong to the stem (Тарасаў, Харкаў): ў alternates with в.
_STEM_FINAL_U = ("аў", "оў", "еў", "яў", "ёў")

MIN_STEM = 3


@functools.lru_cache(maxsize=65536)
def stem_be(word: str) -> str:
    """The stem of a Belarusian word: lowercase, one ending stripped, alternations undone."""
    w = word.lower().replace("’", "'").replace("ʼ", "'")
    if len(w) >= 6:
        for ending, replacement in _ALTERNATIONS:
            if w.endswith(ending):
                return w[: -len(ending)] + replacement
    if w.endswith(_STEM_FINAL_U) and len(w) - 1 >= MIN_STEM:
        # Surnames in -аў/-оў: the ў is the stem's в (Тарасаў, Тарасава, Тарасавым).
        return w[:-1] + "в"
    for ending in _ENDINGS:
        if w.endswith(ending) and len(w) - len(ending) >= MIN_STEM:
            return w[: -len(ending)]
    return w


def same_stem_be(a: str, b: str) -> bool:
    """Are two Belarusian words forms of one word, allowing a stem-final alternation?"""
    sa, sb = stem_be(a), stem_be(b)
    if sa == sb:
        return True
    if len(sa) != len(sb) or sa[:-1] != sb[:-1] or len(sa) < MIN_STEM + 1:
        return False
    pair = (sa[-1], sb[-1])
    return pair in ALTERNATING_FINALS or pair[::-1] in ALTERNATING_FINALS
