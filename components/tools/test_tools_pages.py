"""The tools pages (issue #18) on a small phone: 320 px, keyboard, screen reader (axe), right to left, offline."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from components.tools import photos
from devtools.localserver import start_server

pytestmark = pytest.mark.browser

TOOL_PAGES = ["outils/", "outils/photo/", "outils/retrait/", "outils/ami/"]
SMALL_PHONE = {
    "viewport": {"width": 320, "height": 640},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}


@pytest.fixture
def small(browser):
    """A 320 px wide phone."""
    context = browser.new_context(**SMALL_PHONE)
    yield context
    context.close()


def overflow(page) -> int:
    """How many CSS pixels the page is wider than the screen (0: nothing to scroll sideways)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


@pytest.mark.parametrize("code", ["fr", "bg"])
@pytest.mark.parametrize("path", TOOL_PAGES)
def test_tool_pages_fit_320_px_and_have_no_accessibility_violation(small, site_url, code, path):
    page = small.new_page()
    page.goto(f"{site_url}/{code}/{path}", wait_until="networkidle")
    if path == "outils/photo/":  # with a photo loaded, every control is on screen
        page.set_input_files(
            '[data-tool="photo-input"]',
            files=[{"name": "p.jpg", "mimeType": "image/jpeg", "buffer": photos.encode(photos.halves(900, 600))}],
        )
        page.wait_for_selector('a[data-tool="photo-output"][href^="blob:"]')
    assert overflow(page) == 0
    if path != "outils/":
        assert page.is_visible(".parapluie-tool[data-tool]") and not page.is_visible("[data-tool-needs-script]")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("path", ["outils/photo/", "outils/retrait/", "outils/ami/"])
def test_without_javascript_the_page_says_the_tool_needs_it(browser, site_url, path):
    context = browser.new_context(**SMALL_PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/fr/{path}")
    assert page.is_visible("[data-tool-needs-script]") and not page.is_visible(".parapluie-tool[data-tool]")
    context.close()


def test_the_friend_form_works_with_the_keyboard_alone(small, site_url):
    page = small.new_page()
    page.goto(f"{site_url}/fr/outils/ami/", wait_until="networkidle")
    page.focus("#friend-client")
    page.keyboard.type("Marc")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "friend-place"
    page.focus("#friend-number")
    page.keyboard.type("0470123456")
    page.keyboard.press("Tab")  # the message is ready: the next stop is "Open in SMS"
    assert page.evaluate("document.activeElement.dataset.tool") == "friend-sms"
    assert "Marc" in page.inner_text('[data-tool="friend-preview"]')
    assert page.get_attribute('[data-tool="friend-sms"]', "href").startswith("sms:+32470123456?body=")


def test_tools_lay_out_right_to_left_in_arabic(browser, rtl_built):
    url, server = start_server(rtl_built.site)
    try:
        context = browser.new_context(**SMALL_PHONE)
        page = context.new_page()
        for path in TOOL_PAGES:
            page.goto(f"{url}/fa/{path}", wait_until="networkidle")
            assert page.evaluate("getComputedStyle(document.documentElement).direction") == "rtl", path
            assert overflow(page) == 0, path
        page.goto(f"{url}/fa/sante/", wait_until="networkidle")
        assert page.locator(".parapluie-listen").count() == 1
        context.close()
    finally:
        server.shutdown()


def test_the_photo_tool_works_from_the_offline_copy(browser, site_url):
    from devtools.chromium import PHONE

    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(f"{site_url}/ro/", wait_until="networkidle")
    page.click(".parapluie-offline [data-action=ask]")
    page.click(".parapluie-offline [data-action=save]")
    page.wait_for_selector(".parapluie-offline [data-action=remove]", state="visible", timeout=60_000)
    context.set_offline(True)
    for path in TOOL_PAGES:
        assert page.goto(f"{site_url}/ro/{path}").ok, path
    page.goto(f"{site_url}/ro/outils/photo/")
    page.set_input_files(
        '[data-tool="photo-input"]',
        files=[{"name": "p.jpg", "mimeType": "image/jpeg", "buffer": photos.encode(photos.halves(60, 40))}],
    )
    page.wait_for_selector('a[data-tool="photo-output"][href^="blob:"]')
    assert photos.CAMERA_MODEL in page.inner_text('[data-tool="photo-found"]')
    context.set_offline(False)
    page.goto(f"{site_url}/ro/", wait_until="networkidle")
    page.click(".parapluie-offline [data-action=remove]")
    page.wait_for_selector(".parapluie-offline [data-action=ask]", state="visible")
    context.close()
