"""A right-to-left language renders right to left in a real browser (Arabic fixture language)."""

from __future__ import annotations

import pytest

from devtools.localserver import start_server
from tests.browser.fixtures_browser import PHONE

pytestmark = pytest.mark.browser


def test_rtl_page_is_laid_out_right_to_left(browser, rtl_built):
    url, server = start_server(rtl_built.site)
    try:
        context = browser.new_context(**PHONE)
        page = context.new_page()
        page.goto(f"{url}/ar/")
        directions = page.evaluate(
            """() => [getComputedStyle(document.documentElement).direction,
                      getComputedStyle(document.querySelector('.parapluie-notice')).direction,
                      getComputedStyle(document.querySelector('div[lang=fr]')).direction]"""
        )
        assert directions == ["rtl", "rtl", "ltr"]  # the page, its notice, and the French fallback text
        # The header's menu button sits on the right in a right-to-left layout.
        menu = page.locator("label.md-header__button[for='__drawer']").bounding_box()
        assert menu["x"] > PHONE["viewport"]["width"] / 2
        context.close()
    finally:
        server.shutdown()
