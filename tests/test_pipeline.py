"""The whole pipeline on a small corpus: cache reuse, determinism, the JSON contract."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from conftest import REPO, FakeEmbedder

from transcheck.config import Settings
from transcheck.embed.cache import CachedEmbedder, EmbeddingCache
from transcheck.pipeline import run_check
from transcheck.report import json_report

PARAGRAPHS = [
    "Sanctions against Russia were extended for six months.",
    "The ministers met in Brussels on Thursday.",
    "Ukraine asked for more air defence systems.",
]


def _corpus(root: Path) -> Path:
    for lang in ("be", "ru", "en"):
        body = "\n\n".join(PARAGRAPHS if lang != "ru" else PARAGRAPHS[:1] + PARAGRAPHS[2:])
        (root / "news").mkdir(parents=True, exist_ok=True)
        (root / "news" / f"sanctions.{lang}.md").write_text(f"---\ntitle: Sanctions\n---\n\n{body}\n", encoding="utf-8")
    (root / "news" / "lonely.en.md").write_text("---\ntitle: Alone\n---\n\nOnly English here.\n", encoding="utf-8")
    (root / "news" / "broken.be.md").write_bytes(b"---\ntitle: [unclosed\n---\n\ntext\n")
    (root / "news" / "broken.ru.md").write_text("---\ntitle: ok\n---\n\ntext\n", encoding="utf-8")
    return root


def _run(root: Path, cache_dir: Path) -> tuple[str, CachedEmbedder]:
    embedder = CachedEmbedder(FakeEmbedder(), EmbeddingCache(cache_dir))
    result = run_check([root], Settings(), embedder)
    return json_report.render(result), embedder


def test_second_run_embeds_nothing_and_output_is_byte_identical(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "corpus")
    first, cold = _run(root, tmp_path / "cache")
    second, warm = _run(root, tmp_path / "cache")
    assert cold.computed > 0
    assert warm.computed == 0
    assert first == second


def test_report_follows_the_contract(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "corpus")
    text, _ = _run(root, tmp_path / "cache")
    report = json.loads(text)
    schema = json.loads((REPO / "src/transcheck/schemas/report.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, schema)

    articles = {a["id"]: a for a in report["articles"]}
    assert set(articles) == {"news/broken", "news/lonely", "news/sanctions"}
    # The unreadable file is an error naming the file; the run went on with the rest.
    assert [e["path"] for e in report["errors"]] == ["news/broken.be.md"]
    sanctions = articles["news/sanctions"]
    assert sanctions["versions"]["en"]["path"] == "news/sanctions.en.md"
    assert [s["kind"] for s in sanctions["versions"]["en"]["segments"]] == ["title"] + ["paragraph"] * 3
    # Every segment of every version sits in exactly one alignment row.
    for lang, version in sanctions["versions"].items():
        covered = sorted(i for row in sanctions["alignment"] for i in row[lang])
        assert covered == list(range(len(version["segments"])))
    # The ru version lacks the second paragraph: reported against ru, quoting be and en.
    missing = [f for f in sanctions["findings"] if f["name"] == "missing-segment"]
    assert [(f["lang"], f["segments"]) for f in missing] == [("ru", {"be": [2], "en": [2]})]
    lonely = [f["name"] for f in articles["news/lonely"]["findings"]]
    assert lonely.count("missing-version") == 2
    assert report["summary"]["articles"] == 3
    assert report["settings"]["languages"] == ["be", "ru", "en"]
    assert report["settings"]["model"] == "fake/bag-of-words-64"
