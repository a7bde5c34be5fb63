"""Baselines: fingerprints survive line shifts, only new findings are reported, counts are shown."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from _cli_helpers import ARTICLE_A, run, summary, use_fake_embedder, write_corpus
from _sample_results import TEXTS, kallas, sample_result, version

from transcheck import baseline
from transcheck.model import Article


def test_fingerprint_ignores_indices_and_lines() -> None:
    original = kallas()
    finding = original.findings[0]  # quotes ru[3] and en[3]
    # The same texts, two paragraphs further down and on other lines.
    shifted_versions = {
        lang: version(lang, ["Extra", "Extra 2", *TEXTS[lang]], first_line=40)
        for lang in ("be", "ru", "en")
    }
    shifted = Article(id="news/kallas", versions=shifted_versions)
    moved = dataclasses.replace(finding, segments={"ru": (5,), "en": (5,)})
    assert baseline.fingerprint(shifted, moved) == baseline.fingerprint(original.article, finding)


def test_fingerprint_changes_with_text_code_lang_or_article() -> None:
    article = kallas().article
    finding = kallas().findings[0]
    base = baseline.fingerprint(article, finding)
    assert baseline.fingerprint(article, dataclasses.replace(finding, code="TC102")) != base
    assert baseline.fingerprint(article, dataclasses.replace(finding, lang="ru")) != base
    assert baseline.fingerprint(dataclasses.replace(article, id="news/other"), finding) != base
    assert (
        baseline.fingerprint(
            article, dataclasses.replace(finding, segments={"ru": (2,), "en": (3,)})
        )
        != base
    )
    # Whitespace-only edits do not make a finding new.
    en = article.versions["en"]
    respaced = dataclasses.replace(
        en,
        segments=tuple(dataclasses.replace(s, text=s.text.replace(" ", "  ")) for s in en.segments),
    )
    assert (
        baseline.fingerprint(
            dataclasses.replace(article, versions={**article.versions, "en": respaced}), finding
        )
        == base
    )


def test_apply_is_a_multiset_and_counts(tmp_path: Path) -> None:
    result = sample_result()
    path = tmp_path / "b.json"
    path.write_text(baseline.render(result), encoding="utf-8")
    known = baseline.load(path)
    assert sum(known.values()) == 4
    filtered = baseline.apply(result, known)
    assert sum(len(a.findings) for a in filtered.articles) == 0
    assert filtered.suppressed == {"baseline": 4}
    # A finding occurring twice with one baselined: one stays.
    dup = result.articles[2].findings[0]
    doubled = dataclasses.replace(result.articles[2], findings=(dup, dup))
    partial = baseline.apply(dataclasses.replace(result, articles=(doubled,)), known)
    assert [len(a.findings) for a in partial.articles] == [1]


def test_baseline_file_is_deterministic_and_sorted() -> None:
    text = baseline.render(sample_result())
    assert text == baseline.render(sample_result())
    entries = json.loads(text)["findings"]
    keys = [(e["article"], e["code"], e["lang"] or "", e["fingerprint"]) for e in entries]
    assert keys == sorted(keys)
    assert set(entries[0]) == {"fingerprint", "article", "code", "name", "lang", "message"}


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        '{"tool": "other", "findings": []}',
        '{"tool": "transcheck", "format": 99, "findings": []}',
    ],
)
def test_bad_baseline_files(tmp_path: Path, content: str) -> None:
    path = tmp_path / "b.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(baseline.BaselineError):
        baseline.load(path)


def test_cli_baseline_then_only_new_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_fake_embedder(monkeypatch)
    monkeypatch.chdir(tmp_path)
    corpus = write_corpus(
        tmp_path / "c",
        {"news/a": ARTICLE_A, "news/b": {"be": "# Б\n\nТэкст.\n", "en": "# B\n\nText.\n"}},
    )
    written = run("baseline", corpus, "--select", "TC100", "-o", "base.json")
    assert written.exit_code == 0, written.output
    assert "wrote 1 finding(s) of 2 article(s)" in written.output
    assert (
        run(
            "check", corpus, "--select", "TC100", "--baseline", "base.json", "--reports-dir", "r"
        ).exit_code
        == 0
    )
    assert summary(Path("r/report.json"))["suppressed"] == {"inline": 0, "baseline": 1}
    out = run(
        "check", corpus, "--select", "TC100", "--baseline", "base.json", "--no-reports"
    ).output
    assert "suppressed (baseline 1)" in out  # the terminal summary says how many were baselined

    # A new article missing a version is new; the old one stays baselined.
    write_corpus(corpus, {"news/c": {"ru": "# В\n\nТекст.\n", "en": "# C\n\nText.\n"}})
    (corpus / "transcheck.toml").write_text('baseline = "../base.json"\n', encoding="utf-8")
    result = run("check", corpus, "--select", "TC100", "--reports-dir", "r", "-f", "github")
    assert result.exit_code == 1
    assert "news/c: no be version" in result.output and "news/b" not in result.output
    assert result.output.rstrip().endswith(", 1 suppressed (baseline)")
    assert summary(Path("r/report.json"))["suppressed"]["baseline"] == 1
