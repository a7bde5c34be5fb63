"""Sentence-level pairwise alignment scored the bertalign way (Liu & Zhu 2022).

Why a scorer of its own instead of :mod:`transcheck.align.dp`'s paragraph scoring:

* **Score = local margin x length penalty**, maximised, not a per-segment cost. A bead's
  score is ``(cos - neighbours) * log2(1 + min/max)``: ``cos`` is the cosine of the two
  spans' own embeddings (the joined sentences, see :func:`transcheck.align.spans.embedded_spans`),
  ``neighbours`` the mean cosine of each span with the single sentences just before and
  after the other span (a *local* margin: a wrong neighbour bead looks like its neighbours,
  a right one stands out), and the length factor compares the spans' character lengths
  (the target scaled by the document's character ratio). The length factor is
  multiplicative, so a bead with a bad length ratio loses a share of its evidence instead
  of paying a fixed toll; that is what picks 1-2 over 1-1 + 0-1 when the split-off half
  also embeds close to the source.
* **One score per bead** (no weighting by the number of sentences): a merge earns its score
  once, the alternative (1-1 plus a skip) earns one score and pays ``skip`` (-0.1,
  bertalign's value for LaBSE; e5-small's scores are smaller, median gold 1-1 ~0.07, but
  skips from -0.05 to 0 or scaled to the pair's median score measured no better).
  Weighting beads by their sentence count (vecalign) measured worse: 0.854 at exponent 0.5.
* **kNN margin mixed in** (``knn``, ``knn_mix``): half the neighbourhood is the mean of the
  k most similar same-shape spans anywhere in the other document (LASER's margin); +0.002.
* **Two passes**: a cheap 1-1 pass (each sentence's top-k cosines) gives anchor points;
  the full DP only looks within ``window`` sentences of the anchor path (on Bleualign dev
  the unrestricted DP was worse, 0.873 vs 0.883 strict F1, and 5x slower).

Measured with ``python benchmarks/align_bleualign.py DIR --bertalign`` (Bleualign de-fr dev,
e5-small): strict F1 0.894 with SENTENCE_THRESHOLDS' lexical anchors (0.892 without;
:mod:`transcheck.align.anchors`), lax 0.990, ~3 s for 468 x 554 sentences; the joint DP (the
default of :func:`transcheck.align.align_sentences`) gives 0.907 (0.893). See the comment at
``SENTENCE_THRESHOLDS`` for everything searched.

Each DP row is vectorised with numpy; insertions within a row are a running maximum.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from transcheck.align.anchors import AnchorParams, anchor_spans, augment
from transcheck.align.dp import PathBead
from transcheck.align.spans import EmbedFn, Spans, embedded_spans

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class SentenceParams:
    """Knobs of the sentence scorer (bertalign's defaults unless measured otherwise)."""

    max_align: int = 6  # beads a-b with a + b <= max_align (bertalign: 5; 6 measured +0.007)
    skip: float = -0.1  # score of a 0-1 / 1-0 bead
    margin: float = 1.0  # weight of the local-neighbour term (bertalign: 1)
    length_power: float = 1.0  # exponent of the length factor
    knn: int = 4  # >0: neighbourhood also from the k nearest spans of the same shape (LASER margin)
    knn_mix: float = 0.5  # share of the kNN term in the neighbourhood when knn > 0
    length_penalty: bool = True
    top_k: int = 3  # first pass: top-k cosines per source sentence
    window: int = 5  # second pass: sentences around the anchor path
    merge_weight: float = 0.0  # bead score times ((a + b) / 2) ** merge_weight

    def beads(self) -> list[tuple[int, int]]:
        out = [(0, 1), (1, 0)]
        out += [(a, b) for a in range(1, self.max_align) for b in range(1, self.max_align) if a + b <= self.max_align]
        return out


def joined_lengths(texts: Sequence[str], max_width: int) -> list[FloatArray]:
    """Character lengths of the joined spans, ``out[k-1][s]`` = len(" ".join(texts[s:s+k]))."""
    base = np.asarray([len(t) for t in texts], dtype=np.float64)
    cs = np.concatenate([[0.0], np.cumsum(base)])
    out: list[FloatArray] = []
    for width in range(1, max(1, max_width) + 1):
        if len(base) >= width:
            out.append(cs[width:] - cs[:-width] + (width - 1))
        else:
            out.append(np.zeros(0))
    return out


def _neighbour_sims(vec_rows: FloatArray, singles: FloatArray, start: IntArray, width: int) -> FloatArray:
    """bertalign's local margin term: for each span ``start[r]..start[r]+width`` of the other
    side, the mean cosine of ``vec_rows[r]`` with the single sentences just before and after
    it (the one that exists if only one does, 0 if none)."""
    n = len(singles)
    left, right = start - 1, start + width
    has_l, has_r = left >= 0, right < n
    sl = np.where(has_l, np.einsum("rd,rd->r", vec_rows, singles[np.clip(left, 0, max(n - 1, 0))]), 0.0)
    sr = np.where(has_r, np.einsum("rd,rd->r", vec_rows, singles[np.clip(right, 0, max(n - 1, 0))]), 0.0)
    both = has_l & has_r
    return np.asarray(np.where(both, 0.5 * (sl + sr), sl + sr), dtype=np.float64)


def _top_k_means(x: FloatArray, y: FloatArray, k: int) -> tuple[FloatArray, FloatArray]:
    """Mean of the k largest cosines of each row of x against y, and of each row of y against x."""
    if len(x) == 0 or len(y) == 0:
        return np.zeros(len(x)), np.zeros(len(y))
    sims = x @ y.T
    kx, ky = min(k, sims.shape[1]), min(k, sims.shape[0])
    mx = -np.partition(-sims, kx - 1, axis=1)[:, :kx].mean(axis=1)
    my = -np.partition(-sims, ky - 1, axis=0)[:ky, :].mean(axis=0)
    return np.asarray(mx, dtype=np.float64), np.asarray(my, dtype=np.float64)


class _Scorer:
    """Bead scores of one document pair, row by row of the DP."""

    def __init__(
        self, sa: Spans, sb: Spans, la: list[FloatArray], lb: list[FloatArray], params: SentenceParams
    ) -> None:
        self.sa, self.sb, self.la, self.lb, self.params = sa, sb, la, lb, params
        self.knn: dict[tuple[int, int], tuple[FloatArray, FloatArray]] = {}
        total_a, total_b = float(la[0].sum()), float(lb[0].sum())
        self.ratio = total_a / total_b if total_b > 0 else 1.0

    def _knn(self, a: int, b: int) -> tuple[FloatArray, FloatArray]:
        if (a, b) not in self.knn:
            self.knn[(a, b)] = _top_k_means(self.sa[a - 1], self.sb[b - 1], self.params.knn)
        return self.knn[(a, b)]

    def row(self, i: int, a: int, b: int, jj: IntArray) -> FloatArray:
        """Scores of the beads (a, b) ending at DP cells (i, jj); -inf where there is none."""
        sa, sb = self.sa, self.sb
        out = np.full(len(jj), -np.inf)
        s = i - a
        if s < 0 or a > len(sa) or b > len(sb) or s >= len(sa[a - 1]):
            return out
        t = jj - b
        ok = (t >= 0) & (t < len(sb[b - 1]))
        if not ok.any():
            return out
        tv = t[ok]
        va = sa[a - 1][s]
        vb = sb[b - 1][tv]
        score = vb @ va
        if self.params.margin:
            tgt_nb = _neighbour_sims(np.broadcast_to(va, vb.shape), sb[0], tv, b)
            src_nb = _neighbour_sims(vb, sa[0], np.full(len(tv), s, dtype=np.int64), a)
            local = 0.5 * (tgt_nb + src_nb)
            if self.params.knn > 0:
                ka, kb = self._knn(a, b)
                mix = self.params.knn_mix
                local = (1 - mix) * local + mix * 0.5 * (ka[s] + kb[tv])
            score = score - self.params.margin * local
        if self.params.length_penalty:
            len_a = self.la[a - 1][s]
            len_b = self.lb[b - 1][tv] * self.ratio
            lo, hi = np.minimum(len_a, len_b), np.maximum(len_a, len_b)
            score = score * np.log2(1.0 + lo / np.maximum(hi, 1e-9)) ** self.params.length_power
        if self.params.merge_weight:
            score = score * (0.5 * (a + b)) ** self.params.merge_weight
        out[ok] = score
        return out


def _banded_dp(
    n: int, m: int, lo: IntArray, hi: IntArray, beads: Sequence[tuple[int, int]],
    score_row: _Scorer | _TopKScorer, skip: float,
) -> list[PathBead]:
    """Maximum-score monotone path from (0, 0) to (n, m) through cells lo[i] <= j <= hi[i]."""
    width = int((hi - lo).max()) + 1
    offs = np.arange(width)
    pad = max(b for _, b in beads) + 1
    dp = np.full((n + 1, pad + 2 * width), -np.inf)
    back = np.full((n + 1, width), -1, dtype=np.int8)
    id01 = beads.index((0, 1))
    moves = [(k, a, b) for k, (a, b) in enumerate(beads) if a > 0]
    cand = np.empty((len(moves), width))
    ids = np.array([k for k, _, _ in moves], dtype=np.int8)
    for i in range(n + 1):
        jj = lo[i] + offs
        outside = jj > hi[i]
        if i == 0:
            best = np.where(jj == 0, 0.0, -np.inf)
            arg = np.full(width, -1, dtype=np.int8)
        else:
            for r, (_, a, b) in enumerate(moves):
                d = int(lo[i] - lo[i - a]) - b
                if i - a < 0 or d >= width or d < -pad:
                    cand[r] = -np.inf
                    continue
                prev = dp[i - a, pad + d : pad + d + width]
                cand[r] = prev + (skip if b == 0 else score_row.row(i, a, b, jj))
            pick = cand.argmax(axis=0)
            best = cand[pick, offs]
            arg = ids[pick]
        best[outside] = -np.inf
        # 0-1 beads within the row: dp[j] = max_k<=j (best[k] + (j - k) * skip).
        shifted = best - jj * skip
        running = np.maximum.accumulate(shifted)
        arg = np.where(running > shifted, id01, arg).astype(np.int8)
        row = running + jj * skip
        row[outside] = -np.inf
        dp[i, pad : pad + width] = row
        back[i] = arg
    path: list[PathBead] = []
    i, j = n, m
    while i > 0 or j > 0:
        k = int(back[i][j - lo[i]])
        if k < 0:
            raise RuntimeError("sentence alignment band is disconnected")
        a, b = beads[k]
        path.append((i - a, i, j - b, j))
        i, j = i - a, j - b
    path.reverse()
    return path


class _TopKScorer:
    """First pass: a 1-1 bead scores its cosine if the target is among the source's top-k."""

    def __init__(self, a: FloatArray, b: FloatArray, k: int) -> None:
        sims = a @ b.T
        kk = min(k, sims.shape[1])
        self.top = np.argpartition(-sims, kk - 1, axis=1)[:, :kk]
        self.val = np.take_along_axis(sims, self.top, axis=1)

    def row(self, i: int, a: int, b: int, jj: IntArray) -> FloatArray:
        out = np.zeros(len(jj))
        t = jj - 1
        for idx, val in zip(self.top[i - 1], self.val[i - 1], strict=True):
            out[t == idx] = val
        out[t < 0] = -np.inf
        return out


def _anchor_band(path: list[PathBead], n: int, m: int, window: int) -> tuple[IntArray, IntArray]:
    """bertalign's second search path: between consecutive 1-1 anchors, rows see the targets
    from the previous anchor minus ``window`` to the next anchor plus ``window``."""
    anchors = [(i1, j1) for i0, i1, j0, j1 in path if i1 - i0 == 1 and j1 - j0 == 1]
    if not anchors or anchors[-1] != (n, m):
        anchors.append((n, m))
    lo = np.zeros(n + 1, dtype=np.int64)
    hi = np.full(n + 1, m, dtype=np.int64)
    prev_i, prev_j = 0, 0
    for ai, aj in anchors:
        lo[prev_i + 1 : ai + 1] = max(0, prev_j - window)
        hi[prev_i + 1 : ai + 1] = min(m, aj + window)
        prev_i, prev_j = ai, aj
    lo[0], hi[0] = 0, hi[1] if n >= 1 else m
    lo = np.minimum.accumulate(lo[::-1])[::-1]
    hi = np.maximum.accumulate(hi)
    return lo, hi


def align_sentence_spans(
    sa: Spans, sb: Spans, la: list[FloatArray], lb: list[FloatArray], params: SentenceParams
) -> list[PathBead]:
    """Align two sentence sequences given their span vectors (``sa[k-1]``: unit vectors of
    the joined k-sentence spans) and joined character lengths (:func:`joined_lengths`)."""
    from threadpoolctl import threadpool_limits

    n, m = len(sa[0]), len(sb[0])
    if n == 0 or m == 0:
        return [(i, i + 1, 0, 0) for i in range(n)] + [(n, n, j, j + 1) for j in range(m)]
    with threadpool_limits(limits=1, user_api="blas"):
        win = max(250, int(max(n, m) * 0.06))  # bertalign's first-pass window
        center = (np.arange(n + 1) * m // n).astype(np.int64)
        lo0 = np.clip(center - win, 0, m)
        hi0 = np.clip(center + win, 0, m)
        first = _banded_dp(n, m, lo0, hi0, [(0, 1), (1, 0), (1, 1)], _TopKScorer(sa[0], sb[0], params.top_k), 0.0)
        lo, hi = _anchor_band(first, n, m, params.window)
        return _banded_dp(n, m, lo, hi, params.beads(), _Scorer(sa, sb, la, lb, params), params.skip)


def align_sentence_pair(
    first: Sequence[str], second: Sequence[str], embed: EmbedFn, params: SentenceParams,
    anchors: AnchorParams | None = None, langs: tuple[str, str] = ("a", "b"),
) -> list[PathBead]:
    """Align two sentence lists: embeds every sentence and every join of up to
    ``max_align - 1`` consecutive sentences (one call per side, the cache dedups).
    ``anchors`` (with a positive weight): lexical anchors mixed into every cosine
    (:mod:`transcheck.align.anchors`; ``langs`` name the versions for transliteration)."""
    width = max(1, params.max_align - 1)
    sa = embedded_spans(list(first), embed(list(first)), embed, width)
    sb = embedded_spans(list(second), embed(list(second)), embed, width)
    if anchors is not None and anchors.weight > 0:
        lex = anchor_spans({langs[0]: first, langs[1]: second}, width, anchors)
        sa, sb = augment(sa, lex[langs[0]], anchors.weight), augment(sb, lex[langs[1]], anchors.weight)
    return align_sentence_spans(sa, sb, joined_lengths(first, width), joined_lengths(second, width), params)
