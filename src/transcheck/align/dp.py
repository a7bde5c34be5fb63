"""Pairwise monotone alignment of two sequences of vectors: a banded, recursively coarsened DP.

Why this shape:

* **Beads** 0-1, 1-0, 1-1, 1-2, 2-1, and the "strong" beads 2-2, 1-3, 3-1 (with
  ``max_merge`` 4 also 2-3, 3-2, 1-4, 4-1; with 5 also 1-5, 5-1, 3-3) that are only
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
  pairs, so a deletion costs what a "good wrong match" costs *in this document pair*; plus,
  per skip, a term for how well the skipped segment matches the other side's segments beside
  the gap (a split-off half does, a deleted paragraph does not: :func:`_segment_skips`), and
  a 1-2/2-1 alternative price that does not punish a merge for its weak piece
  (:func:`_merge_by_gain`).
* **Pieces must earn their merge** (sentence level only, ``piece_weight``): a merged bead
  pays for each piece that is no closer to the bead's other side than to the rest of the
  other version (OCR debris, captions, notes; :func:`_piece_penalty`).
* **Cuts must not split anchors** (sentence level only, ``cross_weight``): every bead also
  pays for the boundary it ends at, by the lexical anchors (names, numbers) that boundary
  would separate between the versions (:func:`_crossing_cost`): where sentence boundaries
  differ, the 1-1 beads' cosines are as good as the merged bead's, the anchors are not.
* **Linear time.** A pair larger than ``full_cells`` is aligned first at half resolution
  (consecutive vectors averaged), recursively; the coarse path, projected and widened by
  ``band``, is the only region the fine DP looks at. Each DP row is vectorised with numpy;
  the 0-1 (insertion) bead inside a row is a running minimum (``np.minimum.accumulate``).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from transcheck.align.spans import Spans, average_spans

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

# A bead as (a, b): a segments of the first sequence aligned with b of the second.
BASIC_BEADS: tuple[tuple[int, int], ...] = ((0, 1), (1, 0), (1, 1), (1, 2), (2, 1))
# The beads of five segments (2-3, 3-2, 1-4, 4-1) come only with max_merge >= 4 (bertalign's
# max_align 5): 5% of Bleualign's gold beads are of these shapes.
# With max_merge >= 5, the six-segment beads 1-5, 5-1 and 3-3 (4 of Bleualign dev's 422 gold
# beads; 2-4 / 4-2, none in gold, made strict F1 0.938 -> 0.935 when added too).
STRONG_BEADS: tuple[tuple[int, int], ...] = (
    (2, 2), (1, 3), (3, 1), (2, 3), (3, 2), (1, 4), (4, 1), (1, 5), (5, 1), (3, 3),
)


def _needs(bead: tuple[int, int]) -> int:
    """The max_merge a strong bead needs: its larger side, 4 for five-segment beads and 5
    for six-segment ones."""
    return max(max(bead), 4 if sum(bead) == 5 else 0, 5 if sum(bead) >= 6 else 0)


# (start_a, end_a, start_b, end_b): half-open index ranges of one bead of a path.
PathBead = tuple[int, int, int, int]
# Skip (deletion) costs of a pair per band cell: of the 1-0 bead and of the 0-1 bead ending there.
Skips = tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]
# Per-segment anchor weights of both sequences ({key: weight}, e.g. the entries of
# transcheck.align.anchors' unit tf-idf vectors): the evidence of :func:`_crossing_cost`.
Crossing = tuple[list[dict[str, float]], list[dict[str, float]]]


@dataclass(frozen=True)
class DPParams:
    """The knobs of one pairwise alignment (see transcheck.config.Thresholds for calibration)."""

    skip_percentile: float = 0.10
    knn: int = 4
    merge_penalty: float = 0.0
    merge_weight: float = 0.0
    length_weight: float = 0.0
    shape_mix: float = 1.0
    strong_margin: float = 0.05
    max_merge: int = 3
    band: int = 12
    full_cells: int = 40_000
    min_skip: float = 0.01
    default_skip: float = 0.1
    skip_margin_weight: float = 0.0
    skip_margin_offset: float = 0.0
    merge_gain_weight: float = 0.0
    merge_gain_mode: int = 0
    piece_weight: float = 0.0
    piece_floor: float = 0.0
    cross_weight: float = 0.0

    def beads(self) -> tuple[tuple[int, int], ...]:
        basic = tuple(bd for bd in BASIC_BEADS if max(bd) <= max(1, self.max_merge))
        strong = tuple(bd for bd in STRONG_BEADS if _needs(bd) <= self.max_merge)
        return basic + strong


_CHUNK = 128  # DP rows per matrix product when filling a band


def _band_sims(
    sa: FloatArray, sb: FloatArray, lo: IntArray, hi: IntArray, a: int, b: int, width: int
) -> tuple[FloatArray, IntArray]:
    """Cosines of every (a, b) candidate whose bead ends in the band, in band coordinates.

    Cell ``[i, w]`` is the bead ending at DP cell ``(i, lo[i] + w)``: spans
    ``sa[i - a]`` and ``sb[lo[i] + w - b]``. NaN where there is no such candidate.
    Returns the cosines and the B-span index of each cell.
    """
    rows = len(lo)
    sims = np.full((rows, width), np.nan)
    offs = np.arange(width)
    tgrid = lo[:, None] + offs[None, :] - b
    if len(sa) == 0 or len(sb) == 0:
        return sims, tgrid
    for c0 in range(a, rows, _CHUNK):
        c1 = min(rows, c0 + _CHUNK)
        i = np.arange(c0, c1)
        s = i - a
        j = lo[i][:, None] + offs[None, :]
        t = j - b
        ok = (j < hi[i][:, None]) & (t >= 0) & (t < len(sb)) & (s < len(sa))[:, None]
        if not ok.any():
            continue
        s0, s1 = int(s[ok.any(axis=1)].min()), int(s[ok.any(axis=1)].max()) + 1
        t0, t1 = int(t[ok].min()), int(t[ok].max()) + 1
        block = sa[s0:s1] @ sb[t0:t1].T
        si = np.clip(s - s0, 0, s1 - s0 - 1)[:, None]
        ti = np.clip(t - t0, 0, t1 - t0 - 1)
        part = sims[c0:c1]
        part[ok] = block[np.broadcast_to(si, ti.shape), ti][ok]
    return sims, tgrid


def _mean_top_k(values: FloatArray, k: int) -> FloatArray:
    """Row-wise mean of the k largest non-NaN values (0 for rows with none)."""
    if values.shape[1] == 0:
        return np.zeros(len(values))
    x = np.where(np.isnan(values), -np.inf, values)
    kk = min(k, x.shape[1])
    top = -np.partition(-x, kk - 1, axis=1)[:, :kk]
    finite = np.isfinite(top)
    count = finite.sum(axis=1)
    total = np.where(finite, top, 0.0).sum(axis=1)
    return np.where(count > 0, total / np.maximum(count, 1), 0.0)


def _column_top_k(cols: IntArray, vals: FloatArray, size: int, k: int) -> FloatArray:
    """Mean of the k largest values per column index (0 for columns with none)."""
    if len(vals) == 0:
        return np.zeros(size)
    order = np.lexsort((-vals, cols))
    sc, sv = cols[order], vals[order]
    starts = np.searchsorted(sc, np.arange(size))
    rank = np.arange(len(sc)) - starts[sc]
    keep = rank < k
    sums = np.bincount(sc[keep], weights=sv[keep], minlength=size)
    counts = np.bincount(sc[keep], minlength=size)
    return np.where(counts > 0, sums / np.maximum(counts, 1), 0.0)


def _span_knn(knn: FloatArray, width: int) -> FloatArray:
    """Mean kNN of the pieces of each span of ``width`` consecutive items."""
    cs = np.concatenate([[0.0], np.cumsum(knn)])
    return (cs[width:] - cs[:-width]) / width if len(knn) >= width else np.zeros(0)


def _margins(
    sims: FloatArray, tgrid: IntArray, a: int, b: int, n_b: int, k: int,
    single: tuple[FloatArray, FloatArray] | None, shape_mix: float,
) -> tuple[FloatArray, tuple[FloatArray, FloatArray]]:
    """Margin of every candidate: cosine minus the mean of both spans' k-nearest cosines.

    Two neighbourhoods are mixed (``shape_mix``): the other side's spans of the bead's own
    shape, where a merged candidate competes with the overlapping merges around it (keeps
    2-2 beads from beating two good 1-1 beads), and the mean of the pieces' single-segment
    neighbourhoods (which does not punish a true merge for its overlapping neighbours).
    Returns the margins and, for the 1-1 shape, the per-item kNN (A by index, B by index).
    """
    row_knn = _mean_top_k(sims, k)  # indexed by DP row i; the A-span is i - a
    valid = ~np.isnan(sims)
    col_knn = _column_top_k(tgrid[valid], sims[valid], max(n_b, 1), k)
    rows = len(sims)
    a_knn = row_knn
    tk = col_knn[np.clip(tgrid, 0, max(n_b, 1) - 1)]
    if single is not None and shape_mix < 1.0:
        ka, kb = single
        pa, pb = _span_knn(ka, a), _span_knn(kb, b)
        if len(pa) and len(pb):
            sa_idx = np.clip(np.arange(rows) - a, 0, len(pa) - 1)
            a_knn = shape_mix * a_knn + (1 - shape_mix) * pa[sa_idx]
            tk = shape_mix * tk + (1 - shape_mix) * pb[np.clip(tgrid, 0, len(pb) - 1)]
    singles = (row_knn[1:] if rows > 1 else np.zeros(0), col_knn)
    return np.asarray(sims - 0.5 * (a_knn[:, None] + tk), dtype=np.float64), singles


def _skip_cost(margins: FloatArray, sims: FloatArray, tgrid: IntArray, n: int, m: int, params: DPParams) -> float:
    """Per-segment skip cost: half the ``skip_percentile`` quantile of sampled non-best 1-1 costs.

    Each row's and column's best pair is left out of the sample, so in a short document the
    true translations do not pull the quantile down (vecalign samples random pairs instead,
    which only works when documents are long).
    """
    valid = ~np.isnan(sims)
    if not valid.any():
        return params.default_skip
    rows = np.broadcast_to(np.arange(len(sims))[:, None], sims.shape)[valid]
    cols = tgrid[valid]
    vals = sims[valid]
    costs = -margins[valid]
    best = np.zeros(len(vals), dtype=bool)
    for key in (rows, cols):
        order = np.lexsort((-vals, key))
        first = np.ones(len(order), dtype=bool)
        first[1:] = key[order][1:] != key[order][:-1]
        best[order[first]] = True
    sample = costs[~best]
    if len(sample) < max(4, (n + m) // 2):
        return params.default_skip
    return max(params.min_skip, 0.5 * float(np.quantile(sample, params.skip_percentile)))


def _segment_skips(delta: float, margins: FloatArray, lo: IntArray, params: DPParams) -> Skips:
    """Skip cost of every 1-0 and 0-1 bead ending in each band cell: ``delta`` plus
    ``skip_margin_weight`` times how far the skipped segment's best 1-1 margin with the
    other side's segments on either side of the gap exceeds ``skip_margin_offset``.

    A paragraph split off in one version still matches the paragraph it came from, right
    next to the gap; with a flat skip cost the DP prefers a 1-1 bead with the other half
    plus a cheap skip of this one over the 1-2 bead (issue 3 round 2's diagnosis: the gold
    rows cost more than the chosen ones). A deleted paragraph matches neither neighbour,
    so its skip stays cheap. ``margins`` are the 1-1 margins in band coordinates.
    """
    rows, width = margins.shape
    flat = np.full((rows, width), delta)
    if not params.skip_margin_weight or rows == 0 or width == 0:
        return flat, flat
    nan_col = np.full((rows, 1), np.nan)
    # 1-0 bead ending at (i, j) skips A[i-1], between B[j-1] (cell (i, j)) and B[j] ((i, j+1)).
    local_a = np.fmax(margins, np.concatenate([margins[:, 1:], nan_col], axis=1))
    # 0-1 bead ending at (i, j) skips B[j-1], between A[i-1] (cell (i, j)) and A[i] ((i+1, j)).
    shift = np.diff(lo)  # row i+1's band starts this much further right than row i's
    idx = np.arange(width)[None, :] - shift[:, None]
    ok = (idx >= 0) & (idx < width)
    below = np.full((rows, width), np.nan)
    below[:-1][ok] = margins[1:][np.arange(rows - 1)[:, None].repeat(width, 1)[ok], idx[ok]]
    local_b = np.fmax(margins, below)
    w, off = params.skip_margin_weight, params.skip_margin_offset

    def cost(local: FloatArray) -> FloatArray:
        extra = np.where(np.isnan(local), 0.0, np.maximum(0.0, local - off))
        return np.asarray(delta + w * extra, dtype=np.float64)

    return cost(local_a), cost(local_b)


# Other-side items a piece's kNN is measured against (evenly spaced; all of them in documents
# up to this size), so the support term stays linear in the document length.
_KNN_SAMPLE = 512


def _sampled_knn(x: FloatArray, y: FloatArray, k: int) -> FloatArray:
    """Mean of each row of ``x``'s k largest cosines with (a sample of) ``y``'s rows."""
    if len(x) == 0 or len(y) == 0:
        return np.zeros(len(x))
    idx = np.linspace(0, len(y) - 1, min(len(y), _KNN_SAMPLE)).astype(np.int64)
    sims = x @ y[idx].T
    kk = min(k, sims.shape[1])
    return np.asarray(-np.partition(-sims, kk - 1, axis=1)[:, :kk].mean(axis=1), dtype=np.float64)


def _piece_penalty(
    sa: Spans, sb: Spans, lo: IntArray, hi: IntArray, bead: tuple[int, int], width: int,
    knn: tuple[FloatArray, FloatArray], params: DPParams,
) -> FloatArray:
    """Extra cost of a merged bead: ``piece_weight`` x, for every piece on a side with two or
    more, how far its support falls below ``piece_floor``. A piece's support is its cosine
    with the bead's other side minus the mean of its k best cosines with the whole other
    version (:func:`_sampled_knn`, not the band's: debris is most like other debris, which
    may sit far away).

    Why (sentence level, benchmarks/align_bleualign.py): OCR debris ("- _-", "f r"), photo
    captions and translator notes that the gold leaves unaligned were attached to a
    neighbour, because a merge costs ``merge_penalty`` per piece and barely moves the merged
    span's margin, while a skip costs ~3x that. Such a piece is no closer to the bead's other
    side than to the rest of the other version; a true piece of a split sentence is, and pays
    nothing.
    """
    a, b = bead
    knn_a, knn_b = knn
    rows = len(lo)
    total = np.zeros((rows, width))
    if a >= 2:
        for off in range(a):
            sims, _ = _band_sims(sa[0][off:], sb[b - 1], lo, hi, a, b, width)
            idx = np.clip(np.arange(rows) - a + off, 0, max(len(knn_a) - 1, 0))
            sup = sims - knn_a[idx][:, None]
            total += np.where(np.isnan(sup), 0.0, np.maximum(0.0, params.piece_floor - sup))
    if b >= 2:
        grid = lo[:, None] + np.arange(width)[None, :]
        for off in range(b):
            sims, _ = _band_sims(sa[a - 1], sb[0][off:], lo, hi, a, b, width)
            idx = np.clip(grid - b + off, 0, max(len(knn_b) - 1, 0))
            sup = sims - knn_b[idx]
            total += np.where(np.isnan(sup), 0.0, np.maximum(0.0, params.piece_floor - sup))
    return np.asarray(params.piece_weight * total, dtype=np.float64)


def _crossing_cost(cross: Crossing, lo: IntArray, hi: IntArray, width: int, weight: float) -> FloatArray:
    """Cost of a bead boundary at each band cell ``(i, j)``: ``weight`` x the anchor mass
    that the cut separates, i.e. keys segment ``A[i-1]`` (last before the cut) shares with
    ``B[j]`` (first after it) that neither ``B[j-1]`` nor ``A[i]`` has, and keys ``A[i]``
    shares with ``B[j-1]`` that neither ``B[j]`` nor ``A[i-1]`` has (each shared key adds
    the product of its two weights).

    Why (sentence level, benchmarks/align_bleualign.py): where the versions put their
    sentence boundaries in different places, gold has one 2-2 / 2-3 / 3-2 bead and the DP
    prefers two 1-1 / 1-2 beads, whose cosines are as good; but then a name or number
    crosses the cut ("... Leiter Ch ." / "Evans , ..." against "... Chef Ch.Evans ;").
    A key repeated in both sentences of a side is explained on both sides of the cut and
    costs nothing, so names running through a passage do not forbid cuts.
    """
    wa, wb = cross
    rows = len(lo)
    node = np.zeros((rows, width))
    if not weight or not wa or not wb:
        return node
    where: dict[str, list[int]] = {}
    for t, bag in enumerate(wb):
        for key in bag:
            where.setdefault(key, []).append(t)
    n, m = len(wa), len(wb)
    empty: dict[str, float] = {}

    def add(i: int, j: int, value: float) -> None:
        if 0 <= i < rows and lo[i] <= j < hi[i] and j - lo[i] < width:
            node[i, j - lo[i]] += weight * value

    for s, bag in enumerate(wa):
        before = wa[s - 1] if s > 0 else empty
        after = wa[s + 1] if s + 1 < n else empty
        # Only B segments whose nodes fall in the band of rows s / s + 1 (linear time).
        r1 = min(s + 1, rows - 1)
        t_lo, t_hi = min(int(lo[r1]), int(lo[s]) - 1), max(int(hi[r1]), int(hi[s]) - 1)
        for key, w_a in bag.items():
            places = where.get(key, [])
            for t in places[bisect_left(places, t_lo) : bisect_left(places, t_hi)]:
                w_ab = w_a * wb[t][key]
                # A[s] before the cut, B[t] after it: node (s + 1, t).
                if key not in after and (t == 0 or key not in wb[t - 1]):
                    add(s + 1, t, w_ab)
                # A[s] after the cut, B[t] before it: node (s, t + 1).
                if key not in before and (t + 1 >= m or key not in wb[t + 1]):
                    add(s, t + 1, w_ab)
    return node


def _merge_by_gain(
    sims: FloatArray, length: FloatArray, one: tuple[FloatArray, FloatArray], lo: IntArray,
    bead: tuple[int, int], delta: float, params: DPParams,
) -> FloatArray:
    """A 1-2 / 2-1 bead priced as its better piece's 1-1 bead plus a skip of the other
    piece, minus ``merge_gain_weight`` x how much the merged span raises the raw cosine.

    Why: the pieces of a split paragraph and a deleted paragraph next to a kept one look
    alike to margins (a short split-off half hardly matches its source), but adding a
    split half raises the cosine with the source and adding a deleted neighbour lowers it
    (benchmarks/align_paragraphs.py seed 1: AUC 0.90 for this gain vs 0.82 for the piece's
    own margin, 0.97 with the length gain added, which the bead's length term supplies).
    """
    sims11, margin11 = one
    rows, width = sims.shape
    offs = np.arange(width)
    pieces = []
    if bead == (1, 2):  # pieces: (i, j-1) and (i, j) in 1-1 cells
        for shift in (1, 0):
            cols = offs - shift
            ok = cols >= 0
            c = np.full((rows, width), np.nan)
            m = np.full((rows, width), np.nan)
            c[:, ok], m[:, ok] = sims11[:, cols[ok]], margin11[:, cols[ok]]
            pieces.append((c, m))
    else:  # (2, 1): pieces (i-1, j) and (i, j)
        c = np.full((rows, width), np.nan)
        m = np.full((rows, width), np.nan)
        step = np.diff(lo)
        idx = offs[None, :] + step[:, None]
        ok = idx < width
        r = np.arange(rows - 1)[:, None].repeat(width, 1)
        c[1:][ok], m[1:][ok] = sims11[:-1][r[ok], idx[ok]], margin11[:-1][r[ok], idx[ok]]
        pieces = [(c, m), (sims11, margin11)]
    knn = np.fmin(pieces[0][0] - pieces[0][1], pieces[1][0] - pieces[1][1])
    rel = knn - sims + length + params.merge_penalty + params.merge_gain_weight * delta
    return np.asarray(np.where(np.isnan(rel), np.inf, rel), dtype=np.float64)


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


def _span_lengths(lengths: FloatArray | None, count: int, width: int) -> FloatArray | None:
    if lengths is None:
        return None
    cs = np.concatenate([[0.0], np.cumsum(lengths)])
    return cs[width:] - cs[:-width] if count >= width else np.zeros(0)


def _run_dp(
    sa: Spans, sb: Spans, lo: IntArray, hi: IntArray, params: DPParams,
    la: FloatArray | None = None, lb: FloatArray | None = None, cross: Crossing | None = None,
) -> tuple[list[PathBead], float]:
    """The banded DP proper; returns the path and its cost per segment.

    ``la``/``lb`` are unit lengths on a common scale (e.g. each version's share of its
    document's characters); a bead then also pays ``length_weight * |log(len ratio)|``
    (Gale–Church's signal: a split-off half is half as long as the paragraph it came from).
    """
    n, m = len(sa[0]), len(sb[0])
    width = int((hi - lo).max())
    beads = params.beads()
    costs, skips = _bead_costs(sa, sb, lo, hi, params, la, lb, cross)
    return _fill(n, m, lo, hi, width, beads, costs, skips)


def _bead_costs(
    sa: Spans, sb: Spans, lo: IntArray, hi: IntArray, params: DPParams,
    la: FloatArray | None = None, lb: FloatArray | None = None, cross: Crossing | None = None,
) -> tuple[dict[tuple[int, int], FloatArray], Skips]:
    """Cost of every merge/match bead ending in each band cell (``[i, j - lo[i]]``) and the
    skip costs of this pair (:func:`_segment_skips`); with ``cross``, every bead also pays
    for the boundary it ends at (:func:`_crossing_cost`)."""
    n, m = len(sa[0]), len(sb[0])
    width = int((hi - lo).max())
    beads = params.beads()
    strong = set(STRONG_BEADS)
    costs: dict[tuple[int, int], FloatArray] = {}
    delta = params.default_skip
    skips: Skips = (np.full((len(lo), width), delta), np.full((len(lo), width), delta))
    single: tuple[FloatArray, FloatArray] | None = None
    one: tuple[FloatArray, FloatArray] | None = None
    support_knn: tuple[FloatArray, FloatArray] | None = None
    for a, b in beads:
        if a == 0 or b == 0 or a > len(sa) or b > len(sb):
            continue
        sims, tgrid = _band_sims(sa[a - 1], sb[b - 1], lo, hi, a, b, width)
        margin, knn11 = _margins(sims, tgrid, a, b, len(sb[b - 1]), params.knn, single, params.shape_mix)
        if (a, b) == (1, 1):
            single = knn11
        if (a, b) == (1, 1):
            delta = _skip_cost(margin, sims, tgrid, n, m, params)
            skips = _segment_skips(delta, margin, lo, params)
        weight = (0.5 * (a + b)) ** params.merge_weight
        cost = weight * (-margin) + params.merge_penalty * (a + b - 2)
        span_a, span_b = _span_lengths(la, n, a), _span_lengths(lb, m, b)
        length = np.zeros_like(cost)
        if params.length_weight and span_a is not None and span_b is not None and len(span_a) and len(span_b):
            rows_s = np.clip(np.arange(len(lo)) - a, 0, len(span_a) - 1)
            ratio = (span_a[rows_s][:, None] + 1e-9) / (span_b[np.clip(tgrid, 0, len(span_b) - 1)] + 1e-9)
            length = params.length_weight * np.abs(np.log(ratio))
            cost = cost + length
        if (a, b) == (1, 1):
            one = (sims, margin)
        elif params.merge_gain_weight and (a, b) in ((1, 2), (2, 1)) and one is not None:
            rel = _merge_by_gain(sims, length, one, lo, (a, b), delta, params)
            cost = rel if params.merge_gain_mode else np.fmin(cost, rel)
        if params.piece_weight and a + b > 2:
            if support_knn is None:
                support_knn = (_sampled_knn(sa[0], sb[0], params.knn), _sampled_knn(sb[0], sa[0], params.knn))
            cost = cost + _piece_penalty(sa, sb, lo, hi, (a, b), width, support_knn, params)
        if (a, b) in strong:
            cost = np.where(margin < params.strong_margin, np.inf, cost)
        costs[(a, b)] = np.where(np.isnan(cost), np.inf, cost)
    if cross is not None and params.cross_weight:
        node = _crossing_cost(cross, lo, hi, width, params.cross_weight)
        costs = {bead: cost + node for bead, cost in costs.items()}
        skips = (skips[0] + node, skips[1] + node)
    return costs, skips


def pair_costs(
    sa: Spans, sb: Spans, params: DPParams,
    la: FloatArray | None = None, lb: FloatArray | None = None,
) -> tuple[dict[tuple[int, int], FloatArray], Skips]:
    """Unbanded bead costs of a pair, ``costs[(a, b)][i, j]`` for the bead ending at cell
    ``(i, j)``, and its skip costs (same layout): the terms :mod:`transcheck.align.joint`'s 3-D DP adds up."""
    n, m = len(sa[0]), len(sb[0])
    lo = np.zeros(n + 1, dtype=np.int64)
    hi = np.full(n + 1, m + 1, dtype=np.int64)
    return _bead_costs(sa, sb, lo, hi, params, la, lb)


def _fill(
    n: int, m: int, lo: IntArray, hi: IntArray, width: int, beads: tuple[tuple[int, int], ...],
    costs: dict[tuple[int, int], FloatArray], skips: Skips,
) -> tuple[list[PathBead], float]:
    # DP rows are stored with PAD cells of +inf on the left and `width` on the right, so the
    # predecessor row of every bead is a plain slice (no gathers, no masks): the loop body
    # is ~15 numpy calls per row whatever the number of beads.
    pad = 4
    offs = np.arange(width)
    dp = np.full((n + 1, pad + 2 * width), np.inf)
    back = np.full((n + 1, width), -1, dtype=np.int8)
    id01 = beads.index((0, 1))
    skip_a, skip_b = skips
    # cum_b[i, w]: the 0-1 beads of row i up to cell w; a run of them is a difference.
    cum_b = np.cumsum(skip_b, axis=1)
    j0 = lo[0] + offs
    dp[0, pad : pad + width] = np.where(j0 < hi[0], cum_b[0] - cum_b[0, 0], np.inf)
    back[0] = id01
    moves = [(bid, a, b) for bid, (a, b) in enumerate(beads) if a and (b == 0 or (a, b) in costs)]
    cand = np.empty((len(moves), width))
    ids = np.array([bid for bid, _, _ in moves], dtype=np.int8)
    for i in range(1, n + 1):
        jj = lo[i] + offs
        for k, (bid, a, b) in enumerate(moves):
            if i - a < 0:
                cand[k] = np.inf
                continue
            d = int(lo[i] - lo[i - a]) - b
            if d >= width or d < -pad:
                cand[k] = np.inf
                continue
            np.add(dp[i - a, pad + d : pad + d + width], skip_a[i] if b == 0 else costs[(a, b)][i], out=cand[k])
        pick = cand.argmin(axis=0)
        best = cand[pick, offs]
        arg = ids[pick]
        best[jj >= hi[i]] = np.inf
        # 0-1 beads within the row: dp[j] = min_k<=j (best[k] + cum_b[j] - cum_b[k]).
        cj = cum_b[i]
        shifted = best - cj
        running = np.minimum.accumulate(shifted)
        arg[running < shifted] = id01
        row = running + cj
        row[jj >= hi[i]] = np.inf
        dp[i, pad : pad + width] = row
        back[i] = arg
    dp = dp[:, pad : pad + width]

    path: list[PathBead] = []
    i, j = n, m
    total = float(dp[n][m - lo[n]])
    while i > 0 or j > 0:
        bid = int(back[i][j - lo[i]])
        if bid < 0:  # cannot happen with a band that contains (0,0)..(n,m)
            raise RuntimeError("alignment band is disconnected")
        a, b = beads[bid]
        path.append((i - a, i, j - b, j))
        i, j = i - a, j - b
    path.reverse()
    return path, total / max(1, n + m)


def _coarsen_lengths(lengths: FloatArray | None) -> FloatArray | None:
    if lengths is None:
        return None
    n = len(lengths)
    pairs = lengths[: n - n % 2].reshape(n // 2, 2).sum(axis=1)
    return np.concatenate([pairs, lengths[n - n % 2 :]]) if n % 2 else pairs


def align_spans(
    sa: Spans, sb: Spans, params: DPParams,
    la: FloatArray | None = None, lb: FloatArray | None = None, cross: Crossing | None = None,
) -> list[PathBead]:
    """Align two sequences given their span vectors (``sa[k-1]``: spans of k items) and,
    optionally, their unit lengths on a common scale.

    BLAS runs single-threaded here: the DP multiplies many small blocks, and OpenBLAS
    threads spinning on a busy machine made it 25x slower (3.0 s vs 0.12 s measured).
    """
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        return _align_spans(sa, sb, params, la, lb, cross)


def _align_spans(
    sa: Spans, sb: Spans, params: DPParams, la: FloatArray | None, lb: FloatArray | None,
    cross: Crossing | None = None,
) -> list[PathBead]:
    n, m = len(sa[0]), len(sb[0])
    if n == 0 or m == 0:
        return [(i, i + 1, 0, 0) for i in range(n)] + [(n, n, j, j + 1) for j in range(m)]
    if n * m <= params.full_cells or min(n, m) < 4:
        lo = np.zeros(n + 1, dtype=np.int64)
        hi = np.full(n + 1, m + 1, dtype=np.int64)
    else:
        ca, cb = _coarsen(sa[0]), _coarsen(sb[0])
        coarse = _align_spans(
            average_spans(ca, len(sa)), average_spans(cb, len(sb)), params,
            _coarsen_lengths(la), _coarsen_lengths(lb),
        )
        lo, hi = _band_from_path(coarse, n, m, params.band)
    path, _ = _run_dp(sa, sb, lo, hi, params, la, lb, cross)
    return path
