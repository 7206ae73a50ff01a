"""Search costs a page nothing until it is opened (issues #8 and #16): no markup but an empty box with its
strings, no rule in the shared stylesheet, no request; opening it fetches its stylesheet and script (and
then only the page's language's index), builds the dialog, and finds pages."""

from __future__ import annotations

import re

import pytest

from parapluie.finish.bundle import SEARCH_ICONS, is_search_selector, split_css
from tests.browser.fixtures_browser import PHONE
from tests.fixtures_project import ROOT

in_chromium = pytest.mark.browser

# The header's search button: the theme's <label>, which the loader replaces with a <button> (same class).
OPEN_BUTTON = ".md-header__button[for=__search]"
SEARCH_FILES = re.compile(r"/assets/search\.[0-9a-f]{8}\.min\.(css|js)$")
# The dialog is on screen: its field painted (it shows only once its stylesheet has loaded).
MASKS = "icons => icons.map(i => getComputedStyle(i).webkitMaskImage || getComputedStyle(i).maskImage)"
DIALOG_SHOWN = "() => { const i = document.querySelector('.md-search__input'); return !!i && i.offsetWidth > 0; }"


def test_split_css_moves_the_chosen_selectors_with_their_declarations_and_media_in_order():
    css = (
        ":root{--a:1}.md-search,.md-nav{top:0}.md-nav{left:0}"
        "@media screen and (min-width:60em){.md-search__inner{width:1px}.md-grid{margin:0}}"
        "@media print{.md-nav{display:none}}@keyframes spin{to{transform:rotate(1turn)}}"
        "[data-md-toggle=search]:checked~.md-header .md-search__inner{width:100%}"
    )
    kept, moved = split_css(css, is_search_selector)
    assert kept == (
        ":root{--a:1}.md-nav{top:0}.md-nav{left:0}@media screen and (min-width:60em){.md-grid{margin:0}}"
        "@media print{.md-nav{display:none}}@keyframes spin{to{transform:rotate(1turn)}}"
    )
    assert moved == (
        ".md-search{top:0}@media screen and (min-width:60em){.md-search__inner{width:1px}}"
        "[data-md-toggle=search]:checked~.md-header .md-search__inner{width:100%}"
    )


def test_only_what_an_opened_search_needs_leaves_the_shared_stylesheet():
    for selector in (
        ".md-search__overlay",
        "[dir=rtl] .md-search__icon[for=__search] svg",
        "[data-md-toggle=search]:checked~.md-header .md-header__option",
        ".md-header__button[for=__search]",  # the theme hides it on wide screens, for the built dialog's field
    ):
        assert is_search_selector(selector), selector
    for selector in (
        ".no-js .md-header__button[for=__search]",  # without JavaScript, no search: the button stays hidden
        "[dir=rtl] .md-header__button[for=__search] svg",
        ".md-header__button",
        "[data-md-toggle=drawer]:checked~.md-container",
    ):
        assert not is_search_selector(selector), selector


def test_the_build_puts_search_in_its_own_files_and_pages_carry_only_its_box(built):
    assets = built.site / "assets"
    [shared] = assets.glob("parapluie.*.min.css")
    [search_css] = assets.glob("search.*.min.css")
    [main] = assets.glob("parapluie.*.min.js")
    [search_js] = assets.glob("search.*.min.js")
    shared_text, search_text = shared.read_text(encoding="utf-8"), search_css.read_text(encoding="utf-8")
    assert "md-search" not in shared_text and "data-md-toggle=search" not in shared_text
    assert ".md-search__inner" in search_text and "[dir=rtl] .md-search__input" in search_text
    for name in SEARCH_ICONS:  # the dialog's own icons, drawn with the classes search.js gives them
        assert f'.{name}{{--parapluie-icon:url("data:image/svg+xml,' in search_text, name
        assert f'"{name}"' in search_js.read_text(encoding="utf-8"), name
    # The quick exit's and header's icons are drawn by each page's <style>, for every width: not twice.
    assert "--parapluie-icon:url(" not in shared_text
    main_text = main.read_text(encoding="utf-8")
    assert f'"{search_css.name}"' in main_text and f'"{search_js.name}"' in main_text
    html = (built.site / "fr" / "sante" / "index.html").read_text(encoding="utf-8")
    [box] = re.findall(r'<div class="md-search" hidden [^>]*></div>', html)
    for string in ("data-index=", "data-label=", "data-placeholder=", "data-start=", "data-none=", "data-failed="):
        assert string in box, string
    assert "md-search__" not in html
    style = re.search(r"<style>(.*?)</style>", html, re.DOTALL).group(1)
    media_end = style.rindex("}}") + 2  # the first screen's rules end there; the icons come after, for every width
    assert "--parapluie-icon" not in style[:media_end] and "--parapluie-icon:url(" in style[media_end:]


