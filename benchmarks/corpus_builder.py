"""Build be/ru/en article corpora from ../shared/data, optionally with planted faults.

Used by benchmarks/quality.py and benchmarks/speed.py (and reusable by tests). Articles
are written as Hugo-style Markdown (``ID.LANG.md`` with YAML front matter) so the
benchmarks exercise the real pipeline, extraction included.

Sources (English is the original in all of them):
* NTREX-128: 62 news documents, sentence-parallel; sentence 0 is the headline.
* FLORES-200: 562 short Wikinews/Wikivoyage/Wikibooks articles; consecutive ones are
  concatenated into 8-12 paragraph pseudo-articles (one FLORES article per paragraph).

Faults are planted one per article with a seeded RNG, and recorded with the check that
should find them and the version at fault.
"""

from __future__ import annotations

import csv
import itertools
import json
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from name_faults import name_kind, name_mentions

LANGS = ("be", "ru", "en")
DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

Paragraph = dict[str, list[str]]  # lang -> sentences


@dataclass
class BaseArticle:
    id: str
    title: dict[str, str] | None
    paragraphs: list[Paragraph]


@dataclass
class Fault:
    kind: str  # drop | add | drop-sentence | number | untranslated | merge | split | clean | name | name-swap
    #            | term-forbidden | term-variant
    check: str | None  # the check name expected to fire (None for harmless edits)
    lang: str | None
    note: str = ""


@dataclass
class BuiltArticle:
    id: str
    title: dict[str, str] | None
    paragraphs: dict[str, list[str]]  # lang -> paragraph texts as written
    faults: list[Fault] = field(default_factory=list)


def _group(sentences: int, rng: random.Random, low: int = 1, high: int = 3) -> list[tuple[int, int]]:
    spans, start = [], 0
    while start < sentences:
        size = rng.randint(low, high)
        spans.append((start, min(start + size, sentences)))
        start += size
    return spans


