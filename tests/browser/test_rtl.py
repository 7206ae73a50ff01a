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
        page.goto(f"{url}/fa/")
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


def test_phone_numbers_read_left_to_right_in_right_to_left_pages(browser, rtl_built):
    """In an Arabic page a number keeps its groups in order ("+32 2 534 36 36", not "36 36 534 2 +32")."""
    url, server = start_server(rtl_built.site)
    try:
        context = browser.new_context(**PHONE)
        page = context.new_page()
        page.goto(f"{url}/fa/annuaire/utsopi/")
        order = page.evaluate(
            r"""() => {
                const link = document.querySelector('.md-content a[href^="tel:"]');
                const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
                let text = walker.nextNode();
                while (text && !/\d \d/.test(text.data)) text = walker.nextNode();
                const box = (start) => {
                    const range = document.createRange();
                    range.setStart(text, start); range.setEnd(text, start + 1);
                    return range.getBoundingClientRect().left;
                };
                return {direction: getComputedStyle(link).direction,
                        page: getComputedStyle(link.parentElement).direction,
                        firstLeftOfLast: box(0) < box(text.length - 1)};
            }"""
        )
        assert order == {"direction": "ltr", "page": "rtl", "firstLeftOfLast": True}
        context.close()
    finally:
        server.shutdown()
