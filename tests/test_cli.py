"""CLI contract: exit codes, formats to files and stdout, check selection and severity control."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from _cli_helpers import ARTICLE_A, run, summary, use_fake_embedder, write_corpus


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    use_fake_embedder(monkeypatch)
    monkeypatch.chdir(tmp_path)
    # news/a is complete; news/b has no ru version (TC100 missing-version, an error).
    return write_corpus(
        tmp_path / "content",
        {"news/a": ARTICLE_A, "news/b": {"be": "# Б\n\nТэкст.\n", "en": "# B\n\nText.\n"}},
    )


def test_exit_1_on_findings_at_fail_on_and_0_below(corpus: Path) -> None:
    assert run("check", corpus, "--select", "TC100", "--no-reports").exit_code == 1
    # Only the complete article: nothing at all.
    assert (
        run("check", corpus / "news" / "a.en.md", "--select", "TC100", "--no-reports").exit_code
        == 0
    )
    assert (
        run("check", corpus, "--select", "TC100", "--fail-on", "never", "--no-reports").exit_code
        == 0
    )


def test_ignore_removes_a_check(corpus: Path) -> None:
    result = run(
        "check",
        corpus,
        "--select",
        "TC1",
        "--ignore",
        "missing-version",
        "-f",
        "json",
        "-o",
        "r.json",
    )
    data = json.loads(Path("r.json").read_text(encoding="utf-8"))
    assert all(f["code"] != "TC100" for a in data["articles"] for f in a["findings"])
    assert data["settings"]["ignore"] == ["missing-version"]
    assert result.exit_code in (0, 1)  # other structure checks depend on the (fake) alignment


def test_select_keeps_only_named_checks(corpus: Path) -> None:
    run("check", corpus, "--select", "missing-version", "--reports-dir", "out")
    data = json.loads(Path("out/report.json").read_text(encoding="utf-8"))
    codes = {f["code"] for a in data["articles"] for f in a["findings"]}
    assert codes == {"TC100"}


def test_severity_override_from_config(corpus: Path) -> None:
    (corpus / "transcheck.toml").write_text(
        '[severity]\nmissing-version = "info"\n', encoding="utf-8"
    )
    result = run("check", corpus, "--select", "TC100", "--reports-dir", "out")
    assert result.exit_code == 0, result.output
    assert summary(Path("out/report.json"))["findings"] == {"error": 0, "warning": 0, "info": 1}
    assert (
        run("check", corpus, "--select", "TC100", "--fail-on", "info", "--no-reports").exit_code
        == 1
    )


def test_bad_config_exits_2(corpus: Path) -> None:
    (corpus / "transcheck.toml").write_text('languages = ["be"]\n', encoding="utf-8")
    result = run("check", corpus, "--no-reports")
    assert result.exit_code == 2
    assert "at least two languages" in result.output
    (corpus / "transcheck.toml").write_text(
        '[severity]\nmissing-version = "fatal"\n', encoding="utf-8"
    )
    assert run("check", corpus, "--no-reports").exit_code == 2


def test_usage_errors_exit_2(corpus: Path) -> None:
    result = run("check", corpus, "-f", "pdf")
    assert result.exit_code == 2 and "unknown format 'pdf'" in result.output
    assert run("check", corpus / "nope").exit_code == 2
    assert run("check", corpus, "-f", "json", "-o", "a.json", "-o", "b.json").exit_code == 2
    assert run("check", corpus, "-f", "github", "-o", "gh.txt").exit_code == 2
    assert (
        run("check", corpus, "-f", "sarif", "-o", "reports/report.json").exit_code == 2
    )  # clashes with json
    assert run("check", corpus, "--baseline", "missing.json").exit_code == 2


def test_several_formats_each_to_its_file(corpus: Path) -> None:
    result = run(
        "check",
        corpus,
        "--select",
        "TC100",
        "-f",
        "terminal",
        "-f",
        "sarif",
        "-f",
        "junit",
        "-f",
        "json",
        "-o",
        "x/out.sarif",
        "--reports-dir",
        "rep",
    )
    assert result.exit_code == 1
    sarif = json.loads(Path("x/out.sarif").read_text(encoding="utf-8"))
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["TC100"]
    uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"][
        "uri"
    ]
    assert uri == "content/news/b.be.md"
    junit = ET.parse("rep/report.junit.xml").getroot()
    assert [c.get("name") for c in junit.iter("testcase")] == ["news/a", "news/b"]
    assert summary(Path("rep/report.json"))["findings"]["error"] == 1
    assert "wrote sarif report to x/out.sarif" in result.output


def test_github_prints_to_stdout(corpus: Path) -> None:
    result = run("check", corpus, "--select", "TC100", "-f", "github", "--no-reports")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        "::error file=content/news/b.be.md,title=TC100 missing-version::"
        "news/b: no ru version (found: be, en) (the ru file does not exist)"
    )
    assert not Path("reports").exists()


def test_pre_commit_hook_runs_on_filenames(corpus: Path) -> None:
    """The hook's entry + args, given files of two articles, checks both whole articles."""
    import yaml

    hooks = yaml.safe_load(
        (Path(__file__).resolve().parents[1] / ".pre-commit-hooks.yaml").read_text("utf-8")
    )
    (hook,) = hooks
    assert hook["id"] == "transcheck" and hook["pass_filenames"] is True
    program, command = hook["entry"].split()
    assert program == "transcheck"
    files = [corpus / "news" / "a.ru.md", corpus / "news" / "b.en.md"]
    result = run(command, *hook["args"], "--select", "TC100", "-f", "github", *files)
    assert result.exit_code == 1
    assert "transcheck: 2 articles, 1 errors" in result.output
    assert not Path("reports").exists()