def load_base_articles(seed: int = 7, flores_per_article: tuple[int, int] = (8, 12)) -> list[BaseArticle]:
    rng = random.Random(seed)
    articles: list[BaseArticle] = []
    with open(DATA / "ntrex128_dev_documents.jsonl", encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            n = len(doc["en"])
            if any(len(doc[lang]) != n for lang in LANGS) or n < 4:
                continue
            # Sentence 0 is the headline; the body is regrouped into 1-3 sentence paragraphs.
            body = [{lang: doc[lang][a + 1 : b + 1] for lang in LANGS} for a, b in _group(n - 1, rng)]
            articles.append(
                BaseArticle(
                    id=f"ntrex/{doc['doc_id'].replace('.', '-')}",
                    title={lang: doc[lang][0] for lang in LANGS},
                    paragraphs=body,
                )
            )
    records = []
    with open(DATA / "flores200_articles.jsonl", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if all(rec[lang] for lang in LANGS) and len({len(rec[lang]) for lang in LANGS}) == 1:
                records.append(rec)
    start, number = 0, 0
    while start < len(records):
        size = rng.randint(*flores_per_article)
        chunk = records[start : start + size]
        start += size
        if len(chunk) < 4:
            break
        articles.append(
            BaseArticle(
                id=f"flores/{chunk[0]['split']}-{number:03d}",
                title=None,
                paragraphs=[{lang: list(rec[lang]) for lang in LANGS} for rec in chunk],
            )
        )
        number += 1
    return articles


def _texts(article: BaseArticle) -> dict[str, list[str]]:
    return {lang: [" ".join(p[lang]) for p in article.paragraphs] for lang in LANGS}


_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?(?![\w])")

# Which language a version is wrongly left in when "untranslated": the likely source.
_UNTRANSLATED_SOURCE = {"be": "ru", "ru": "en", "en": "ru"}


def plant(article: BaseArticle, kind: str, rng: random.Random, donor: BaseArticle) -> BuiltArticle | None:
    """One variant of ``article`` with one planted fault (or harmless edit); None if not applicable."""
    texts = _texts(article)
    built = BuiltArticle(id=f"{article.id}--{kind}", title=article.title, paragraphs=texts)
    lang = rng.choice(LANGS)
    n = len(article.paragraphs)
    if kind == "clean":
        built.id = f"{article.id}--clean"
        built.faults.append(Fault("clean", None, None))
        return built
    if kind == "drop":
        i = rng.randrange(n)
        del texts[lang][i]
        built.faults.append(Fault(kind, "missing-segment", lang, f"paragraph {i}"))
    elif kind == "add":
        i = rng.randrange(n + 1)
        extra = " ".join(rng.choice(donor.paragraphs)[lang])
        texts[lang].insert(i, extra)
        built.faults.append(Fault(kind, "extra-segment", lang, f"before paragraph {i}"))
    elif kind == "drop-sentence":
        candidates = [i for i, p in enumerate(article.paragraphs) if len(p[lang]) >= 2]
        if not candidates:
            return None
        i = rng.choice(candidates)
        sentences = list(article.paragraphs[i][lang])
        k = rng.randrange(len(sentences))
        dropped = sentences.pop(k)
        texts[lang][i] = " ".join(sentences)
        built.faults.append(Fault(kind, "divergent-segment", lang, f"paragraph {i}: dropped {dropped!r}"))
    elif kind == "number":
        candidates = [
            i for i, p in enumerate(article.paragraphs)
            if all(_NUMBER.search(" ".join(p[x])) for x in LANGS)
        ]
        if not candidates:
            return None
        i = rng.choice(candidates)
        matches = list(_NUMBER.finditer(texts[lang][i]))
        m = rng.choice(matches)
        old = m.group(0)
        digits = [j for j, ch in enumerate(old) if ch.isdigit()]
        j = rng.choice(digits)
        new_digit = str((int(old[j]) + rng.randint(1, 8)) % 10)
        if j == 0 and new_digit == "0" and len(digits) > 1:
            new_digit = "9"
        new = old[:j] + new_digit + old[j + 1 :]
        texts[lang][i] = texts[lang][i][: m.start()] + new + texts[lang][i][m.end() :]
        built.faults.append(Fault(kind, "number-mismatch", lang, f"paragraph {i}: {old} -> {new}"))
    elif kind == "untranslated":
        i = rng.randrange(n)
        source = _UNTRANSLATED_SOURCE[lang]
        texts[lang][i] = texts[source][i]
        built.faults.append(Fault(kind, "untranslated-segment", lang, f"paragraph {i} left in {source}"))
    elif kind == "merge":
        if n < 2:
            return None
        i = rng.randrange(n - 1)
        texts[lang][i : i + 2] = [texts[lang][i] + " " + texts[lang][i + 1]]
        built.faults.append(Fault(kind, None, lang, f"paragraphs {i},{i + 1} merged"))
    elif kind == "split":
        candidates = [i for i, p in enumerate(article.paragraphs) if len(p[lang]) >= 2]
        if not candidates:
            return None
        i = rng.choice(candidates)
        sentences = article.paragraphs[i][lang]
        cut = rng.randrange(1, len(sentences))
        texts[lang][i : i + 1] = [" ".join(sentences[:cut]), " ".join(sentences[cut:])]
        built.faults.append(Fault(kind, None, lang, f"paragraph {i} split after sentence {cut}"))
    else:
        raise ValueError(kind)
    return built


FAULT_KINDS = ("drop", "add", "drop-sentence", "number", "untranslated", "merge", "split")

# Name faults are drawn after the others from their own RNG (build_corpus ``name_variants``),
# so adding them leaves every earlier article and draw unchanged.
NAME_FAULT_KINDS = ("name", "name-swap")

_CYR_LOWER = {"ru": "абвгдежзиклмнопрстуфхцчшэюя", "be": "абвгдежзійклмнопрстуўфхцчшыэюя",
              "en": "abcdefghiklmnoprstuvwyz"}


def _swappable(a: str | None, b: str | None) -> bool:
    """Place for place; person for person or for an unknown foreign name (and vice versa)."""
    if a is None or b is None:
        return False
    return a == b or {a, b} == {"person", "foreign"}


def _respell(word: str, lang: str, rng: random.Random) -> str:
    """One slip in a name: a doubled letter undone or added, C/K swapped (en), or one letter
    changed; never in the last two letters of a Cyrillic word (case endings live there)."""
    lower = word.lower()
    tail = 2 if lang in ("ru", "be") else 0
    kind = rng.choice(("double", "letter", "letter") if lang != "en" else ("double", "c/k", "letter"))
    spots = [i for i, c in enumerate(lower) if c in "kc" and lower[i:i + 2] not in ("ch", "ck")
             and (i == 0 or lower[i - 1] != "c")]
    if kind == "c/k" and spots:
        i = spots[0]
        new = "k" if lower[i] == "c" else "c"
        return word[:i] + (new.upper() if word[i].isupper() else new) + word[i + 1:]
    if kind == "double":
        doubles = [i for i in range(1, len(word) - 1 - tail) if lower[i] == lower[i + 1]]
        if doubles:
            i = rng.choice(doubles)
            return word[:i] + word[i + 1:]
        spots = [i for i in range(1, len(word) - 1 - tail) if lower[i] not in "aeiouyаеёиоуыэюяіў"]
        if spots:
            i = rng.choice(spots)
            return word[:i + 1] + word[i] + word[i + 1:]
    i = rng.randrange(1, max(2, len(word) - tail))
    return word[:i] + rng.choice([c for c in _CYR_LOWER[lang] if c != lower[i]]) + word[i + 1:]


def plant_name(article: BaseArticle, kind: str, rng: random.Random) -> BuiltArticle | None:
    """A name fault: "name" respells one occurrence of a name the version mentions at least
    twice (Каллас → Калас in one place); "name-swap" puts another name of the same version in
    place of a name in one paragraph (the wrong person or place: person for person, place
    for place, see name_faults.name_kind; ``rng`` is then build_corpus's separate swap stream).
    Expected: name-inconsistency."""
    texts = _texts(article)
    mentions = name_mentions(texts)
    built = BuiltArticle(id=f"{article.id}--{kind}", title=article.title, paragraphs=texts)
    if kind == "name":
        by_stem: dict[tuple[str, str], list[tuple[str, int, int, int, str, str]]] = {}
        for m in mentions:
            by_stem.setdefault((m[0], m[5]), []).append(m)
        groups = [g for g in by_stem.values() if len(g) >= 2]
        if not groups:
            return None
        lang, i, start, end, word, _ = rng.choice(rng.choice(groups))
        new = _respell(word, lang, rng)
        if new.lower() == word.lower():
            return None
        note = f"paragraph {i}: {word} -> {new}"
    else:
        lang = rng.choice(LANGS)
        kinds = {m: name_kind(m, texts) for m in mentions if m[0] == lang}
        own = [m for m, k in kinds.items() if k is not None]
        # A realistic swap puts a person for a person and a place for a place (Фриман for
        # Грейсон, Лондон for Бирмингем), not "Сонца" or "Network" (capitalised common words).
        options = [(m, o) for m in own for o in own
                   if o[1] != m[1] and o[5][:4] != m[5][:4] and o[5] not in {x[5] for x in own if x[1] == m[1]}
                   and o[4].lower()[:4] != m[4].lower()[:4] and _swappable(kinds[m], kinds[o])]
        if not options:
            return None
        (lang, i, start, end, word, _), other = rng.choice(options)
        new = other[4]
        note = f"paragraph {i}: {word} -> {new} (another name of the article)"
    texts[lang][i] = texts[lang][i][:start] + new + texts[lang][i][end:]
    built.faults.append(Fault(kind, "name-inconsistency", lang, note))
    return built


def build_corpus(seed: int = 7, variants_per_article: int = 2, name_variants: int = 0,
                 term_variants: int = 0) -> list[BuiltArticle]:
    """Every base article once clean, plus ``variants_per_article`` faulted variants, kinds rotating;
    then ``name_variants`` name-fault variants per base article (own RNG, kinds rotating); then
    ``term_variants`` term-fault variants per base article (own RNG, see plant_term) against
    the glossary of the other fold (fold_glossary)."""
    rng = random.Random(seed)
    base = load_base_articles(seed)
    built: list[BuiltArticle] = []
    turn = 0
    for index, article in enumerate(base):
        clean = plant(article, "clean", rng, article)
        assert clean is not None
        built.append(clean)
        made = 0
        attempts = 0
        while made < variants_per_article and attempts < len(FAULT_KINDS):
            kind = FAULT_KINDS[turn % len(FAULT_KINDS)]
            turn += 1
            attempts += 1
            donor = base[(index + 17) % len(base)]
            variant = plant(article, kind, rng, donor)
            if variant is not None:
                built.append(variant)
                made += 1
    name_rng = random.Random(seed + 1000)
    # Swaps draw from their own stream, so changing how swaps are chosen leaves respellings
    # (and every other fault) unchanged.
    swap_rng = random.Random(seed + 2000)
    name_turn = 0
    for article in base:
        for _ in range(name_variants):
            for _attempt in range(len(NAME_FAULT_KINDS)):
                kind = NAME_FAULT_KINDS[name_turn % len(NAME_FAULT_KINDS)]
                name_turn += 1
                variant = plant_name(article, kind, swap_rng if kind == "name-swap" else name_rng)
                if variant is not None:
                    built.append(variant)
                    break
    if term_variants:
        term_rng = random.Random(seed + 3000)
        term_turn = 0
        for index, article in enumerate(base):
            # Against the glossary of the other fold: built and verified without this article.
            glossary = fold_glossary(seed, 1 - glossary_fold(index))
            for _ in range(term_variants):
                for _attempt in range(len(TERM_FAULT_KINDS)):
                    kind = TERM_FAULT_KINDS[term_turn % len(TERM_FAULT_KINDS)]
                    term_turn += 1
                    variant = plant_term(article, kind, term_rng, glossary)
                    if variant is not None:
                        built.append(variant)
                        break
    return built


# -- glossary and term faults -----------------------------------------------------------
#
# A corpus glossary is built from base articles (benchmarks/quality.py: from one fold, and
# scored on the other; see fold_glossary) the way an editor would start one:
# every name or multiword name (person, place, organisation: "Heather Nauert", "Dominican
# Republic", "Deptford") that the three versions of one aligned paragraph all render —
# found with transcheck's own name machinery: a run of capitalised English words each of
# which matches, by transliteration (transcheck.names.cross_match), a capitalised word of
# the Russian and of the Belarusian paragraph, those words adjacent and in the same order.
# Approved forms per language are the forms the professional translations use (most
# frequent surface first; a second spelling seen elsewhere, Гінес/Гінэс, is approved too: the
# glossary describes these translations, so clean articles are clean against it). Only
# concepts named in at least TERM_MIN_PARAGRAPHS paragraphs enter it (a glossary holds
# recurring names). Demonyms and generic words (French, World, Ministry) are left out.
#
# Forbidden variants are the renderings real editors slip into, one per language:
# Belarusian: the Russian form in Belarusian letters (Гамільтон for Хэмілтан, copied from
# the Russian page); Russian: the Belarusian form in Russian letters (Хэмилтан); English:
# the Russian form romanised (Gamilton, Sibiga for Sybiha). Dropped when it is a form the
# corpus uses anywhere in that language.
#
# Faults: "term-forbidden" puts the forbidden variant in place of the term in one version of
# one paragraph (inflected like the original: Гамільтона); "term-variant" respells it the way
# transliteration schools differ (э/е, о/а, и/ы, г/х, doubled/single consonant, c/k, y/i), a
# rendering the glossary neither approves nor forbids, so only "the other versions have the
# term, this one must have its approved form" catches it. Expected: term-mismatch.

TERM_FAULT_KINDS = ("term-forbidden", "term-variant")
TERM_MIN_PARAGRAPHS = 2


@dataclass
class GlossaryEntry:
    concept: str
    approved: dict[str, list[str]]  # lang -> forms, canonical first
    forbidden: dict[str, list[str]] = field(default_factory=dict)
    paragraphs: int = 0


# (en stem key, paragraph, lang -> (start, end, surface))
TermMention = tuple[tuple[str, ...], int, dict[str, tuple[int, int, str]]]


def _adjacent(text: str, a: Any, b: Any) -> bool:
    return a.end < b.start and text[a.end:b.start] == " "


def _match_run(words: list[Any], tokens: list[Any], lang: str, text: str) -> tuple[int, int, str] | None:
    """The span of ``lang`` tokens that render ``words`` (English) word by word, adjacent."""
    from transcheck.names import cross_match

    for j in range(len(tokens) - len(words) + 1):
        window = tokens[j:j + len(words)]
        if all(t.capitalised and "-" not in t.text and cross_match(w.text, "en", t.text, lang) for w, t in zip(words, window)) \
                and all(_adjacent(text, x, y) for x, y in itertools.pairwise(window)):
            surface = text[window[0].start:window[-1].end]
            if any(c.isascii() for c in surface if c.isalpha()):
                return None  # Latin left in a Cyrillic version: not a rendering
            return window[0].start, window[-1].end, surface
    return None


def _term_mentions(texts: dict[str, list[str]]) -> list[TermMention]:
    """Every concept named in all three versions of a paragraph (see the comment above)."""
    from transcheck.names import DEMONYM_EN, GENERIC_EN, tokenize

    out: list[TermMention] = []
    for i in range(min(len(texts[lang]) for lang in LANGS)):
        tokens = {lang: tokenize(texts[lang][i], lang, i) for lang in LANGS}
        runs: list[list[Any]] = []
        for t in tokens["en"]:
            if not t.capitalised or t.acronym or len(t.text) < 3 or "-" in t.text:
                runs.append([])
            elif runs and runs[-1] and _adjacent(texts["en"][i], runs[-1][-1], t):
                runs[-1].append(t)
            else:
                runs.append([t])
        for run in runs:
            while run and run[0].sentence_start and run[0].text.lower() in ("the", "a", "an", "in", "on", "at"):
                run = run[1:]
            candidates = [run] if 2 <= len(run) <= 4 else []
            candidates += [[t] for t in run if len(t.text) >= 4 and t.stem not in GENERIC_EN
                           and not DEMONYM_EN.search(t.stem) and t.text[1:].islower()]
            for words in candidates:
                found: dict[str, tuple[int, int, str]] = {}
                for lang in ("ru", "be"):
                    span = _match_run(words, tokens[lang], lang, texts[lang][i])
                    if span is None:
                        break
                    found[lang] = span
                else:
                    found["en"] = (words[0].start, words[-1].end, texts["en"][i][words[0].start:words[-1].end])
                    out.append((tuple(w.stem for w in words), i, found))
                    if len(words) > 1:
                        break  # the full name matched: not its words again
    return out


def _ru_nominative(surface: str) -> bool:
    from transcheck.morphology import _analyzer

    return bool(_analyzer().parse(surface.split()[-1])[0].tag.case == "nomn")


def _ru_first_name(word: str) -> bool:
    from transcheck.morphology import _analyzer

    return "Name" in _analyzer().parse(word)[0].tag.grammemes


def _ru_to_be(text: str) -> str:
    """Russian letters to Belarusian ones (what a be editor copying the Russian page writes)."""
    text = re.sub(r"(?<=[жшчрцЖШЧРЦ])и", "ы", text)
    return text.translate(str.maketrans({"и": "і", "И": "І", "щ": "шч", "Щ": "Шч", "ъ": "'"}))


def _be_to_ru(text: str) -> str:
    return text.translate(str.maketrans({"і": "и", "І": "И", "ў": "в", "Ў": "В", "'": "ъ", "’": "ъ"}))


def _romanise(text: str) -> str:
    from transcheck.translit import transliterate

    return " ".join(transliterate(w, "ru", "bgn").capitalize() for w in text.split())


def _forbidden_variant(lang: str, forms: dict[str, str]) -> str:
    """The editor's slip for ``lang`` from the canonical (or, when planting, inflected) forms."""
    if lang == "be":
        return _ru_to_be(forms["ru"])
    if lang == "ru":
        return _be_to_ru(forms["be"])
    return _romanise(forms["ru"])


def _matches_any(form: str, forms: list[str], lang: str) -> bool:
    """Does ``form`` match one of ``forms`` word by word as term-mismatch matches them?"""
    from transcheck.checks.terms import find_form, form_tokens

    tokens = list(form_tokens(form, lang))
    return any(find_form(tokens, other, lang) or find_form(list(form_tokens(other, lang)), form, lang)
               for other in forms)


_GLOSSARIES: dict[tuple[int, int], list[GlossaryEntry]] = {}
FOLDS = 2


def glossary_fold(index: int) -> int:
    """The fold of the ``index``-th base article (a fixed rule: even / odd position)."""
    return index % FOLDS


def fold_glossary(seed: int, fold: int) -> list[GlossaryEntry]:
    """The glossary built and verified on the base articles of ``fold`` only (computed once).

    Two-fold cross-fitting keeps the benchmark honest: the glossary is pruned by running
    term-mismatch on the articles it is built from (see build_glossary), so false alarms
    and term faults are measured only on the other fold's articles, which neither built
    nor verified it, like an editor's glossary from past translations applied to new ones."""
    if (seed, fold) not in _GLOSSARIES:
        half = [a for i, a in enumerate(load_base_articles(seed)) if glossary_fold(i) == fold]
        _GLOSSARIES[seed, fold] = build_glossary(half, verify=half)
    return _GLOSSARIES[seed, fold]


def fold_ids(seed: int, fold: int) -> set[str]:
    """Ids of the base articles of ``fold``."""
    return {a.id for i, a in enumerate(load_base_articles(seed)) if glossary_fold(i) == fold}


def build_glossary(base: list[BaseArticle], verify: list[BaseArticle] | None = None) -> list[GlossaryEntry]:
    """Concepts from ``base``, verified on ``verify`` (default: ``base``); see the comment above."""
    from transcheck.morphology import stem
    from transcheck.names import tokenize

    surfaces: dict[tuple[str, ...], dict[str, Counter[str]]] = {}
    places: dict[tuple[str, ...], set[tuple[str, int]]] = {}
    used: dict[str, set[str]] = {lang: set() for lang in LANGS}  # every word the corpus has
    for article in base:
        texts = _texts(article)
        for lang in LANGS:
            for i, text in enumerate(texts[lang]):
                used[lang].update(t.stem for t in tokenize(text, lang, i))
        for key, i, spans in _term_mentions(texts):
            per_lang = surfaces.setdefault(key, {lang: Counter() for lang in LANGS})
            # A glossary lists the nominative: forms from paragraphs where the Russian one is
            # nominative count 100 times (Германия, not Германии; then Germaniya, not Germanii).
            weight = 100 if _ru_nominative(spans["ru"][2]) else 1
            for lang, (_, _, surface) in spans.items():
                per_lang[lang][re.sub(r"['’]s?$", "", surface)] += weight
            places.setdefault(key, set()).add((article.id, i))
    entries = []
    for key, per_lang in surfaces.items():
        approved: dict[str, list[str]] = {}
        for lang in LANGS:
            groups: dict[tuple[str, ...], list[str]] = {}
            for surface, _count in sorted(per_lang[lang].items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0])):
                groups.setdefault(tuple(stem(w, lang) for w in surface.split()), []).append(surface)
            approved[lang] = [forms[0] for forms in groups.values()][:2]
        canonical = {lang: forms[0] for lang, forms in approved.items()}
        forbidden: dict[str, list[str]] = {}
        for lang in LANGS:
            variant = _forbidden_variant(lang, canonical)
            if variant.lower() == canonical[lang].lower() or _matches_any(variant, approved[lang], lang):
                continue
            if all(stem(w, lang) in used[lang] for w in variant.split()):
                continue  # the corpus writes it somewhere: not a slip to forbid
            forbidden[lang] = [variant]
        entries.append(GlossaryEntry(concept=canonical["en"], approved=approved, forbidden=forbidden,
                                     paragraphs=len(places[key])))
    entries.sort(key=lambda e: (-e.paragraphs, e.concept))
    # One form, one concept: where two English keys share a Russian or Belarusian form
    # (Steven and Stephen are both Стивен, Europe and Europa both Европа), the form cannot be
    # pinned to either: both are left out. Then only recurring concepts.
    owners: dict[tuple[str, tuple[str, ...]], set[str]] = {}
    for e in entries:
        for lang in ("ru", "be"):
            for form in e.approved[lang]:
                owners.setdefault((lang, tuple(stem(w, lang) for w in form.split())), set()).add(e.concept)
    shared = {c for names in owners.values() if len(names) > 1 for c in names}
    # A first name alone (Elizabeth, Jeff) names different people in different articles
    # (Элизабет Уоррен, королева Елизавета): a glossary pins full names, not first names.
    # So is a surname alone that the corpus writes after a first name (Kennedy of John
    # Kennedy, Hamilton of Lewis Hamilton): the senator is Кэнэдзі in one article, JFK
    # Кенэдзі in another, Hamilton, Ontario Гамільтан (quality.py --seed 7,11,13: 5 of the
    # 17 unexplained term false alarms).
    surnames = {key[-1] for key in surfaces if len(key) > 1
                and _ru_first_name(max(surfaces[key]["ru"], key=lambda f: surfaces[key]["ru"][f]).split()[0])}
    kept = [e for e in entries if e.concept not in shared and e.paragraphs >= TERM_MIN_PARAGRAPHS
            and not (" " not in e.concept and _ru_first_name(e.approved["ru"][0]))
            and not (" " not in e.concept and stem(e.concept, "en") in surnames)]
    # Verified like an editor would: a concept some paragraph renders in a way the extractor
    # did not recover (Нямеччына for Germany beside Германія), i.e. term-mismatch run on the
    # unmodified ``verify`` articles (paragraph rows, gold alignment) finds two versions with
    # the approved form and the third without it, is left out: its glossary entry would be
    # incomplete, not the translation wrong. The verification articles' term false alarms
    # are then ~0 by construction: benchmarks/quality.py measures each fold's glossary on the
    # other fold only (fold_glossary).
    incomplete = _incomplete_concepts(base if verify is None else verify, kept)
    return [e for e in kept if e.concept not in incomplete]


