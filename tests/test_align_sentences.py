"""align_sentences on small hand-built documents (fake bag-of-words embedder: a "translation"
uses the same words, so a merged candidate's joined text embeds like its source).

Both sentence aligners are checked: the default joint DP and the bertalign-style scorer
(transcheck.align.sentence).
"""

from __future__ import annotations

import dataclasses

import pytest

from transcheck.align import SENTENCE_THRESHOLDS, SentenceParams, align_sentences
from transcheck.align.sentence import joined_lengths

SENTENCES = [
    "river boat harbour captain sailed north quickly",
    "mountain snow glacier climbers reached summit today",
    "market bread cheese farmers sold vegetables early",
    "library books students quietly read novels poems",
    "orchestra violin concert music played loudly tonight",
    "garden flowers roses tulips bloomed spring sunshine",
    "railway train station passengers waited platform delay",
]

SCORERS = [pytest.param(None, id="joint-dp"), pytest.param(SentenceParams(), id="bertalign")]


def _pairs(rows: tuple[dict[str, tuple[int, ...]], ...]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(row["a"], row["b"]) for row in rows]


def _halves(text: str) -> tuple[str, str]:
    words = text.split()
    return " ".join(words[:4]), " ".join(words[4:])


@pytest.mark.parametrize("scorer", SCORERS)
def test_one_to_one(fake_embedder, scorer: SentenceParams | None) -> None:
    rows = align_sentences({"a": SENTENCES, "b": list(SENTENCES)}, fake_embedder.embed, SENTENCE_THRESHOLDS, scorer)
    assert _pairs(rows) == [((i,), (i,)) for i in range(len(SENTENCES))]


@pytest.mark.parametrize("scorer", SCORERS)
def test_one_to_two(fake_embedder, scorer: SentenceParams | None) -> None:
    b = SENTENCES[:3] + list(_halves(SENTENCES[3])) + SENTENCES[4:]
    rows = align_sentences({"a": SENTENCES, "b": b}, fake_embedder.embed, SENTENCE_THRESHOLDS, scorer)
    assert ((3,), (3, 4)) in _pairs(rows)
    assert ((4,), (5,)) in _pairs(rows)


@pytest.mark.parametrize("scorer", SCORERS)
def test_two_to_one(fake_embedder, scorer: SentenceParams | None) -> None:
    a = SENTENCES[:2] + list(_halves(SENTENCES[2])) + SENTENCES[3:]
    rows = align_sentences({"a": a, "b": SENTENCES}, fake_embedder.embed, SENTENCE_THRESHOLDS, scorer)
    assert ((2, 3), (2,)) in _pairs(rows)
    assert ((1,), (1,)) in _pairs(rows) and ((4,), (3,)) in _pairs(rows)


@pytest.mark.parametrize("scorer", [
    # Known weakness: the joint DP's adaptive skip cost needs a longer document; on seven
    # sentences it absorbs the extra one into a 1-2 bead.
    pytest.param(None, id="joint-dp", marks=pytest.mark.xfail(strict=True, reason="short-document skip cost")),
    pytest.param(SentenceParams(), id="bertalign"),
])
def test_deletion(fake_embedder, scorer: SentenceParams | None) -> None:
    extra = "photograph caption archive institute zurich foundation copyright"
    b = SENTENCES[:4] + [extra] + SENTENCES[4:]
    rows = align_sentences({"a": SENTENCES, "b": b}, fake_embedder.embed, SENTENCE_THRESHOLDS, scorer)
    pairs = _pairs(rows)
    assert ((), (4,)) in pairs
    assert ((3,), (3,)) in pairs and ((4,), (5,)) in pairs
    assert sorted(j for _, bs in pairs for j in bs) == list(range(len(b)))


def test_joined_lengths_count_the_joining_spaces() -> None:
    lengths = joined_lengths(["ab", "cde", "f"], 3)
    assert lengths[0].tolist() == [2, 3, 1]
    assert lengths[1].tolist() == [len("ab cde"), len("cde f")]
    assert lengths[2].tolist() == [len("ab cde f")]


def test_empty_side(fake_embedder) -> None:
    rows = align_sentences({"a": SENTENCES[:2], "b": []}, fake_embedder.embed, SENTENCE_THRESHOLDS, SentenceParams())
    assert _pairs(rows) == [((0,), ()), ((1,), ())]


def test_debris_is_skipped_not_merged(fake_embedder) -> None:
    """OCR debris / a caption beside a sentence: e5 embeds "sentence + debris" like the
    sentence alone (the table entry below), so a flat merge penalty lets the DP attach it.
    The piece is closer to the other version's own debris, far away, than to the bead's
    other side, so the support term (align_piece_weight) makes the skip cheaper; with the
    term off it is merged (Bleualign dev: "- _-", "f r", photo captions)."""
    more = SENTENCES + [
        "kitchen recipe soup onions garlic simmered slowly",
        "hospital doctor nurse patients treated fever illness",
        "football stadium fans cheered goal striker scored",
        "desert camel caravan traders crossed dunes sand",
        "parliament vote ministers debated budget taxes reform",
    ]
    a = more[:10] + ["plate figure legend scale"] + more[10:]
    b = more[:3] + ["plate figure legend scale photo"] + more[3:]
    fake_embedder.table[f"{more[2]} {b[3]}"] = fake_embedder.embed([more[2]])[0]
    rows = _pairs(align_sentences({"a": a, "b": b}, fake_embedder.embed, SENTENCE_THRESHOLDS))
    assert ((2,), (2,)) in rows and ((), (3,)) in rows and ((3,), (4,)) in rows
    assert ((9,), (10,)) in rows and ((10,), ()) in rows
    off = dataclasses.replace(SENTENCE_THRESHOLDS, align_piece_weight=0.0)
    rows_off = _pairs(align_sentences({"a": a, "b": b}, fake_embedder.embed, off))
    assert ((2,), (2, 3)) in rows_off


def test_piece_support_is_sentence_level_only() -> None:
    """Paragraph alignment keeps its calibration: the support term is off by default."""
    from transcheck.align import dp_params
    from transcheck.config import Thresholds

    assert dp_params(Thresholds()).piece_weight == 0.0
    assert dp_params(SENTENCE_THRESHOLDS).piece_weight > 0.0
