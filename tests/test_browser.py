"""The HTML report in a real browser (system Chromium via Playwright from PyPI).

Opened from disk like a user would: side-by-side rows render, filters work, the hostile
article runs nothing (no dialog, no handler, no flag) and nothing leaves the machine.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from report_samples import sample_result

from transcheck.report import html as html_report

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "test-artifacts"
sys.path.insert(0, str(REPO / "scripts"))
from screenshot import CHROMIUM, CHROMIUM_ARGS


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: apt-get install -y chromium")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def opened(browser: Any, tmp_path: Path) -> Iterator[tuple[Any, dict[str, list[str]]]]:
    report = tmp_path / "report.html"
    report.write_text(html_report.render(sample_result()), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(5000)
    seen: dict[str, list[str]] = {"requests": [], "dialogs": [], "errors": [], "console": []}
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.on("pageerror", lambda exc: seen["errors"].append(str(exc)))
    page.on("console", lambda m: seen["console"].append(f"{m.type}: {m.text}"))
    page.goto(report.as_uri())
    page.wait_for_load_state("load")
    yield page, seen
    page.close()


def test_hostile_article_runs_nothing_and_loads_nothing(opened: tuple[Any, dict[str, list[str]]]) -> None:
    page, seen = opened
    page.locator("#a1 summary").scroll_into_view_if_needed()
    page.keyboard.press("j")
    page.wait_for_timeout(200)
    assert page.evaluate("window.__pwned") is None
    assert seen["dialogs"] == []
    assert seen["errors"] == []
    # A CSP violation (e.g. a wrong hash blocking our own script) shows up as a console error.
    assert [m for m in seen["console"] if m.startswith("error")] == []
    assert all(url.startswith(("file:", "data:")) for url in seen["requests"]), seen["requests"]
    assert page.locator("img, svg, iframe").count() == 0
    # The hostile title is shown as text.
    assert "<script>window.__pwned=1" in page.locator("#a1-h").inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-hostile.png"), full_page=True)


def test_side_by_side_rows_and_severity_filter(opened: tuple[Any, dict[str, list[str]]]) -> None:
    page, _ = opened
    assert page.locator("#a0 tr.arow").count() == 4
    assert page.locator("#a0-r2 td").count() == 3
    assert page.locator("#a0-r2 td.empty").get_attribute("data-lang") == "en"
    assert page.locator("#a0-r2 td.empty").is_visible()
    # Script ran: the status line was filled in.
    assert "3 of 3 articles" in page.locator("#status").inner_text()

    index_rows = page.locator("#index tbody tr")
    assert index_rows.count() == 3 and all(index_rows.nth(i).is_visible() for i in range(3))
    # Only info findings: the article with an error and a warning only disappears.
    page.uncheck("input[name=sev][value=error]")
    page.uncheck("input[name=sev][value=warning]")
    assert not page.locator('#index tr[data-article="a0"]').is_visible()
    assert not page.locator("#a0").is_visible()
    assert page.locator('#index tr[data-article="a1"]').is_visible()
    assert not page.locator('#a1 li[data-check="TC101"]').is_visible()
    assert "1 of 3 articles, 1 findings shown" in page.locator("#status").inner_text()
    page.check("input[name=sev][value=error]")
    page.check("input[name=sev][value=warning]")
    assert page.locator("#a0").is_visible()

    # Check filter and "only rows with findings"
    page.select_option("#check", "TC301")
    assert page.locator("#a0").is_visible() and not page.locator("#a1").is_visible()
    page.check("#only")
    assert page.locator("#a0 tr.arow:visible").count() == 1
    page.select_option("#check", "")
    page.uncheck("#only")

    # Search narrows to articles whose text matches (Cyrillic, case-insensitive).
    page.fill("#q", "БРЮССЕЛЕ")
    assert page.locator("#a0").is_visible() and not page.locator("#a2").is_visible()
    page.fill("#q", "")
    page.keyboard.press("Escape")  # leaves the search box: keys navigate again

    # j jumps to the next finding and opens its explanation on click.
    page.keyboard.press("j")
    current = page.locator("li.finding.current")
    assert current.get_attribute("data-check") == "TC101"
    current.locator("button.why").click()
    assert page.locator("#help-TC101").is_visible()
    page.keyboard.press("Escape")

    # Sorting the index by errors, descending.
    page.click('#index button[data-sort="error"]')
    first = page.locator("#index tbody tr").first.get_attribute("data-error")
    assert first == "1"
    page.click('#index button[data-sort="name"]')
    names = page.locator("#index tbody tr").evaluate_all("rows => rows.map(r => r.dataset.name)")
    assert names == sorted(names)

    # Theme toggle
    page.click("#theme")
    assert page.evaluate("document.documentElement.dataset.theme") == "light"
    page.click("#theme")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-dark.png"))
