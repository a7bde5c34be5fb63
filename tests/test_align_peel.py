"""Peeling a deletion hidden in a 2-1-2 row (transcheck.align.peel).

Rows are built by hand and priced by a table, so each test isolates one condition: the
objective must accept the split, and the single segment's edge sentences must not cover
the peeled pieces.
"""

from __future__ import annotations

from collections.abc import Callable

from transcheck.align.evidence import RowEvidence
from transcheck.align.objective import Rows3
from transcheck.align.peel import peel_hidden, split_adjacent_losses

A = "the mayor opened the new library on monday"
B = "rain is expected over the whole region tomorrow"
OTHER = "football fans celebrated late into the night"
HEAD = (range(1), range(1), range(1))
ROW = (range(1, 3), range(1, 2), range(1, 3))  # be 1-2, ru 1, en 1-2
SPLIT = [(range(1, 2), range(1, 2), range(1, 2)), (range(2, 3), range(2, 2), range(2, 3))]


def _cost(split_delta: float) -> Callable[[Rows3], float]:
    """The objective: the 2-1-2 row costs 0, its split at the end ``split_delta``, at the start 1."""
    def cost(rows: Rows3) -> float:
        return split_delta if rows == SPLIT else 1.0 if len(rows) == 2 else 0.0
    return cost


def _texts(ru_single: str) -> list[list[str]]:
    return [[OTHER, A, B], [OTHER, ru_single], [OTHER, A, B]]


def _peel(fake_embedder, ru_single: str, split_delta: float) -> Rows3:  # type: ignore[no-untyped-def]
    texts = _texts(ru_single)
    vectors = [fake_embedder.embed(t) for t in texts]
    fake_embedder.calls.clear()
    return peel_hidden([HEAD, ROW], _cost(split_delta), RowEvidence(texts, vectors, fake_embedder.embed), 0.84)