def test_the_loader_and_search_script_come_from_the_components(built):
    main = next((built.site / "assets").glob("parapluie.*.min.js")).read_text(encoding="utf-8")
    assert "@@PARAPLUIE_SEARCH" not in main
    source = (ROOT / "components/search/search.js").read_text(encoding="utf-8")
    assert "innerHTML" not in source and "insertAdjacentHTML" not in source  # strings are text, never markup


def requested_paths(page, site_url):
    paths = []
    page.on("request", lambda request: paths.append(request.url.removeprefix(site_url)))
    return paths


@in_chromium
def test_a_page_view_fetches_no_search_code_and_opening_fetches_its_stylesheet_and_script(phone, site_url):
    page = phone.new_page()
    paths = requested_paths(page, site_url)
    page.goto(f"{site_url}/ro/sante/", wait_until="networkidle")
    assert paths[0] == "/ro/sante/"
    assert not [path for path in paths if "search" in path], paths
    assert len(paths) <= 5, paths
    assert page.locator(".md-search").get_attribute("hidden") == ""
    # The theme's icons come from the page's <style>, drawn as masks (parapluie/finish/bundle.py).
    masks = page.eval_on_selector_all(".md-header svg, .parapluie-exit svg", MASKS)
    assert masks and all(mask.startswith("url(") for mask in masks), masks
    seen = len(paths)
    page.click(OPEN_BUTTON)
    page.wait_for_function(DIALOG_SHOWN)
    fetched = sorted(SEARCH_FILES.search(path).group(1) for path in paths[seen:] if SEARCH_FILES.search(path))
    assert fetched == ["css", "js"], paths[seen:]
    masks = page.eval_on_selector_all(".md-search svg", MASKS)
    assert len(masks) == 3 and all(mask.startswith("url(") for mask in masks), masks


@in_chromium
def test_opening_search_loads_this_language_and_finds_pages(phone, site_url):
    page = phone.new_page()
    paths = requested_paths(page, site_url)
    page.goto(f"{site_url}/ro/sante/", wait_until="networkidle")
    page.click(OPEN_BUTTON)
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


@in_chromium
def test_search_ignores_accents_and_says_when_nothing_matches(phone, site_url):
    page = phone.new_page()
    page.goto(f"{site_url}/fr/", wait_until="networkidle")
    page.click(OPEN_BUTTON)
    assert page.inner_text(".md-search-result__meta").strip() != ""  # "type to start", in the page's language
    page.fill(".md-search__input", "depistage")  # the pages write « dépistage »
    page.wait_for_selector(".md-search-result__item")
    assert "pistage" in page.inner_text(".md-search-result__list").lower()
    page.fill(".md-search__input", "zzzqqq")
    page.wait_for_function("() => !document.querySelector('.md-search-result__item')")
    assert page.inner_text(".md-search-result__meta").strip() != ""


@in_chromium
def test_the_keyboard_opens_search_types_goes_to_a_result_and_escape_closes(phone, site_url):
    page = phone.new_page()
    page.goto(f"{site_url}/fr/", wait_until="networkidle")
    for _ in range(12):  # the header's button is in the tab order, named
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.md-header__button[for=__search]')"):
            break
    focused = page.evaluate("[document.activeElement.tagName, document.activeElement.ariaLabel]")
    assert focused == ["BUTTON", "Recherche"]
    page.keyboard.press("Enter")
    page.wait_for_function(DIALOG_SHOWN)
    page.wait_for_function("() => document.activeElement.matches('.md-search__input')")
    page.keyboard.type("depistage")
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("Escape")
    closed = f"[document.getElementById('__search').checked, document.activeElement.matches('{OPEN_BUTTON}')]"
    assert page.evaluate(closed) == [False, True]  # the focus is back on the header's button
    assert not page.evaluate("document.body.hasAttribute('data-md-scrolllock')")
    page.wait_for_function("() => document.querySelector('.md-search__inner').getBoundingClientRect().width === 0")
    page.keyboard.press(" ")  # opens again, the dialog already built
    page.wait_for_function("() => document.activeElement.matches('.md-search__input')")
    page.keyboard.press("Enter")  # the first result
    page.wait_for_url(re.compile(r"/fr/.+/"))


@in_chromium
def test_the_dialog_waits_for_its_stylesheet_and_a_failed_load_closes_search(phone, site_url):
    page = phone.new_page()
    page.goto(f"{site_url}/fr/sante/", wait_until="networkidle")
    page.route("**/assets/search.*.min.css", lambda route: route.abort())
    # Tapped, the button dims at once while search loads.
    assert (
        page.evaluate(
            f"() => {{ const b = document.querySelector('{OPEN_BUTTON}'); b.click(); return b.style.opacity; }}"
        )
        == "0.5"
    )
    dimmed = f"() => document.querySelector('{OPEN_BUTTON}').style.opacity"
    # The script has loaded and built the dialog, but without its stylesheet nothing shows, and search closes.
    page.wait_for_function("() => !document.getElementById('__search').checked")
    assert page.evaluate("document.querySelector('.md-search').hidden")
    assert not page.evaluate("document.body.hasAttribute('data-md-scrolllock')")
    assert page.evaluate(dimmed) == ""  # dimmed while loading, then back
    page.unroute("**/assets/search.*.min.css")
    page.click(OPEN_BUTTON)  # the next opening tries again
    page.wait_for_function(DIALOG_SHOWN)
    page.fill(".md-search__input", "depistage")
    page.wait_for_selector(".md-search-result__item")
    assert page.locator(".md-search__form").count() == 1  # built once


