"""Attaching a lone row to the neighbour that already holds its content (transcheck.align.attach).

Rows are built by hand; the fake embedder gives equal word sets equal vectors, so each test
controls exactly what the lacking version's edge sentences cover.
"""

from __future__ import annotations

from transcheck.align.attach import attach_covered
from transcheck.align.evidence import RowEvidence
from transcheck.align.objective import Rows3

A = "the mayor opened the new library on monday"
B = "rain is expected over the whole region tomorrow"
B_LOOSE = "rain is expected over the region"  # a freer translation of B
OTHER = "football fans celebrated late into the night"
HEAD = (range(1), range(1), range(1))
MAIN = (range(1, 2), range(1, 2), range(1, 2))  # be 1, ru 1, en 1
LONE = (range(2, 3), range(2, 2), range(2, 3))  # be 2, en 2; ru has nothing
JOINED = (range(1, 3), range(1, 2), range(1, 3))


def _attach(fake_embedder, ru_main: str, en_lone: str = B, min_cover: float = 0.88,  # type: ignore[no-untyped-def]
            rows: Rows3 | None = None, heads: tuple[bool, bool, bool] = (False, False, False)) -> Rows3:
    texts = [[OTHER, A, B], [OTHER, ru_main], [OTHER, A, en_lone]]
    vectors = [fake_embedder.embed(t) for t in texts]
    fake_embedder.calls.clear()
    return attach_covered(rows or [HEAD, MAIN, LONE], RowEvidence(texts, vectors, fake_embedder.embed, heads), min_cover)


def test_merged_paragraph_holds_the_lone_row(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    # ru merged A and B into one paragraph: nothing was lost
    assert _attach(fake_embedder, f"{A.capitalize()}. {B.capitalize()}.") == [HEAD, JOINED]
    assert fake_embedder.calls == [[B.capitalize() + "."]]  # ru's last sentence, the one run tested


def test_neighbour_without_the_content_keeps_the_loss(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    # ru's paragraph has two sentences of A's content only: B is missing in ru
    assert _attach(fake_embedder, f"{A.capitalize()}. The mayor opened it on monday.") == [HEAD, MAIN, LONE]


def test_one_sentence_neighbour_is_no_evidence(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    assert _attach(fake_embedder, f"{A.capitalize()} and {B}.") == [HEAD, MAIN, LONE]
    assert fake_embedder.calls == []


def test_cover_as_close_as_the_translations_is_enough(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    # be and en translate B loosely (their cosine is below min_cover); ru's last sentence is
    # as close to them as they are to each other
    ru_main = f"{A.capitalize()}. {B.capitalize()}."
    assert _attach(fake_embedder, ru_main, en_lone=B_LOOSE, min_cover=0.99) == [HEAD, JOINED]
    uncovered = f"{A.capitalize()}. The mayor opened it on monday."
    assert _attach(fake_embedder, uncovered, en_lone=B_LOOSE, min_cover=0.99) == [HEAD, MAIN, LONE]


def test_off_at_one(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    assert _attach(fake_embedder, f"{A.capitalize()}. {B.capitalize()}.", min_cover=1.0) == [HEAD, MAIN, LONE]


def test_titles_are_left_to_the_title_test(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    # be and en open with a title (B); ru opens with a paragraph whose first sentence says it:
    # a lede close to the headline, not proof the title was run in
    rows = [(range(1), range(0), range(1)), (range(1, 3), range(2), range(1, 3))]
    texts = [[B, A, OTHER], [f"{B.capitalize()}. {A.capitalize()}.", OTHER], [B, A, OTHER]]
    vectors = [fake_embedder.embed(t) for t in texts]
    assert attach_covered(rows, RowEvidence(texts, vectors, fake_embedder.embed, (True, False, True)), 0.88) == rows
    joined = [(range(3), range(2), range(3))]
    assert attach_covered(rows, RowEvidence(texts, vectors, fake_embedder.embed), 0.88) == joined
