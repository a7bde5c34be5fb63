"""Alignment time against document length (random unit vectors; embedding excluded).

    python benchmarks/align_scaling.py [--sizes 100 1000 2000 10000]

The second version is the first with noise, a few deletions and merges, so the DP has
real work. The banded coarse-to-fine search should grow linearly: time/paragraph flat.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from transcheck.align import align_versions
from transcheck.config import Thresholds


def make_pair(n: int, dim: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    a = rng.normal(size=(n, dim))
    b = a + 0.6 * rng.normal(size=(n, dim))
    keep = rng.random(n) > 0.02  # ~2% deleted from the second version
    b = b[keep]
    a /= np.linalg.norm(a, axis=1, keepdims=True)
    b /= np.linalg.norm(b, axis=1, keepdims=True)
    return a.astype(np.float32), b.astype(np.float32)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 2000, 10000])
    parser.add_argument("--dim", type=int, default=384)
    parser.add_argument("--three", action="store_true", help="also time a joint 3-way alignment")
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    thresholds = Thresholds()
    for n in args.sizes:
        a, b = make_pair(n, args.dim, rng)
        vectors = {"x": a, "y": b}
        if args.three:
            vectors["z"] = make_pair(n, args.dim, rng)[1]
        texts = {k: [""] * len(v) for k, v in vectors.items()}
        start = time.perf_counter()
        rows = align_versions(vectors, texts, lambda t: np.zeros((0, args.dim), np.float32), thresholds)
        took = time.perf_counter() - start
        print(f"n={n:6d} versions={len(vectors)} rows={len(rows):6d} align_s={took:.3f} "
              f"us_per_paragraph={1e6 * took / n:.0f}")


if __name__ == "__main__":
    main()