@in_chromium
def test_without_javascript_the_search_box_is_hidden_and_pages_still_work(browser, site_url):
    context = browser.new_context(**PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}/fr/sante/")
        assert not page.is_visible(".md-search")
        assert not page.is_visible(OPEN_BUTTON)
        assert page.is_visible(".parapluie-exit__button")
    finally:
        context.close()


@in_chromium
def test_phone_search_covers_the_page_without_sideways_scroll_and_gives_the_place_back(phone, site_url):
    page = phone.new_page()
    page.goto(f"{site_url}/fr/sante/", wait_until="networkidle")
    page.evaluate("window.scrollTo(0, 600)")
    page.evaluate(f"document.querySelector('{OPEN_BUTTON}').click()")
    page.wait_for_function(DIALOG_SHOWN)
    page.wait_for_timeout(400)
    assert page.evaluate("document.body.hasAttribute('data-md-scrolllock')")
    assert page.evaluate("document.documentElement.scrollWidth") == page.evaluate("innerWidth")
    page.evaluate("document.querySelector('label.md-search__icon[for=__search]').click()")
    page.wait_for_timeout(200)
    assert page.evaluate("[document.body.hasAttribute('data-md-scrolllock'), Math.round(scrollY)]") == [False, 600]


@in_chromium
def test_on_a_wide_screen_the_header_button_opens_the_field_the_theme_shows_there(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(f"{site_url}/fr/", wait_until="networkidle")
        assert page.is_visible(OPEN_BUTTON)  # until search is built, the button is the way in
        page.click(OPEN_BUTTON)
        page.wait_for_function(DIALOG_SHOWN)
        page.fill(".md-search__input", "depistage")
        page.wait_for_selector(".md-search-result__item")
        assert not page.is_visible(OPEN_BUTTON)  # then the theme's field takes its place
    finally:
        context.close()


@in_chromium
def test_right_to_left_search_is_laid_out_right_to_left(browser, rtl_built):
    from devtools.localserver import start_server

    url, server = start_server(rtl_built.site)
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        page.goto(f"{url}/fa/", wait_until="networkidle")
        page.click(OPEN_BUTTON)
        page.wait_for_function(DIALOG_SHOWN)
        page.fill(".md-search__input", "depistage")  # its pages are the French ones, marked
        page.wait_for_selector(".md-search-result__item")
        layout = page.evaluate("""() => {
          const box = (s) => document.querySelector(s).getBoundingClientRect();
          const input = getComputedStyle(document.querySelector('.md-search__input'));
          return {back: box('label.md-search__icon').left, reset: box('.md-search__options').left,
                  inner: box('.md-search__inner').width, wide: innerWidth,
                  padding: [parseFloat(input.paddingRight), parseFloat(input.paddingLeft)],
                  flipped: getComputedStyle(document.querySelector('.parapluie-i-back')).transform};
        }""")
        assert layout["back"] > layout["reset"], layout  # back on the right, clear on the left
        assert layout["inner"] == layout["wide"], layout
        assert layout["padding"][0] > layout["padding"][1], layout
        assert layout["flipped"] != "none", layout  # the arrow points right, the way back in RTL
        links = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
        assert links and all(link.startswith(f"{url}/fa/") for link in links), links
    finally:
        context.close()
        server.shutdown()


@in_chromium
def test_the_quick_exit_stays_on_top_and_works_while_search_is_open(browser, exit_site, stand_in):
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        page.goto(f"{exit_site}/fr/sante/", wait_until="networkidle")
        page.click(OPEN_BUTTON)
        page.wait_for_function(DIALOG_SHOWN)
        page.fill(".md-search__input", "depistage")
        page.wait_for_selector(".md-search-result__item")
        uncovered = page.evaluate("""() => {
          const button = document.querySelector('.parapluie-exit__button'), box = button.getBoundingClientRect();
          return button.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2));
        }""")
        assert uncovered
        seen = len(stand_in.requests)
        page.locator(".parapluie-exit__button").click()
        page.wait_for_url(stand_in.url)
        assert "referer" not in stand_in.requests[seen]
    finally:
        context.close()


@in_chromium
def test_the_open_dialog_has_no_accessibility_violation(phone, site_url):
    from axe_playwright_python.sync_playwright import Axe

    page = phone.new_page()
    page.goto(f"{site_url}/fr/sante/", wait_until="networkidle")
    page.click(OPEN_BUTTON)
    page.wait_for_function(DIALOG_SHOWN)
    page.fill(".md-search__input", "depistage")
    page.wait_for_selector(".md-search-result__item")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