def _incomplete_concepts(base: list[BaseArticle], entries: list[GlossaryEntry]) -> set[str]:
    from transcheck.checks.base import CheckContext
    from transcheck.checks.terms import TermMismatch
    from transcheck.config import Settings
    from transcheck.glossary import Glossary, Term
    from transcheck.model import Article, Segment, Severity, Version

    glossary = Glossary(path="<corpus>", terms=tuple(
        Term(concept=e.concept, approved={k: tuple(v) for k, v in e.approved.items()},
             forbidden={k: tuple(v) for k, v in e.forbidden.items()}) for e in entries))
    settings = Settings()
    out: set[str] = set()
    for article in base:
        texts = _texts(article)
        versions = {lang: Version(lang=lang, path=Path(f"{article.id}.{lang}"), rel_path=f"{article.id}.{lang}",
                                  segments=tuple(Segment(index=i, kind="paragraph", text=t)
                                                 for i, t in enumerate(texts[lang])))
                    for lang in LANGS}
        ctx = CheckContext(article=Article(id=article.id, versions=versions),
                           alignment=tuple({lang: (i,) for lang in LANGS} for i in range(len(texts["en"]))),
                           vectors={}, embed=_no_embed, settings=settings, resources={"glossary": glossary})
        # A term left out (INFO, "omitted") counts too: the paragraph renders the concept in a
        # way the extractor did not recover (Нямеччына for Germany) as often as it drops it.
        out |= {str(f.details["term"]) for f in TermMismatch().run(ctx)
                if f.severity >= Severity.WARNING or f.details.get("omitted")}
    return out


