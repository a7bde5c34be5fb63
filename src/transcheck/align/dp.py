"""Pairwise monotone alignment of two sequences of vectors: a banded, recursively coarsened DP.

Why this shape:

* **Beads** 0-1, 1-0, 1-1, 1-2, 2-1, and the "strong" beads 2-2, 1-3, 3-1 that are only
  allowed when their margin clears ``strong_margin`` (a merge must be earned by evidence,
  not by the arithmetic of the cost).
* **Fair merged candidates.** A merged span is scored through its own vector (the
  normalised sum of its pieces, or an embedding of the concatenated text, see
  :mod:`transcheck.align.spans`) and the bead cost is weighted by the number of segments it
  covers (vecalign's ``nSents`` weight), so one 2-2 bead and two 1-1 beads compete on the
  same per-segment scale: plain cosine DP would prefer merges because it pays once per bead.
* **Margin scoring.** Raw e5 cosines sit in a narrow band (unrelated same-topic paragraphs
  ~0.8), so each similarity is measured against both texts' neighbourhoods: cosine minus
  the mean of the two sides' k-nearest-neighbour cosines (as in LASER / vecalign / bertalign).
* **Adaptive skip cost** per document pair: a percentile of the costs of sampled non-best
  pairs, so a deletion costs what a "good wrong match" costs *in this document pair*.
* **Linear time.** A pair larger than ``full_cells`` is aligned first at half resolution
  (consecutive vectors averaged), recursively; the coarse path, projected and widened by
  ``band``, is the only region the fine DP looks at. Each DP row is vectorised with numpy;
  the 0-1 (insertion) bead inside a row is a running minimum (``np.minimum.accumulate``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from transcheck.align.spans import Spans, average_spans

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

# A bead as (a, b): a segments of the first sequence aligned with b of the second.
BASIC_BEADS: tuple[tuple[int, int], ...] = ((0, 1), (1, 0), (1, 1), (1, 2), (2, 1))
STRONG_BEADS: tuple[tuple[int, int], ...] = ((2, 2), (1, 3), (3, 1))

# (start_a, end_a, start_b, end_b): half-open index ranges of one bead of a path.
PathBead = tuple[int, int, int, int]


@dataclass(frozen=True)
class DPParams:
    """The knobs of one pairwise alignment (see transcheck.config.Thresholds for calibration)."""

    skip_percentile: float = 0.10
    knn: int = 4
    merge_penalty: float = 0.0
    strong_margin: float = 0.05
    max_merge: int = 3
    band: int = 12
    full_cells: int = 250_000
    min_skip: float = 0.01
    default_skip: float = 0.1

    def beads(self) -> tuple[tuple[int, int], ...]:
        basic = tuple(bd for bd in BASIC_BEADS if max(bd) <= max(1, self.max_merge))
        strong = tuple(bd for bd in STRONG_BEADS if max(bd) <= self.max_merge)
        return basic + strong


def _knn_and_samples(
    a: FloatArray, b: FloatArray, lo: IntArray, hi: IntArray, k: int
) -> tuple[FloatArray, FloatArray, IntArray, IntArray, FloatArray]:
    """Per-item mean top-k cosine against the other side's band neighbourhood, and the band cosines."""
    n, m = len(a), len(b)
    rows_l: list[IntArray] = []
    cols_l: list[IntArray] = []
    vals_l: list[FloatArray] = []
    knn_a = np.zeros(n)
    for i in range(n):
        c0, c1 = max(0, int(lo[i])), min(m, int(hi[i + 1]))
        if c1 <= c0:
            continue
        cols = np.arange(c0, c1)
        sims = b[c0:c1] @ a[i]
        kk = min(k, len(sims))
        knn_a[i] = float(np.partition(sims, len(sims) - kk)[len(sims) - kk :].mean())
        rows_l.append(np.full(len(cols), i))
        cols_l.append(cols)
        vals_l.append(sims)
    if not rows_l:
        empty_i = np.zeros(0, dtype=np.int64)
        return knn_a, np.zeros(m), empty_i, empty_i, np.zeros(0)
    rows = np.concatenate(rows_l)
    cols = np.concatenate(cols_l)
    vals = np.concatenate(vals_l).astype(np.float64)
    # Column-wise top-k: sort by (column, -value) and keep the first k of each column.
    order = np.lexsort((-vals, cols))
    sc, sv = cols[order], vals[order]
    starts = np.searchsorted(sc, np.arange(m))
    rank = np.arange(len(sc)) - starts[sc]
    keep = rank < k
    sums = np.bincount(sc[keep], weights=sv[keep], minlength=m)
    counts = np.bincount(sc[keep], minlength=m)
    knn_b = np.where(counts > 0, sums / np.maximum(counts, 1), 0.0)
    return knn_a, knn_b, rows, cols, vals


