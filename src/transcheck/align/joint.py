"""Joint, consistent alignment of two or more language versions.

Three pairwise alignments can contradict each other (be↔ru and ru↔en link two paragraphs
that be↔en keeps apart). So the versions are aligned progressively instead: first the
two most similar versions, giving rows; then each further version against the sequence of
rows, each row represented by the mean of its versions' vectors. The result is one
monotone path, consistent by construction, and a segment present in two versions and
absent from the third comes out as one row with ``()`` for the third, whichever version
lacks it (if the base pair lacks it, the row holding it alone is matched by the third).

Which pair is the base matters: the third version inherits the base pair's mistakes. So
for short documents (``select_order``) every pair is tried as the base; with three
versions the rows of the three results are recombined into the tiling with the lowest
three-way objective (the sum of every row's pairwise block costs,
:mod:`transcheck.align.objective`), so one base pair can win one region and another the
next; with more versions the result that reproduces most beads of the pairwise
alignments is kept (:func:`_agreement`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import combinations

import numpy as np
import numpy.typing as npt

from transcheck.align.dp import Crossing, DPParams, PathBead, align_spans, pair_costs
from transcheck.align.objective import Rows3, block_costs, cheapest_mix, joint_cost, rejoin_lone
from transcheck.align.spans import Spans, average_spans, unit_rows
from transcheck.model import AlignmentRow

FloatArray = npt.NDArray[np.float64]
# Rows are compared by at most this many sampled items when picking the base pair.
_PAIR_SAMPLE = 300
# Largest per-pair block (segments per version) a candidate row is scored with; a larger row
# (rare: three edits in one place) makes its candidate lose.
_BLOCK = 4
# A last pass over three versions' rows: given the rows and the objective (rows -> cost,
# without the witness bonus), returns the rows to keep (transcheck.align.peel).
Refine = Callable[[Rows3, Callable[[Rows3], float]], Rows3]


def _pair_affinity(a: FloatArray, b: FloatArray) -> float:
    """Mean best cosine of a sample of one side against the other: how alike two versions are."""
    if len(a) == 0 or len(b) == 0:
        return -1.0
    if len(a) > len(b):
        a, b = b, a
    idx = np.linspace(0, len(a) - 1, min(len(a), _PAIR_SAMPLE)).astype(int)
    sims = a[idx] @ b.T
    return float(sims.max(axis=1).mean())


def path_rows(path: list[PathBead], first: str, second: str) -> list[dict[str, tuple[int, ...]]]:
    return [{first: tuple(range(i0, i1)), second: tuple(range(j0, j1))} for i0, i1, j0, j1 in path]


def align_joint(
    vectors: Mapping[str, npt.NDArray[np.floating]],
    params: DPParams,
    spans: Mapping[str, Spans] | None = None,
    lengths: Mapping[str, Sequence[float]] | None = None,
    select_order: int = 0,
    row_penalty: float = 0.0,
    witness_bonus: float = 0.0,
    crossing: Mapping[tuple[str, str], Crossing] | None = None,
    refine: Refine | None = None,
    extra: Sequence[Sequence[AlignmentRow]] = (),
) -> tuple[AlignmentRow, ...]:
    """Rows in document order; every segment of every version in exactly one row.

    ``spans`` optionally gives precomputed span vectors per language (sentence level);
    otherwise spans are averages of the segment vectors. ``lengths`` (characters per
    segment) add a length-ratio term; each version's lengths are taken as shares of its
    total, so languages with longer words compare fairly. ``crossing`` (sentence level,
    per ordered pair of ``combinations(vectors, 2)``) gives the anchor weights that price the
    bead boundaries of that pair's path (transcheck.align.dp._crossing_cost).

    ``select_order``: when positive and no version has more segments than this, every
    pair is tried as the base pair and their rows are recombined into the cheapest tiling
    under the three-way objective (``row_penalty``, ``witness_bonus``,
    :mod:`transcheck.align.objective`);
    for more than three versions the result agreeing best with the pairwise paths is kept
    (:func:`_agreement`).
    Otherwise the most similar pair is the base. ``refine`` (three versions, recombined
    rows only) gets the last word, with the objective to price its changes. ``extra``:
    further complete alignments of these versions whose rows join the recombination
    (three versions; e.g. the rows an alignment with the titles found for the rest).
    """
    langs = list(vectors)
    if not langs:
        return ()
    unit = {lang: unit_rows(_matrix(vectors[lang])) for lang in langs}
    if len(langs) == 1:
        return tuple({langs[0]: (i,)} for i in range(len(unit[langs[0]])))
    width = max(1, params.max_merge)

    def spans_of(lang: str) -> Spans:
        if spans is not None and lang in spans:
            return spans[lang]
        return average_spans(unit[lang], width)

    share: dict[str, FloatArray] = {}
    if lengths is not None:
        for lang in langs:
            arr = np.asarray(lengths[lang], dtype=np.float64)
            share[lang] = arr / max(float(arr.sum()), 1e-9)

    def row_lengths(rows: list[dict[str, tuple[int, ...]]]) -> FloatArray | None:
        if not share:
            return None
        out = np.zeros(len(rows))
        for r, row in enumerate(rows):
            parts = [float(share[lg][list(idx)].sum()) for lg, idx in row.items() if idx]
            out[r] = sum(parts) / len(parts)
        return out

    def pair_path(first: str, second: str) -> list[PathBead]:
        cross = crossing.get((first, second)) if crossing is not None else None
        return align_spans(spans_of(first), spans_of(second), params, share.get(first), share.get(second), cross)

    def extend(rows: list[dict[str, tuple[int, ...]]], done: list[str]) -> list[dict[str, tuple[int, ...]]]:
        for lang in langs:
            if lang in done:
                continue
            row_vecs = np.zeros((len(rows), unit[lang].shape[1] if len(unit[lang]) else _dim(unit)))
            for r, row in enumerate(rows):
                parts = [unit_rows(unit[lg][list(idx)].sum(axis=0)) for lg, idx in row.items() if idx]
                row_vecs[r] = unit_rows(np.sum(parts, axis=0))[0]
            path = align_spans(average_spans(row_vecs, width), spans_of(lang), params, row_lengths(rows), share.get(lang))
            merged: list[dict[str, tuple[int, ...]]] = []
            for r0, r1, j0, j1 in path:
                new: dict[str, tuple[int, ...]] = {lg: () for lg in done}
                for row in rows[r0:r1]:
                    for lg, idx in row.items():
                        new[lg] = new[lg] + idx
                new[lang] = tuple(range(j0, j1))
                merged.append(new)
            rows = merged
            done.append(lang)
        return rows

    sizes = [len(unit[lang]) for lang in langs]
    by_affinity = sorted(combinations(langs, 2), key=lambda p: -_pair_affinity(unit[p[0]], unit[p[1]]))
    first, second = by_affinity[0]
    base = pair_path(first, second)
    rows = extend(path_rows(base, first, second), [first, second])
    if select_order > 0 and len(langs) >= 3 and max(sizes) <= select_order:
        pairwise = {by_affinity[0]: base}
        pairwise.update({pair: pair_path(*pair) for pair in by_affinity[1:]})
        if len(langs) == 3:
            x, y, z = langs
            trio = ((x, y), (x, z), (y, z))
            pcs = [pair_costs(spans_of(p), spans_of(q), params, share.get(p), share.get(q)) for p, q in trio]
            blocks = tuple(
                block_costs(*pc, len(unit[p]) + 1, len(unit[q]) + 1, _BLOCK, skips=True)
                for pc, (p, q) in zip(pcs, trio, strict=True)
            )
            cands = [rows] + [extend(path_rows(pairwise[pair], *pair), list(pair)) for pair in by_affinity[1:]]
            cands += [[{lang: tuple(row[lang]) for lang in langs} for row in other] for other in extra]
            b3 = (blocks[0], blocks[1], blocks[2])
            mixed = cheapest_mix([_ranges(c, langs) for c in cands], b3, row_penalty, witness_bonus)
            if witness_bonus:
                mixed = rejoin_lone(mixed, b3, row_penalty)
            if refine is not None:
                mixed = refine(mixed, lambda rs: joint_cost(rs, b3, row_penalty))
            rows = [{x: tuple(rx), y: tuple(ry), z: tuple(rz)} for rx, ry, rz in mixed]
        else:
            best = _agreement(rows, pairwise)
            for x2, y2 in by_affinity[1:]:
                other = extend(path_rows(pairwise[(x2, y2)], x2, y2), [x2, y2])
                score = _agreement(other, pairwise)
                if score > best:
                    rows, best = other, score
    return tuple({lang: row.get(lang, ()) for lang in langs} for row in rows)


def _agreement(rows: list[dict[str, tuple[int, ...]]], pairwise: Mapping[tuple[str, str], list[PathBead]]) -> int:
    """How many beads of the pairwise alignments the joint rows reproduce exactly.

    Aligning the third version against rows of a base pair commits to the base pair's
    mistakes; a different base pair makes different ones. The pairwise paths are
    independent evidence for every pair, so the joint result that projects onto most of
    them is the most consistent one. benchmarks/align_paragraphs.py, joint 3-way rows
    recall (seeds 1 / 2 / 3): always the most similar base pair 0.936 / 0.926 / 0.931,
    best agreement 0.953 / 0.939 / 0.944 (best of the three with hindsight: 0.965 / 0.975
    / 0.959). Counting hits only favours finer rows a little (more deletions found, a few
    more false ones); penalising disagreeing beads did not do better on seeds 1+2. Used
    for four or more versions only; three take the objective (joint F1 0.950 / 0.938 / 0.936).
    """
    score = 0
    for (x, y), path in pairwise.items():
        beads = {(tuple(range(i0, i1)), tuple(range(j0, j1))) for i0, i1, j0, j1 in path}
        proj = {(row.get(x, ()), row.get(y, ())) for row in rows if row.get(x) or row.get(y)}
        score += len(proj & beads)
    return score


def _matrix(v: npt.NDArray[np.floating]) -> FloatArray:
    """Vectors as a 2-D float64 array, also when there are none."""
    arr = np.asarray(v, dtype=np.float64)
    if arr.ndim == 2:
        return arr
    return arr.reshape(len(arr), -1) if arr.size else np.zeros((len(arr), 1))


def _dim(unit: Mapping[str, FloatArray]) -> int:
    return max((v.shape[1] for v in unit.values() if v.ndim == 2), default=1)


def _ranges(rows: list[dict[str, tuple[int, ...]]], langs: Sequence[str]) -> list[tuple[range, range, range]]:
    """Rows as index ranges per version (an empty one placed where that version stands)."""
    pos = dict.fromkeys(langs, 0)
    out: list[tuple[range, range, range]] = []
    for row in rows:
        parts = []
        for lang in langs:
            idx = row.get(lang, ())
            parts.append(range(idx[0], idx[-1] + 1) if idx else range(pos[lang], pos[lang]))
            if idx:
                pos[lang] = idx[-1] + 1
        out.append((parts[0], parts[1], parts[2]))
    return out
