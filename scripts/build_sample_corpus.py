"""Build the real-article part of the sample corpus in corpora/ (deterministic).

The sample corpus shows what transcheck is for: one hand-made article with planted
problems (corpora/news/2025/kallas.*, written by hand, see corpora/PLANTED.md) beside
real, professionally translated be/ru/en articles that must stay clean. This script
writes only the real part, plus the byte-identical English seed page:

* corpora/news/2025/kallas.en.txt  -- copied byte for byte from ../shared/seed/
* corpora/ntrex/<doc>.{be,ru,en}.md -- NTREX-128 news documents, Hugo Markdown with the
  headline as front-matter title and the body regrouped into 2-3 sentence paragraphs
* corpora/flores/<domain>/<slug>.{be,ru,en}.txt -- FLORES-200 articles (>= 4 sentences),
  plain text, one paragraph per 1-2 sentences, no title

The layout is Hugo's "by file name": ``ID.LANG.EXT``. Paragraph grouping is drawn once
per article and applied to all three languages, so the versions stay parallel (the
sources are sentence-parallel). Selection and grouping use a fixed seed, so reruns
produce identical files. Only corpora/ntrex/ and corpora/flores/ are rewritten; the
hand-made files (news/, PLANTED.md, NOTICE.md, glossary.csv) are left alone.

Usage (from the repository root): python scripts/build_sample_corpus.py [OUT]
(OUT defaults to corpora/; tests build into a temporary folder and compare.)
"""

from __future__ import annotations

import json
import random
import re
import shutil
import sys
from pathlib import Path
from typing import Any
from urllib.parse import unquote

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DATA = SHARED / "data"
SEED_PAGE = SHARED / "seed" / "000_70d369480b2c5394.txt"
CORPORA = REPO / "corpora"

LANGS = ("be", "ru", "en")
SEED = 2025
N_NTREX = 6
N_FLORES = 8
# NTREX documents of 6-12 sentences keep the sample readable and the slow test fast
NTREX_SENTENCES = (6, 12)
FLORES_MIN_SENTENCES = 4


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _parallel(record: dict[str, Any]) -> bool:
    return len({len(record[lang]) for lang in LANGS}) == 1 and all(
        s.strip() for lang in LANGS for s in record[lang]
    )


def _open_quote(sentences: list[str]) -> bool:
    """True if a quotation opened in these sentences is still open (an editor never
    breaks a paragraph inside a quotation; NTREX quotations often span sentences)."""
    text = " ".join(sentences)
    return text.count("«") > text.count("»") or text.count('"') % 2 == 1


def _group(
    sentences: dict[str, list[str]], rng: random.Random, low: int, high: int
) -> list[tuple[int, int]]:
    """Split the sentences into consecutive runs of low..high, never inside a quotation
    (in any language) and never leaving a one-sentence tail when low > 1."""
    n = len(sentences["en"])
    spans: list[tuple[int, int]] = []
    start = 0
    while start < n:
        end = min(start + rng.randint(low, high), n)
        if low > 1 and n - end == 1:
            end = n
        while end < n and any(_open_quote(sentences[lang][start:end]) for lang in LANGS):
            end += 1
        spans.append((start, end))
        start = end
    return spans


def _slug(url: str, limit: int = 48) -> str:
    """The URL's last path part as a file-name-safe slug, cut at a word boundary."""
    name = unquote(url.rstrip("/").rsplit("/", 1)[-1])
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    if len(slug) > limit:
        slug = slug[: limit + 1].rsplit("-", 1)[0]
    return slug or "article"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def build_ntrex(rng: random.Random, out: Path) -> list[str]:
    docs = [d for d in _read_jsonl(DATA / "ntrex128_dev_documents.jsonl") if _parallel(d)]
    low, high = NTREX_SENTENCES
    docs = [d for d in docs if low <= len(d["en"]) <= high]
    chosen = sorted(rng.sample(docs, N_NTREX), key=lambda d: str(d["doc_id"]))
    ids = []
    for doc in chosen:
        article_id = "ntrex/" + str(doc["doc_id"]).replace(".", "-")
        # Sentence 0 is the headline; the body is grouped into 2-3 sentence paragraphs.
        spans = _group({lang: doc[lang][1:] for lang in LANGS}, rng, 2, 3)
        for lang in LANGS:
            sentences = doc[lang]
            body = [" ".join(sentences[1 + a : 1 + b]) for a, b in spans]
            front = ["---", f"title: {json.dumps(sentences[0], ensure_ascii=False)}", "---", "", ""]
            _write(out / f"{article_id}.{lang}.md", "\n".join(front) + "\n\n".join(body) + "\n")
        ids.append(article_id)
    return ids


def build_flores(rng: random.Random, out: Path) -> list[str]:
    records = [
        r
        for r in _read_jsonl(DATA / "flores200_articles.jsonl")
        if _parallel(r) and len(r["en"]) >= FLORES_MIN_SENTENCES
    ]
    chosen = sorted(rng.sample(records, N_FLORES), key=lambda r: (r["domain"], r["url"]))
    ids = []
    for record in chosen:
        article_id = f"flores/{record['domain']}/{_slug(record['url'])}"
        spans = _group({lang: record[lang] for lang in LANGS}, rng, 1, 2)
        for lang in LANGS:
            body = [" ".join(record[lang][a:b]) for a, b in spans]
            _write(out / f"{article_id}.{lang}.txt", "\n\n".join(body) + "\n")
        ids.append(article_id)
    return ids


def build(out: Path) -> list[str]:
    """Write the seed copy and the real articles under ``out``; return the article ids."""
    for folder in ("ntrex", "flores"):
        shutil.rmtree(out / folder, ignore_errors=True)
    target = out / "news" / "2025" / "kallas.en.txt"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SEED_PAGE, target)
    rng = random.Random(SEED)
    return build_ntrex(rng, out) + build_flores(rng, out)


def main(argv: list[str]) -> None:
    out = Path(argv[0]) if argv else CORPORA
    ids = build(out)
    print(f"wrote {len(ids)} real articles to {out}/:")
    for article_id in ids:
        print("  " + article_id)


if __name__ == "__main__":
    main(sys.argv[1:])
