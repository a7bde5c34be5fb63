"""Rows that two versions cut at different sentences: join them.

Two translators split one paragraph in two, one after its second sentence, the other after
its first (or one splits, another merges the second half with the next paragraph). The
paragraphs then correspond only as a block: one row, a 2-2 (or 2-2-2) at paragraph level.
Paragraph vectors cannot see this: the block's cheapest internal path is the two 1-1 beads
(each half shares most of its content with the other version's half), so the DP and the
three-way objective return two rows, and one version's row holds a sentence that the
other version has in the next row. Sentences show it.

So at every boundary between two rows all versions share (no title among them), where the
versions' lengths hint at a crossing, the sentences of the segments on either side of the
cut are embedded (cached; a one-sentence segment is its own vector) and the rows are
joined when some sentence matches the other side of the cut in another version better
than its own side, by ``sentence_gap`` or more (:func:`crossing_gap`). The length hint
(``length_gap``): for some pair of versions, the log-ratio of their shares of the article's
characters has opposite signs in the two rows, and both are at least that large (one
version's first row holds more of the block, its second row less).

Calibration: ``python benchmarks/align_cuts.py`` (align_paragraphs' articles aligned with
the test off; boundaries of two shared rows against the sentence-exact gold), seeds 1-5
pooled: 21 crossings, 16 of them pass the length gate 0.15 and score 0.034..0.177, 11 at
0.125 or more; 2,107 correct boundaries, 114 pass the gate and score at most 0.121 (then
0.097), none at 0.125; 84 beside other errors, 1 joined. A first version compared the edge
sentences only (x's last sentence before the cut against y's first after it, threshold
0.09, commit 492a137): it misses crossings cut two or more sentences apart.

Joint 3-way rows F1 (``benchmarks/align_paragraphs.py --seed N``) on seeds 1 / 2 / 3 / 4 /
5, measured at commit c598c2d (before the round-8 peel change, transcheck.align.peel) with
``--set align_cut_length=...``: none 0.971 / 0.965 / 0.956 / 0.959 / 0.945; edge sentences,
gate 0.1 (commit 492a137): 0.972 / 0.969 / 0.962 / 0.959 / 0.950; all sentences, gate 0.1:
0.972 / 0.969 / 0.964 / 0.966 / 0.951; gate 0.15: 0.971 / 0.969 / 0.962 / 0.966 / 0.949;
gate 0.2: 0.971 / 0.969 / 0.962 / 0.963 / 0.949; deletions unchanged. The cost decides the
gate: on clean articles (``--seed 1,2,3 --rate 0``) the sentences embedded add 12.3% / 3.1% /
0.6% to the segments' characters at gate 0.1 / 0.15 / 0.2 (``extra_chars``), and a cold
``transcheck check`` of 20 clean articles (``benchmarks/speed.py --articles 20``) embedded
1,085 texts at gate 0.1 (commit c598c2d) and 1,045 at 0.15, against 1,009 without the test
(commit 9e252ad). Kept: ``align_cut_length`` 0.15, ``align_cut_sentence`` 0.125; pooled
``--seed 1,2,3,4,5`` joint 0.965 / 0.964 / 0.963 at gate 0.1 / 0.15 / 0.2 (0.959 without
the test, commit 9e252ad).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from itertools import combinations, permutations

import numpy as np
import numpy.typing as npt

from transcheck.align.spans import unit_rows
from transcheck.align.titles import holds_title
from transcheck.embed.base import Vectors
from transcheck.model import AlignmentRow
from transcheck.sentences import split_sentences

EmbedFn = Callable[[Sequence[str]], Vectors]


def join_crossed_cuts(
    rows: Sequence[AlignmentRow],
    vectors: Mapping[str, Vectors],
    texts: Mapping[str, Sequence[str]],
    kinds: Mapping[str, Sequence[str]] | None,
    embed: EmbedFn,
    length_gap: float,
    sentence_gap: float,
) -> tuple[AlignmentRow, ...]:
    """``rows`` with every pair of adjacent rows cut at crossing sentences joined (module docstring).

    A one-sentence segment is its own sentence: its vector in ``vectors`` is used, so only
    the sentences of longer segments beside a length-hinted cut are embedded.
    """
    langs = list(texts)
    if len(langs) < 2 or sentence_gap >= 1:
        return tuple(rows)
    totals = char_totals(texts)
    out: list[AlignmentRow] = []
    for row in rows:
        prev = out[-1] if out else None
        if (
            prev is not None
            and shared_row(prev, kinds)
            and shared_row(row, kinds)
            and length_hint(prev, row, texts, totals) >= length_gap
            and crossing_gap(prev, row, vectors, texts, embed) >= sentence_gap
        ):
            out[-1] = {lang: prev[lang] + row[lang] for lang in langs}
        else:
            out.append(row)
    return tuple(out)


def char_totals(texts: Mapping[str, Sequence[str]]) -> dict[str, float]:
    """Each version's characters (at least 1): what :func:`length_hint` takes shares of."""
    return {lang: max(1.0, float(sum(len(t) for t in texts[lang]))) for lang in texts}


