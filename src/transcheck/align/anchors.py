"""Lexical anchors: language-independent evidence added to the sentence vectors.

Why: e5-small's cosines barely separate a true sentence pair from its neighbours (margins
~0.05-0.1 on Bleualign de-fr), and where sentence boundaries differ between versions (a
gold 2-2 bead) the two 1-1 beads look as good as the merge. What the embedding misses is
often plain on the surface: the same numbers (8839,8 / 1955 / 5000), the same proper
names (Imanishi, Kangchendzönga ~ Kangchenjunga, Лукашэнка ~ Lukashenka) and cognates
(Expedition ~ expédition). These are the classic anchors of lexical sentence aligners
(Simard, Foster & Isabelle 1992: words sharing their first four letters are cognates).

How: each sentence gets a sparse bag of anchor keys (:func:`anchor_keys`): numbers as
digit runs, and every word of at least ``prefix`` letters as the first ``prefix`` letters
of its phonetic skeleton (:func:`transcheck.translit.skeleton`, after transliteration for
Cyrillic, so diacritics, c/k, j/i... do not matter). Only keys present in at least two
versions are kept (a key one side never shows cannot anchor anything), weighted by idf
over all sentences of all versions (a rare number is strong evidence, "1956" in every
other sentence is not). A span of several sentences (a merged bead's side) adds its
sentences' counts. The tf-idf vector, normalised as if it had one more private key
(``smooth``, :func:`_smoothed_unit`: one shared common key is weak evidence, many shared
rare ones strong), is appended to the unit e5 vector: ``[sqrt(1 - w) * e5, sqrt(w) *
lex]``, so a dot product is ``(1 - w) * cos_e5 + w * sim_lex`` and the DP, its margins and
its kNN neighbourhoods need no change. A span with no shared key has a zero lexical part
(its dots are plain e5 cosines scaled by 1 - w): absence of anchors is no evidence against
a pair.

Measured (benchmarks/align_bleualign.py, Bleualign de-fr dev, joint DP): strict F1 0.893 ->
0.907 at w 0.1, smooth 2; sensitivity and what was tried are at
``transcheck.align.SENTENCE_THRESHOLDS``. Hashing the keys into 64-256 columns instead of
one per key: 0.902-0.907. Paragraph level (be/ru/en, benchmarks/align_paragraphs.py, issue
3 round 9): figures only (cognates bind be and ru far more than either to en), added on top
of the e5 cosine (:func:`add_on`), weight 0.05: pooled seeds 1-20 joint rows 0.962 -> 0.963,
deletions P 0.949 -> 0.952, R 0.910 -> 0.915 (``Thresholds.align_anchor_weight``).

The same keys also price bead boundaries (:func:`anchor_weights`, used by
transcheck.align.dp._crossing_cost): a cut that separates a name in one version from the
same name in the other is where sentence boundaries differ (strict F1 0.914 -> 0.935 with
the six-segment beads, see ``transcheck.align.SENTENCE_THRESHOLDS``).
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from transcheck.translit import skeleton, transliterate

FloatArray = npt.NDArray[np.float64]
Spans = list[FloatArray]

_TOKEN = re.compile(r"\d+|[^\W\d_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
# One transliteration per Cyrillic language is enough: skeleton() merges what the schemes
# disagree on (kh/h/g, ts/c, y/j/i ...).
_SCHEME = {"ru": "bgn", "be": "news"}


@dataclass(frozen=True)
class AnchorParams:
    """Knobs of the lexical anchor vectors (calibration: transcheck.align.SENTENCE_THRESHOLDS)."""

    weight: float = 0.0  # share w of the lexical cosine in every dot product (0: off)
    prefix: int = 4  # cognate key: the skeleton's first `prefix` letters; shorter words are ignored (0: no words)
    numbers: bool = True  # digit runs are keys
    smooth: float = 2.0  # weight of a virtual private key per span, in units of the largest idf
    max_dim: int = 1024  # more shared keys than this are hashed into this many columns


def anchor_keys(text: str, lang: str, params: AnchorParams) -> Counter[str]:
    """The anchor keys of one text with their counts (numbers as ``#123``, words as prefixes)."""
    keys: Counter[str] = Counter()
    for token in _TOKEN.findall(text):
        if token.isdigit():
            if params.numbers:
                keys["#" + (token.lstrip("0") or "0")] += 1
            continue
        if not params.prefix:
            continue
        word = token
        if _CYRILLIC.search(word):
            word = transliterate(word, lang if lang in _SCHEME else "ru", _SCHEME.get(lang, "bgn"))
        key = skeleton(word)
        if len(key) >= params.prefix:
            keys[key[: params.prefix]] += 1
    return keys


def anchor_spans(
    texts: Mapping[str, Sequence[str]], max_width: int, params: AnchorParams
) -> dict[str, Spans]:
    """Unit tf-idf anchor vectors of every span of 1..``max_width`` consecutive sentences,
    per version, over the keys shared by at least two versions (``out[lang][k-1][s]``: the
    span ``s .. s+k-1``; all-zero rows where a span has no shared key)."""
    bags, idf_of, smooth = _vocabulary(texts, params)
    vocab = sorted(idf_of)
    # Long documents: keys share max_dim hashed columns, so memory and the DP's dot products
    # stay bounded (each key's weight moves into its column; colliding keys rarely co-occur).
    dim = min(len(vocab), params.max_dim)
    index = {key: (i if dim == len(vocab) else zlib.crc32(key.encode()) % dim) for i, key in enumerate(vocab)}
    out: dict[str, Spans] = {}
    for lang, lang_bags in bags.items():
        weights = np.zeros((len(lang_bags), dim))  # tf * idf per sentence
        for row, bag in enumerate(lang_bags):
            for key, count in bag.items():
                if key in index:
                    weights[row, index[key]] += count * idf_of[key]
        cs = np.concatenate([np.zeros((1, dim)), np.cumsum(weights, axis=0)], axis=0)
        spans: Spans = []
        for width in range(1, max(1, max_width) + 1):
            tf_idf = cs[width:] - cs[:-width] if len(lang_bags) >= width else np.zeros((0, dim))
            spans.append(_smoothed_unit(tf_idf, smooth))
        out[lang] = spans
    return out


def _vocabulary(
    texts: Mapping[str, Sequence[str]], params: AnchorParams
) -> tuple[dict[str, list[Counter[str]]], dict[str, float], float]:
    """Every sentence's key counts, the idf of the keys shared by at least two versions,
    and the weight of the virtual private key (see :func:`_smoothed_unit`): that of the
    rarest key a version pair can share (one sentence in each of two versions)."""
    bags = {lang: [anchor_keys(t, lang, params) for t in lines] for lang, lines in texts.items()}
    versions: Counter[str] = Counter()
    df: Counter[str] = Counter()
    for lang_bags in bags.values():
        seen: set[str] = set()
        for bag in lang_bags:
            df.update(bag.keys())
            seen.update(bag.keys())
        versions.update(seen)
    total = sum(len(b) for b in bags.values())
    idf_of = {key: float(np.log(total / df[key])) for key, count in versions.items() if count >= 2}
    smooth = params.smooth * float(np.log(total / 2)) if total > 2 else 1.0
    return bags, idf_of, smooth


def anchor_weights(texts: Mapping[str, Sequence[str]], params: AnchorParams) -> dict[str, list[dict[str, float]]]:
    """Per version and sentence, each shared key's tf x idf in units of the virtual private
    key's weight (:func:`_vocabulary`: a key as rare as keys get weighs 1/``smooth``): the
    evidence of the crossing-anchor boundary cost (transcheck.align.dp._crossing_cost).

    Not normalised per sentence (unlike :func:`anchor_spans`): a rare name crossing a cut is
    as strong evidence in a sentence full of names as in a short one. Dividing by the
    sentence's norm instead made the gain smaller (strict F1 0.919-0.921 against 0.926-0.930,
    see transcheck.align.SENTENCE_THRESHOLDS).
    """
    bags, idf_of, smooth = _vocabulary(texts, params)
    return {
        lang: [{key: count * idf_of[key] / smooth for key, count in bag.items() if key in idf_of} for bag in lang_bags]
        for lang, lang_bags in bags.items()
    }


def augment(embedded: Spans, lexical: Spans, weight: float) -> Spans:
    """``[sqrt(1 - weight) * e5, sqrt(weight) * lex]`` per span width, so that a dot
    product of two augmented spans is ``(1 - weight) * cos_e5 + weight * cos_lex``."""
    if not 0.0 <= weight <= 1.0:
        raise ValueError(f"anchor weight must be in [0, 1], got {weight}")
    a, b = np.sqrt(1.0 - weight), np.sqrt(weight)
    return [np.concatenate([a * e, b * x], axis=1) for e, x in zip(embedded, lexical, strict=True)]


def add_on(embedded: Spans, lexical: Spans, weight: float) -> Spans:
    """``[e5, sqrt(weight) * lex]`` per span width: a dot product is ``cos_e5 + weight *
    cos_lex``. Unlike :func:`augment`, spans that share no key keep their plain e5 cosine,
    so knobs calibrated on e5 cosines (the paragraph DP's skip, merge and length terms)
    keep their meaning and anchors only add evidence."""
    if weight < 0:
        raise ValueError(f"anchor weight must be >= 0, got {weight}")
    b = np.sqrt(weight)
    return [np.concatenate([e, b * x], axis=1) for e, x in zip(embedded, lexical, strict=True)]


def _smoothed_unit(rows: FloatArray, smooth: float) -> FloatArray:
    """Rows scaled as if each had one more, private key of weight ``smooth``: norm
    ``sqrt(|x|^2 + smooth^2)``. Plain cosine would give two sentences that share their only
    key, a common one ("1." in a numbered list), similarity 1, as much as two sentences
    sharing five rare names; with the private key, similarity grows with the amount of
    shared rare evidence."""
    norms = np.sqrt(np.sum(rows * rows, axis=1, keepdims=True) + smooth * smooth)
    return np.asarray(rows / np.where(norms == 0, 1.0, norms), dtype=np.float64)
