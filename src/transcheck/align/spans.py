"""Vectors of candidate merged spans (1, 2, 3 consecutive segments) for the aligner.

Two ways, both "fair" to merges (the merged candidate gets a vector of its own instead of
summing its pieces' scores):

* :func:`average_spans` — the normalised sum of the pieces' vectors (vecalign's overlap
  idea without new embeddings). Used at paragraph level: embedding extra texts would cost
  run time, and paragraphs are long enough that their mean vector is a good summary.
* :func:`embedded_spans` — an embedding of the concatenated text (bertalign), through the
  run's cached embedder, so no text is embedded twice. Used at sentence level, where the
  pieces are short and a merged sentence's meaning is not the mean of its halves.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

# spans[k-1][s] = unit vector of items s .. s+k-1
Spans = list[npt.NDArray[np.float64]]
EmbedFn = Callable[[Sequence[str]], npt.NDArray[np.float32]]


def unit_rows(v: npt.ArrayLike) -> npt.NDArray[np.float64]:
    """Rows scaled to unit length, as float64 (a single vector becomes one row; zero rows stay zero)."""
    out = np.atleast_2d(np.asarray(v, dtype=np.float64))
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.asarray(out / norms, dtype=np.float64)


def _matrix(v: npt.NDArray[np.floating]) -> npt.NDArray[np.float64]:
    arr = np.asarray(v, dtype=np.float64)
    if arr.ndim == 2:
        return arr
    return arr.reshape(len(arr), -1) if arr.size else np.zeros((len(arr), 1))


def average_spans(vectors: npt.NDArray[np.floating], max_width: int) -> Spans:
    """Span vectors as normalised sums of consecutive item vectors."""
    v = unit_rows(_matrix(vectors))
    cs = np.concatenate([np.zeros((1, v.shape[1])), np.cumsum(v, axis=0)], axis=0)
    spans: Spans = [v]
    for width in range(2, max(1, max_width) + 1):
        if len(v) >= width:
            spans.append(unit_rows(cs[width:] - cs[:-width]))
        else:
            spans.append(np.zeros((0, v.shape[1])))
    return spans


def embedded_spans(
    texts: Sequence[str], vectors: npt.NDArray[np.floating], embed: EmbedFn, max_width: int
) -> Spans:
    """Span vectors from embeddings of the joined texts (one embed call for all widths)."""
    v = unit_rows(_matrix(vectors))
    joined: list[str] = []
    for width in range(2, max(1, max_width) + 1):
        joined.extend(" ".join(texts[s : s + width]) for s in range(len(texts) - width + 1))
    out = unit_rows(np.asarray(embed(joined), dtype=np.float64)) if joined else np.zeros((0, v.shape[1]))
    spans: Spans = [v]
    pos = 0
    for width in range(2, max(1, max_width) + 1):
        count = max(0, len(texts) - width + 1)
        spans.append(out[pos : pos + count].reshape(count, v.shape[1]))
        pos += count
    return spans