def test_one_sentence_single_cannot_hold_two_paragraphs(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    assert _peel(fake_embedder, A + ".", split_delta=-0.001) == [HEAD, *SPLIT]
    assert fake_embedder.calls == []  # no runs of sentences to embed


def test_objective_must_accept_the_split(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    assert _peel(fake_embedder, A + ".", split_delta=0.001) == [HEAD, ROW]


def test_covered_piece_is_a_true_merge(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    # ru's paragraph ends with B's content: it merged A and B, nothing was deleted
    assert _peel(fake_embedder, f"{A.capitalize()}. {B.capitalize()}.", split_delta=-0.01) == [HEAD, ROW]


def test_uncovered_piece_is_peeled(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    # ru's paragraph has two sentences of A's content only: B is missing in ru
    single = f"{A.capitalize()}. The mayor opened it on monday."
    assert _peel(fake_embedder, single, split_delta=-0.01) == [HEAD, *SPLIT]
    assert fake_embedder.calls == [["The mayor opened it on monday."]]  # one run, embedded once


def _peel_by_margin(fake_embedder, ru_single: str, split_delta: float) -> Rows3:  # type: ignore[no-untyped-def]
    texts = _texts(ru_single)
    vectors = [fake_embedder.embed(t) for t in texts]
    fake_embedder.calls.clear()
    return peel_hidden([HEAD, ROW], _cost(split_delta), RowEvidence(texts, vectors, fake_embedder.embed), 0.84,
                       min_margin=0.035, reach=0.05)


def test_single_that_opens_like_the_kept_segments_is_peeled_against_the_objective(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    # ru's two sentences are A's content only; the objective prefers the row (0.01), but
    # ru's last sentence is far closer to A (kept next to the piece) than to B (the piece)
    single = f"{A.capitalize()}. The mayor opened it on monday."
    assert _peel(fake_embedder, single, split_delta=0.01) == [HEAD, ROW]  # cover test alone: gated
    assert _peel_by_margin(fake_embedder, single, split_delta=0.01) == [HEAD, *SPLIT]


def test_margin_test_keeps_a_true_merge(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    # ru ends with B's content: its last run is the piece's translation, not A's
    assert _peel_by_margin(fake_embedder, f"{A.capitalize()}. {B.capitalize()}.", split_delta=0.01) == [HEAD, ROW]


def test_margin_test_only_within_reach_of_the_objective(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    single = f"{A.capitalize()}. The mayor opened it on monday."
    assert _peel_by_margin(fake_embedder, single, split_delta=0.2) == [HEAD, ROW]
    assert fake_embedder.calls == []  # out of reach: nothing embedded


def test_margin_test_switched_off_embeds_nothing(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    texts = _texts(f"{A.capitalize()}. The mayor opened it on monday.")
    vectors = [fake_embedder.embed(t) for t in texts]
    fake_embedder.calls.clear()
    rows = peel_hidden([HEAD, ROW], _cost(0.01), RowEvidence(texts, vectors, fake_embedder.embed), 0.84,
                       min_margin=1.0, reach=0.05)
    assert rows == [HEAD, ROW]
    assert fake_embedder.calls == []


def test_titles_are_not_judged_by_sentence_cover(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    """be and en open with a title, ru (no title) with a paragraph whose first sentence is
    close to the title: the cover test would keep the row; for titles only the objective
    decides (whether ru's paragraph carries the title is transcheck.align.titles' test)."""
    title, lede = "storm hits the coast", "Storm hits the coast. Rain floods the town."
    texts = [[title, B], [lede], [title, B]]
    vectors = [fake_embedder.embed(t) for t in texts]
    row = (range(2), range(1), range(2))
    split = [(range(1), range(0), range(1)), (range(1, 2), range(1), range(1, 2))]

    def cost(rows: Rows3) -> float:
        return -0.01 if rows == split else 1.0 if len(rows) == 2 else 0.0

    kept = peel_hidden([row], cost, RowEvidence(texts, vectors, fake_embedder.embed), 0.84)
    assert kept == [row]  # "Storm hits the coast." covers the title
    peeled = peel_hidden([row], cost, RowEvidence(texts, vectors, fake_embedder.embed, (True, False, True)), 0.84)
    assert peeled == split


def _peel_larger(fake_embedder, ru_segments: list[str]) -> Rows3:  # type: ignore[no-untyped-def]
    """be and en: A, B; ru: its own segments for them, in one 2-2-2 row after a 1-1-1 head.
    The objective always prefers the row, so only sentence evidence can peel it."""
    texts = [[OTHER, A, B], [OTHER, *ru_segments], [OTHER, A, B]]
    vectors = [fake_embedder.embed(t) for t in texts]
    row = (range(1, 3), range(1, 3), range(1, 3))
    return peel_hidden([HEAD, row], lambda rows: 1.0 if len(rows) == 2 else 0.0,
                       RowEvidence(texts, vectors, fake_embedder.embed), 0.84)


def test_deletion_beside_a_split_is_peeled(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    # ru split A in two and lost B: its last segment (A's second half) does not cover B
    rows = _peel_larger(fake_embedder, ["The mayor opened the new library.", "It happened on monday."])
    assert rows == [HEAD, (range(1, 2), range(1, 3), range(1, 2)), (range(2, 3), range(3, 3), range(2, 3))]


def test_split_and_merge_elsewhere_is_kept(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    # ru split A and ran its second half into B: its last segment ends with B's content
    row = (range(1, 3), range(1, 3), range(1, 3))
    rows = _peel_larger(fake_embedder, ["The mayor opened the new library.", f"It happened on monday. {B.capitalize()}."])
    assert rows == [HEAD, row]


P = "The mayor opened the new library. It cost five million."
Q = "Rain is expected over the region. Floods are likely in the south."
ROW121 = (range(1, 2), range(1, 3), range(1, 2))  # be 1, ru 1-2, en 1


def _diagonal(fake_embedder, be: str, en: str, heads=(False, False, False)) -> Rows3:  # type: ignore[no-untyped-def]
    texts = [[OTHER, be], [OTHER, P, Q], [OTHER, en]]
    vectors = [fake_embedder.embed(t) for t in texts]
    fake_embedder.calls.clear()
    return split_adjacent_losses([HEAD, ROW121], RowEvidence(texts, vectors, fake_embedder.embed, heads), 0.84)


def test_adjacent_losses_in_two_versions_are_split(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    # ru keeps P and Q; be lost Q, en lost P: not a paragraph ru split
    rows = _diagonal(fake_embedder, P, Q)
    assert rows == [HEAD, (range(1, 2), range(1, 2), range(1, 1)), (range(2, 2), range(2, 3), range(1, 2))]


def test_a_true_split_is_kept(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    # be and en keep P+Q whole, ru split it: be and en translate each other
    assert _diagonal(fake_embedder, f"{P} {Q}", f"{P} {Q}") == [HEAD, ROW121]
    assert fake_embedder.calls == []  # decided on the paragraph vectors alone


def test_a_single_holding_both_pieces_is_kept(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    # en added a sentence, so be and en look further apart than be and ru's first piece; but
    # be ends with ru's second piece: ru split the paragraph, nothing was lost
    assert _diagonal(fake_embedder, f"{P} {Q}", f"{Q} Schools will stay closed on friday.") == [HEAD, ROW121]
    assert fake_embedder.calls  # decided on sentence evidence


def test_one_sentence_singles_give_no_evidence(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    assert _diagonal(fake_embedder, "The mayor opened the new library.", "Rain is expected over the region.") == [HEAD, ROW121]
    assert fake_embedder.calls == []


def test_rows_with_titles_are_left_alone(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    texts = [[P], [P, Q], [Q]]
    vectors = [fake_embedder.embed(t) for t in texts]
    row = (range(1), range(2), range(1))
    titled = RowEvidence(texts, vectors, fake_embedder.embed, (True, True, False))
    assert split_adjacent_losses([row], titled, 0.84) == [row]
    assert len(split_adjacent_losses([row], RowEvidence(texts, vectors, fake_embedder.embed), 0.84)) == 2


def _diagonal_split(fake_embedder, be: str, en: list[str]) -> Rows3:  # type: ignore[no-untyped-def]
    """be one segment, ru P and Q, en two segments: a 1-2-2 row after a 1-1-1 head."""
    texts = [[OTHER, be], [OTHER, P, Q], [OTHER, *en]]
    vectors = [fake_embedder.embed(t) for t in texts]
    row = (range(1, 2), range(1, 3), range(1, 3))
    return split_adjacent_losses([HEAD, row], RowEvidence(texts, vectors, fake_embedder.embed), 0.84)


def test_adjacent_losses_beside_a_split_are_split(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    # be lost Q, en lost P and split Q in two: en's two segments stand together for Q
    halves = ["Rain is expected over the region.", "Floods are likely in the south."]
    rows = _diagonal_split(fake_embedder, P, halves)
    assert rows == [HEAD, (range(1, 2), range(1, 2), range(1, 1)), (range(2, 2), range(2, 3), range(1, 3))]


def test_splits_in_two_versions_are_kept(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    # be kept P+Q whole, ru and en split it at the same place: nothing was lost
    assert _diagonal_split(fake_embedder, f"{P} {Q}", [P, Q]) == [HEAD, (range(1, 2), range(1, 3), range(1, 3))]
