"""Which words benchmarks/quality.py may plant name faults on: a frozen, self-contained rule.

Why frozen: the name faults used to be chosen with transcheck's own name code (its
extractor, cross_match, demonym lists). Every change to the name check then changed which
faults were planted, so the name recall rows of two commits measured different fault sets.
This module imports nothing from transcheck and must not change with it: edit it only on
purpose, knowing it resets the name rows' baseline.

Rule: a name is a capitalised English word of >= 4 letters, not sentence-initial and not in
STOP, whose same-paragraph counterpart in *both* Cyrillic versions is a capitalised Cyrillic word
that, romanised with the fixed table below (endings up to 2 letters trimmed), lies within
normalised edit distance MAX_DISTANCE of it (so translated words such as Ministry are out).
Person/place kinds for swaps come from pymorphy3's tags of the Russian counterpart.
"""

from __future__ import annotations

import functools
import re
from typing import Any

LANGS = ("be", "ru", "en")
Mention = tuple[str, int, int, int, str, str]  # lang, paragraph, start, end, text, English anchor (lower)

MAX_DISTANCE = 0.34
STOP = frozenset({
    "army", "cabinet", "catholic", "central", "christmas", "committee", "congress",
    "council", "democrat", "democratic", "democrats", "east", "euro", "european",
    "federation", "general", "german", "internet", "league", "minister", "ministry",
    "national", "news", "north", "olympic", "olympics", "parliament", "party", "premier",
    "president", "professor", "radio", "republic", "republican", "republicans", "senate",
    "south", "state", "states", "street", "union", "university", "west",
})
_COMMON = {"а": "a", "б": "b", "в": "v", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
           "и": "i", "і": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
           "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ў": "w", "ф": "f", "х": "h",
           "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e",
           "ю": "yu", "я": "ya", "'": "", "’": ""}
_TABLE = {"ru": {**_COMMON, "г": "g"}, "be": {**_COMMON, "г": "h"}}
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]{2,})*")  # Washington's -> Washington
_OPENERS = " \t\n\"'«“„([‘"


def _romanise(word: str, lang: str) -> str:
    return "".join(_TABLE[lang].get(c, c) for c in word.lower())


def _english_key(word: str) -> str:
    w = word.lower().replace("ph", "f").replace("ck", "k").replace("q", "k").replace("x", "ks")
    return w.replace("c", "k").replace("w", "v")


def _distance(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


@functools.cache
def matches(english: str, cyrillic: str, lang: str) -> bool:
    """Does the Cyrillic word render the English name (any case ending of <= 2 letters)?"""
    key, rom = _english_key(english), _english_key(_romanise(cyrillic, lang))
    return any(_distance(rom[:len(rom) - k], key) <= MAX_DISTANCE * max(len(key), len(rom) - k)
               for k in range(3) if len(rom) - k >= 3)


def _capitalised(word: str) -> bool:
    return word[0].isupper() and not word.isupper()


def _words(text: str) -> list[re.Match[str]]:
    return [m for m in _WORD.finditer(text) if _capitalised(m.group(0))]


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(_OPENERS)
    return not before or before[-1] in ".!?…:;"


def name_mentions(texts: dict[str, list[str]]) -> list[Mention]:
    """Every occurrence, in any version, of a name by the rule in the module docstring."""
    out: dict[tuple[str, int, int], Mention] = {}
    for i, text in enumerate(texts["en"]):
        if any(i >= len(texts[lang]) for lang in ("be", "ru")):
            continue
        for m in _words(text):
            word = m.group(0)
            if len(word) < 4 or word.lower() in STOP or _sentence_start(text, m.start()) \
                    or not word.isascii():
                continue
            anchor = word.lower()
            found = {lang: [c for c in _words(texts[lang][i])
                            if not c.group(0).isascii() and matches(word, c.group(0), lang)]
                     for lang in ("be", "ru")}
            if not all(found.values()):
                continue
            out[("en", i, m.start())] = ("en", i, m.start(), m.end(), word, anchor)
            for lang, hits in found.items():
                for c in hits:
                    out.setdefault((lang, i, c.start()), (lang, i, c.start(), c.end(), c.group(0), anchor))
    return sorted(out.values(), key=lambda m: (LANGS.index(m[0]), m[1], m[2]))


@functools.lru_cache(maxsize=1)
def _analyzer() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def name_kind(mention: Mention, texts: dict[str, list[str]]) -> str | None:
    """"person", "place" or "foreign" (unknown to the Russian dictionary: mostly surnames)
    by pymorphy3's tags of the mention's Russian counterpart; None for a common word."""
    lang, i, _start, _end, word, anchor = mention
    forms = [word] if lang == "ru" else [m.group(0) for m in _words(texts["ru"][i])
                                         if matches(anchor, m.group(0), "ru")]
    if not forms:
        return None
    parses = _analyzer().parse(forms[0])
    if not parses[0].is_known:
        return "foreign" if parses[0].tag.POS == "NOUN" else None
    for parse in parses:  # most likely reading first
        if "Geox" in parse.tag.grammemes:
            return "place"
        if parse.tag.grammemes & {"Name", "Surn", "Patr"}:
            return "person"
    return None
