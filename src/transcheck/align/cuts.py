"""Rows that two versions cut at different sentences: join them.

Two translators split one paragraph in two, one after its second sentence, the other after
its first (or one splits, another merges the second half with the next paragraph). The
paragraphs then correspond only as a block: one row, a 2-2 (or 2-2-2) at paragraph level.
Paragraph vectors cannot see this: the block's cheapest internal path is the two 1-1 beads
(each half shares most of its content with the other version's half), so the DP and the
three-way objective return two rows, and one version's row holds a sentence that the
other version has in the next row. Edge sentences show it: the last sentence before the
cut in one version is the first sentence after the cut in the other.

So at every boundary between two rows all versions share (no title among them), where the
versions' lengths hint at a crossing, the sentences on either side of the cut are embedded
(one or two short texts per version, cached) and the rows are joined when, for some pair
of versions (x, y), x's last sentence before the cut is closer to y's first sentence after
it than the cut's own edge pairs are to each other: ``cos(L_x, F_y) - min(cos(L_x, L_y),
cos(F_x, F_y)) >= sentence_gap``. The length hint (``length_gap``): for some pair, the
log-ratio of their shares of the article's characters has opposite signs in the two rows,
and both are at least that large (one version's first row holds more of the block, its
second row less).

Calibration, benchmarks/align_paragraphs.py seeds 1-3 (rows of the final alignment;
boundaries of two full rows, sentence-exact gold): 11 crossings among 1,430 boundaries
(1,363 correct, 56 beside other errors). Length hint >= 0.1: 10 of the 11 crossings,
15% of correct boundaries. Sentence gap: crossings 0.021-0.170 (median 0.096), correct
boundaries up to 0.082 (99th percentile 0.045); at 0.09 five of the 11 are joined, no
correct boundary. The crossings it misses cut more than one sentence apart (x's last
sentence before the cut is y's second or third after it), where no edge pair matches.
Effect, joint 3-way rows F1 on seeds 1 / 2 / 3 / 4 / 5 (4 and 5 not looked at while
calibrating): 0.971 / 0.965 / 0.956 / 0.959 / 0.945 -> 0.972 / 0.969 / 0.962 / 0.959 /
0.950; deletions unchanged; 4-6% more characters embedded (edge sentences). Without the
length gate: 0.974 / 0.969 / 0.963 / 0.959 / 0.955 at 35% more characters.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from itertools import combinations, permutations

import numpy as np
import numpy.typing as npt

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

    A one-sentence segment is its own edge sentence: its vector in ``vectors`` is used, so
    only the edge sentences of longer segments are embedded.
    """
    langs = list(texts)
    if len(langs) < 2 or sentence_gap >= 1:
        return tuple(rows)
    totals = {lang: max(1.0, float(sum(len(t) for t in texts[lang]))) for lang in langs}

    def share(row: AlignmentRow, lang: str) -> float:
        return sum(len(texts[lang][s]) for s in row[lang]) / totals[lang]

    def testable(row: AlignmentRow) -> bool:
        return all(row.get(lang) for lang in langs) and not any(
            kinds is not None and lang in kinds and kinds[lang][s] == "title" for lang in langs for s in row[lang]
        )

    out: list[AlignmentRow] = []
    for row in rows:
        prev = out[-1] if out else None
        if (
            prev is not None
            and testable(prev)
            and testable(row)
            and _length_hint(prev, row, langs, share) >= length_gap
            and _sentence_gap(prev, row, langs, vectors, texts, embed) >= sentence_gap
        ):
            out[-1] = {lang: prev[lang] + row[lang] for lang in langs}
        else:
            out.append(row)
    return tuple(out)


def _length_hint(
    first: AlignmentRow, second: AlignmentRow, langs: Sequence[str], share: Callable[[AlignmentRow, str], float]
) -> float:
    """The largest, over version pairs, of the smaller of the two rows' length log-ratios
    when they point opposite ways (0 when no pair's do)."""
    best = 0.0
    for x, y in combinations(langs, 2):
        sx1, sy1, sx2, sy2 = share(first, x), share(first, y), share(second, x), share(second, y)
        if min(sx1, sy1, sx2, sy2) <= 0:
            continue
        r1, r2 = math.log(sx1 / sy1), math.log(sx2 / sy2)
        if r1 * r2 < 0:
            best = max(best, min(abs(r1), abs(r2)))
    return best


def _sentence_gap(
    first: AlignmentRow,
    second: AlignmentRow,
    langs: Sequence[str],
    vectors: Mapping[str, Vectors],
    texts: Mapping[str, Sequence[str]],
    embed: EmbedFn,
) -> float:
    """max over ordered version pairs (x, y) of cos(L_x, F_y) - min(cos(L_x, L_y), cos(F_x, F_y))."""
    edges = [(lang, first[lang][-1], True) for lang in langs] + [(lang, second[lang][0], False) for lang in langs]
    vecs = np.zeros((len(edges), np.asarray(vectors[langs[0]]).shape[1]))
    todo: list[tuple[int, str]] = []
    for e, (lang, seg, at_end) in enumerate(edges):
        sentences = split_sentences(texts[lang][seg])
        if len(sentences) <= 1:
            vecs[e] = np.asarray(vectors[lang][seg], dtype=np.float64)
        else:
            todo.append((e, sentences[-1].text if at_end else sentences[0].text))
    if todo:
        embedded = np.asarray(embed([text for _, text in todo]), dtype=np.float64)
        for (e, _), vec in zip(todo, embedded, strict=True):
            vecs[e] = vec
    unit = _unit(vecs)
    n = len(langs)
    sims = unit @ unit.T
    best = -2.0
    for x, y in permutations(range(n), 2):
        best = max(best, float(sims[x, n + y] - min(sims[x, y], sims[n + x, n + y])))
    return best


def _unit(v: npt.ArrayLike) -> npt.NDArray[np.float64]:
    arr = np.atleast_2d(np.asarray(v, dtype=np.float64))
    norms = np.linalg.norm(arr, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.asarray(arr / norms, dtype=np.float64)
