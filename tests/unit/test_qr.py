"""QR codes: the PNG decodes back to the exact URL, and writing twice gives the same bytes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from pyzbar.pyzbar import decode

from parapluie.outreach.qr import PNG_SCALE, QUIET_ZONE, qr_code, write_qr

URLS = [
    "https://parapluie.be/",
    "https://parapluie.be/fr/sante/depistage/",
    "https://parapluie.be/bg/?utm=none&ref=flyer#contacts",
    "https://parapluie.be/fr/santé/",  # written as UTF-8, as phones read it
    "https://parapluie.be/ro/drepturi/" + "/".join(f"sectiunea-{n}" for n in range(30)) + "/?q=" + "x" * 120,
]


@pytest.mark.parametrize("url", URLS, ids=[f"url{n}" for n in range(len(URLS))])
def test_png_decodes_to_the_exact_url(url: str, tmp_path: Path):
    svg, png = write_qr(url, tmp_path, "code")
    assert (svg.name, png.name) == ("code.svg", "code.png")
    [found] = decode(Image.open(png))
    assert found.type == "QRCODE"
    assert found.data.decode("utf-8") == url


def test_the_long_url_needs_a_large_code_and_still_uses_error_correction_m():
    code = qr_code(URLS[-1])
    assert len(URLS[-1]) > 400 and code.version > 10
    assert code.error == "M" and not code.is_micro
    assert qr_code(URLS[0]).error == "M"  # not boosted to a higher level, even when it would fit


def test_png_is_black_on_white_with_a_quiet_zone_of_four_modules_at_ten_pixels_each(tmp_path: Path):
    _, png = write_qr(URLS[1], tmp_path, "code")
    image = Image.open(png).convert("L")
    modules = qr_code(URLS[1]).symbol_size(scale=1, border=0)[0]
    assert image.size == ((modules + 2 * QUIET_ZONE) * PNG_SCALE,) * 2
    assert {value for _, value in image.getcolors()} == {0, 255}
    quiet = QUIET_ZONE * PNG_SCALE
    assert image.crop((0, 0, image.width, quiet)).getextrema() == (255, 255)
    assert image.getpixel((quiet, quiet)) == 0  # the finder pattern starts right after the quiet zone


def test_svg_has_no_xml_declaration_and_names_the_url_in_its_title(tmp_path: Path):
    svg, _ = write_qr(URLS[2], tmp_path, "code")
    text = svg.read_text(encoding="utf-8")
    assert text.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert "<?xml" not in text
    assert "<title>https://parapluie.be/bg/?utm=none&amp;ref=flyer#contacts</title>" in text


def test_writing_twice_gives_the_same_bytes(tmp_path: Path):
    first = write_qr(URLS[3], tmp_path / "one", "code")
    second = write_qr(URLS[3], tmp_path / "two", "code")
    assert [path.read_bytes() for path in first] == [path.read_bytes() for path in second]
