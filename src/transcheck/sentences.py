"""A small rule-based sentence splitter for be/ru/en news text, with character spans.

Why rules and not a model: the divergent-segment check only needs sentences to find
one dropped or added sentence inside an aligned paragraph pair, and it must quote it
with exact offsets. A boundary is end punctuation (. ! ? …, with any closing quotes
or brackets) followed by whitespace and a sentence-like start (capital letter, digit,
opening quote or dash). It is *not* a boundary after a known abbreviation ("U.S.",
"Dr.", "т. е.", "г.", "тыс."), after a single capital letter (initials: "А. Лукашэнка",
"J. Smith"), or before a lowercase letter. Decimal numbers ("3.5", "68,4") never
split because a boundary needs whitespace after the punctuation.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

# Lowercased, without the final period. Multi-part ones ("т. е.") are caught because
# each part is itself listed ("т", "е") or is a single letter. Units that often end a
# sentence ("тыс.", "руб.", "млн") are deliberately absent: before a capital letter
# they more often end a sentence than precede a name.
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof st jr sr vs v etc e.g i.e u.s u.k u.n inc ltd co corp no nos gen col lt
    sgt capt rep sen gov rev fig approx jan feb mar apr jun jul aug sep sept oct nov dec г гг т
    е д др пр им ул вул пл проф акад рис гл н э т.е т.д т.п т.зв г.зн напр св сп спп ст ч чч кн
    обл р-н вв в
    """.split()  # noqa: SIM905 - one word list is easier to read and extend
)

_BOUNDARY = re.compile(r"[.!?…]+[»\"”’')\]]*(\s+)")
_START = re.compile(r"[\"«„“'(\[—–-]?\s*[A-ZА-ЯЁЎІЇЄҐ0-9]")
_WORD_BEFORE = re.compile(r"([\w.\-]+)[.!?…]+[»\"”’')\]]*$")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset of the first character in the source text
    end: int  # offset after the last character


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order, stripped, with offsets into ``text``."""
    cuts = [0]
    for match in _BOUNDARY.finditer(text):
        after = match.end()
        if after >= len(text) or not _START.match(text, after):
            continue
        if match.group(0).startswith(".") and _is_abbreviation(text[cuts[-1] : match.start() + 1]):
            continue
        cuts.append(after)
    cuts.append(len(text))
    sentences = []
    for start, end in itertools.pairwise(cuts):
        chunk = text[start:end]
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = len(chunk) - len(chunk.lstrip())
        sentences.append(Sentence(stripped, start + lead, start + lead + len(stripped)))
    return sentences


def edge_runs(text: str, at_start: bool) -> list[str]:
    """The first (or last) 1..n-1 sentences of an n-sentence text, joined (none for one
    sentence): what a paragraph that merged another version's neighbour begins (or ends)
    with. The aligner (transcheck.align.peel, .attach) and the structure check compare them
    with the neighbour's content."""
    sentences = [s.text for s in split_sentences(text)]
    return [" ".join(sentences[:k] if at_start else sentences[-k:]) for k in range(1, len(sentences))]


def _is_abbreviation(before: str) -> bool:
    """Does ``before`` (text up to and including a period) end with an abbreviation?"""
    match = _WORD_BEFORE.search(before)
    if not match:
        return False
    word = match.group(1)
    if len(word) == 1 and word.isupper():  # initial: "А." "J."
        return True
    low = word.lower().rstrip(".")
    if low in _ABBREVIATIONS:
        return True
    # Dotted acronyms and initials run together: "U.S", "Дж.Б", "т.е"
    parts = low.split(".")
    return len(parts) > 1 and all(len(p) <= 2 for p in parts)
