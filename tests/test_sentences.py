"""Sentence helpers shared by the aligner and the checks (transcheck.sentences)."""

from __future__ import annotations

from transcheck.sentences import edge_runs, split_sentences


def test_edge_runs() -> None:
    assert edge_runs("One. Two. Three.", at_start=True) == ["One.", "One. Two."]
    assert edge_runs("One. Two. Three.", at_start=False) == ["Three.", "Two. Three."]
    assert edge_runs("Only one sentence here.", at_start=False) == []


def test_edge_runs_follow_the_splitter() -> None:
    # an initial is no sentence end, so this is a two-sentence text with one run each way
    text = "А. Лукашэнка выступіў. Ён сказаў 3.5 слова."
    assert [s.text for s in split_sentences(text)] == ["А. Лукашэнка выступіў.", "Ён сказаў 3.5 слова."]
    assert edge_runs(text, at_start=True) == ["А. Лукашэнка выступіў."]
