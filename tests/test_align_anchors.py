"""Lexical anchors (transcheck.align.anchors): keys, shared vocabulary, smoothing, augmentation,
and their effect inside align_sentences."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from transcheck.align import SENTENCE_THRESHOLDS, align_sentences, align_versions
from transcheck.align.anchors import AnchorParams, anchor_keys, anchor_spans, augment
from transcheck.config import Thresholds

PARAMS = AnchorParams(weight=0.1)


def test_keys_numbers_and_cognate_prefixes() -> None:
    keys = anchor_keys("Der Lhotse misst 08501 m, die Expedition 1956.", "de", PARAMS)
    assert keys["#8501"] == 1 and keys["#1956"] == 1  # leading zeros do not matter
    fr = anchor_keys("Le Lhotsé mesure 8501 m ; l'expédition de 1956.", "fr", PARAMS)
    assert {"#8501", "#1956"} <= fr.keys()
    # Diacritics and spelling variants meet in the skeleton prefix; short words are no keys.
    shared = set(keys) & set(fr)
    assert any(not k.startswith("#") for k in shared)
    assert not any(len(k) < 4 and not k.startswith("#") for k in fr)


def test_cyrillic_names_meet_their_latin_spelling() -> None:
    be = anchor_keys("Лукашэнка сустрэўся з Ціханоўскай", "be", PARAMS)
    en = anchor_keys("Lukashenka met Tsikhanouskaya", "en", PARAMS)
    ru = anchor_keys("Лукашенко встретился с Тихановской", "ru", PARAMS)
    assert len(set(be) & set(en)) >= 2
    assert set(ru) & set(en)


def test_only_keys_shared_by_two_versions_count() -> None:
    texts = {"a": ["alpha 123", "beta 456"], "b": ["gamma 123", "delta 789"]}
    spans = anchor_spans(texts, 2, PARAMS)
    # Only "#123" is shared: sentence a1 / b1 (no shared key) have all-zero vectors.
    assert np.allclose(spans["a"][0][1], 0) and np.allclose(spans["b"][0][1], 0)
    assert spans["a"][0][0] @ spans["b"][0][0] > 0
    # Widths: one row per span of 1 and 2 sentences.
    assert [len(s) for s in spans["a"]] == [2, 1]


def test_shared_rare_evidence_beats_a_shared_common_key() -> None:
    common = ["1. item"] * 6
    texts = {
        "a": [*common, "Imanishi Gyalzen 8156 Manaslu"],
        "b": [*common, "Imanishi Gyalzen 8156 Manaslu"],
    }
    spans = anchor_spans(texts, 1, PARAMS)
    rare = spans["a"][0][6] @ spans["b"][0][6]
    weak = spans["a"][0][0] @ spans["b"][0][1]
    assert rare > 2 * weak > 0  # plain cosine would give both 1.0
    assert rare < 1.0


def test_augment_mixes_the_two_cosines() -> None:
    rng = np.random.default_rng(0)
    e = rng.normal(size=(3, 8))
    e /= np.linalg.norm(e, axis=1, keepdims=True)
    x = np.abs(rng.normal(size=(3, 5)))
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    out = augment([e], [x], 0.2)[0]
    assert np.allclose(out @ out.T, 0.8 * (e @ e.T) + 0.2 * (x @ x.T))
    with pytest.raises(ValueError):
        augment([e], [x], 1.5)


def test_anchors_choose_between_sentences_the_embedder_cannot_tell_apart(fake_embedder) -> None:
    """The embedder sees the same words in b0 and b1; only the numbers tell which is the
    translation of which."""
    a = ["river boat harbour 1849", "river boat harbour 1955", "mountain snow glacier summit"]
    b = ["river boat harbour 1955", "river boat harbour 1849", "mountain snow glacier summit"]
    # Make the embedder blind to the numbers: it hashes words, so strip digits before embedding.
    def embed(texts):  # type: ignore[no-untyped-def]
        return fake_embedder.embed([" ".join(w for w in t.split() if not w.isdigit()) for t in texts])

    on = dataclasses.replace(SENTENCE_THRESHOLDS, align_anchor_weight=0.1)
    rows = align_sentences({"a": a, "b": b}, embed, on)
    pairs = [(row["a"], row["b"]) for row in rows]
    # Crossing pairs cannot both be 1-1 in a monotone path: the right answer is one 2-2 bead
    # (without anchors: 0-0 and 1-1, each with the wrong number).
    assert pairs == [((0, 1), (0, 1)), ((2,), (2,))]


def test_many_keys_are_hashed_into_max_dim_columns() -> None:
    texts = {"a": [f"item {n}" for n in range(100, 130)], "b": [f"item {n}" for n in range(100, 130)]}
    spans = anchor_spans(texts, 2, AnchorParams(weight=0.1, max_dim=8))
    assert spans["a"][0].shape == (30, 8) and spans["a"][1].shape == (29, 8)
    # The true partner still scores at least as high as any other sentence.
    sims = spans["a"][0] @ spans["b"][0].T
    assert np.all(np.diag(sims) >= sims.max(axis=1) - 1e-12)


def test_paragraph_dp_scores_with_anchors_by_default(fake_embedder, monkeypatch: pytest.MonkeyPatch) -> None:
    """The paragraph DP's cosines are e5 + w x the cosine of shared figures with the default
    thresholds (w = align_anchor_weight, numbers only; issue 3 round 9), and plain e5 at w = 0."""
    import transcheck.align as align_module

    seen: list[dict[str, list[np.ndarray]] | None] = []
    real = align_module.align_joint

    def spy(vectors, params, spans=None, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(spans)
        return real(vectors, params, spans, *args, **kwargs)

    monkeypatch.setattr(align_module, "align_joint", spy)
    a = ["turnout was 61 per cent in 2019", "mountain snow glacier summit"]
    b = ["turnout 61 cent 2019", "football fans stadium night"]
    vectors = {"a": fake_embedder.embed(a), "b": fake_embedder.embed(b)}
    w = Thresholds().align_anchor_weight
    assert w > 0
    align_versions(vectors, {"a": a, "b": b}, fake_embedder.embed, Thresholds())
    spans = seen[-1]
    assert spans is not None
    lexical = anchor_spans({"a": a, "b": b}, 1, AnchorParams(weight=w, prefix=Thresholds().align_anchor_prefix))
    assert lexical["a"][0].shape[1] == 2  # keys: the two figures; words are no keys at paragraph level
    e5 = float(vectors["a"][0] @ vectors["b"][0])
    lex = float(lexical["a"][0][0] @ lexical["b"][0][0])
    assert lex > 0.3
    assert float(spans["a"][0][0] @ spans["b"][0][0]) == pytest.approx(e5 + w * lex, abs=1e-6)
    # a pair without shared figures keeps its plain e5 cosine
    assert float(spans["a"][0][1] @ spans["b"][0][1]) == pytest.approx(float(vectors["a"][1] @ vectors["b"][1]), abs=1e-6)
    align_versions(vectors, {"a": a, "b": b}, fake_embedder.embed, Thresholds(align_anchor_weight=0.0))
    assert seen[-1] is None
