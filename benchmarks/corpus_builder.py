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

import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

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


def _name_mentions(texts: dict[str, list[str]]) -> list[tuple[str, int, int, int, str, str]]:
    """(lang, paragraph, start, end, text, stem) of every mid-sentence capitalised word of ≥ 4
    letters that is a transliterated name: another version's same paragraph has a word that
    matches it by transliteration (so translated words such as Министерство are left out)."""
    from transcheck.names import cross_match, independent_witness, tokenize

    out = []
    for lang in LANGS:
        for i, text in enumerate(texts[lang]):
            for t in tokenize(text, lang, i):
                if not t.capitalised or t.sentence_start or t.acronym or len(t.text) < 4:
                    continue
                if any(c.isascii() for c in t.text if c.isalpha()) != (lang == "en"):
                    continue  # Latin text left in a Cyrillic version, or the reverse
                if not independent_witness(t, "en"):
                    continue  # Korean, Street, Министерство, Сіракузскага: translated words
                if any(cross_match(t.text, lang, o.text, other)
                       for other in LANGS if other != lang and i < len(texts[other])
                       for o in tokenize(texts[other][i], other, i) if o.capitalised):
                    out.append((lang, i, t.start, t.end, t.text, t.stem))
    return out


def _name_kind(mention: tuple[str, int, int, int, str, str], texts: dict[str, list[str]]) -> str | None:
    """"person", "place" or "foreign" (a transliterated word the Russian dictionary does not
    know: mostly surnames) by the pymorphy3 tags of the mention's Russian form in the same
    paragraph; None for a word the dictionary knows as a common word (Солнце, Секретарь,
    Штаты, Сеть: capitalised in a title or an institution's name, not a person or place)."""
    from transcheck.morphology import _analyzer
    from transcheck.names import cross_match, tokenize

    lang, i, _start, _end, word, _stem = mention
    if lang == "ru":
        forms = [word]
    else:
        forms = [t.text for t in tokenize(texts["ru"][i], "ru", i) if t.capitalised and not t.sentence_start
                 and cross_match(word, lang, t.text, "ru")] if i < len(texts["ru"]) else []
    if not forms:
        return None
    parses = _analyzer().parse(forms[0])
    if not parses[0].is_known:
        return "foreign" if parses[0].tag.POS == "NOUN" else None
    for parse in parses:  # most likely reading first (Сане: Sane the footballer, not Sana)
        if "Geox" in parse.tag.grammemes:
            return "place"
        if parse.tag.grammemes & {"Name", "Surn", "Patr"}:
            return "person"
    return None


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
    for place, see _name_kind; ``rng`` is then build_corpus's separate swap stream).
    Expected: name-inconsistency."""
    texts = _texts(article)
    mentions = _name_mentions(texts)
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
        kinds = {m: _name_kind(m, texts) for m in mentions if m[0] == lang}
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


def build_corpus(seed: int = 7, variants_per_article: int = 2, name_variants: int = 0) -> list[BuiltArticle]:
    """Every base article once clean, plus ``variants_per_article`` faulted variants, kinds rotating;
    then ``name_variants`` name-fault variants per base article (own RNG, kinds rotating)."""
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
    return built


def write_corpus(articles: list[BuiltArticle], root: Path) -> None:
    """Write Hugo-style ``ID.LANG.md`` files; the fault list goes to ``faults.json`` beside them."""
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
