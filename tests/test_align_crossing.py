"""Crossing-anchor boundary cost (transcheck.align.dp._crossing_cost) and the six-segment
beads of sentence alignment: where two versions put a sentence boundary in different
places, a name on one side of the cut in one version and on the other side in the other
keeps the 2-2 bead whole."""

from __future__ import annotations

import dataclasses

import numpy as np

from transcheck.align import SENTENCE_THRESHOLDS, dp_params
from transcheck.align.anchors import AnchorParams, anchor_weights
from transcheck.align.dp import DPParams, _crossing_cost, align_spans
from transcheck.align.spans import average_spans
from transcheck.config import Thresholds


def _full_band(n: int, m: int) -> tuple[np.ndarray, np.ndarray]:
    return np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m + 1, dtype=np.int64)


def test_crossing_cost_charges_the_cut_a_key_crosses() -> None:
    # A = [p, q], B = [p', q']; "name" is in A's first and B's second sentence.
    wa = [{"alfa": 0.5, "name": 0.5}, {"beta": 0.5}]
    wb = [{"alfa": 0.5}, {"beta": 0.5, "name": 0.5}]
    lo, hi = _full_band(2, 2)
    node = _crossing_cost((wa, wb), lo, hi, 3, 0.1)
    # The cut after A[0] and B[0] separates "name" (A[0]) from "name" (B[1]).
    assert np.isclose(node[1, 1], 0.1 * 0.25)
    # Where the key is repeated on both sides of the cut in a version, it is explained.
    wa_rep = [{"alfa": 0.5, "name": 0.5}, {"beta": 0.5, "name": 0.5}]
    assert _crossing_cost((wa_rep, wb), lo, hi, 3, 0.1)[1, 1] == 0.0
    assert not _crossing_cost((wa, wb), lo, hi, 3, 0.0).any()


def _crossed_pair(explained: bool) -> tuple[list[np.ndarray], list[np.ndarray], tuple[list[dict[str, float]], list[dict[str, float]]]]:
    rng = np.random.default_rng(3)
    base = rng.normal(size=(12, 32))
    u, v, w = rng.normal(size=(3, 32))
    # The same content u + v + w split after v in A and before it in B.
    a = np.vstack([base[:5], u + 0.8 * v, w, base[5:]])
    b = np.vstack([base[:5], u, 0.8 * v + w, base[5:]])
    wa: list[dict[str, float]] = [{f"k{k}": 0.5} for k in range(len(a))]
    wb: list[dict[str, float]] = [{f"k{k}": 0.5} for k in range(len(b))]
    wa[5]["name"] = wb[6]["name"] = 1.0
    if explained:
        wa[6]["name"] = 1.0
    return average_spans(a, 5), average_spans(b, 5), (wa, wb)


def test_a_crossing_name_keeps_the_two_two_bead_whole() -> None:
    sa, sb, cross = _crossed_pair(explained=False)
    lengths = np.full(13, 1.0 / 13)
    off = dataclasses.replace(dp_params(SENTENCE_THRESHOLDS), cross_weight=0.0)
    on = dataclasses.replace(dp_params(SENTENCE_THRESHOLDS), cross_weight=0.125)
    # The premise: the two 1-1 beads look as good as the 2-2 to the cosines.
    assert (5, 6, 5, 6) in align_spans(sa, sb, off, lengths, lengths, cross)
    path = align_spans(sa, sb, on, lengths, lengths, cross)
    assert (5, 7, 5, 7) in path
    assert [bd for bd in path if bd[1] <= 5] == [(i, i + 1, i, i + 1) for i in range(5)]
    # A name both of A's sentences carry crosses nothing.
    sa, sb, cross = _crossed_pair(explained=True)
    assert (5, 6, 5, 6) in align_spans(sa, sb, on, lengths, lengths, cross)


def test_anchor_weights_are_idf_in_units_of_the_private_key() -> None:
    texts = {"de": ["Imanishi erreichte 1956 den Gipfel", "Der Berg ist hoch"],
             "fr": ["Imanishi atteignit le sommet en 1956", "La montagne est haute"]}
    weights = anchor_weights(texts, AnchorParams(weight=0.1, smooth=2.0))
    # A key in one sentence of each version is as rare as a shared key gets: idf
    # log(4 / 2), the private key's weight is smooth x that, so the key weighs 1 / smooth.
    assert weights["de"][0]["#1956"] == weights["fr"][0]["#1956"] == 0.5
    assert set(weights["de"][0]) == set(weights["fr"][0]) == {"#1956", "iman"}
    # Not normalised per sentence: more keys in a sentence do not dilute each one.
    more = anchor_weights({"de": ["Imanishi Kato Higeta 1956", texts["de"][1]],
                           "fr": ["Imanishi Kato Higeta 1956", texts["fr"][1]]}, AnchorParams(weight=0.1, smooth=2.0))
    assert more["de"][0]["#1956"] == 0.5


def test_six_segment_beads_need_max_merge_five() -> None:
    four, five = DPParams(max_merge=4).beads(), DPParams(max_merge=5).beads()
    assert not {(1, 5), (5, 1), (3, 3)} & set(four)
    assert {(1, 5), (5, 1), (3, 3)} <= set(five)
    assert (2, 4) not in five and (4, 2) not in five
    assert set(five) - set(four) == {(1, 5), (5, 1), (3, 3)}
    # Paragraph level keeps its beads and has no crossing cost.
    assert DPParams(max_merge=Thresholds().align_max_merge).beads() == (
        (0, 1), (1, 0), (1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1))
    assert dp_params(Thresholds()).cross_weight == 0.0
    assert dp_params(SENTENCE_THRESHOLDS).cross_weight > 0.0