def _span_knn(knn: FloatArray, width: int) -> FloatArray:
    """Mean kNN of the pieces of each span of ``width`` consecutive items."""
    cs = np.concatenate([[0.0], np.cumsum(knn)])
    return (cs[width:] - cs[:-width]) / width if len(knn) >= width else np.zeros(0)


def _skip_cost(
    rows: IntArray, cols: IntArray, vals: FloatArray, knn_a: FloatArray, knn_b: FloatArray,
    n: int, m: int, params: DPParams,
) -> float:
    """Per-segment skip cost: half the ``skip_percentile`` quantile of sampled non-best 1-1 costs.

    Each row's and column's best pair is left out of the sample, so in a short document the
    true translations do not pull the quantile down (vecalign samples random pairs instead,
    which only works when documents are long).
    """
    if len(vals) == 0:
        return params.default_skip
    costs = -(vals - 0.5 * (knn_a[rows] + knn_b[cols]))
    best = np.zeros(len(vals), dtype=bool)
    order = np.lexsort((-vals, rows))
    first = np.ones(len(order), dtype=bool)
    first[1:] = rows[order][1:] != rows[order][:-1]
    best[order[first]] = True
    order = np.lexsort((-vals, cols))
    first = np.ones(len(order), dtype=bool)
    first[1:] = cols[order][1:] != cols[order][:-1]
    best[order[first]] = True
    sample = costs[~best]
    if len(sample) < max(4, (n + m) // 2):
        return params.default_skip
    return max(params.min_skip, 0.5 * float(np.quantile(sample, params.skip_percentile)))


def _band_from_path(path: list[PathBead], n: int, m: int, width: int) -> tuple[IntArray, IntArray]:
    """Project a half-resolution path to full resolution and widen it into a monotone band."""
    lo = np.full(n + 1, m + 1, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    for i0, i1, j0, j1 in path:
        r0, r1 = min(2 * i0, n), min(2 * i1, n)
        c0, c1 = min(2 * j0, m), min(2 * j1, m)
        lo[r0 : r1 + 1] = np.minimum(lo[r0 : r1 + 1], c0)
        hi[r0 : r1 + 1] = np.maximum(hi[r0 : r1 + 1], c1 + 1)
    # Widen across rows too, so a vertical run in the coarse path still leaves room.
    pad_lo = np.concatenate([np.full(width, m + 1), lo, np.full(width, m + 1)])
    pad_hi = np.concatenate([np.zeros(width, dtype=np.int64), hi, np.zeros(width, dtype=np.int64)])
    win = 2 * width + 1
    lo = np.lib.stride_tricks.sliding_window_view(pad_lo, win).min(axis=1) - width
    hi = np.lib.stride_tricks.sliding_window_view(pad_hi, win).max(axis=1) + width
    lo = np.clip(np.minimum.accumulate(lo[::-1])[::-1], 0, m)
    hi = np.clip(np.maximum.accumulate(hi), 1, m + 1)
    lo[0], hi[-1] = 0, m + 1
    return lo.astype(np.int64), hi.astype(np.int64)


def _coarsen(vectors: FloatArray) -> FloatArray:
    n = len(vectors)
    pairs = vectors[: n - n % 2].reshape(n // 2, 2, -1).sum(axis=1)
    out = np.concatenate([pairs, vectors[n - n % 2 :]], axis=0) if n % 2 else pairs
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.asarray(out / norms, dtype=np.float64)


def _run_dp(
    sa: Spans, sb: Spans, lo: IntArray, hi: IntArray, params: DPParams
) -> tuple[list[PathBead], float]:
    """The banded DP proper; returns the path and its cost per segment."""
    a1, b1 = sa[0], sb[0]
    n, m = len(a1), len(b1)
    knn_a, knn_b, rows, cols, vals = _knn_and_samples(a1, b1, lo, hi, params.knn)
    delta = _skip_cost(rows, cols, vals, knn_a, knn_b, n, m, params)
    beads = params.beads()
    kspan_a = [_span_knn(knn_a, w + 1) for w in range(len(sa))]
    kspan_b = [_span_knn(knn_b, w + 1) for w in range(len(sb))]
    id01 = beads.index((0, 1))
    strong = set(STRONG_BEADS)

    j0 = np.arange(lo[0], hi[0])
    dp_rows: list[FloatArray] = [j0 * delta]
    back: list[npt.NDArray[np.int8]] = [np.full(len(j0), id01, dtype=np.int8)]
    for i in range(1, n + 1):
        jj = np.arange(lo[i], hi[i])
        width = len(jj)
        best = np.full(width, np.inf)
        arg = np.full(width, -1, dtype=np.int8)
        for bid, (a, b) in enumerate(beads):
            if a == 0 or i - a < 0 or a > len(sa) or b > len(sb):
                continue
            prev = dp_rows[i - a]
            jp = jj - b
            idx = jp - lo[i - a]
            ok = (jp >= 0) & (idx >= 0) & (idx < len(prev))
            if not ok.any():
                continue
            sel = np.nonzero(ok)[0]
            pv = prev[idx[sel]]
            if b == 0:
                cost = pv + delta
            else:
                s = i - a
                t = jp[sel]
                sims = sb[b - 1][t] @ sa[a - 1][s]
                margin = sims - 0.5 * (kspan_a[a - 1][s] + kspan_b[b - 1][t])
                cost = pv + 0.5 * (a + b) * (-margin) + params.merge_penalty * (a + b - 2)
                if (a, b) in strong:
                    cost = np.where(margin < params.strong_margin, np.inf, cost)
            better = cost < best[sel]
            upd = sel[better]
            best[upd] = cost[better]
            arg[upd] = bid
        # 0-1 beads within the row: dp[j] = min_k<=j (best[k] + (j-k)*delta).
        shifted = best - jj * delta
        running = np.minimum.accumulate(shifted)
        from01 = running < shifted
        arg[from01] = id01
        dp_rows.append(running + jj * delta)
        back.append(arg)

    path: list[PathBead] = []
    i, j = n, m
    total = float(dp_rows[n][m - lo[n]])
    while i > 0 or j > 0:
        bid = int(back[i][j - lo[i]])
        if bid < 0:  # unreachable: cannot happen with a band that contains (0,0)..(n,m)
            raise RuntimeError("alignment band is disconnected")
        a, b = beads[bid]
        path.append((i - a, i, j - b, j))
        i, j = i - a, j - b
    path.reverse()
    return path, total / max(1, n + m)


def align_spans(sa: Spans, sb: Spans, params: DPParams) -> list[PathBead]:
    """Align two sequences given their span vectors (``sa[k-1]``: spans of k items)."""
    n, m = len(sa[0]), len(sb[0])
    if n == 0 or m == 0:
        return [(i, i + 1, 0, 0) for i in range(n)] + [(n, n, j, j + 1) for j in range(m)]
    if n * m <= params.full_cells or min(n, m) < 4:
        lo = np.zeros(n + 1, dtype=np.int64)
        hi = np.full(n + 1, m + 1, dtype=np.int64)
    else:
        ca, cb = _coarsen(sa[0]), _coarsen(sb[0])
        coarse = align_spans(average_spans(ca, len(sa)), average_spans(cb, len(sb)), params)
        lo, hi = _band_from_path(coarse, n, m, params.band)
    path, _ = _run_dp(sa, sb, lo, hi, params)
    return path


def path_cost(sa: Spans, sb: Spans, params: DPParams) -> float:
    """Cost per segment of the best full (unbanded) alignment: how well two sequences match."""
    n, m = len(sa[0]), len(sb[0])
    if n == 0 or m == 0:
        return 0.0
    lo = np.zeros(n + 1, dtype=np.int64)
    hi = np.full(n + 1, m + 1, dtype=np.int64)
    return _run_dp(sa, sb, lo, hi, params)[1]