def shared_row(row: AlignmentRow, kinds: Mapping[str, Sequence[str]] | None) -> bool:
    """Does every version have a segment in the row, none of them a title?"""
    return all(row.values()) and not holds_title(row, kinds)


def length_hint(
    first: AlignmentRow, second: AlignmentRow, texts: Mapping[str, Sequence[str]], totals: Mapping[str, float]
) -> float:
    """The largest, over version pairs, of the smaller of the two rows' length log-ratios
    (shares of each version's characters) when they point opposite ways (0 when no pair's do)."""

    def share(row: AlignmentRow, lang: str) -> float:
        return sum(len(texts[lang][s]) for s in row[lang]) / totals[lang]

    best = 0.0
    for x, y in combinations(list(texts), 2):
        sx1, sy1, sx2, sy2 = share(first, x), share(first, y), share(second, x), share(second, y)
        if min(sx1, sy1, sx2, sy2) <= 0:
            continue
        r1, r2 = math.log(sx1 / sy1), math.log(sx2 / sy2)
        if r1 * r2 < 0:
            best = max(best, min(abs(r1), abs(r2)))
    return best


def crossing_gap(
    first: AlignmentRow,
    second: AlignmentRow,
    vectors: Mapping[str, Vectors],
    texts: Mapping[str, Sequence[str]],
    embed: EmbedFn,
) -> float:
    """How much better some sentence next to the cut matches across it than on its own side.

    For every ordered pair of versions (x, y) and every sentence s of x's segment before
    the cut: max cos(s, y's segment after the cut) - max cos(s, y's segment before it),
    sentence by sentence; and the same for x's segment after the cut. The largest value.
    """
    langs = list(texts)
    before = {lang: _sentences(lang, first[lang][-1], vectors, texts) for lang in langs}
    after = {lang: _sentences(lang, second[lang][0], vectors, texts) for lang in langs}
    pending = [item for side in (before, after) for items in side.values() for item in items if isinstance(item, str)]
    found = dict(zip(pending, unit_rows(embed(pending)), strict=True)) if pending else {}

    def matrix(items: list[str | npt.NDArray[np.float64]]) -> npt.NDArray[np.float64]:
        return unit_rows(np.stack([found[item] if isinstance(item, str) else item for item in items]))

    b = {lang: matrix(before[lang]) for lang in langs}
    a = {lang: matrix(after[lang]) for lang in langs}
    best = -2.0
    for x, y in permutations(langs, 2):
        best = max(best, float(((b[x] @ a[y].T).max(axis=1) - (b[x] @ b[y].T).max(axis=1)).max()),
                   float(((a[x] @ b[y].T).max(axis=1) - (a[x] @ a[y].T).max(axis=1)).max()))
    return best


def _sentences(
    lang: str, seg: int, vectors: Mapping[str, Vectors], texts: Mapping[str, Sequence[str]]
) -> list[str | npt.NDArray[np.float64]]:
    """A segment's sentences: texts to embed, or the segment's own vector when it is one sentence."""
    sentences = [s.text for s in split_sentences(texts[lang][seg])]
    if len(sentences) <= 1:
        return [np.asarray(vectors[lang][seg], dtype=np.float64)]
    return list(sentences)
