"""The quick exit, in a phone-sized Chromium: on every page, first, visible, uncovered, and it leaves
without a referrer and without a way Back; Shift pressed three times does the same."""

from __future__ import annotations

import pytest

from tests.browser.fixtures_browser import PHONE
from tests.browser.test_pages import page_url

pytestmark = pytest.mark.browser

VISIBLE_AND_UNCOVERED = """() => {
  const button = document.querySelector('.parapluie-exit__button[data-quick-exit]');
  const box = button.getBoundingClientRect();
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  const hit = document.elementFromPoint(x, y);
  return {
    top: box.top, bottom: box.bottom, height: box.height, width: box.width,
    viewport: [innerWidth, innerHeight], uncovered: hit === button || button.contains(hit),
  };
}"""


def check_exit_link(page, url: str) -> None:
    """First in tab order, a real link, visible and uncovered after scrolling to the bottom."""
    page.goto(url)
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => [document.activeElement.hasAttribute('data-quick-exit'), document.activeElement.href]"
    )
    assert focused[0], f"{url}: the first Tab stop is not the quick exit"
    assert page.locator("body > :first-child > [data-quick-exit]:first-child").count() == 1, url
    page.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)")
    box = page.evaluate(VISIBLE_AND_UNCOVERED)
    assert box["uncovered"], f"{url}: something covers the quick exit"
    assert box["top"] >= 0 and box["bottom"] <= box["viewport"][1], f"{url}: the quick exit scrolled away"
    assert box["height"] >= 44, f"{url}: the quick exit is {box['height']} px tall"
    assert box["width"] >= 0.8 * box["viewport"][0], f"{url}: the quick exit is not (nearly) full width on a phone"


def test_every_page_of_every_language_has_the_exit_first_visible_and_uncovered(phone, site_url, built):
    page = phone.new_page()
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    for code in built.registry.codes:
        for name in built.pages:
            check_exit_link(page, page_url(site_url, code, name))
    assert errors == [], errors  # a CSP violation is a console error


def test_root_pages_have_the_exit_too(phone, site_url):
    page = phone.new_page()
    for path in ("/404.html", "/no-such-page/"):
        page.goto(site_url + path)
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.hasAttribute('data-quick-exit')"), path


def test_exit_leaves_without_referrer_and_without_a_way_back(browser, exit_site, stand_in):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(f"{exit_site}/fr/")
    page.goto(f"{exit_site}/fr/sante/")
    seen = len(stand_in.requests)
    page.locator(".parapluie-exit__button").click()
    page.wait_for_url(stand_in.url)
    assert "referer" not in stand_in.requests[seen], stand_in.requests[seen]
    page.go_back()
    assert page.url == f"{exit_site}/fr/", "Back returned to the page that was left"
    context.close()


def test_page_is_blanked_at_once_while_the_destination_loads(browser, exit_site, stand_in):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(f"{exit_site}/ro/sante/")
    # The destination answers slowly, as on a slow network; the page must be hidden at once,
    # in the same task as the click, before anything of the next page arrives.
    stand_in.delay = 1.0
    state = page.evaluate(
        """() => {
          document.querySelector('.parapluie-exit__button').click();
          return [document.documentElement.classList.contains('parapluie-exiting'),
                  getComputedStyle(document.body).visibility];
        }"""
    )
    assert state == [True, "hidden"]
    page.wait_for_url(stand_in.url)
    stand_in.delay = 0
    context.close()


def test_shift_three_times_leaves_and_is_announced(browser, exit_site, stand_in):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(f"{exit_site}/fr/")
    page.goto(f"{exit_site}/fr/droits/")
    page.keyboard.press("Shift")
    assert "1" in page.locator(".parapluie-exit__status").inner_text()
    page.keyboard.press("Shift")
    seen = len(stand_in.requests)
    page.keyboard.press("Shift")
    page.wait_for_url(stand_in.url)
    assert "referer" not in stand_in.requests[seen]
    page.go_back()
    assert page.url == f"{exit_site}/fr/"
    context.close()


def test_shift_with_another_key_does_not_count(browser, exit_site):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    url = f"{exit_site}/fr/droits/"
    page.goto(url)
    for _ in range(3):
        page.keyboard.press("Shift+A")
    page.wait_for_timeout(1000)
    assert page.url == url
    assert not page.evaluate("() => document.documentElement.classList.contains('parapluie-exiting')")
    context.close()


def test_exit_works_without_javascript_and_sends_no_referrer(browser, exit_site, stand_in):
    context = browser.new_context(**PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{exit_site}/ro/sante/")
    seen = len(stand_in.requests)
    page.locator(".parapluie-exit__button").click()
    page.wait_for_url(stand_in.url)
    assert "referer" not in stand_in.requests[seen]
    context.close()


def test_search_runs_without_csp_violation(phone, site_url):
    page = phone.new_page()
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(f"{site_url}/fr/", wait_until="networkidle")
    page.locator(".md-header__button[for='__search']").click()
    page.locator("input.md-search__input").press_sequentially("préservatifs", delay=30)
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    assert errors == [], errors