def _no_embed(texts: Any) -> Any:
    raise AssertionError("term-mismatch does not embed")


_VARIANT_RULES = {
    "ru": (("э", "е"), ("е", "э"), ("о", "а"), ("и", "ы"), ("г", "х"), ("х", "г")),
    "be": (("э", "е"), ("е", "э"), ("а", "о"), ("і", "ы"), ("г", "х"), ("х", "г")),
    "en": (("c", "k"), ("k", "c"), ("y", "i"), ("i", "y"), ("ph", "f")),
}


def _term_variant(word: str, lang: str, rng: random.Random) -> str | None:
    """A transliteration-school respelling of ``word`` (never its last two letters, where
    case endings live): a letter pair from _VARIANT_RULES, or a doubled consonant undone or
    made."""
    lower = word.lower()
    limit = len(word) - 2
    options: list[tuple[int, int, str]] = []  # (position, length replaced, replacement)
    for old, new in _VARIANT_RULES[lang]:
        for m in re.finditer(old, lower):
            # г/х only word-initially (Гамильтон/Хэмилтон); the rest inside the stem.
            if (m.start() == 0) == (old in ("г", "х")) and m.end() <= limit:
                options.append((m.start(), len(old), new))
    for i in range(1, limit - 1):
        if lower[i] == lower[i + 1] and lower[i] not in "aeiouyаеёиоуыэюяі":
            options.append((i, 2, lower[i]))
    for i in range(1, limit):
        if lower[i] in "лнстрlnstr" and lower[i - 1] in "aeiouаеиоуыэюяі" and lower[i + 1:i + 2] != lower[i]:
            options.append((i, 1, lower[i] * 2))
    if not options:
        return None
    i, n, new = rng.choice(options)
    if word[i].isupper():
        new = new.capitalize()
    return word[:i] + new + word[i + n:]


