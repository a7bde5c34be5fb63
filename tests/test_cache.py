"""The persistent embedding cache: a second run embeds nothing; model identity is part of the key."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from conftest import FakeEmbedder

from transcheck.embed.cache import CachedEmbedder, EmbeddingCache, default_cache_dir


def test_second_run_embeds_nothing(tmp_path: Path) -> None:
    texts = ["Kaja Kallas urged more pressure.", "Кая Калас заклікала.", "Kaja Kallas urged more pressure."]
    first = CachedEmbedder(FakeEmbedder(), EmbeddingCache(tmp_path))
    vectors = first.embed(texts)
    assert first.computed == 2  # duplicates within a call are embedded once
    inner = FakeEmbedder()
    second = CachedEmbedder(inner, EmbeddingCache(tmp_path))
    again = second.embed(texts)
    assert second.computed == 0 and inner.calls == []
    np.testing.assert_array_equal(vectors, again)


def test_model_identity_is_part_of_the_key(tmp_path: Path) -> None:
    CachedEmbedder(FakeEmbedder(), EmbeddingCache(tmp_path)).embed(["same text"])

    class OtherModel(FakeEmbedder):
        identity = "fake/other"

    other = CachedEmbedder(OtherModel(), EmbeddingCache(tmp_path))
    other.embed(["same text"])
    assert other.computed == 1


def test_no_cache_embeds_every_run(tmp_path: Path) -> None:
    for _ in range(2):
        run = CachedEmbedder(FakeEmbedder(), None)
        run.embed(["a", "b"])
        assert run.computed == 2


def test_corrupt_cache_file_is_moved_aside_not_fatal(tmp_path: Path) -> None:
    cache = EmbeddingCache(tmp_path)
    cache.close()
    cache.path.write_bytes(b"this is not a database" * 100)
    run = CachedEmbedder(FakeEmbedder(), EmbeddingCache(tmp_path))
    run.embed(["x"])
    assert run.computed == 1
    assert cache.path.with_suffix(".corrupt").exists()


def test_env_var_overrides_cache_dir(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TRANSCHECK_CACHE_DIR", str(tmp_path / "c"))
    assert default_cache_dir() == tmp_path / "c"


def test_warm_run_loads_no_language_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Language guesses are cached beside the vectors: a second run over the same corpus
    identifies every segment (including the accurate re-check of untranslated ones) from disk."""
    from transcheck.config import Settings
    from transcheck.langid import LanguageIdentifier
    from transcheck.pipeline import run_check
    from transcheck.report import json_report

    english = "Sanctions against Russia were extended for six months by the ministers."
    for lang in ("be", "ru", "en"):
        (tmp_path / "corpus").mkdir(exist_ok=True)
        body = english if lang != "be" else "Санкцыі супраць Расіі былі падоўжаныя на шэсць месяцаў міністрамі."
        (tmp_path / "corpus" / f"a.{lang}.md").write_text(f"# Title\n\n{body}\n", encoding="utf-8")

    def run() -> str:
        embedder = CachedEmbedder(FakeEmbedder(), EmbeddingCache(tmp_path / "cache"))
        return json_report.render(run_check([tmp_path / "corpus"], Settings(), embedder))

    first = run()
    assert "TC201" in first  # the ru version is English: the accurate re-check ran
    assert (tmp_path / "cache" / "langid-v1.sqlite3").exists()

    def no_detector(self: LanguageIdentifier, script: str, accurate: bool) -> None:
        raise AssertionError("a warm run loaded a lingua model")

    monkeypatch.setattr(LanguageIdentifier, "_detector", no_detector)
    # Without the per-article results, so the checks (and language ID) really run again.
    (tmp_path / "cache" / "articles-v1.sqlite3").unlink()
    assert run() == first


def test_warm_run_reuses_article_results_until_an_input_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Unchanged articles skip alignment and checks; an edited article, other settings or
    an unreadable cache are never served stale results."""
    import dataclasses

    from transcheck import pipeline
    from transcheck.config import Settings, Thresholds
    from transcheck.report import html, json_report

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a", "b"):
        for lang, body in (("be", "Сёння ў Мінску 12 градусаў."), ("ru", "Сегодня в Минске 12 градусов."),
                           ("en", "It is 12 degrees in Minsk today.")):
            (corpus / f"{name}.{lang}.md").write_text(f"# Title\n\n{body}\n\nSecond paragraph {name}.\n",
                                                      encoding="utf-8")
    checked: list[str] = []
    real = pipeline.check_article

    def counting(article, *args):  # type: ignore[no-untyped-def]
        checked.append(article.id)
        return real(article, *args)

    monkeypatch.setattr(pipeline, "check_article", counting)

    def run(settings: Settings | None = None) -> tuple[str, str]:
        embedder = CachedEmbedder(FakeEmbedder(), EmbeddingCache(tmp_path / "cache"))
        result = pipeline.run_check([corpus], settings or Settings(), embedder)
        return json_report.render(result), html.render(result)

    first = run()
    assert sorted(checked) == ["a", "b"]
    checked.clear()
    assert run() == first  # byte-identical reports from stored results
    assert checked == []
    (corpus / "b.ru.md").write_text("# Title\n\nСегодня в Минске 13 градусов.\n\nSecond paragraph b.\n",
                                    encoding="utf-8")
    changed = run()
    assert checked == ["b"] and "TC301" in changed[0]
    checked.clear()
    stricter = dataclasses.replace(Settings(), thresholds=Thresholds(divergent_margin=0.5))
    run(stricter)
    assert sorted(checked) == ["a", "b"]
