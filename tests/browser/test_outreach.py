"""Short links, QR codes and leaflets in a real browser (issue #7)."""

from __future__ import annotations

import base64
import io

import pytest

from parapluie.outreach.leaflets import LEAFLET_FORMATS
from parapluie.outreach.shortlinks import load_shortlinks
from tests.browser.fixtures_browser import PHONE

pytestmark = pytest.mark.browser

# Page sizes in PDF points (1 mm = 72 / 25.4 pt).
PAGE_SIZES = {"a6": (105, 148), "a5": (148, 210)}


@pytest.fixture(scope="module")
def topics(built_project, built):
    return load_shortlinks(built_project.data / "shortlinks.yml", built.pages, built.registry.codes)


def test_every_short_link_leads_to_its_page_without_javascript(browser, site_url, built, topics):
    context = browser.new_context(**PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        for code in built.registry.codes:
            for topic in topics:
                page.goto(f"{site_url}/{code}/{topic.letter}/")
                page.wait_for_url(f"{site_url}/{code}/{topic.target}")
                assert page.locator(f"html[lang={code}]").count() == 1
    finally:
        context.close()


@pytest.mark.parametrize(("accept", "code"), [("ro-RO,ro;q=0.9", "ro"), ("bg", "bg"), ("nl-BE,nl", "fr")])
def test_a_short_link_without_language_opens_the_readers_language(browser, site_url, topics, accept, code):
    context = browser.new_context(**PHONE, locale=accept.split(",")[0])
    try:
        page = context.new_page()
        topic = topics[0]
        page.goto(f"{site_url}/{topic.letter}/")
        if code == "fr":  # no published language matches: the list stays, French first
            assert page.locator("a[data-language]").first.get_attribute("data-language") == "fr"
        else:
            page.wait_for_url(f"{site_url}/{code}/{topic.target}")
    finally:
        context.close()


def test_qr_svgs_decode_to_their_short_link_in_the_browser(browser, built):
    from PIL import Image
    from pyzbar.pyzbar import decode

    page = browser.new_page()
    try:
        svgs = sorted((built.site / "qr").rglob("*.svg"))
        assert svgs
        for svg in svgs:
            name = svg.relative_to(built.site).as_posix()
            # The published bytes, drawn by Chromium (as a data: URL: the site's headers forbid
            # embedding its files in a page of another origin, and about:blank is one).
            data = base64.b64encode(svg.read_bytes()).decode("ascii")
            page.set_content(f'<body style="margin:0"><img src="data:image/svg+xml;base64,{data}" width="400"></body>')
            page.wait_for_function("document.images[0].complete && document.images[0].naturalWidth > 0")
            [symbol] = decode(Image.open(io.BytesIO(page.locator("img").screenshot())))
            png = built.site / svg.relative_to(built.site).with_suffix(".png")
            [expected] = decode(Image.open(png))
            assert symbol.data == expected.data, name
    finally:
        page.close()


@pytest.mark.parametrize("size", LEAFLET_FORMATS)
def test_each_leaflet_prints_on_one_page_with_nothing_cut(browser, site_url, built, size):
    from pypdf import PdfReader

    page = browser.new_page()
    try:
        for code in built.registry.codes:
            page.goto(f"{site_url}/depliants/{code}/{size}/", wait_until="networkidle")
            page.emulate_media(media="print")
            overflow = page.evaluate(
                """() => {
                    const sheet = document.querySelector('.leaflet').getBoundingClientRect();
                    return [...document.querySelectorAll('.leaflet *')]
                        .filter(el => el.getBoundingClientRect().right > sheet.right + 0.5
                            || el.scrollWidth > el.clientWidth + 1
                               && getComputedStyle(el).overflow !== 'visible')
                        .map(el => el.className || el.tagName);
                }"""
            )
            assert overflow == [], (code, overflow)
            assert page.evaluate("document.querySelector('.parapluie-exit').offsetParent") is None
            pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
            assert len(pdf.pages) == 1, (code, size, len(pdf.pages))
            box = pdf.pages[0].mediabox
            width_mm, height_mm = (float(box.width) * 25.4 / 72, float(box.height) * 25.4 / 72)
            assert (round(width_mm), round(height_mm)) == PAGE_SIZES[size], (code, width_mm, height_mm)
            text = pdf.pages[0].extract_text()
            assert "112" in text, code
            page.emulate_media(media="screen")
    finally:
        page.close()
