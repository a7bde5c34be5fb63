"""Rows that versions cut at crossing sentences are joined (transcheck.align.cuts).

The fake embedder gives equal vectors to equal word sets, so every version here is the
same sentences; only where each version cuts them into paragraphs differs.
"""

from __future__ import annotations

from transcheck.align.cuts import join_crossed_cuts
from transcheck.model import AlignmentRow

S1 = "The mayor opened the new library on Monday."
S2 = "Rain is expected over the whole region tomorrow."
S3 = "Football fans celebrated late into the night."
S4 = "Prices of bread rose again in the capital."
TWO_ROWS: list[AlignmentRow] = [{"be": (0,), "ru": (0,), "en": (0,)}, {"be": (1,), "ru": (1,), "en": (1,)}]
JOINED: AlignmentRow = {"be": (0, 1), "ru": (0, 1), "en": (0, 1)}


def _join(fake_embedder, texts, rows=TWO_ROWS, kinds=None, length_gap=0.1):  # type: ignore[no-untyped-def]
    vectors = {lang: fake_embedder.embed(t) for lang, t in texts.items()}
    fake_embedder.calls.clear()
    return join_crossed_cuts(rows, vectors, texts, kinds, fake_embedder.embed, length_gap, 0.125)


def test_versions_cut_one_paragraph_at_different_sentences(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    # be and en cut after S2, ru after S1: ru's second paragraph opens with be's last sentence
    texts = {"be": [f"{S1} {S2}", S3], "ru": [S1, f"{S2} {S3}"], "en": [f"{S1} {S2}", S3]}
    assert _join(fake_embedder, texts) == (JOINED,)
    # the sentences of two-sentence segments are embedded, in one batch; a one-sentence
    # segment's vector is its sentence's
    assert [set(call) for call in fake_embedder.calls] == [{S1, S2, S3}]


def test_same_cut_everywhere_keeps_the_rows(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    texts = {lang: [f"{S1} {S2}", f"{S3} {S4}"] for lang in ("be", "ru", "en")}
    assert _join(fake_embedder, texts, length_gap=0.0) == tuple(TWO_ROWS)


def test_lengths_that_do_not_cross_embed_nothing(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    # the same crossing, but the gate on length shares asks for more than these give
    texts = {"be": [f"{S1} {S2}", S3], "ru": [S1, f"{S2} {S3}"], "en": [f"{S1} {S2}", S3]}
    assert _join(fake_embedder, texts, length_gap=5.0) == tuple(TWO_ROWS)
    assert fake_embedder.calls == []


def test_title_rows_are_left_to_the_title_logic(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    texts = {"be": [f"{S1} {S2}", S3], "ru": [S1, f"{S2} {S3}"], "en": [f"{S1} {S2}", S3]}
    kinds = {"be": ["paragraph", "paragraph"], "ru": ["title", "paragraph"], "en": ["paragraph", "paragraph"]}
    assert _join(fake_embedder, texts, kinds=kinds) == tuple(TWO_ROWS)


def test_rows_a_version_lacks_are_not_joined(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    # en lacks the second paragraph: a deletion, not a crossing (structure reports it)
    texts = {"be": [f"{S1} {S2}", S3], "ru": [S1, f"{S2} {S3}"], "en": [f"{S1} {S2}"]}
    rows: list[AlignmentRow] = [{"be": (0,), "ru": (0,), "en": (0,)}, {"be": (1,), "ru": (1,), "en": ()}]
    assert _join(fake_embedder, texts, rows=rows) == tuple(rows)


def test_a_chain_of_crossings_joins_into_one_row(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    # (the middle rows' lengths balance, so the length gate is off here)
    texts = {"be": [f"{S1} {S2}", f"{S3} {S4}", "Bread."], "ru": [S1, f"{S2} {S3}", f"{S4} Bread."],
             "en": [f"{S1} {S2}", f"{S3} {S4}", "Bread."]}
    rows: list[AlignmentRow] = [{lang: (i,) for lang in ("be", "ru", "en")} for i in range(3)]
    assert _join(fake_embedder, texts, rows=rows, length_gap=0.0) == ({lang: (0, 1, 2) for lang in ("be", "ru", "en")},)


def test_cuts_two_sentences_apart(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    # be and en cut after S3, ru after S1: no edge sentence matches across the cut (be's last
    # is S3, ru's first after it S2), but S2 and S3 of be's first row are ru's second row
    texts = {"be": [f"{S1} {S2} {S3}", S4], "ru": [S1, f"{S2} {S3} {S4}"], "en": [f"{S1} {S2} {S3}", S4]}
    assert _join(fake_embedder, texts) == (JOINED,)
