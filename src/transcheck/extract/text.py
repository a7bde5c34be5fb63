"""Plain-text page dumps (``.txt``): the text of a saved news page, site chrome included.

Rules (see tests/test_extract.py on the seed page /work/shared/seed/000_*.txt):

* Paragraphs are separated by blank lines. A file with no blank line between text lines
  is read one paragraph per line.
* A line that ``settings.boilerplate`` matches in full (case-insensitive) is chrome: the
  language switcher ("BE RU EN"), the date line ("• 26.11.2025, 23:55"), "Latest news".
  Chrome lines are dropped; the trailing chrome ("Latest news" and everything after it)
  is cut by ``blocks.trailing_chrome_start``.
* Title: the first non-chrome paragraph *when it reads like a headline*: one source
  line, one sentence of at most ``TITLE_MAX_WORDS`` words, not ending in a full stop.
  Otherwise the file is a bare body (FLORES/NTREX-style dumps whose first line is a
  sentence of the text): no title and no lead, every block a paragraph.
* Lead: the first paragraph after the title when it is a bullet line ("• Short
  sentence.") or a short standalone sentence (one sentence of at most
  ``LEAD_MAX_WORDS`` words) followed by more paragraphs; news pages print the lead like
  that (seed: "Russia's summer offensive in Ukraine ended in failure."). Otherwise there is
  no lead and it is a paragraph.
* Leading bullet markers are removed from every paragraph. Suppression marker lines
  (``transcheck.suppress.is_marker_line``) are skipped.
"""

from __future__ import annotations

import re

from transcheck.config import Settings
from transcheck.extract.blocks import Block, Boilerplate, trailing_chrome_start
from transcheck.suppress import is_marker_line

# A lead is one short sentence: news leads in the seed and FLORES-sized leads are 8-25 words.
LEAD_MAX_WORDS = 30
# Headlines are short; the longest in the sample corpus has 8 words.
TITLE_MAX_WORDS = 30

_BULLET = re.compile(r"^\s*[•·◦▪‣*–—-]\s+")
# A sentence end followed by the start of another sentence.
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'»”’)]*\s+[\"'«“(]*[A-ZА-ЯЁІЎЄЇҐ0-9]")


def is_short_sentence(text: str, max_words: int = LEAD_MAX_WORDS) -> bool:
    """One sentence of at most ``max_words`` words (a lead candidate)."""
    return len(text.split()) <= max_words and not _SENTENCE_BREAK.search(text.strip())


def read_text(text: str, settings: Settings) -> list[Block]:
    boiler = Boilerplate(settings.boilerplate)
    lines = text.splitlines()
    blank_separated = _has_blank_separator(lines)

    texts: list[str] = []
    starts: list[int] = []
    chrome: list[bool] = []
    bullet: list[bool] = []
    current: list[str] = []
    current_start = 0

    def close() -> None:
        if current:
            joined = " ".join(current)
            texts.append(_BULLET.sub("", joined))
            starts.append(current_start)
            chrome.append(False)
            bullet.append(bool(_BULLET.match(joined)))
            current.clear()

    for number, line in enumerate(lines, 1):
        if is_marker_line(line):  # "# transcheck: ignore ..." (transcheck.suppress) is not text
            continue
        if not line.strip():
            close()
            continue
        if boiler.matches(line):
            close()
            texts.append(line.strip())
            starts.append(number)
            chrome.append(True)
            bullet.append(False)
            continue
        if not current:
            current_start = number
        current.append(line.strip())
        if not blank_separated:
            close()
    close()

    first = next((i for i, is_chrome in enumerate(chrome) if not is_chrome), None)
    if first is None:
        return []
    title_at = first if _is_headline(texts[first], lines[starts[first] - 1]) else None
    body_from = first + 1 if title_at is not None else first
    cut = trailing_chrome_start(texts, chrome, body_from)
    end = len(texts) if cut is None else cut
    body = [i for i in range(body_from, end) if not chrome[i]]

    blocks = [] if title_at is None else [Block("title", texts[title_at], starts[title_at])]
    for pos, i in enumerate(body):
        kind = "paragraph"
        if (
            title_at is not None
            and pos == 0
            and (bullet[i] or (len(body) > 1 and is_short_sentence(texts[i])))
        ):
            kind = "lead"
        blocks.append(Block(kind, texts[i], starts[i]))
    return blocks


def _is_headline(text: str, first_line: str) -> bool:
    """One line, one short sentence, no full stop at the end: how pages print titles."""
    return (
        text == _BULLET.sub("", first_line.strip())
        and is_short_sentence(text, TITLE_MAX_WORDS)
        and not text.rstrip("\"'»”’) ").endswith(".")
    )


def _has_blank_separator(lines: list[str]) -> bool:
    seen_text = False
    pending_blank = False
    for line in lines:
        if line.strip():
            if seen_text and pending_blank:
                return True
            seen_text = True
            pending_blank = False
        else:
            pending_blank = True
    return False
