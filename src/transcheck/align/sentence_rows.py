"""Re-read the edited stretches of a paragraph alignment from a sentence alignment.

Where versions were edited (a row that is not one paragraph per version), the paragraph
vectors are the weak evidence: neighbours in a news article are close, a paragraph split
in one version matches its whole in another about as well as its neighbour does, and a
deletion beside a merge or split hides in a larger row. Sentences settle most of it: each
sentence has one translation, which sits in one paragraph of each other version.

So each window of consecutive rows that are not all 1-1-1 (with ``CONTEXT_ROWS`` rows of
context on either side) is aligned again at sentence level: the window's segments are split into
sentences, embedded (cached; a one-sentence segment is its own sentence, already
embedded), and aligned jointly with the paragraph DP and three-way objective; the
window's rows become the connected groups of segments that share an aligned sentence
(how the benchmark's sentence-exact gold is built). A merged candidate whose sentences
come from two paragraphs of one version has its span vector scaled by ``cross_factor``
(< 1): without it a free translation's 1-2 sentence bead joins two paragraph rows, and a
deleted paragraph's edge sentence rides into its neighbour's bead.

Clean articles have no such window, so nothing is embedded for them (benchmarks/
align_paragraphs.py --seed 1,2,3 --rate 0: 3.1% of the segments' characters beyond them,
as before); on the benchmark's edited articles the sentences add 3.6 points (55.6% ->
59.2%), most of them already embedded by the edge-run tests. Issue 3 round 11,
``python benchmarks/align_paragraphs.py --seed 1,...,20`` (min pair / joint rows /
deletions P / R): 0.974 / 0.971 / 0.965 / 0.962 -> 0.988 / 0.986 / 0.986 / 0.962; seeds
21-30 0.974 / 0.970 / 0.956 / 0.947 -> 0.990 / 0.987 / 0.989 / 0.951. The factor's sweep:
``Thresholds.align_sentence_cross``; the rest (titles kept out, the context rows, what was
tried): docs/align-calibration.md round 11. benchmarks/quality.py --seed 7,11,13 (one edit
per article): missing-segment precision 0.990 -> 1.000 and recall 0.990 -> 0.981 (one drop
of 104 fewer found), extra-segment 0.981 -> 1.000 / 0.981 -> 0.971, drop-sentence recall
0.942 -> 0.952.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from transcheck.align.dp import DPParams
from transcheck.align.joint import align_joint
from transcheck.align.spans import Spans, average_spans
from transcheck.align.titles import holds_title
from transcheck.embed.base import Vectors
from transcheck.model import AlignmentRow
from transcheck.sentences import split_sentences

EmbedFn = Callable[[Sequence[str]], Vectors]

# Rows of context on either side of an edited run. The DP's skip cost adapts to the costs
# sampled in what it aligns (transcheck.align.dp), so a window of the edited rows alone
# prices deletions off the edits themselves and absorbs them (benchmarks/align_paragraphs.py
# --seed 1,...,5 --only ntrex, min pair / joint / P / R: 1 row 0.966 / 0.963 / 0.963 / 0.893,
# 3 rows 0.978 / 0.977 / 0.968 / 0.958, 6 rows 0.979 / 0.978 / 0.968 / 0.960, the whole
# article 0.979 / 0.978 / 0.968 / 0.960).
CONTEXT_ROWS = 3


@dataclass(frozen=True)
class SentenceRowsParams:
    """How the sentences of a window are aligned: the DP's knobs and the three-way
    objective's (as for the paragraph rows, from the run's thresholds) and the factor for
    merged candidates spanning two paragraphs (<= 0: the step is off)."""

    dp: DPParams
    cross_factor: float
    row_penalty: float = 0.0
    witness_bonus: float = 0.0
    select_order: int = 200


def resolve_edited_windows(
    rows: Sequence[AlignmentRow],
    vectors: Mapping[str, Vectors],
    texts: Mapping[str, Sequence[str]],
    kinds: Mapping[str, Sequence[str]] | None,
    embed: EmbedFn,
    params: SentenceRowsParams,
) -> tuple[AlignmentRow, ...]:
    """``rows`` with every edited window replaced by the rows its sentences give (module
    docstring); ``params.cross_factor`` <= 0 leaves the rows as they are."""
    langs = list(texts)
    if params.cross_factor <= 0 or len(langs) < 2:
        return tuple(rows)
    out: list[AlignmentRow] = []
    titled = [holds_title(row, kinds) for row in rows]
    for start, stop in edited_windows(rows, titled):
        window = rows[start:stop]
        if titled[start] or all(len(row[lang]) == 1 for row in window for lang in langs):
            out.extend(window)  # a row outside every window
            continue
        first = {lang: next((r[lang][0] for r in window if r[lang]), None) for lang in langs}
        local = {lang: [texts[lang][s] for r in window for s in r[lang]] for lang in langs}
        local_vectors = {lang: np.asarray(vectors[lang])[[s for r in window for s in r[lang]]] for lang in langs}
        found = rows_from_sentences(local, local_vectors, embed, params)
        if found is None:
            out.extend(window)
            continue
        out.extend({lang: tuple(s + (first[lang] or 0) for s in row[lang]) for lang in langs} for row in found)
    return tuple(out)


def edited_windows(rows: Sequence[AlignmentRow], fixed: Sequence[bool]) -> list[tuple[int, int]]:
    """The rows as consecutive (start, stop) ranges: each maximal run of rows that are not
    one segment per version, widened by ``CONTEXT_ROWS`` on either side, and every other row
    alone. ``fixed`` rows (titles: transcheck.align.titles placed them, and a headline run
    into its lede is one sentence with the lede's first) are never in a window."""
    edited = [any(len(segs) != 1 for segs in row.values()) and not fixed[i] for i, row in enumerate(rows)]
    k = CONTEXT_ROWS
    inside = [any(edited[max(0, i - k) : i + k + 1]) and not fixed[i] for i in range(len(rows))]
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(rows):
        j = i + 1
        if inside[i]:
            while j < len(rows) and inside[j]:
                j += 1
        out.append((i, j))
        i = j
    return out


def rows_from_sentences(
    texts: Mapping[str, Sequence[str]],
    vectors: Mapping[str, Vectors],
    embed: EmbedFn,
    params: SentenceRowsParams,
) -> list[AlignmentRow] | None:
    """Paragraph rows as the connected groups of segments that share an aligned sentence,
    in document order; ``None`` when a segment has no sentence (nothing to align it by).
    A one-sentence segment keeps its vector from ``vectors``; only the sentences of longer
    ones are embedded (through ``embed``, the run's cache). ``params.select_order``: as for
    the paragraph rows (:func:`transcheck.align.joint.align_joint`; a longer window takes
    the most similar pair as the base, keeping the cost linear)."""
    langs = list(texts)
    sentences: dict[str, list[str]] = {}
    owner: dict[str, list[int]] = {}
    for lang in langs:
        sentences[lang], owner[lang] = [], []
        for s, text in enumerate(texts[lang]):
            found = [sentence.text for sentence in split_sentences(text)]
            if not found:
                return None
            sentences[lang] += found
            owner[lang] += [s] * len(found)
    units = {lang: _sentence_vectors(sentences[lang], owner[lang], np.asarray(vectors[lang], dtype=np.float64), embed)
             for lang in langs}
    spans = {lang: _crossing_scaled(average_spans(units[lang], params.dp.max_merge), owner[lang], params.cross_factor)
             for lang in langs}
    lengths = {lang: [float(len(x)) for x in sentences[lang]] for lang in langs}
    sentence_rows = align_joint(units, params.dp, spans, lengths, select_order=params.select_order,
                                row_penalty=params.row_penalty, witness_bonus=params.witness_bonus)
    # Union the segments each sentence row touches; a group's place is its first sentence row.
    parent = {(lang, s): (lang, s) for lang in langs for s in range(len(texts[lang]))}

    def find(node: tuple[str, int]) -> tuple[str, int]:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for row in sentence_rows:
        touched = [(lang, owner[lang][i]) for lang in langs for i in row[lang]]
        for node in touched[1:]:
            parent[find(node)] = find(touched[0])
    place: dict[tuple[str, int], int] = {}
    for r, row in enumerate(sentence_rows):
        for lang in langs:
            for i in row[lang]:
                place.setdefault(find((lang, owner[lang][i])), r)
    groups: dict[tuple[str, int], dict[str, list[int]]] = {}
    for lang in langs:
        for s in range(len(texts[lang])):
            groups.setdefault(find((lang, s)), {x: [] for x in langs})[lang].append(s)
    ordered = sorted(groups, key=lambda root: place[root])
    return [{lang: tuple(groups[root][lang]) for lang in langs} for root in ordered]


def _sentence_vectors(
    sentences: Sequence[str], owner: Sequence[int], segment_vectors: npt.NDArray[np.float64], embed: EmbedFn
) -> npt.NDArray[np.float64]:
    """One vector per sentence: a one-sentence segment's own, the others' embedded."""
    counts = np.bincount(np.asarray(owner, dtype=np.int64), minlength=len(segment_vectors)) if owner else np.zeros(0)
    out = np.zeros((len(sentences), segment_vectors.shape[1] if segment_vectors.ndim == 2 else 1))
    todo = [i for i, s in enumerate(owner) if counts[s] > 1]
    for i, s in enumerate(owner):
        if counts[s] == 1:
            out[i] = segment_vectors[s]
    if todo:
        out[todo] = np.asarray(embed([sentences[i] for i in todo]), dtype=np.float64)
    return out


def _crossing_scaled(spans: Spans, owner: Sequence[int], factor: float) -> Spans:
    """``spans`` with every merged candidate whose sentences come from two paragraphs scaled
    by ``factor`` (its dot products, so its cosines, shrink by that much)."""
    out: Spans = [spans[0]]
    for width, vectors in enumerate(spans[1:], start=2):
        scaled = vectors.copy()
        for start in range(len(scaled)):
            if owner[start] != owner[start + width - 1]:
                scaled[start] *= factor
        out.append(scaled)
    return out
