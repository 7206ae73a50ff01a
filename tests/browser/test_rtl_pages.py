"""Every right-to-left language of the site (Arabic) in Chromium at 320 and 390 px: laid out right to
left, the quick exit first and mirrored, nothing wider than the screen, no accessibility violation."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

PAGE_TYPES = ("", "sante/", "annuaire/", "annuaire/cpvs-liege/", "outils/ami/")


def rtl_codes(built) -> list[str]:
    return [language.code for language in built.registry.languages if language.direction == "rtl"]


@pytest.mark.parametrize("width", [320, 390])
def test_right_to_left_pages_fit_and_pass_axe(browser, built, site_url, width):
    codes = rtl_codes(built)
    for code in codes:
        context = browser.new_context(viewport={"width": width, "height": 740}, is_mobile=True, has_touch=True)
        page = context.new_page()
        for path in PAGE_TYPES:
            if not (built.site / code / path / "index.html").is_file():
                continue
            page.goto(f"{site_url}/{code}/{path}", wait_until="networkidle")
            where = f"/{code}/{path} at {width} px"
            assert page.evaluate("getComputedStyle(document.documentElement).direction") == "rtl", where
            assert page.evaluate("document.documentElement.scrollWidth") <= width, where
            # The quick exit is the first thing a keyboard reaches, and its button sits on the right.
            page.keyboard.press("Tab")
            assert page.evaluate("document.activeElement.hasAttribute('data-quick-exit')"), where
            button = page.locator(".parapluie-exit__button").bounding_box()
            safety = page.locator(".parapluie-exit__safety").bounding_box()
            assert button["x"] > safety["x"], where
            results = Axe().run(page)
            assert results.violations_count == 0, f"{where}\n{results.generate_report()}"
        context.close()
