"""Save a PNG screenshot of an HTML report (for the README): scripts/screenshot.py REPORT.html OUT.png

Uses Playwright from PyPI with the system Chromium (Debian package ``chromium``); it never
downloads a browser. Network is cut off: the report must be self-contained anyway.
"""

from __future__ import annotations

import argparse
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def screenshot(report: Path, out: Path, *, width: int = 1400, height: int = 900, dark: bool = False,
               full_page: bool = False, first_finding: bool = True, hide_info: bool = False) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height},
                                    color_scheme="dark" if dark else "light")
            page.route("http*://**", lambda route: route.abort())
            page.goto(report.resolve().as_uri())
            if hide_info:  # as a reader would: untick "info" in the severity filter
                page.uncheck('input[name="sev"][value="info"]')
            if first_finding:
                page.keyboard.press("j")  # jump to the first finding: shows side-by-side rows
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out), full_page=full_page)
        finally:
            browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--full-page", action="store_true")
    parser.add_argument("--top", action="store_true", help="do not jump to the first finding")
    parser.add_argument("--hide-info", action="store_true", help="untick the info severity filter first")
    args = parser.parse_args()
    screenshot(args.report, args.out, width=args.width, height=args.height, dark=args.dark,
               full_page=args.full_page, first_finding=not args.top, hide_info=args.hide_info)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
