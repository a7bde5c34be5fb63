"""What the aligner's sentence tests on rows read (transcheck.align.peel, .attach).

A row of three versions claims that its segments translate each other; where the
paragraph vectors cannot settle a claim, the tests embed runs of a segment's edge
sentences and compare them with the other versions' segments. They all need the same
inputs, bundled here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy.typing as npt

from transcheck.embed.base import Vectors

EmbedFn = Callable[[Sequence[str]], Vectors]


@dataclass(frozen=True)
class RowEvidence:
    """Per version, in the order of the rows' ranges: its segment texts and vectors, and
    whether it opens with a title (``heads``: a title is close to its lede's first sentence,
    so the tests leave titles to transcheck.align.titles); ``embed`` is the run's cached
    embedder (no text is embedded twice)."""

    texts: Sequence[Sequence[str]]
    vectors: Sequence[npt.ArrayLike]
    embed: EmbedFn
    heads: Sequence[bool] = (False, False, False)
