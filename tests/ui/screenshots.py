"""Screenshots of the main pages at a laptop and a phone width, for the README.

    python -m tests.ui.screenshots [OUTPUT_DIR]      (default: docs/screenshots)

Runs the app on 127.0.0.1 over the small test gazetteer, signs in, makes one edit (so history has
a diff) and photographs each page with Debian's Chromium.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from playwright.sync_api import expect, sync_playwright

from tests.ui.live import Live, launch, live_server

ROOT = Path(__file__).resolve().parents[2]
WIDTHS = {"laptop": (1280, 800), "phone": (390, 844)}
PARAGRAPH = ("Ngoại trưởng Vương Nghị đã hội đàm với Chủ tịch Tập Cận Bình tại Bắc Kinh. "
             "Hãng TTXVN đưa tin Nhật Bản và Hàn Quốc vẫn tranh chấp Takeshima (Dokdo).")


def prepare(page: Any, live: Live) -> None:
    page.goto("/ui/signin")
    page.fill("#token", live.token)
    page.click("#signin button[type=submit]")
    page.wait_for_url("**/ui/")
    page.goto("/ui/entity/wang-yi/edit")
    page.fill("#f-description", "Chinese diplomat, Minister of Foreign Affairs since 2023")
    page.fill("#names-new-text", "Vuong Nghi")
    page.select_option("#names-new-kind", "misspelling")
    page.click("#edit button[type=submit]")
    page.wait_for_url("**/ui/entity/wang-yi")


def shoot(page: Any, out: Path, name: str, size: str) -> None:
    page.screenshot(path=str(out / f"{name}-{size}.png"), full_page=True)


def pages(page: Any, out: Path, size: str) -> None:
    page.goto("/ui/")
    page.fill("#search input[name=q]", "Vương")
    expect(page.locator("#results li")).to_have_count(1)  # the script's results replaced the list
    shoot(page, out, "search", size)
    for name, url in (("entity", "/ui/entity/wang-yi"), ("edit", "/ui/entity/wang-yi/edit"),
                      ("history", "/ui/entity/wang-yi/history"), ("review", "/ui/review"),
                      ("merge-preview", "/ui/entity/xi-jinping/merge?into=wang-yi")):
        page.goto(url)
        shoot(page, out, name, size)
    page.goto("/ui/try?q=Ngo%E1%BA%A1i+tr%C6%B0%E1%BB%9Fng+V%C6%B0%C6%A1ng+Ngh%E1%BB%8B")
    page.fill("#extract textarea", PARAGRAPH)
    page.click("#extract button")
    page.wait_for_selector("#extraction")
    shoot(page, out, "try-it", size)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    # ignore_cleanup_errors: a worker's index refresher may still touch the database as it ends
    with (tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp, live_server(Path(tmp)) as live,
          sync_playwright() as pw):
        browser = launch(pw)
        for size, (width, height) in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": height}, base_url=live.url,
                                          device_scale_factor=1)
            page = context.new_page()
            if size == "laptop":
                prepare(page, live)
            else:
                page.goto("/ui/signin")
                page.fill("#token", live.token)
                page.click("#signin button[type=submit]")
                page.wait_for_url("**/ui/")
            pages(page, out, size)
            context.close()
        browser.close()
    print(f"screenshots written to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
