"""Strict and lax alignment precision/recall/F1, aggregated over documents.

The metric of vecalign's score.py (after Sennrich & Volk's Bleualign evaluation), written
again here: precision counts every non-empty test bead (deletions included); recall counts
gold beads with both sides non-empty, against test beads with both sides non-empty. A
bead is a strict hit when it is exactly in the other set, a lax hit when it shares a
source index with some other-set bead whose target overlaps its target.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

Bead = tuple[tuple[int, ...], tuple[int, ...]]


def _hits(reference: Sequence[Bead], test: Sequence[Bead]) -> tuple[int, int, int]:
    """(beads, strict hits, lax hits) of ``test`` measured against ``reference``."""
    ref = {(tuple(x), tuple(y)) for x, y in reference if x or y}
    tst = {(tuple(x), tuple(y)) for x, y in test if x or y}
    targets_of: dict[int, set[int]] = defaultdict(set)
    for xs, ys in ref:
        for x in xs:
            targets_of[x].update(ys)
    strict = lax = 0
    for bead in tst:
        if bead in ref:
            strict += 1
            lax += 1
        else:
            linked: set[int] = set()
            for x in bead[0]:
                linked |= targets_of[x]
            if linked & set(bead[1]):
                lax += 1
    return len(tst), strict, lax


def score(golds: Sequence[Sequence[Bead]], tests: Sequence[Sequence[Bead]]) -> dict[str, float]:
    p = [0, 0, 0]
    r = [0, 0, 0]
    for gold, test in zip(golds, tests, strict=True):
        for acc, counts in (
            (p, _hits(gold, test)),
            (r, _hits([b for b in test if b[0] and b[1]], [b for b in gold if b[0] and b[1]])),
        ):
            for k in range(3):
                acc[k] += counts[k]

    def ratio(num: int, den: int) -> float:
        return num / den if den else 0.0

    def f1(a: float, b: float) -> float:
        return 2 * a * b / (a + b) if a + b else 0.0

    out = {
        "precision_strict": ratio(p[1], p[0]),
        "precision_lax": ratio(p[2], p[0]),
        "recall_strict": ratio(r[1], r[0]),
        "recall_lax": ratio(r[2], r[0]),
    }
    out["f1_strict"] = f1(out["precision_strict"], out["recall_strict"])
    out["f1_lax"] = f1(out["precision_lax"], out["recall_lax"])
    return out
