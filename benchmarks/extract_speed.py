"""Extraction speed: paragraphs per second per format, versus embedding (~10-100 paragraphs/s).

Prints, for synthetic articles of growing size, the time to read them; the per-paragraph
time must stay flat as articles grow (nothing quadratic), and far below embedding time.

    python benchmarks/extract_speed.py
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from transcheck.config import Settings
from transcheck.corpus import discover
from transcheck.extract import read_version

REPO = Path(__file__).resolve().parents[1]
SENTENCE = "Kaja Kallas said on Thursday that 27 EU ministers discussed sanctions against Russia."


def paragraph(i: int) -> str:
    return f"Paragraph {i}: " + " ".join([SENTENCE] * 3)


def html_page(n: int) -> str:
    body = "\n".join(f"<p>{paragraph(i)}</p>" for i in range(n))
    return (
        "<!DOCTYPE html><html><head><title>Title | Site</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/be/'>BE</a> <a href='/ru/'>RU</a></nav>"
        f"<article><h1>Title</h1>\n{body}\n</article>"
        "<aside><h2>Latest news</h2><ul><li><a href='/x'>Other</a></li></ul></aside></body></html>"
    )


def markdown(n: int) -> str:
    body = "\n\n".join(f"{paragraph(i)} [link](https://x.org) **bold**" for i in range(n))
    return f"---\ntitle: Title\ndescription: Lead.\n---\n\n{body}\n"


def text_dump(n: int) -> str:
    body = "\n\n".join(paragraph(i) for i in range(n))
    return f"BE RU EN\n\nTitle\n\n  • 26.11.2025, 23:55\n\n{body}\n\nLatest news\n"


def main() -> None:
    settings = Settings()
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in (("html", html_page), ("md", markdown), ("txt", text_dump)):
            for n in (10, 100, 1000):
                path = Path(tmp) / f"a{n}.en.{name}"
                path.write_text(make(n), encoding="utf-8")
                start = time.perf_counter()
                version = read_version(path, "en", path.name, settings)
                elapsed = time.perf_counter() - start
                print(
                    f"{name:4} {n:5} paragraphs: {elapsed * 1000:8.1f} ms, "
                    f"{len(version.segments) / elapsed:9.0f} segments/s"
                )
    start = time.perf_counter()
    sources, _ = discover([REPO / "corpora"], settings)
    count = 0
    for source in sources:
        for lang, path in source.paths.items():
            count += len(read_version(path, lang, path.name, settings).segments)
    elapsed = time.perf_counter() - start
    print(
        f"sample corpus: {len(sources)} articles, {count} segments in {elapsed:.2f} s ({count / elapsed:.0f}/s)"
    )


if __name__ == "__main__":
    main()
