"""Numeric facts in be/ru/en text: extraction, normalisation and comparison.

Pure functions, no check logic: ``extract_facts`` turns a text into ``Fact`` objects
whose values are normalised so that the same figure written the way each language
writes it compares equal (``10,000`` = ``10 000`` = ``10.000`` in ru style, ``1.5
million`` = ``1,5 млн`` = ``1,5 мільёна``, ``26 November 2025`` = ``26.11.2025`` =
``26 лістапада 2025``); ``compare_facts`` says which figures of one aligned row the
versions disagree on and which version the majority blames.

Two kinds of fact:

* *hard* facts are written with digits. Translators copy them, so a digit-based figure
  with no counterpart in another version is a finding.
* *soft* facts are number words (``four``, ``чатырох``), ordinal words (``Seventh`` ↔
  ``7-му``), Roman numerals (``XV век`` ↔ ``15th century``) and numbers inside
  identifiers (``COVID-19``). Translators freely add, drop or spell these out, so a
  soft fact never raises a finding on its own; it only *matches* a hard fact of another
  version (``four year old`` ↔ ``4-х летнего``).

Calibrated by ``benchmarks/numbers_clean.py`` on all 624 FLORES-200 + NTREX be/ru/en
articles (3016 sentence triples): 6 clean triples raise a report (0.96 per 100 articles;
3 of them are real translator slips, e.g. 385 miles given as 360 km), and 99.2% of 1741
planted changes (another digit, +1, ×10, a date shifted by a day) are found.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

# ---------------------------------------------------------------------------
# Facts


@dataclass(frozen=True)
class Fact:
    """One numeric fact found in a text.

    ``kind`` is ``number``, ``date``, ``time`` or ``literal`` (a version-like string such
    as ``802.11.2`` compared verbatim). ``values`` holds every reading of an ambiguous
    number (``1.500`` in ru may be 1.5 or 1500); it matches if any reading matches.
    """

    kind: str
    surface: str
    start: int
    end: int
    hard: bool
    values: frozenset[Decimal] = frozenset()
    day: int | None = None
    month: int | None = None
    year: int | None = None
    hour: int | None = None
    minute: int | None = None
    literal: str | None = None
    unit: str | None = None  # "%" for percentages: shown, not compared
    segment: int = 0  # set by callers that extract segment by segment
    # Readings that only excuse another version's figure and never witness against a third:
    # the upper bound of a decade ("20s" ~ "от 20 до 30", but "за 20" is no error either).
    loose: frozenset[Decimal] = frozenset()
    # A number inside an identifier (Il-76, COVID-19, F-16): soft, but see compare_facts.
    identifier: bool = False

    @property
    def label(self) -> str:
        """A short normalised rendering for messages (the surface is shown beside it)."""
        if self.kind == "date":
            base = f"{self.day:02d}.{self.month:02d}"
            return f"{base}.{self.year}" if self.year else base
        if self.kind == "time":
            return f"{self.hour:02d}:{self.minute:02d}"
        if self.kind == "literal":
            return self.literal or self.surface
        shown = sorted(_fmt(v) for v in self.values)
        return "/".join(shown) + (self.unit or "")


def _fmt(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


# ---------------------------------------------------------------------------
# Vocabulary

_MONTHS_EN = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
# Stems of ru and be month names (any case form; a day number before them makes a date).
_MONTH_STEMS = (
    (1, r"январ|студзен"), (2, r"феврал|лют"), (3, r"март|сакавік"), (4, r"апрел|красавік"),
    (5, r"ма[йяею]|мая|травен|траўн"), (6, r"июн|чэрвен|чэрвен"), (7, r"июл|ліпен"),
    (8, r"август|жнів|жнiў|жніў"), (9, r"сентябр|верас"), (10, r"октябр|кастрычнік"),
    (11, r"ноябр|лістапад"), (12, r"декабр|снеж"),
)  # fmt: skip
_MONTH_CYR = re.compile(
    r"(" + "|".join(f"(?:{stem})" for _, stem in _MONTH_STEMS) + r")[а-яёіў]*", re.IGNORECASE
)
_MONTH_EN = re.compile(
    r"(" + "|".join(sorted(_MONTHS_EN, key=len, reverse=True)) + r")\b\.?", re.IGNORECASE
)

# Multipliers written after a figure: "1.5 million", "1,5 млн", "10 мільярдаў".
_MULTIPLIERS = (
    (Decimal(10) ** 12, r"trillions?|трлн\.?|триллион[а-я]*|трыльён[а-яёіў]*"),
    (Decimal(10) ** 9, r"billions?|bn|млрд\.?|миллиард[а-я]*|мільярд[а-яёіў]*"),
    (Decimal(10) ** 6, r"millions?|mln|mn|млн\.?|миллион[а-я]*|мільён[а-яёіў]*"),
    (Decimal(10) ** 3, r"thousands?|тыс\.?|тысяч[а-яёіў]*"),
)
_MULT_RE = re.compile(
    r"\s*(?:(" + ")|(".join(pattern for _, pattern in _MULTIPLIERS) + r"))(?![\w])", re.IGNORECASE
)

_PERCENT_RE = re.compile(
    r"\s*(?:%|per\s?cent\b|percent\b|процент[а-я]*|працэнт[а-яёіў]*|адсот[а-яёіў]*)", re.IGNORECASE
)

# Number words (soft facts). Whole-word regexes tried in order; teens and tens come before
# the units whose stems they start with. ё is folded to е for ru and kept for be.
_WORDS_EN = (
    (11, r"eleven(th)?"), (12, r"twelve|twelfth|dozens?"), (13, r"thirteen(th)?"),
    (14, r"fourteen(th)?"), (15, r"fifteen(th)?"), (16, r"sixteen(th)?"),
    (17, r"seventeen(th)?"), (18, r"eighteen(th)?"), (19, r"nineteen(th)?"),
    (20, r"twent(y|ieth)"), (30, r"thirt(y|ieth)"), (40, r"fort(y|ieth)"), (50, r"fift(y|ieth)"),
    (60, r"sixt(y|ieth)"), (70, r"sevent(y|ieth)"), (80, r"eight(y|ieth)"), (90, r"ninet(y|ieth)"),
    (1, r"one|first|once|single"), (2, r"two|second|twice|both|double|pair"),
    (3, r"three|third|thrice|triple"), (4, r"four(th)?|quarter"), (5, r"five|fifth"),
    (6, r"six(th)?"), (7, r"seven(th)?"), (8, r"eight(h)?"), (9, r"nine|ninth"),
    (10, r"ten(th)?"), (100, r"hundreds?|hundredth"), (1000, r"thousands?|thousandth"),
    (10**6, r"millions?|millionth"), (10**9, r"billions?"), (10, r"decades?"),
)  # fmt: skip
_WORDS_RU = (
    (11, r"одиннадцат\w*"), (12, r"двенадцат\w*|дюжин\w*"), (13, r"тринадцат\w*"),
    (14, r"четырнадцат\w*"), (15, r"пятнадцат\w*"), (16, r"шестнадцат\w*"),
    (17, r"семнадцат\w*"), (18, r"восемнадцат\w*"), (19, r"девятнадцат\w*"),
    (20, r"двадцат\w*"), (30, r"тридцат\w*"), (40, r"сорок\w*"),
    (50, r"пятьдесят|пятидесят\w*"), (60, r"шестьдесят|шестидесят\w*"),
    (70, r"семьдесят|семидесят\w*"), (80, r"восемьдесят|восьмидесят\w*"),
    (90, r"девяност\w*"), (100, r"сто|ста|сотн\w*|сот(ый|ого|ом|ая|ой|ую|ое|ые|ых)|сто(метр|лет|градус)\w*"),
    (200, r"двести|двухсот\w*"), (300, r"триста|трехсот\w*"),
    (1000, r"тысяч\w*"), (10**6, r"миллион\w*"), (10**9, r"миллиард\w*"),
    (24, r"круглосуточн\w*"), (10, r"десятилет\w*"),
    (1, r"од(ин|на|но|ни|ного|ной|ному|ним|ною|ну|ними|них)|перв\w*|единствен\w*"),
    (2, r"дв(а|е|ух|ум|умя|ое|оих|ух\w*|ойн\w*)|втор(ой|ого|ому|ым|ом|ая|ую|ое|ые|ых|ична\w*)|оба|обе|пар[аыуе]"),
    (3, r"тр(и|ех|ем|емя|ое|оих|ех\w*)|трет\w*|трижды"),
    (4, r"четыр\w*|четвер(о|ых)|четверт\w*"),
    (5, r"пят(ь|и|ью|еро|ерых|ый|ого|ому|ом|ая|ой|ую|ое|ые|ых|и\w*)"),
    (6, r"шест(ь|и|ью|еро|ерых|ой|ого|ому|ом|ая|ую|ое|ые|ых|и\w*)"),
    (7, r"сем(ь|и|ью|еро|ерых|и\w*)|седьм\w*"),
    (8, r"вос(емь|ьми|емью|ьмеро|ьмерых)|восьм\w*"),
    (9, r"девят(ь|и|ью|ый|ого|ом|ая|ой|ую|ое|ые|ых|и\w*)"),
    (10, r"десят(ь|и|ью|ок|ка|ки|ков|ый|ого|ом|ая|ой|ую|ое|ые|ых|и\w*)"),
)  # fmt: skip
_WORDS_BE = (
    (11, r"адзінацца\w*"), (12, r"дванацца\w*|тузін\w*"), (13, r"трынацца\w*"),
    (14, r"чатырнацца\w*"), (15, r"пятнацца\w*"), (16, r"шаснацца\w*"),
    (17, r"сямнацца\w*"), (18, r"васямнацца\w*"), (19, r"дзевятнацца\w*"),
    (20, r"двацца\w*"), (30, r"трыцца\w*"), (40, r"сарак\w*"),
    (50, r"пяц[ьі]дз[еяі]с\w*"), (60, r"шэсцьдз\w*|шасцідз\w*"),
    (70, r"с[еяі]мдз\w*|сямідз\w*"), (80, r"в[оа]семдз\w*|васьмідз\w*"),
    (90, r"дзевяност\w*"), (100, r"сто|ста|сотн\w*|сот(ы|ага|ым|ая|ай|ую|ае|ыя|ых)|сто(метр|гад|градус)\w*"),
    (200, r"дзвесце|двухсот\w*"), (300, r"трыста|трохсот\w*"),
    (1000, r"тысяч\w*"), (10**6, r"мільён\w*"), (10**9, r"мільярд\w*"),
    (24, r"кругласут\w*"), (10, r"дзесяцігод\w*"),
    (1, r"адз(ін|іна|іны|ін\w*)|адн(а|о|аго|ой|ым|у|ая|ую|ыя|ых|ымі|ою|ае)|перш\w*|адзін\w*"),
    (2, r"дв(а|е|ух|ум|ума|ое|аіх|ух\w*|айн\w*)|дзве|дзвюх|дзвюма|дзвух\w*|друг(і|ая|ое|ога|ой|ім|ую|ія|іх|ам)|абодва|абедзве|пар[аыуе]"),
    (3, r"тр(ы|ох|ом|ыма|ое|аіх|ох\w*)|трэц\w*|тройчы"),
    (4, r"чатыр\w*|чацвёр(а|ых)|чацвёрт\w*|чвэрт\w*"),
    (5, r"пяц(ь|і|цю|ёра|ёх|і\w*)|пят(ы|ага|ай|ым|ая|ую|ае|ыя|ых)"),
    (6, r"шэсць|шасц(і|цю|ёра|ёх|і\w*)|шост\w*"),
    (7, r"сем|сям(і|ю|ёра|ёх|і\w*)|сём\w*"),
    (8, r"восем|васьм\w*|восьм\w*|васьмёр\w*"),
    (9, r"дзевяць|дзевяц(і|цю|і\w*)|дзявят\w*"),
    (10, r"дзесяць|дзесяц(і|цю|і\w*)|дзясят\w*|дзясятак\w*|дзесятк\w*"),
)  # fmt: skip


def _compile_words(table: Sequence[tuple[int, str]]) -> list[tuple[int, re.Pattern[str]]]:
    return [(value, re.compile(pattern, re.IGNORECASE)) for value, pattern in table]


_WORDS = {
    "en": _compile_words(_WORDS_EN),
    "ru": _compile_words(_WORDS_RU),
    "be": _compile_words(_WORDS_BE),
}

_ROMAN_RE = re.compile(r"(?<![\w])[IVXLCDM]{1,7}(?![\w])")
_ROMAN_VALID = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}

# ---------------------------------------------------------------------------
# Regexes for digit-based facts

_SPACES = "\u0020\u00a0\u202f\u2009"
_NUM_RE = re.compile(
    rf"\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?![\d.,]\d)(?:[.,]\d+)?"  # 10 000, 1 500 000,5
    r"|\d+(?:[.,]\d+)*"  # 10,000  1.5  1,5  10.000  802.11
)
_DATE_NUM_RE = re.compile(r"(?<![\d.,/])(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d{2})(?![\d]|[.,/]\d)")
_DATE_ISO_RE = re.compile(r"(?<![\d.,/-])(\d{4})-(\d{2})-(\d{2})(?![\d])")
_TIME_RE = re.compile(r"(?<![\d.,:])([01]?\d|2[0-3]):([0-5]\d)(?![\d]|:\d)")
_AMPM_RE = re.compile(r"\s*([ap])\.?\s?m\b\.?", re.IGNORECASE)
_ORDINAL_RE = re.compile(r"(?:st|nd|rd|th|-?[а-яёіў]{1,3}\b)?", re.IGNORECASE)


def _is_identifier_context(text: str, start: int) -> bool:
    """Digits glued to letters on the left (G7, MH17, COVID-19, F-16, Чандраян-1)."""
    if start == 0:
        return False
    prev = text[start - 1]
    if prev.isalpha():
        return True
    return prev in "-‐" and start >= 2 and text[start - 2].isalpha()


def _roman(token: str) -> int | None:
    if not _ROMAN_VALID.fullmatch(token):
        return None
    total = 0
    for i, ch in enumerate(token):
        value = _ROMAN_VALUES[ch]
        if i + 1 < len(token) and _ROMAN_VALUES[token[i + 1]] > value:
            total -= value
        else:
            total += value
    return total or None


def _parse_number(raw: str, lang: str) -> tuple[frozenset[Decimal], bool]:
    """All readings of a digit string, and whether it is a plain number (vs. a literal).

    Grouping separators: spaces of any width always; ``,`` in en; ``.`` in ru/be when
    followed by exactly three digits (``10.000``), in which case the decimal reading is
    kept too — we cannot tell, and either reading may match the other version.
    """
    compact = re.sub(f"[{_SPACES}]", "", raw)
    if compact != raw:  # space-grouped, maybe with a decimal tail
        return frozenset({Decimal(compact.replace(",", "."))}), True
    parts = re.split(r"([.,])", raw)
    digits = parts[0::2]
    seps = parts[1::2]
    if not seps:
        return frozenset({Decimal(raw)}), True
    if len(seps) == 1:
        a, sep, b = digits[0], seps[0], digits[1]
        decimal = Decimal(f"{a}.{b}")
        grouped = Decimal(a + b)
        three = len(b) == 3 and not a.startswith("0") and len(a) <= 3
        if lang == "en":
            if sep == ",":
                return frozenset({grouped if three else decimal}), True
            return frozenset({decimal, grouped} if three else {decimal}), True
        if three:  # ru/be "1,500" is 1.5 as a rule, "10.000" is 10000: keep both readings
            return frozenset({decimal, grouped}), True
        return frozenset({decimal}), True
    # Several separators: 1,000,000 / 1.000.000 / 1,000,000.5 / 1 000,5 or a version string.
    if len(set(seps)) == 1 and all(len(d) == 3 for d in digits[1:]) and len(digits[0]) <= 3:
        return frozenset({Decimal("".join(digits))}), True
    if (
        len(set(seps[:-1])) == 1
        and seps[-1] != seps[0]
        and all(len(d) == 3 for d in digits[1:-1])
        and len(digits[0]) <= 3
    ):
        return frozenset({Decimal("".join(digits[:-1]) + "." + digits[-1])}), True
    return frozenset(), False


def _multiplier_at(text: str, pos: int) -> tuple[Decimal, int] | None:
    match = _MULT_RE.match(text, pos)
    if not match:
        return None
    for (factor, _), group in zip(_MULTIPLIERS, match.groups()):
        if group:
            return factor, match.end()
    return None


def _month_after(text: str, pos: int, lang: str) -> tuple[int, int] | None:
    """A month name right after a day number (``26 November``, ``6th of October``, ``26-га лістапада``)."""
    tail = _ORDINAL_RE.match(text, pos)
    p = tail.end() if tail else pos
    gap = re.compile(r"[\s\u00a0]+(?:of[\s\u00a0]+)?").match(text, p)
    if not gap:
        return None
    p = gap.end()
    match = _MONTH_EN.match(text, p) if lang == "en" else _MONTH_CYR.match(text, p)
    if not match:
        return None
    if lang == "en":
        if not text[p].isupper():  # "5 may be": only capitalised month names
            return None
        return _MONTHS_EN[match.group(1).lower()], match.end()
    word = match.group(0).lower()
    for month, stem in _MONTH_STEMS:
        if re.match(stem, word):
            return month, match.end()
    return None


def _month_before(text: str, start: int) -> tuple[int, int] | None:
    """An en month name right before a day number (``November 26``)."""
    match = re.search(
        r"\b([A-Z][a-z]{2,8})\.?[\s\u00a0]+(?:the[\s\u00a0]+)?$", text[max(0, start - 20) : start]
    )
    if not match:
        return None
    month = _MONTHS_EN.get(match.group(1).lower())
    if month is None:
        return None
    return month, max(0, start - 20) + match.start(1)


# ---------------------------------------------------------------------------
# Extraction


# Numbers inside identifiers (COVID-19, F-16, MH17) are soft. Measured by
# benchmarks/numbers_clean.py --identifiers-hard on FLORES+NTREX: making them hard adds
# false alarms (names are transliterated or dropped: "HJR-3" → "сумесную рэзалюцыю-3")
# and no recall on planted changes of ordinary figures.
IDENTIFIER_NUMBERS_HARD = False

_MILITARY_TIME_RE = re.compile(r"(?<![\d.,:])([01]\d|2[0-3])([0-5]\d)\s*(?:UTC|GMT|hrs\b|hours\b)")
_FRACTION_RE = re.compile(r"(?<![\d/.,])(?:(\d+)[\s\u00a0]+)?([1-9])/([2-9]|1[0-6])(?![\d/])")
_VULGAR = {
    "¼": Decimal("0.25"),
    "½": Decimal("0.5"),
    "¾": Decimal("0.75"),
    "⅓": Decimal(1) / 3,
    "⅔": Decimal(2) / 3,
}
_CENTURY_RE = re.compile(
    r"(?:st|nd|rd|th|-?[а-яёіў]{1,3})?\s+(?:век|веке|века|веку|стагодд\w*|centur\w*)", re.IGNORECASE
)
_DECADE_RE = re.compile(r"(?:-?(?:е|х|я|ых|ыя|ія|ые)\s+(?:год|гад)|s\b)", re.IGNORECASE)

# Units for conversions (translators convert miles to km, °F to °C): code -> (dimension,
# system, factor to the metric base unit). Matched right after the figure.
_UNITS = (
    (
        "mi",
        "length",
        "imperial",
        Decimal("1609.344"),
        r"miles?\b|mi\b|mph\b|мил[ьияе]\w*|міл[ьіяю]\w*",
    ),
    ("in", "length", "imperial", Decimal("0.0254"), r"inch(?:es)?\b|дюйм\w*|цал[ьяюі]\w*"),
    ("ft", "length", "imperial", Decimal("0.3048"), r"f(?:oo|ee)t\b|ft\b|фут\w*"),
    ("yd", "length", "imperial", Decimal("0.9144"), r"yards?\b|ярд\w*"),
    ("km", "length", "metric", Decimal(1000), r"km\b|kilomet\w*|км\b|километр\w*|кіламетр\w*"),
    ("cm", "length", "metric", Decimal("0.01"), r"cm\b|centimet\w*|см\b|сантиметр\w*|сантыметр\w*"),
    ("m", "length", "metric", Decimal(1), r"m\b|met(?:er|re)s?\b|метр\w*|м\b"),
    ("lb", "mass", "imperial", Decimal("0.45359237"), r"pounds?\b|lbs?\b|фунт\w*"),
    ("kg", "mass", "metric", Decimal(1), r"kg\b|kilo\w*|кг\b|килограм\w*|кілаграм\w*"),
    ("t", "mass", "metric", Decimal(1000), r"tonnes?\b|тонн?\w*"),
    (
        "F",
        "temp",
        "F",
        Decimal(1),
        r"°\s?F\b|degrees?\s+F\w*|degrees?\b|градус\w*\s+(?:по\s+)?Фаренг\w*|градус\w*\s+(?:па\s+)?Фарэнг\w*",
    ),
    ("C", "temp", "C", Decimal(1), r"°\s?C?\b|градус\w*"),
)
_UNIT_RE = re.compile(
    r"[\s\u00a0-]?(?:" + "|".join(f"(?P<u{i}>{u[4]})" for i, u in enumerate(_UNITS)) + ")",
    re.IGNORECASE,
)


def _unit_at(text: str, pos: int) -> tuple[str, int] | None:
    match = _UNIT_RE.match(text, pos)
    if not match:
        return None
    for i, unit in enumerate(_UNITS):
        if match.group(f"u{i}"):
            code = unit[0]
            if code == "C" and re.search(
                r"(?i)фаренг|фарэнг|fahrenheit|\(F\)", text[pos : pos + 40]
            ):
                code = "F"  # "90-градуснай (па Фарэнгейту)"
            return code, match.end()
    return None


def extract_facts(text: str, lang: str, *, segment: int = 0) -> list[Fact]:
    """Every numeric fact of ``text`` (hard and soft), in text order.

    ``lang`` selects separators, month names and number words; an unknown language
    gets the ru/be separator rules and no word numbers.
    """
    facts: list[Fact] = []
    taken = [False] * len(text)

    def take(start: int, end: int) -> None:
        for i in range(start, end):
            taken[i] = True

    def free(start: int, end: int) -> bool:
        return not any(taken[start:end])

    # 1. Numeric dates, times and fractions first: they contain separators numbers would split on.
    for m in _DATE_ISO_RE.finditer(text):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            facts.append(
                Fact("date", m.group(0), m.start(), m.end(), True, day=d, month=mo, year=y)
            )
            take(m.start(), m.end())
    for m in _DATE_NUM_RE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        d, mo, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if len(m.group(4)) == 2:
            y += 2000 if y < 50 else 1900
        if m.group(2) == "/" and lang == "en" and 1 <= d <= 12 and mo > 12:
            d, mo = mo, d  # US month/day/year
        if 1 <= mo <= 12 and 1 <= d <= 31:
            facts.append(
                Fact("date", m.group(0), m.start(), m.end(), True, day=d, month=mo, year=y)
            )
            take(m.start(), m.end())
    for m in _TIME_RE.finditer(text):
        if not free(m.start(), m.end()) or _is_identifier_context(text, m.start()):
            continue
        h, mi = int(m.group(1)), int(m.group(2))
        end = m.end()
        ampm = _AMPM_RE.match(text, end) if lang == "en" else None
        if ampm and 1 <= h <= 12:
            h = h % 12 + (12 if ampm.group(1).lower() == "p" else 0)
            end = ampm.end()
        facts.append(Fact("time", text[m.start() : end], m.start(), end, True, hour=h, minute=mi))
        take(m.start(), end)
    for m in _MILITARY_TIME_RE.finditer(text):  # 0230 UTC, 1200 GMT
        if free(m.start(), m.end()):
            h, mi = int(m.group(1)), int(m.group(2))
            facts.append(Fact("time", m.group(0), m.start(), m.end(), True, hour=h, minute=mi))
            take(m.start(), m.end())
    for m in _FRACTION_RE.finditer(text):  # 29 3/4
        if free(m.start(), m.end()) and int(m.group(2)) < int(m.group(3)):
            value = Decimal(int(m.group(1) or 0)) + Decimal(int(m.group(2))) / Decimal(
                int(m.group(3))
            )
            facts.append(
                Fact("number", m.group(0), m.start(), m.end(), True, values=frozenset({value}))
            )
            take(m.start(), m.end())

    # 2. Digit numbers, with percent/multiplier/unit context; days become dates.
    numbers: list[Fact] = []
    for m in _NUM_RE.finditer(text):
        start, end = m.start(), m.end()
        if not free(start, end):
            continue
        raw = m.group(0)
        values, plain = _parse_number(raw, lang)
        after = text[end : end + 6]
        before = text[max(0, start - 2) : start]
        # Numbers in identifiers (G7, MH17, COVID-19), products like 4x4 and digits glued to
        # a word (a typo such as "0ведены") are soft: kept to match, never reported. Hard
        # literals cost false alarms on transliterated names ("HJR-3" → "рэзалюцыю-3")
        # in benchmarks/numbers_clean.py and caught nothing else.
        glued = re.match(r"[^\W\d_]{4,}", after) is not None and not re.match(
            r"(?i)(st|nd|rd|th)\b", after
        )
        product = (
            re.match(r"[x×]\d", after) is not None or re.search(r"\d[x×]$", before) is not None
        )
        if _is_identifier_context(text, start) or glued or product:
            if plain:
                ident = _is_identifier_context(text, start)
                hard = IDENTIFIER_NUMBERS_HARD and ident
                numbers.append(Fact("number", raw, start, end, hard, values=values, identifier=ident))
            continue
        if not plain:
            numbers.append(Fact("literal", raw, start, end, True, literal=raw))
            continue
        if lang == "en" and re.fullmatch(r"\d{1,2}(?:\.\d{2})?", raw):  # 7 pm, 5.30pm
            ampm = _AMPM_RE.match(text, end)
            h = int(raw.split(".")[0])
            if ampm and 1 <= h <= 12:
                h = h % 12 + (12 if ampm.group(1).lower() == "p" else 0)
                mi = int(raw.split(".")[1]) if "." in raw else 0
                facts.append(
                    Fact(
                        "time", text[start : ampm.end()], start, ampm.end(), True, hour=h, minute=mi
                    )
                )
                continue
        surface_end = end
        unit = None
        if end < len(text) and text[end] in _VULGAR:  # 29¾
            values = frozenset(v + _VULGAR[text[end]] for v in values)
            surface_end = end + 1
        mult = _multiplier_at(text, surface_end)
        if mult:
            # "340 million" also keeps 340: ranges like "от 340 до 500 миллионов" put the
            # multiplier on the last figure only.
            values = frozenset(v * mult[0] for v in values) | values
            surface_end = mult[1]
        elif lang == "en" and re.match(r"(m|bn|k)\b", text[end : end + 3]):
            suffix = re.match(r"(m|bn|k)\b", text[end : end + 3])
            assert suffix is not None
            factor = {"m": Decimal(10) ** 6, "bn": Decimal(10) ** 9, "k": Decimal(1000)}[
                suffix.group(1)
            ]
            values = values | frozenset(v * factor for v in values)  # 5m: metres or millions
            surface_end = end + suffix.end()
        pct = _PERCENT_RE.match(text, surface_end)
        if pct:
            unit = "%"
            surface_end = pct.end() if text[surface_end : pct.end()].strip() == "%" else surface_end
        else:
            found_unit = _unit_at(text, surface_end)
            if found_unit:
                unit = found_unit[0]
        values = values | _context_values(text, start, end, raw, values)
        numbers.append(
            Fact(
                "number",
                text[start:surface_end],
                start,
                surface_end,
                True,
                values=values,
                unit=unit,
                loose=_decade_bound(text, end, raw),
            )
        )

    numbers = _spread_units(text, numbers)
    facts.extend(_upgrade_dates(text, numbers, lang))

    # 3. Soft facts: number words and Roman numerals.
    for m in _ROMAN_RE.finditer(text):
        if m.group(0) == "I" or not free(m.start(), m.end()):
            continue
        roman = _roman(m.group(0))
        if roman:
            values = frozenset({Decimal(roman)})
            values |= _context_values(text, m.start(), m.end(), m.group(0), values)
            facts.append(Fact("number", m.group(0), m.start(), m.end(), False, values=values))
    facts.extend(_word_facts(text, lang))
    facts.sort(key=lambda f: (f.start, f.end))
    return [replace(f, segment=segment) for f in facts] if segment else facts


def _context_values(
    text: str, start: int, end: int, raw: str, values: frozenset[Decimal]
) -> frozenset[Decimal]:
    """Other readings a figure's neighbourhood gives it: 1995-96 → 1996, 30-е годы → 1930,
    19 век → 1800s."""
    extra: set[Decimal] = set()
    if not raw.isdigit() and not _ROMAN_VALID.fullmatch(raw):
        return frozenset()
    value = int(raw) if raw.isdigit() else int(next(iter(values)))
    prefix = re.search(r"(\d\d)\d\d[-–—/]$", text[max(0, start - 5) : start])
    if prefix and len(raw) == 2:
        extra.add(Decimal(int(prefix.group(1)) * 100 + value))
    if value % 10 == 0 and 10 <= value <= 90 and _DECADE_RE.match(text, end):
        extra.update(Decimal(c + value) for c in (1800, 1900, 2000))
    if 1 <= value <= 21 and _CENTURY_RE.match(text, end):
        extra.add(Decimal((value - 1) * 100))
    return frozenset(extra)


def _decade_bound(text: str, end: int, raw: str) -> frozenset[Decimal]:
    """A decade is a span of ten that translators may write as a range: en "in his 20s" =
    ru "от 20-ти до 30-ти лет" (FLORES devtest-035, found by benchmarks/quality.py), so its
    upper bound is a loose reading (see ``Fact.loose``)."""
    if raw.isdigit() and int(raw) % 10 == 0 and int(raw) >= 10 and _DECADE_RE.match(text, end):
        return frozenset({Decimal(int(raw) + 10)})
    return frozenset()


def _spread_units(text: str, numbers: list[Fact]) -> list[Fact]:
    """In "2 to 4 inches" / "от 5 до 10 см", the first figure takes the unit of the second."""
    out = list(numbers)
    for i in range(len(out) - 2, -1, -1):
        cur, nxt = out[i], out[i + 1]
        if cur.unit is None and nxt.unit not in (None, "%") and cur.hard and nxt.hard:
            gap = text[cur.end : nxt.start]
            if re.fullmatch(r"\s*(?:-|–|—|to|and|or|до|и|или|да|і|ці|або)?\s*", gap, re.IGNORECASE):
                out[i] = replace(cur, unit=nxt.unit)
    return out


def _upgrade_dates(text: str, numbers: list[Fact], lang: str) -> list[Fact]:
    """Turn day numbers next to a month name into dates; absorb the year that follows."""
    out: list[Fact] = []
    absorbed: set[int] = set()
    for i, fact in enumerate(numbers):
        if i in absorbed:
            continue
        day = _small_int(fact)
        month_info: tuple[int, int] | None = None
        date_start, date_end = fact.start, fact.end
        if fact.hard and day is not None and 1 <= day <= 31:
            after = _month_after(text, fact.end, lang)
            if after:
                month_info = after[0], after[0]
                date_end = after[1]
            elif lang == "en":
                before = _month_before(text, fact.start)
                if before:
                    month_info = before[0], before[0]
                    date_start = before[1]
                    tail = _ORDINAL_RE.match(text, fact.end)
                    date_end = tail.end() if tail else fact.end
        if month_info is None:
            out.append(fact)
            continue
        year: int | None = None
        if i + 1 < len(numbers):
            nxt = numbers[i + 1]
            between = text[date_end : nxt.start]
            nxt_int = _small_int(nxt)
            if (
                nxt.hard
                and nxt_int
                and 1000 <= nxt_int <= 2999
                and re.fullmatch(r"[\s\u00a0,]*", between)
            ):
                year = nxt_int
                date_end = nxt.end
                absorbed.add(i + 1)
        out.append(
            Fact(
                "date",
                text[date_start:date_end],
                date_start,
                date_end,
                True,
                day=day,
                month=month_info[0],
                year=year,
            )
        )
    return out


def _small_int(fact: Fact) -> int | None:
    if fact.kind != "number" or len(fact.values) != 1 or fact.unit:
        return None
    (value,) = fact.values
    if value != value.to_integral_value() or re.search(r"[.,\s]", fact.surface):
        return None
    return int(value)


_WORD_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)


def _word_facts(text: str, lang: str) -> list[Fact]:
    """Soft facts from number words; tens+units compounds and word+multiplier are combined."""
    table = _WORDS.get(lang)
    if not table:
        return []
    tokens = list(_WORD_TOKEN.finditer(text))
    values: list[int | None] = []
    for tok in tokens:
        word = tok.group(0).lower()
        if lang == "ru":
            word = word.replace("ё", "е")
        values.append(next((v for v, pat in table if pat.fullmatch(word)), None))
    facts: list[Fact] = []
    for i, (tok, value) in enumerate(zip(tokens, values)):
        if value is None:
            continue
        combos = {value}
        nxt = values[i + 1] if i + 1 < len(values) else None
        if nxt is not None:
            if value in range(20, 100, 10) and nxt < 10:
                combos.add(value + nxt)
            if nxt in (100, 1000, 10**6, 10**9) and value < nxt:
                combos.add(value * nxt)
        # Compounds carry their unit: "двухметровый" ≈ "6-foot" once converted.
        unit = next(
            (code for code, pat in _WORD_UNITS if re.search(pat, tok.group(0), re.IGNORECASE)), None
        )
        facts.append(
            Fact(
                "number", tok.group(0), tok.start(), tok.end(), False,
                values=frozenset(Decimal(v) for v in combos), unit=unit,
            )
        )  # fmt: skip
    return facts


_WORD_UNITS = (
    ("km", r"километр|кіламетр"), ("cm", r"сантиметр|сантыметр"), ("m", r"метр"),
    ("kg", r"килограм|кілаграм"), ("mi", r"мильн|мiльн|mile"), ("ft", r"фут|foot|feet"),
)  # fmt: skip


# ---------------------------------------------------------------------------
# Comparison


@dataclass
class FactIndex:
    """Everything a version says, in the forms a fact of another version may match."""

    numbers: set[Decimal] = field(default_factory=set)
    loose: set[Decimal] = field(default_factory=set)  # Fact.loose readings
    days: set[int] = field(default_factory=set)
    dates: dict[tuple[int, int], set[int | None]] = field(default_factory=dict)
    times: set[tuple[int, int]] = field(default_factory=set)
    literals: set[str] = field(default_factory=set)
    # (dimension, system, value in the metric base unit) of figures with a unit
    measures: list[tuple[str, str, Decimal]] = field(default_factory=list)
    # value -> unit codes it is written with (None = no unit): 550 lb is not 550 kg
    units: dict[Decimal, set[str | None]] = field(default_factory=dict)

    @classmethod
    def of(cls, facts: Iterable[Fact]) -> FactIndex:
        index = cls()
        for f in facts:
            index.add(f)
        return index

    def add(self, f: Fact) -> None:
        if f.kind == "number":
            self.numbers.update(f.values)
            self.loose.update(f.loose)
            self.measures.extend(_measures(f))
            for v in f.values:
                self.units.setdefault(v, set()).add(f.unit)
        elif f.kind == "date":
            assert f.day is not None and f.month is not None
            self.dates.setdefault((f.day, f.month), set()).add(f.year)
            self.days.add(f.day)
            if f.year is not None:
                self.numbers.add(Decimal(f.year))
        elif f.kind == "time":
            assert f.hour is not None and f.minute is not None
            self.times.add((f.hour, f.minute))
            self.numbers.add(Decimal(f"{f.hour}.{f.minute:02d}"))
            self.numbers.update((Decimal(f.hour), Decimal(f.minute)))  # 21:20 is also a score
            if f.minute == 0:
                self.numbers.add(Decimal(f.hour))
                if f.hour > 12:
                    self.numbers.add(Decimal(f.hour - 12))
        elif f.literal is not None:
            self.literals.add(f.literal)


_UNIT_INFO = {u[0]: (u[1], u[2], u[3]) for u in _UNITS}
# A converted figure is rounded by the translator: 30 yards → "27 m", 80 °F → "27" or "30 °C".
CONVERSION_TOLERANCE = Decimal("0.15")


def _measures(f: Fact) -> list[tuple[str, str, Decimal]]:
    info = _UNIT_INFO.get(f.unit or "")
    if info is None:
        return []
    dim, system, factor = info
    if dim == "temp":
        if system == "F":
            return [("temp", "F", (v - 32) * 5 / 9) for v in f.values]
        return [("temp", "C", v) for v in f.values]
    return [(dim, system, v * factor) for v in f.values]


def _close(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) <= CONVERSION_TOLERANCE * max(abs(a), abs(b))


def _converted(fact: Fact, index: FactIndex, own: FactIndex | None = None) -> bool:
    """A figure in one unit system matches its conversion in the other one.

    Only where the other version does not use the figure's own unit system for that
    quantity: "645 miles (1040 km)" must keep both figures exact in every version. And
    one conversion renders one figure: where ``own`` (the figure's version) has another
    figure of the quantity closer to it, the conversion is that one's (en "9 to 6 inches
    … up to 10 inches", ru "до 25 см": 25 cm is the 10 inches, not the 9; NTREX
    newsweek-51338, a planted 3 → 9 blamed on be, benchmarks/quality.py --seed 11).
    """
    for dim, system, value in _measures(fact):
        if any(odim == dim and osystem == system for odim, osystem, _ in index.measures):
            continue
        if any(
            odim == dim and osystem != system and _close(value, ovalue)
            and not (own is not None and any(
                mdim == dim and msystem == system and abs(mine - ovalue) < abs(value - ovalue)
                for mdim, msystem, mine in own.measures))
            for odim, osystem, ovalue in index.measures
        ):
            return True
    return False


def _unit_conflict(fact: Fact, value: Decimal, index: FactIndex) -> bool:
    """The same number with another unit of the same quantity (550 lb vs 550 kg)."""
    info = _UNIT_INFO.get(fact.unit or "")
    units = index.units.get(value)
    if info is None or not units:
        return False
    return all(u in _UNIT_INFO and u != fact.unit and _UNIT_INFO[u][0] == info[0] for u in units)


def matches(fact: Fact, index: FactIndex, own: FactIndex | None = None) -> bool:
    """Whether another version (``index``) states ``fact`` (``own``: the index of the
    fact's own version, so that one conversion is not taken for two figures)."""
    if fact.kind == "number":
        return (
            any(v in index.numbers and not _unit_conflict(fact, v, index) for v in fact.values)
            or any(v == v.to_integral_value() and int(v) in index.days for v in fact.values)
            or _converted(fact, index, own)
        )
    if fact.kind == "date":
        assert fact.day is not None and fact.month is not None
        years = index.dates.get((fact.day, fact.month))
        if years is not None:
            return fact.year is None or None in years or fact.year in years
        if fact.day in index.days:  # the same day of another month: a shifted date
            return False
        year_ok = fact.year is None or Decimal(fact.year) in index.numbers
        return Decimal(fact.day) in index.numbers and year_ok
    if fact.kind == "time":
        assert fact.hour is not None and fact.minute is not None
        h, m = fact.hour, fact.minute
        if (
            (h, m) in index.times
            or ((h + 12) % 24, m) in index.times
            or ((h - 12) % 24, m) in index.times
        ):
            return True
        if Decimal(f"{h}.{m:02d}") in index.numbers:
            return True
        if Decimal(h) in index.numbers and Decimal(m) in index.numbers:
            return True
        return m == 0 and (Decimal(h) in index.numbers or Decimal(h % 12 or 12) in index.numbers)
    return fact.literal in index.literals


def _both_converted(fact: Fact, lang: str, other: str, index: Mapping[str, FactIndex]) -> bool:
    """Two translators converted a third version's figure and rounded differently
    (en "80 degrees" → be "30 °C", ru "27 °C"): not a disagreement between them."""
    for dim, system, value in _measures(fact):
        if system not in ("metric", "C"):  # translators convert to metric, not back
            continue
        mine = [m for m in index[lang].measures if m[0] == dim and m[1] != system]
        theirs_same = [
            m
            for m in index[other].measures
            if m[0] == dim and m[1] == system and _close(m[2], value)
        ]
        theirs_other = [m for m in index[other].measures if m[0] == dim and m[1] != system]
        if mine or theirs_other or not theirs_same:
            continue
        for third, idx in index.items():
            if third in (lang, other):
                continue
            if any(m[0] == dim and m[1] != system and _close(m[2], value) for m in idx.measures):
                return True
    return False


def _changed_identifiers(row: Mapping[str, Sequence[Fact]], index: Mapping[str, FactIndex],
                         near: Mapping[str, FactIndex]) -> list[tuple[str, Fact]]:
    """Identifier numbers one version changed: with three or more versions, every other one
    writes an identifier number more often than this one does, and none of them states
    this one's (Ил-26 where be and en have Іл-76 / Il-76: FLORES dev-002, a
    planted change benchmarks/quality.py --seed 13 missed). Identifiers stay soft otherwise:
    a version that drops or spells out a designation is no error (IDENTIFIER_NUMBERS_HARD)."""
    langs = list(row)
    if len(langs) < 3:
        return []
    out = []
    for lang in langs:
        others = [x for x in langs if x != lang]
        for fact in row[lang]:
            if not (fact.identifier and fact.kind == "number"):
                continue
            if any(v in index[o].numbers or v in near[o].numbers for o in others for v in fact.values):
                continue
            # Counted: a version that changed one of two mentions (Ил-26 … Ил-76) still has
            # fewer of the others' identifier number than every other version.
            counts = [Counter(v for f in row[o] if f.identifier for v in f.values) for o in others]
            mine = Counter(v for f in row[lang] for v in f.values)
            if any(all(c[v] > mine[v] for c in counts) for v in counts[0]):
                out.append((lang, fact))
    return out


@dataclass(frozen=True)
class Disagreement:
    """Facts some versions of a row state and others do not, blamed on one version.

    ``lang`` is the version the majority blames (None on a tie, e.g. with two
    versions); ``facts`` holds, per version, the disputed facts it states (empty for a
    version that lacks them).
    """

    lang: str | None
    facts: Mapping[str, tuple[Fact, ...]]


def compare_facts(
    row: Mapping[str, Sequence[Fact]],
    neighbours: Mapping[str, Sequence[Fact]] | None = None,
) -> list[Disagreement]:
    """Disagreements between the versions of one aligned row.

    A hard fact of version X is *disputed* when some other version Y has no fact that
    matches it, neither in the row nor (``neighbours``) in the rows next to it — a
    figure that moved into a merged neighbour segment is not a mismatch. The versions
    that state it and those that lack it are counted: the smaller side is blamed (the
    one that added, dropped or changed the figure); a tie blames nobody.
    """
    langs = [lang for lang in row]
    index = {lang: FactIndex.of(row[lang]) for lang in langs}
    near = {lang: FactIndex.of((neighbours or {}).get(lang, ())) for lang in langs}
    blamed: dict[str | None, dict[str, list[Fact]]] = {}
    for lang in langs:
        for fact in row[lang]:
            if not fact.hard:
                continue
            if fact.kind == "number" and any(
                v in index[other].loose for other in langs if other != lang for v in fact.values
            ):
                continue  # another version's loose reading covers it: a nuance, not an error
            having = [lang]
            lacking = []
            for other in langs:
                if other == lang:
                    continue
                if matches(fact, index[other], index[lang]) or _both_converted(fact, lang, other, index):
                    having.append(other)
                elif not matches(fact, near[other]):
                    lacking.append(other)
            if not lacking:
                continue
            if len(having) < len(lacking):
                culprits: list[str | None] = list(having)
            elif len(having) > len(lacking):
                culprits = list(lacking)
            else:
                culprits = [None]
            for culprit in culprits:
                group = blamed.setdefault(culprit, {})
                if fact not in group.setdefault(lang, []):
                    group[lang].append(fact)
    for lang, fact in _changed_identifiers(row, index, near):
        group = blamed.setdefault(lang, {})
        if fact not in group.setdefault(lang, []):
            group[lang].append(fact)
            for other in langs:
                if other != lang:
                    group.setdefault(other, []).extend(
                        f for f in row[other] if f.identifier and f not in group[other])
    out = []
    for culprit, groups in blamed.items():
        out.append(
            Disagreement(
                lang=culprit,
                facts={lang: tuple(groups.get(lang, ())) for lang in langs},
            )
        )
    return out