def plant_term(article: BaseArticle, kind: str, rng: random.Random,
               glossary: list[GlossaryEntry]) -> BuiltArticle | None:
    """A term fault in one version of one paragraph where all three versions name a glossary
    concept: "term-forbidden" writes its forbidden variant, "term-variant" an unapproved
    respelling (see the comment above TERM_FAULT_KINDS). Expected: term-mismatch."""
    from transcheck.morphology import stem

    texts = _texts(article)
    by_key = {tuple(stem(w, "en") for w in e.approved["en"][0].split()): e for e in glossary}
    mentions = [(m, by_key[m[0]]) for m in _term_mentions(texts) if m[0] in by_key]
    if kind == "term-forbidden":
        options = [(m, e, lang) for m, e in mentions for lang in LANGS if lang in e.forbidden]
    else:
        options = [(m, e, lang) for m, e in mentions for lang in LANGS]
    if not options:
        return None
    (_key, i, spans), entry, lang = rng.choice(options)
    start, end, surface = spans[lang]
    if kind == "term-forbidden":
        if lang == "en":
            new = entry.forbidden["en"][0] + surface[len(re.sub(r"['’]s?$", "", surface)):]
        else:
            new = _forbidden_variant(lang, {other: spans[other][2] for other in LANGS})
        if not _matches_any(new, entry.forbidden[lang], lang):
            return None
    else:
        words = surface.split(" ")
        w = rng.choice([n for n, word in enumerate(words) if len(word) >= 5] or [len(words) - 1])
        respelt = _term_variant(words[w], lang, rng)
        if respelt is None:
            return None
        new = " ".join(words[:w] + [respelt] + words[w + 1:])
        if _matches_any(new, entry.approved[lang] + entry.forbidden.get(lang, []), lang):
            return None
    text = texts[lang][i]
    # Every mention of the concept in that paragraph of that version (an editor's rendering is
    # consistent within a paragraph), so the check cannot see the approved form beside it.
    texts[lang][i] = text[:start] + new + text[end:]
    if " " not in surface:  # the other forms of that word in the paragraph too (Saipov beside Saipov's)
        texts[lang][i] = _replace_forms(texts[lang][i], lang, i, surface, new, start)
    built = BuiltArticle(id=f"{article.id}--{kind}", title=article.title, paragraphs=texts)
    built.faults.append(Fault(kind, "term-mismatch", lang, f"paragraph {i}: {surface} -> {new} ({entry.concept})"))
    return built


