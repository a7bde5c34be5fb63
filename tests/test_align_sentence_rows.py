"""Edited stretches of a paragraph alignment re-read from sentences (transcheck.align.sentence_rows).

The fake embedder gives equal words equal vectors, so a sentence and its "translation" are
the same words; each paragraph below has two sentences of its own words.
"""

from __future__ import annotations

from transcheck.align import dp_params
from transcheck.align.sentence_rows import (
    SentenceRowsParams,
    edited_windows,
    resolve_edited_windows,
    rows_from_sentences,
)
from transcheck.config import Thresholds
from transcheck.model import AlignmentRow

P = [
    "The mayor opened the library. It cost five million.",
    "Rain is expected over the region. Floods are likely in the south.",
    "The football club sold its striker. Fans protested outside the ground.",
    "A new bridge crosses the river. Traffic moves faster now.",
    "Schools will close on friday. Teachers plan a strike.",
]
TH = Thresholds()


def _resolve(fake_embedder, rows, texts, kinds=None, factor=TH.align_sentence_cross):  # type: ignore[no-untyped-def]
    vectors = {lang: fake_embedder.embed(t) for lang, t in texts.items()}
    fake_embedder.calls.clear()
    params = SentenceRowsParams(dp_params(TH), factor, TH.align_row_penalty, TH.align_witness_bonus)
    return resolve_edited_windows(rows, vectors, texts, kinds, fake_embedder.embed, params)


def test_a_deletion_hidden_in_a_merge_row_comes_out(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    # ru lost P[1]; the paragraph rows joined ru's P[2] with P[1] and P[2] of the others
    texts = {"be": P, "ru": [P[0], P[2], P[3], P[4]], "en": P}
    wrong: list[AlignmentRow] = [
        {"be": (0,), "ru": (0,), "en": (0,)},
        {"be": (1, 2), "ru": (1,), "en": (1, 2)},
        {"be": (3,), "ru": (2,), "en": (3,)},
        {"be": (4,), "ru": (3,), "en": (4,)},
    ]
    rows = _resolve(fake_embedder, wrong, texts)
    assert rows[1:3] == ({"be": (1,), "ru": (), "en": (1,)}, {"be": (2,), "ru": (1,), "en": (2,)})
    assert rows[0] == wrong[0] and rows[3:] == tuple(wrong[2:])


def test_versions_cut_at_different_sentences_share_one_row(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    a, b = P[0].split(". "), P[1].split(". ")
    texts = {
        "be": [f"{a[0]}.", f"{a[1]} {b[0]}.", f"{b[1]}"],
        "ru": [P[0], P[1]],
        "en": [f"{a[0]}. {a[1]}", f"{b[0]}.", f"{b[1]}"],
    }
    rows = rows_from_sentences(texts, {lang: fake_embedder.embed(t) for lang, t in texts.items()},
                               fake_embedder.embed, SentenceRowsParams(dp_params(TH), TH.align_sentence_cross))
    # be's second paragraph holds sentences of both of ru's: one block, en's pieces in it
    assert rows == [{"be": (0, 1, 2), "ru": (0, 1), "en": (0, 1, 2)}]


def test_clean_rows_embed_nothing(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    texts = {lang: P for lang in ("be", "ru", "en")}
    clean: list[AlignmentRow] = [{lang: (i,) for lang in texts} for i in range(len(P))]
    assert _resolve(fake_embedder, clean, texts) == tuple(clean)
    assert fake_embedder.calls == []


def test_titles_and_the_off_switch_leave_rows_alone(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    # be ran the title into its first paragraph: the titles' row (titles.py's) is kept
    texts = {"be": [f"Mayor opens library {P[0]}", *P[1:3]], "ru": ["Mayor opens library", *P[:3]],
             "en": ["Mayor opens library", *P[:3]]}
    kinds = {"be": ["paragraph"] * 3, "ru": ["title"] + ["paragraph"] * 3, "en": ["title"] + ["paragraph"] * 3}
    rows: list[AlignmentRow] = [{"be": (0,), "ru": (0, 1), "en": (0, 1)},
                                {"be": (1,), "ru": (2,), "en": (2,)}, {"be": (2,), "ru": (3,), "en": (3,)}]
    assert _resolve(fake_embedder, rows, texts, kinds) == tuple(rows)
    edited: list[AlignmentRow] = [{"be": (0, 1), "ru": (0,), "en": (0, 1)}]
    two = {"be": P[:2], "ru": [P[0]], "en": P[:2]}
    assert _resolve(fake_embedder, edited, two, factor=0.0) == tuple(edited)
    assert fake_embedder.calls == []


def test_windows_take_context_rows_and_skip_fixed_ones() -> None:
    one = {"a": (0,), "b": (0,)}
    merged = {"a": (0, 1), "b": (0,)}
    rows = [one] * 10 + [merged] + [one] * 10
    assert edited_windows(rows, [False] * 21) == [(i, i + 1) for i in range(7)] + [(7, 14)] + [
        (i, i + 1) for i in range(14, 21)]
    fixed = [i == 9 for i in range(21)]
    assert (10, 14) in edited_windows(rows, fixed) and (9, 10) in edited_windows(rows, fixed)
