"""The three-way objective: a joint alignment's cost as the sum of its pairwise bead costs.

Why: the progressive joint alignment (:mod:`transcheck.align.joint`) aligns a base pair
first and the third version against its rows, so it inherits the base pair's mistakes;
where several edits meet (a deletion in one version next to a merge in another) another
base pair may be right. The three base pairs' results are scored by what the three
pairwise DPs would pay for their projections: each row (a, b, c) — a segments of the
first version, b of the second, c of the third — pays, per pair, the cheapest path of
pairwise beads inside its (a, b) block (:func:`block_costs`; a segment with no
counterpart pays the pair's skip cost), plus ``row_penalty`` per segment beyond the first
of each version (block costs make a coarse row never dearer than finer ones, so ties must
favour fine rows). :func:`cheapest_mix` then recombines the candidates' rows into the
cheapest tiling, so each region takes the base pair that got it right.

benchmarks/align_paragraphs.py, seeds 1 / 2 / 3, joint rows F1: agreement with the
pairwise paths (round 1) 0.946 / 0.924 / 0.935; the cheapest whole candidate, row penalty
0.015: 0.950 / 0.938 / 0.936; recombined (kept): 0.950 / 0.940 / 0.941 (row penalty 0.01:
0.951 / 0.940, 0.02: 0.951 / 0.938, 0.025: 0.945 / 0.929; penalty as 0.5-2 x the mean
skip cost: 0.947-0.951 / 0.926-0.934; blocks without internal skips: 0.943-0.949 /
0.920-0.929). Tried and dropped: extra candidates from min skip x 0.5 / 2 (0.955 / 0.927,
x 2 only 0.951 / 0.933); the exact 3-D DP over (i, j, k) minimising the same objective
(all row shapes up to 3 per version): best 0.947 / 0.921 (0.887 / 0.872 with pairwise-bead
rows only), and as a fourth candidate under agreement 0.944 / 0.922. On seeds 1 / 2 the
gold rows cost more than the chosen ones in 16 / 26 of the 20 / 26 wrong articles: the
objective, not the candidates, is the limit (mostly a split half or a split-then-merged
pair that the pairwise costs prefer as a 1-1 bead plus a cheap skip). Round 3 changed
those pairwise costs (:func:`transcheck.align.dp._segment_skips`, ``_merge_by_gain``;
per-cell skip costs reach :func:`block_costs` through ``pair_costs``): joint F1 0.959 /
0.943 / 0.952.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
Costs = dict[tuple[int, int], FloatArray]


def block_costs(
    costs: Costs, skip: float | tuple[FloatArray, FloatArray], rows: int, cols: int, size: int, skips: bool
) -> Costs:
    """Cost of every (p, q) block, p, q <= ``size``, ending at each cell: the cheapest
    monotone path of pairwise beads (and, with ``skips``, unmatched segments) that covers it.

    A joint row of three versions projects to blocks the pairwise DP has no bead for
    (a 2-3 where one version merged and another split), or to a 2-2 that the pairwise
    DP would rather see as two 1-1s; scoring a row's projection by its best internal path
    keeps such rows as cheap as the pair's own evidence allows.

    ``skip``: one cost per skipped segment, or the costs of the 1-0 and 0-1 beads ending at
    each cell as :func:`transcheck.align.dp.pair_costs` returns them.
    """
    if isinstance(skip, tuple):
        step_a, step_b = np.asarray(skip[0], dtype=np.float64), np.asarray(skip[1], dtype=np.float64)
    else:
        step_a = step_b = np.full((rows, cols), float(skip))
    small = [bd for bd in costs] + ([(1, 0), (0, 1)] if skips else [])
    out: Costs = {(0, 0): np.zeros((rows, cols))}
    for total in range(1, 2 * size + 1):
        for p in range(size + 1):
            q = total - p
            if q < 0 or q > size:
                continue
            best = np.full((rows, cols), np.inf)
            if (p, q) in costs:
                best = np.minimum(best, costs[(p, q)])
            if q == 0 or p == 0:  # a run of skips
                best = np.full((rows, cols), np.inf)
                if q == 0:
                    best[1:, :] = out[(p - 1, 0)][:-1, :] + step_a[1:, :]
                else:
                    best[:, 1:] = out[(0, q - 1)][:, :-1] + step_b[:, 1:]
            for a, b in small:
                if (a, b) == (p, q) or a > p or b > q or a > rows or b > cols or (p - a, q - b) not in out:
                    continue  # (a bead wider than the document: align_max_merge 4-5 on short texts)
                step = costs[(a, b)] if a and b else (step_a if a else step_b)
                prev = np.full((rows, cols), np.inf)
                prev[a:, b:] = out[(p - a, q - b)][: rows - a, : cols - b]
                best = np.minimum(best, prev + step)
            best[:p, :] = np.inf  # a block needs p rows and q columns before its end
            best[:, :q] = np.inf
            out[(p, q)] = best
    return out


def joint_cost(
    rows: list[tuple[range, range, range]],
    blocks: tuple[Costs, Costs, Costs],
    row_penalty: float = 0.0,
    witness_bonus: float = 0.0,
) -> float:
    """The 3-D objective of given rows (``blocks`` from :func:`block_costs` of the pairs
    (x, y), (x, z), (y, z)); ``inf`` when a row is larger than the blocks cover.

    ``witness_bonus`` is taken off every row that exactly one version lacks: a paragraph
    deleted in one version is one event, but the pairwise costs charge it twice (a skip
    in each pair with the version that lacks it), so next to a neighbour it hid in a
    1-2/2-1 row of two merge beads. benchmarks/align_paragraphs.py seeds 1 / 2 (tuned),
    joint rows F1 / deletion P / R: 0 (before) 0.959 / 0.943, P 0.957 / 0.941, R 0.851 /
    0.829; 0.01: 0.960 / 0.952; 0.02 (kept): 0.963 / 0.955, P 0.939 / 0.936, R 0.894 /
    0.905; 0.03: 0.965 / 0.953, P 0.941 / 0.918, R 0.918 / 0.905; 0.04-0.06: 0.963 / 0.953
    (the candidates' rows limit it). Also tried: the bonus only when the two witnesses
    match (their block cost below -0.02 / -0.03 / -0.045 at 0.03: 0.965 / 0.953, 0.962 /
    0.955, 0.963 / 0.954; one article each way) and as a refund of 0.5 / 1 / 1.5 x the
    cheaper witness's skip cost (0.959 / 0.953, 0.958 / 0.952, 0.963 / 0.952).
    """
    bxy, bxz, byz = blocks
    total = 0.0
    for rx, ry, rz in rows:
        a, b, c = len(rx), len(ry), len(rz)
        i, j, k = rx.stop if a else rx.start, ry.stop if b else ry.start, rz.stop if c else rz.start
        for bl, p, q, u, v in ((bxy, a, b, i, j), (bxz, a, c, i, k), (byz, b, c, j, k)):
            if (p, q) not in bl:
                return float("inf")
            total += float(bl[(p, q)][u, v])
        total += row_penalty * sum(max(0, t - 1) for t in (a, b, c))
        if (a == 0) + (b == 0) + (c == 0) == 1:
            total -= witness_bonus
    return total


Rows3 = list[tuple[range, range, range]]
# Float ties (joined and separate blocks of equal cost) must not join rows.
_REJOIN_TOL = 0.0005


def cheapest_mix(
    candidates: list[Rows3], blocks: tuple[Costs, Costs, Costs], row_penalty: float, witness_bonus: float = 0.0
) -> Rows3:
    """The cheapest tiling of the document by rows taken from any of the candidates.

    Candidates that differ only locally (one base pair got a merge region right, another a
    deletion elsewhere) are combined window by window: a shortest path over the rows'
    corner points, where a row is an edge from its start corner to its end corner.
    """
    best: dict[tuple[int, int, int], tuple[float, tuple[int, int, int] | None, tuple[range, range, range] | None]]
    best = {(0, 0, 0): (0.0, None, None)}
    edges: dict[tuple[int, int, int], list[tuple[tuple[int, int, int], tuple[range, range, range], float]]] = {}
    seen: set[tuple[tuple[int, int, int], tuple[int, int, int]]] = set()
    for rows in candidates:
        for row in rows:
            start = (row[0].start, row[1].start, row[2].start)
            end = (row[0].stop, row[1].stop, row[2].stop)
            if (start, end) in seen:
                continue
            seen.add((start, end))
            edges.setdefault(start, []).append((end, row, joint_cost([row], blocks, row_penalty, witness_bonus)))
    for start in sorted(edges, key=sum):
        if start not in best:
            continue
        base = best[start][0]
        for end, edge, cost in edges[start]:
            if end not in best or base + cost < best[end][0]:
                best[end] = (base + cost, start, edge)
    node = max(best, key=sum)
    out: Rows3 = []
    while True:
        _, prev, last = best[node]
        if prev is None or last is None:
            break
        out.append(last)
        node = prev
    out.reverse()
    return out


def rejoin_lone(rows: Rows3, blocks: tuple[Costs, Costs, Costs], row_penalty: float) -> Rows3:
    """Undo ``witness_bonus`` where the version a row lacks has a lone segment right beside it.

    The bonus is for a paragraph deleted in one version; a row two versions share next to a
    row only the third has is a paragraph rewritten or shortened there (benchmarks/quality.py
    telegraph-405430: an en paragraph that lost its long sentence came out as a missing plus
    an extra paragraph, hiding the dropped sentence from divergent-segment). Such a pair is
    joined into one row when that is cheaper without the bonus. Then a lone segment beside
    a row all three versions share joins it where the block costs prefer that
    (:func:`_rejoin_beside_full`).
    """
    out = list(rows)
    r = 0
    while r + 1 < len(out):
        first, second = out[r], out[r + 1]
        empty = [len(x) == 0 for x in first], [len(x) == 0 for x in second]
        lone = sum(empty[1]) == 2 and sum(empty[0]) == 1 and empty[0].index(True) == empty[1].index(False)
        lone_first = sum(empty[0]) == 2 and sum(empty[1]) == 1 and empty[1].index(True) == empty[0].index(False)
        if lone or lone_first:
            joined = tuple(range(a.start, b.stop) for a, b in zip(first, second, strict=True))
            row = (joined[0], joined[1], joined[2])
            if joint_cost([row], blocks, row_penalty) < joint_cost([first, second], blocks, row_penalty):
                out[r : r + 2] = [row]
                continue
        r += 1
    return _rejoin_beside_full(out, blocks)


def _rejoin_beside_full(rows: Rows3, blocks: tuple[Costs, Costs, Costs]) -> Rows3:
    """Join a row only one version has to a neighbouring row all three share when the
    pairwise block costs alone (no row penalty, no bonus) are lower joined by more than
    ``_REJOIN_TOL``.

    Why: ``row_penalty`` breaks ties towards fine rows, but where the pairwise costs
    themselves price the lone segment as part of its neighbour's bead (a split half or the
    third piece of a paragraph split twice, left alone: benchmarks/align_paragraphs.py
    seed 1 article 57, seed 2 article 44) the penalty alone makes it an addition. On seeds
    1+2 the only lone rows beside a full row with block delta below 0.004 were such halves
    (3 rows, deltas -0.0017 / -0.0015 / an exact tie); no correct row came within 0.004.
    Seeds 1 / 2 joint rows F1 0.963 / 0.955 -> 0.965 / 0.957, deletions P 0.939 / 0.936 ->
    0.949 / 0.945, recall unchanged (0.894 / 0.905). Tolerance 0: seed 1 also joins the
    exact tie (P 0.959), not relied on.
    """
    tol = _REJOIN_TOL
    out = list(rows)
    r = 0
    while r < len(out):
        row = out[r]
        if sum(len(x) == 0 for x in row) != 2:
            r += 1
            continue
        best: tuple[float, int] | None = None
        for n in (r - 1, r + 1):
            if not 0 <= n < len(out) or any(len(x) == 0 for x in out[n]):
                continue
            a, b = (out[n], row) if n < r else (row, out[n])
            joined = (range(a[0].start, b[0].stop), range(a[1].start, b[1].stop), range(a[2].start, b[2].stop))
            delta = joint_cost([joined], blocks) - joint_cost([a, b], blocks)
            if delta < -tol and (best is None or delta < best[0]):
                best = (delta, n)
        if best is None:
            r += 1
            continue
        lo = min(r, best[1])
        a, b = out[lo], out[lo + 1]
        out[lo : lo + 2] = [(range(a[0].start, b[0].stop), range(a[1].start, b[1].stop), range(a[2].start, b[2].stop))]
        r = lo
    return out