def _replace_forms(text: str, lang: str, paragraph: int, old: str, new: str, done: int) -> str:
    """Every other inflected form of ``old`` in ``text`` rewritten like ``old`` became ``new``:
    the same edit before the last two letters (the case ending) is kept."""
    from transcheck.checks.terms import words_match
    from transcheck.names import tokenize

    keep = 2 if len(old) > 4 else 0
    old_head, new_head = old[:len(old) - keep], new[:len(new) - keep]
    for t in sorted(tokenize(text, lang, paragraph), key=lambda t: -t.start):
        if t.start == done or not words_match(t.text, old, lang):
            continue
        if t.text.startswith(old_head) and new.endswith(old[len(old) - keep:]):
            replacement = new_head + t.text[len(old_head):]
        else:
            replacement = new
        text = text[:t.start] + replacement + text[t.end:]
    return text


def write_glossary(entries: list[GlossaryEntry], path: Path) -> None:
    """The glossary in transcheck's CSV format (see transcheck.glossary)."""
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        fh.write("# Generated by benchmarks/corpus_builder.py from the base articles (see build_glossary).\n")
        writer.writerow(["concept", *LANGS, *(f"forbidden_{lang}" for lang in LANGS), "note"])
        for e in entries:
            writer.writerow([e.concept, *("|".join(e.approved[lang]) for lang in LANGS),
                             *("|".join(e.forbidden.get(lang, [])) for lang in LANGS),
                             f"{e.paragraphs} paragraphs"])


