"""Every page of two languages in a phone-sized Chromium: same-origin only, no error, no storage."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.fixtures_browser import PHONE

pytestmark = pytest.mark.browser

BROWSED_LANGUAGES = ("fr", "ro")  # the source and a translated language


def page_url(base: str, code: str, page: str) -> str:
    folder = page.removesuffix(".md").removesuffix("index").rstrip("/")  # outils/index.md → outils/
    return f"{base}/{code}/" if not folder else f"{base}/{code}/{folder}/"


def visit(context, url: str) -> dict:
    """Open `url` and report what a privacy-minded reader would want to know about it."""
    page = context.new_page()
    requests, failures, errors = [], [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on(
        "response", lambda response: response.status >= 400 and failures.append(f"{response.status} {response.url}")
    )
    page.on("requestfailed", lambda request: failures.append(f"failed {request.url}"))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url, wait_until="networkidle")
    storage = page.evaluate("() => [localStorage.length, sessionStorage.length, document.cookie]")
    page.close()
    return {"requests": requests, "failures": failures, "errors": errors, "storage": storage}


@pytest.mark.parametrize("code", BROWSED_LANGUAGES)
def test_every_page_is_private_and_clean(phone, site_url, built, code):
    origin = urlsplit(site_url).netloc
    for page in built.pages:
        url = page_url(site_url, code, page)
        report = visit(phone, url)
        foreign = [request for request in report["requests"] if urlsplit(request).netloc != origin]
        assert foreign == [], url
        assert report["failures"] == [], url
        assert report["errors"] == [], url
        assert report["storage"] == [0, 0, ""], url
    assert phone.cookies() == []


def test_language_picker_follows_the_browser_language(browser, site_url):
    context = browser.new_context(locale="ro-RO")
    page = context.new_page()
    page.goto(f"{site_url}/")
    page.wait_for_url(f"{site_url}/ro/")
    context.close()


def test_language_picker_without_javascript_lists_languages(browser, site_url, built):
    context = browser.new_context(locale="ro-RO", java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/")
    assert page.url == f"{site_url}/"
    names = page.locator(".root-languages strong").all_inner_texts()
    assert names == [language.endonym for language in built.registry.languages]
    context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_switcher_leads_to_the_same_page_in_another_language(browser, site_url, built, javascript):
    context = browser.new_context(**PHONE, java_script_enabled=javascript)
    page = context.new_page()
    target = built.pages[1].removesuffix(".md")
    page.goto(f"{site_url}/fr/{target}/")
    page.get_by_role("button", name="Choisir la langue").click()
    page.get_by_role("link", name="Română").click()
    page.wait_for_url(f"{site_url}/ro/{target}/")
    assert page.locator("html").get_attribute("lang") == "ro"
    context.close()


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/404.html",
        "/fr/",
        "/fr/{page}/",
        "/pt/{page}/",
        "/ro/{page}/",
        "/ro/annuaire/",
        "/fr/annuaire/alias/",
        "/bg/pour-les-associations/",
        "/depliants/ro/a6/",
        "/w/",
    ],
    ids=[
        "language-picker",
        "not-found",
        "home",
        "content-page",
        "fallback-page",
        "translated-page",
        "directory",
        "directory-entry",
        "kit-page",
        "leaflet",
        "short-link-picker",
    ],
)
def test_page_types_have_no_accessibility_violation(browser, site_url, built, path):
    # A browser language the site does not publish, so the picker stays on screen.
    context = browser.new_context(**PHONE, locale="de-DE")
    page = context.new_page()
    page.goto(site_url + path.format(page=built.pages[1].removesuffix(".md")), wait_until="networkidle")
    results = Axe().run(page)
    report = results.generate_report()
    context.close()
    assert results.violations_count == 0, report
