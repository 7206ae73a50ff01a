"""The SVG QR code, drawn by Chromium, still reads as the exact URL (as an <img> and opened directly)."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import pytest
from PIL import Image
from pyzbar.pyzbar import decode

from parapluie.outreach.qr import write_qr

pytestmark = pytest.mark.browser

URL = "https://parapluie.be/fr/sante/?depuis=affiche&n=" + "7" * 60


def read_screenshot(png: bytes) -> str:
    """The text of the single QR code in a screenshot."""
    [found] = decode(Image.open(io.BytesIO(png)))
    return found.data.decode("utf-8")


@pytest.fixture
def svg(tmp_path: Path) -> Path:
    return write_qr(URL, tmp_path, "code")[0]


def test_svg_in_an_img_reads_as_the_url(browser, svg: Path):
    page = browser.new_page()
    data = base64.b64encode(svg.read_bytes()).decode("ascii")
    page.set_content(f'<body style="margin:20px;background:#fff"><img alt="" src="data:image/svg+xml;base64,{data}">')
    image = page.locator("img")
    assert image.evaluate("img => img.complete && img.naturalWidth") > 0
    assert read_screenshot(image.screenshot()) == URL
    page.close()


def test_svg_opened_directly_reads_as_the_url_and_has_its_title(browser, svg: Path):
    page = browser.new_page()
    page.goto(svg.as_uri())
    assert page.title() == URL
    assert read_screenshot(page.screenshot()) == URL
    page.close()
