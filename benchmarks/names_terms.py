"""Precision/recall of name-inconsistency (TC401) and term-mismatch (TC402) on planted faults.

Articles: FLORES-200 be/ru/en articles and NTREX-128 documents from ../shared/data, one
alignment row per sentence (``--paragraphs N``: N sentences per row), gold alignment (the
aligner is not under test here). Faults, planted with a seeded RNG, one per trial:

* respell — one occurrence of a name that occurs ≥ 2 times in a version is respelled
  (en: K↔C swap; any: doubled↔single letter; any: one letter changed, not in the last two
  letters of a Cyrillic word where case endings live) → TC401 expected on that segment;
* drop — a name present in all three versions of a row (matched by transliteration) is
  deleted from one version's row → TC401 expected on that row;
* swap — a name of one version's row replaced by another name of that version (another
  person or place, used in another row) → TC401 expected on that row;
* forbidden — a glossary generated from the article's names (approved = the forms seen,
  forbidden = a respelling) and one occurrence swapped for the forbidden variant →
  TC402 error expected on that segment.

Precision counts every finding of the expected code in the faulted article (a finding the
clean article also has is a false positive too), twice: over warning-or-error findings
("prec w+", what a CI gate sees) and over all findings including INFO ("prec all").
Recall likewise: "recall w+" needs a warning-or-error hit, "recall all" any hit. False
alarms: TC401/TC402 warning-or-error findings on the clean articles, without and with the
generated glossary, per 100 articles (INFO findings are counted apart).

    python benchmarks/names_terms.py [--trials 300] [--seed 7] [--paragraphs 1] [--clean-only]

The name-bearing tokens are chosen with transcheck's own name extractor, so recall is
measured on names the extractor sees; names it misses are not counted.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from transcheck.checks.base import CheckContext
from transcheck.checks.names import ArticleNames, NameInconsistency, article_names
from transcheck.checks.terms import TermMismatch
from transcheck.config import Settings
from transcheck.glossary import Glossary, Term
from transcheck.model import Article, Finding, Segment, Severity, Version
from transcheck.names import DEMONYM_EN, GENERIC_EN, Token, cross_match

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
LANGS = ("be", "ru", "en")
CHECKS = (NameInconsistency(), TermMismatch())
SETTINGS = Settings()

CYR_LOWER = "абвгдежзиклмнопрстуфхцчшэюя"
BE_LOWER = "абвгдежзійклмнопрстуўфхцчшыэюя"
LAT_LOWER = "abcdefghiklmnoprstuvwyz"


@dataclass
class Doc:
    id: str
    rows: dict[str, list[str]]  # lang -> one text per row


def load_docs(paragraphs: int) -> list[Doc]:
    docs = []
    for name, key in (("flores200_articles.jsonl", "url"), ("ntrex128_dev_documents.jsonl", "doc_id")):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if not all(rec.get(lang) for lang in LANGS) or len({len(rec[lang]) for lang in LANGS}) != 1:
                continue
            rows = {lang: [" ".join(rec[lang][i:i + paragraphs]) for i in range(0, len(rec[lang]), paragraphs)]
                    for lang in LANGS}
            docs.append(Doc(id=str(rec[key]), rows=rows))
    return docs


def make_ctx(doc: Doc, glossary: Glossary | None) -> CheckContext:
    versions = {
        lang: Version(lang=lang, path=Path(f"{doc.id}.{lang}"), rel_path=f"{doc.id}.{lang}",
                      segments=tuple(Segment(index=i, kind="paragraph", text=t) for i, t in enumerate(texts)))
        for lang, texts in doc.rows.items()
    }
    n = len(doc.rows["en"])
    alignment = tuple({lang: (i,) for lang in LANGS} for i in range(n))

    def no_embed(texts: Any) -> np.ndarray:
        raise AssertionError("checks under test must not embed")

    return CheckContext(
        article=Article(id=doc.id, versions=versions),
        alignment=alignment,
        vectors={},
        embed=no_embed,
        settings=SETTINGS,
        resources={"glossary": glossary} if glossary else {},
    )


def run(doc: Doc, glossary: Glossary | None) -> list[Finding]:
    ctx = make_ctx(doc, glossary)
    return [f for check in CHECKS for f in check.run(ctx)]


# -- faults ---------------------------------------------------------------------------


def respell(word: str, lang: str, kind: str, rng: random.Random) -> str | None:
    lower = word.lower()
    if kind == "c/k":
        if lang != "en":
            return None
        spots = [i for i, c in enumerate(lower) if c in "kc" and lower[i:i + 2] not in ("ch", "ck")
                 and (i == 0 or lower[i - 1] != "c")]
        if not spots:
            return None
        i = spots[0]
        new = "k" if lower[i] == "c" else "c"
        return word[:i] + (new.upper() if word[i].isupper() else new) + word[i + 1:]
    # Cyrillic words end in case endings: a change there reads as grammar, not as a misspelling.
    tail = 2 if lang in ("ru", "be") else 0
    if kind == "double":
        doubles = [i for i in range(1, len(word) - 1 - tail) if lower[i] == lower[i + 1] and lower[i].isalpha()]
        if doubles:
            i = rng.choice(doubles)
            return word[:i] + word[i + 1:]
        vowels = "aeiouyаеёиоуыэюяіў"
        spots = [i for i in range(1, len(word) - 2 - tail) if lower[i] not in vowels and lower[i].isalpha()]
        if not spots:
            return None
        i = rng.choice(spots)
        return word[:i + 1] + word[i] + word[i + 1:]
    # one letter changed
    end = len(word) - 2 if lang in ("ru", "be") else len(word)
    spots = list(range(1, end))
    if not spots:
        return None
    i = rng.choice(spots)
    alphabet = {"en": LAT_LOWER, "ru": CYR_LOWER, "be": BE_LOWER}[lang]
    choices = [c for c in alphabet if c != lower[i]]
    return word[:i] + rng.choice(choices) + word[i + 1:]


def replace_span(doc: Doc, lang: str, row: int, start: int, end: int, new: str) -> Doc:
    rows = {k: list(v) for k, v in doc.rows.items()}
    text = rows[lang][row]
    rows[lang][row] = text[:start] + new + text[end:]
    return Doc(id=doc.id, rows=rows)


def drop_tokens(doc: Doc, lang: str, row: int, tokens: list[Token]) -> Doc:
    rows = {k: list(v) for k, v in doc.rows.items()}
    text = rows[lang][row]
    for t in sorted(tokens, key=lambda t: -t.start):
        end = t.end
        while end < len(text) and text[end] == " ":
            end += 1
        text = text[:t.start] + text[end:]
    rows[lang][row] = text
    return Doc(id=doc.id, rows=rows)


@dataclass
class Trial:
    kind: str
    doc: Doc
    lang: str
    row: int
    code: str
    glossary: Glossary | None = None


def plant_respell(doc: Doc, rng: random.Random) -> Trial | None:
    data = article_names(make_ctx(doc, None))
    options = []
    for lang in LANGS:
        groups: dict[str, list[Token]] = defaultdict(list)
        for t in data.names[lang]:
            groups[t.stem].append(t)
        # Names proper: transliterated (not translated) in another version's aligned row.
        options += [(lang, g) for g in groups.values() if len(g) >= 2 and len(g[0].text) >= 4
                    and any(cross_match(t.text, lang, o.text, other)
                            for t in g for other in LANGS if other != lang
                            for o in data.in_row(other, t.segment))]
    if not options:
        return None
    lang, group = rng.choice(options)
    kinds = ["c/k", "double", "letter"] if lang == "en" else ["double", "letter"]
    kind = rng.choice(kinds)
    target = rng.choice(group)
    new = respell(target.text, lang, kind, rng)
    if new is None or new == target.text:
        return None
    return Trial(f"respell:{kind}", replace_span(doc, lang, target.segment, target.start, target.end, new),
                 lang, target.segment, "TC401")


def _row_clusters(doc: Doc) -> list[tuple[int, dict[str, list[Token]]]]:
    """Rows with an en name that has a transliteration match in both be and ru."""
    data = article_names(make_ctx(doc, None))
    out = []
    for row in range(len(doc.rows["en"])):
        names = {lang: data.in_row(lang, row) for lang in LANGS}
        for a in names["en"]:
            cluster = {"en": [a]}
            for lang in ("be", "ru"):
                hits = [b for b in names[lang] if cross_match(a.text, "en", b.text, lang)]
                if hits:
                    cluster[lang] = hits
            if len(cluster) == 3:
                out.append((row, cluster))
    return out


def _pick_row(doc: Doc, rng: random.Random) -> tuple[int, dict[str, list[Token]], str, ArticleNames] | None:
    """A row naming one entity in all three versions, the version to fault, and the names."""
    clusters = _row_clusters(doc)
    if not clusters:
        return None
    row, cluster = rng.choice(clusters)
    lang = rng.choice(LANGS)
    return row, cluster, lang, article_names(make_ctx(doc, None))


def plant_drop(doc: Doc, rng: random.Random, recurring: bool = False) -> Trial | None:
    picked = _pick_row(doc, rng)
    if picked is None:
        return None
    row, cluster, lang, data = picked
    if recurring:  # the version names it in another row too (TC401 reports only those)
        stems = {c.stem for c in cluster[lang]}
        if not any(t.stem in stems and t.segment != row for t in data.names[lang]):
            return None
    # Drop every occurrence of that name in the row (a translator leaving it out).
    victims = [t for t in data.in_row(lang, row)
               if any(t.stem == c.stem for c in cluster[lang])]
    if not victims:
        return None
    return Trial("drop:recurring" if recurring else "drop:any", drop_tokens(doc, lang, row, victims),
                 lang, row, "TC401")


def plant_swap(doc: Doc, rng: random.Random) -> Trial | None:
    """A name of one version's row replaced by another name that version uses in another row
    (the wrong person or place)."""
    picked = _pick_row(doc, rng)
    if picked is None:
        return None
    row, cluster, lang, data = picked
    here = {t.stem for t in data.in_row(lang, row)}
    others = [t for t in data.names[lang] if t.segment != row and t.stem not in here
              and any(cross_match(t.text, lang, o.text, other) for other in LANGS if other != lang
                      for o in data.in_row(other, t.segment))]
    if not others:
        return None
    victim, new = cluster[lang][0], rng.choice(others)
    return Trial("swap", replace_span(doc, lang, row, victim.start, victim.end, new.text), lang, row, "TC401")


def seen_forms(doc: Doc, lang: str, token: Token) -> tuple[str, ...]:
    """The name as written anywhere in the version (a real glossary lists the usual forms)."""
    data = article_names(make_ctx(doc, None))
    forms = [t.text for t in data.tokens[lang] if t.stem == token.stem]
    return tuple(dict.fromkeys([token.text, *forms]))


def generated_glossary(doc: Doc, rng: random.Random) -> tuple[Glossary, list[tuple[int, dict[str, list[Token]], dict[str, str]]]]:
    """Entries for up to 4 names seen in all three versions (+ forbidden respellings)."""
    terms = []
    picked = []
    seen: set[str] = set()
    for row, cluster in _row_clusters(doc):
        key = cluster["en"][0].stem
        # Demonyms and generic words (French, Turkish, World, Ministry) matched to a name by
        # transliteration are not the concept the other versions name (Францыі for French):
        # a glossary would not pair them, and they made a third of the clean false alarms.
        if DEMONYM_EN.search(key) or key in GENERIC_EN:
            continue
        # Nor the last word of a name led by a generic word (Africa of South Africa, York of
        # New York): another concept, which a version may render otherwise (ЮАР).
        before = doc.rows["en"][row][:cluster["en"][0].start].split()
        if before and before[-1][:1].isupper() and before[-1].lower() in GENERIC_EN:
            continue
        if key in seen or any(c.isascii() for lang in ("be", "ru") for c in cluster[lang][0].text if c.isalpha()):
            continue
        seen.add(key)
        forbidden = {}
        for lang in LANGS:
            variant = None
            for _ in range(5):
                variant = respell(cluster[lang][0].text, lang, "letter", rng)
                if variant and variant.lower() != cluster[lang][0].text.lower():
                    break
            if variant:
                forbidden[lang] = variant
        terms.append(Term(concept=cluster["en"][0].text,
                          approved={lang: seen_forms(doc, lang, cluster[lang][0]) for lang in LANGS},
                          forbidden={lang: (v,) for lang, v in forbidden.items()}))
        picked.append((row, cluster, forbidden))
        if len(terms) == 4:
            break
    return Glossary(path="<generated>", terms=tuple(terms)), picked


def plant_forbidden(doc: Doc, rng: random.Random) -> Trial | None:
    glossary, picked = generated_glossary(doc, rng)
    if not picked:
        return None
    row, cluster, forbidden = rng.choice(picked)
    lang = rng.choice([lang for lang in LANGS if lang in forbidden])
    target = cluster[lang][0]
    return Trial("forbidden", replace_span(doc, lang, row, target.start, target.end, forbidden[lang]),
                 lang, row, "TC402", glossary)


def hit(f: Finding, trial: Trial) -> bool:
    return f.code == trial.code and f.lang == trial.lang and trial.row in f.segments.get(trial.lang, ())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--paragraphs", type=int, default=1, help="sentences per row")
    parser.add_argument("--show", type=int, default=0, help="print this many false alarms/misses")
    parser.add_argument("--clean-only", action="store_true", help="false alarms only (no planted trials)")
    args = parser.parse_args()
    docs = load_docs(args.paragraphs)
    rng = random.Random(args.seed)

    t0 = time.perf_counter()
    clean_alarms: Counter[str] = Counter()
    shown = 0
    for doc in docs:
        for f in run(doc, None):
            if f.severity < Severity.WARNING:
                clean_alarms[f.code + " info"] += 1
                continue
            clean_alarms[f.code] += 1
            clean_alarms[f.code + (" within-version" if "forms" in f.details else " missing")] += 1
            if shown < args.show:
                shown += 1
                print(f"  clean FA {doc.id[-40:]}: {f.code} {f.lang} {f.details.get('kind', '')} {f.message}")
    elapsed = time.perf_counter() - t0
    gloss_alarms: Counter[str] = Counter()
    n_gloss = 0
    for doc in docs:
        glossary, picked = generated_glossary(doc, random.Random(args.seed))
        if not picked:
            continue
        n_gloss += 1
        for f in run(doc, glossary):
            if f.severity < Severity.WARNING:
                gloss_alarms[f.code + " info"] += 1
                continue
            gloss_alarms[f.code] += 1
            if shown < 2 * args.show:
                shown += 1
                print(f"  clean+glossary FA {doc.id[-40:]}: {f.code} {f.lang} {f.message}")
    print(f"{len(docs)} clean articles ({args.paragraphs} sentence(s)/row), checks ran in {elapsed:.2f} s")
    print("false alarms per 100 clean articles, no glossary: "
          + ", ".join(f"{c}={100 * clean_alarms[c] / len(docs):.2f}"
                      for c in ("TC401", "TC401 within-version", "TC401 missing", "TC402", "TC401 info")))
    print(f"false alarms per 100 clean articles with a generated glossary ({n_gloss} articles): "
          + ", ".join(f"{c}={100 * gloss_alarms[c] / max(n_gloss, 1):.2f}"
                      for c in ("TC401", "TC402", "TC401 info", "TC402 info")))
    if args.clean_only:
        return 0

    planters = {
        "respell": plant_respell,
        "drop:any": plant_drop,
        "drop:recurring": lambda d, r: plant_drop(d, r, recurring=True),
        "forbidden": plant_forbidden,
        "swap": plant_swap,  # last, so the earlier kinds keep their random draws
    }
    stats: dict[str, Counter[str]] = defaultdict(Counter)
    misses = 0
    for planter in planters.values():
        made = 0
        attempts = 0
        while made < args.trials and attempts < args.trials * 20:
            attempts += 1
            trial = planter(rng.choice(docs), rng)
            if trial is None:
                continue
            made += 1
            findings = [f for f in run(trial.doc, trial.glossary) if f.code == trial.code]
            if trial.code == "TC402":  # the fault is a forbidden variant: judge the error findings
                findings = [f for f in findings if f.severity.label == "error"]
            good = [f for f in findings if hit(f, trial)]
            loud = [f for f in findings if f.severity >= Severity.WARNING]
            loud_good = [f for f in good if f.severity >= Severity.WARNING]
            s = stats[trial.kind]
            s["trials"] += 1
            s["found"] += bool(good)
            s["tp"] += len(good)
            s["fp"] += len(findings) - len(good)
            s["found_w"] += bool(loud_good)
            s["tp_w"] += len(loud_good)
            s["fp_w"] += len(loud) - len(loud_good)
            if args.show and len(loud) > len(loud_good):
                for f in loud:
                    if f not in loud_good:
                        print(f"  PLANTED FP {trial.kind} {trial.lang} row {trial.row}: {f.lang} "
                              f"{f.details.get('kind', '')} {f.message}")
            if not good and misses < args.show:
                misses += 1
                print(f"  MISS {trial.kind} {trial.lang} row {trial.row}: {trial.doc.rows[trial.lang][trial.row][:150]}")
    print(f"{'fault':<18}{'trials':>7}{'recall w+':>10}{'prec w+':>9}{'recall all':>11}{'prec all':>9}")
    total = Counter[str]()
    names = Counter[str]()  # TC401 faults only (the forbidden trials are TC402)
    for kind in [*sorted(stats), "names (TC401)", "all"]:
        s = total if kind == "all" else names if kind.startswith("names") else stats[kind]
        if kind in stats:
            total.update(s)
            if kind != "forbidden":
                names.update(s)
        n = max(s["trials"], 1)
        print(f"{kind:<18}{s['trials']:>7}{s['found_w'] / n:>10.3f}{s['tp_w'] / max(s['tp_w'] + s['fp_w'], 1):>9.3f}"
              f"{s['found'] / n:>11.3f}{s['tp'] / max(s['tp'] + s['fp'], 1):>9.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