def write_corpus(articles: list[BuiltArticle], root: Path, glossary: list[GlossaryEntry] | None = None) -> None:
    """Write Hugo-style ``ID.LANG.md`` files; the fault list goes to ``faults.json`` beside them.
    With ``glossary``: ``glossary.csv`` and a ``transcheck.toml`` naming it, at the root, where
    config discovery (walking up from the checked path) finds them."""
    root.mkdir(parents=True, exist_ok=True)
    for article in articles:
        for lang in LANGS:
            path = root / f"{article.id}.{lang}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            lines = []
            if article.title is not None:
                lines += ["---", f"title: {json.dumps(article.title[lang], ensure_ascii=False)}", "---", ""]
            for paragraph in article.paragraphs[lang]:
                lines += [paragraph, ""]
            path.write_text("\n".join(lines), encoding="utf-8")
    faults = {a.id: [f.__dict__ for f in a.faults] for a in articles}
    (root / "faults.json").write_text(json.dumps(faults, ensure_ascii=False, indent=1), encoding="utf-8")
    if glossary is not None:
        write_glossary(glossary, root / "glossary.csv")
        (root / "transcheck.toml").write_text(
            "# Written by benchmarks/corpus_builder.py: the corpus glossary.\nglossary = \"glossary.csv\"\n",
            encoding="utf-8")
