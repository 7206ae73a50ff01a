"""Search loads nothing until opened, then only the page's language, and finds pages (issue #8)."""

from __future__ import annotations

import pytest

from tests.browser.fixtures_browser import PHONE

pytestmark = pytest.mark.browser


def requested_paths(page, site_url):
    paths = []
    page.on("request", lambda request: paths.append(request.url.removeprefix(site_url)))
    return paths


def test_a_page_view_fetches_no_search_code_and_no_index(phone, site_url):
    page = phone.new_page()
    paths = requested_paths(page, site_url)
    page.goto(f"{site_url}/ro/sante/", wait_until="networkidle")
    assert paths[0] == "/ro/sante/"
    assert not [path for path in paths if "search" in path], paths
    assert len(paths) <= 5, paths
    # The theme's icons come from the shared stylesheet, drawn as masks (parapluie/finish/bundle.py).
    masks = page.eval_on_selector_all(
        ".md-header svg, .parapluie-exit svg",
        "icons => icons.map(i => getComputedStyle(i).webkitMaskImage || getComputedStyle(i).maskImage)",
    )
    assert masks and all(mask.startswith("url(") for mask in masks), masks


def test_opening_search_loads_this_language_and_finds_pages(phone, site_url):
    page = phone.new_page()
    paths = requested_paths(page, site_url)
    page.goto(f"{site_url}/ro/sante/", wait_until="networkidle")
    page.click("label.md-header__button[for=__search]")
    page.fill(".md-search__input", "PrEP")
    page.wait_for_selector(".md-search-result__item")
    search = [path for path in paths if "search" in path]
    assert any(path.startswith("/assets/search.") for path in search), search
    assert "/ro/search/search_index.json" in search
    assert not any(path.startswith(("/fr/", "/en/", "/bg/", "/es/")) for path in search), search
    links = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
    assert links and all(link.startswith(f"{site_url}/ro/") for link in links), links
    assert page.locator(".md-search-result__item mark").count() > 0
    page.click(".md-search-result__link >> nth=0")
    page.wait_for_load_state()
    assert page.url.startswith(f"{site_url}/ro/")


def test_search_ignores_accents_and_says_when_nothing_matches(phone, site_url):
    page = phone.new_page()
    page.goto(f"{site_url}/fr/", wait_until="networkidle")
    page.click("label.md-header__button[for=__search]")
    page.fill(".md-search__input", "depistage")  # the pages write « dépistage »
    page.wait_for_selector(".md-search-result__item")
    assert "pistage" in page.inner_text(".md-search-result__list").lower()
    page.fill(".md-search__input", "zzzqqq")
    page.wait_for_function("!document.querySelector('.md-search-result__item')")
    assert page.inner_text(".md-search-result__meta").strip() != ""


def test_without_javascript_the_search_box_is_hidden_and_pages_still_work(browser, site_url):
    context = browser.new_context(**PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}/fr/sante/")
        assert not page.is_visible(".md-search")
        assert not page.is_visible("label.md-header__button[for=__search]")
        assert page.is_visible(".parapluie-exit__button")
    finally:
        context.close()


def test_phone_search_covers_the_page_without_sideways_scroll_and_gives_the_place_back(phone, site_url):
    page = phone.new_page()
    page.goto(f"{site_url}/fr/sante/", wait_until="networkidle")
    page.evaluate("window.scrollTo(0, 600)")
    page.evaluate("document.querySelector('label.md-header__button[for=__search]').click()")
    page.wait_for_timeout(400)
    assert page.evaluate("document.body.hasAttribute('data-md-scrolllock')")
    assert page.evaluate("document.documentElement.scrollWidth") == page.evaluate("innerWidth")
    page.evaluate("document.querySelector('label.md-search__icon[for=__search]').click()")
    page.wait_for_timeout(200)
    assert page.evaluate("[document.body.hasAttribute('data-md-scrolllock'), Math.round(scrollY)]") == [False, 600]
