"""Preview cards and home-screen icons: sizes, calm colours, reproducible bytes, text the font can draw."""

from __future__ import annotations

import io
import math
import struct
import subprocess
import sys

import pytest
from PIL import Image, ImageChops

from parapluie.outreach import artwork
from parapluie.outreach.artwork import SLATE, app_icon, font_covers, preview_card

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
CARD_BUDGET = 40_000  # bytes
ICON_BUDGET = 25_000
ARABIC = "صحة، حقوق، أمان"
SUBTITLES = {
    "fr": "Santé, droits, sécurité",
    "en": "Health, rights, safety",
    "ro": "Sănătate, drepturi, siguranță",
    "bg": "Здраве, права, сигурност",
    "es": "Salud, derechos, seguridad",
    "pt": "Saúde, direitos, segurança",
}
# Every letter and sign the site's languages need, beyond ASCII.
ALPHABETS = [
    "àâæçéèêëîïôœùûüÿÀÂÆÇÉÈÊËÎÏÔŒÙÛÜŸ",  # French
    "ăâîșțĂÂÎȘȚ",  # Romanian, with the comma below (U+0218–U+021B)
    "абвгдежзийклмнопрстуфхцчшщъьюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЬЮЯ",  # Bulgarian
    "áéíóúñüÁÉÍÓÚÑÜ¿¡",  # Spanish
    "ãõçáâêôàÃÕÇÁÂÊÔÀ",  # Portuguese
    "… – — ’ “ ” « » € \u00a0",  # punctuation and symbols
]


def png_chunks(data: bytes) -> list[bytes]:
    """The chunk types of a PNG file, in order."""
    assert data.startswith(PNG_SIGNATURE)
    chunks, at = [], len(PNG_SIGNATURE)
    while at < len(data):
        length, kind = struct.unpack_from(">I4s", data, at)
        chunks.append(kind)
        at += 12 + length
    return chunks


def opened(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


@pytest.mark.parametrize("language", SUBTITLES)
def test_card_is_a_small_1200_by_630_png_with_the_subtitle_drawn(language: str):
    assert font_covers(SUBTITLES[language])
    card = preview_card("Parapluie", SUBTITLES[language])
    assert card.startswith(PNG_SIGNATURE)
    assert opened(card).size == (1200, 630)
    assert len(card) < CARD_BUDGET
    assert card != preview_card("Parapluie", "")  # the subtitle is there


def test_card_bytes_are_the_same_on_every_call_and_in_another_process():
    card = preview_card("Parapluie", SUBTITLES["bg"])
    assert card == preview_card("Parapluie", SUBTITLES["bg"])
    script = (
        "import sys; from parapluie.outreach.artwork import preview_card; "
        f"sys.stdout.buffer.write(preview_card('Parapluie', {SUBTITLES['bg']!r}))"
    )
    other = subprocess.run([sys.executable, "-c", script], capture_output=True, check=True).stdout
    assert other == card


def test_pngs_carry_no_metadata_such_as_a_time_stamp():
    for data in (preview_card("Parapluie", SUBTITLES["fr"]), app_icon(192), app_icon(512, maskable=True)):
        assert set(png_chunks(data)) <= {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"}


def test_card_colours_are_calm_no_red_or_warm_tone():
    image = opened(preview_card("Parapluie", SUBTITLES["ro"])).convert("RGB")
    colours = {colour for _, colour in image.getcolors(maxcolors=4096)}
    assert all(red <= blue for red, _, blue in colours)
    assert (0x2F, 0x5D, 0x7C) in colours  # the slate-blue umbrella


def slate_columns(data: bytes) -> range:
    """The columns holding umbrella-coloured pixels, above the strip along the bottom edge."""
    image = opened(data).convert("RGB").crop((0, 0, 1200, 600))
    difference = ImageChops.difference(image, Image.new("RGB", image.size, SLATE)).convert("L")
    left, _, right, _ = difference.point(lambda value: 255 if value == 0 else 0).getbbox()
    return range(left, right)


def test_right_to_left_card_mirrors_the_layout():
    ltr = slate_columns(preview_card("Parapluie", SUBTITLES["en"]))
    rtl = slate_columns(preview_card("Parapluie", SUBTITLES["en"], direction="rtl"))
    assert ltr.stop < 450 and rtl.start > 750  # the umbrella moves from the left to the right
    assert (ltr.start, ltr.stop) == (1200 - rtl.stop, 1200 - rtl.start)


@pytest.mark.parametrize("alphabet", ALPHABETS)
def test_fonts_cover_the_sites_languages(alphabet: str):
    assert font_covers(alphabet)


@pytest.mark.parametrize("raqm", [True, False])
def test_arabic_is_not_covered_and_is_left_out_of_the_card(monkeypatch, raqm: bool):
    monkeypatch.setattr(artwork.features, "check", lambda feature: raqm if feature == "raqm" else True)
    assert not font_covers(ARABIC)  # no Arabic glyph in the subset, with or without a shaping engine
    assert preview_card("Parapluie", ARABIC, direction="rtl") == preview_card("Parapluie", "", direction="rtl")


def test_right_to_left_text_needs_raqm_even_when_the_glyphs_are_there(monkeypatch):
    with_arabic = artwork._codepoints(artwork.REGULAR) | {ord(char) for char in ARABIC}
    monkeypatch.setattr(artwork, "_codepoints", lambda path: with_arabic)
    monkeypatch.setattr(artwork.features, "check", lambda feature: False)
    assert not font_covers(ARABIC)
    assert font_covers(SUBTITLES["bg"])  # Cyrillic needs no shaping engine
    monkeypatch.setattr(artwork.features, "check", lambda feature: True)
    assert font_covers(ARABIC)


def test_a_long_subtitle_is_wrapped_then_cut_with_an_ellipsis():
    subtitle = " ".join(["informații"] * 40)
    card = preview_card("Parapluie", subtitle)
    assert opened(card).size == (1200, 630) and len(card) < CARD_BUDGET
    width = 400  # any width the text overflows at the smallest size
    font, lines = artwork._fit(subtitle, artwork.REGULAR, 52, 32, width, max_lines=2)
    assert font.size == 32 and len(lines) == 2
    assert lines[-1].endswith("…") and not lines[0].endswith("…")
    assert all(font.getlength(line) <= width for line in lines)
    assert card != preview_card("Parapluie", " ".join(lines[0].split()[:1]))


def test_bad_title_and_direction_are_refused_with_a_clear_message():
    with pytest.raises(ValueError) as error:
        preview_card("مظلة", "")
    assert str(error.value) == "preview_card: the bundled font cannot draw the title 'مظلة'; use Latin or Cyrillic"
    with pytest.raises(ValueError) as error:
        preview_card("Parapluie", "", direction="right")
    assert str(error.value) == 'preview_card: direction must be "ltr" or "rtl", not \'right\''


@pytest.mark.parametrize("size", [192, 512])
def test_icon_is_a_transparent_cornered_square_of_the_asked_size(size: int):
    icon = app_icon(size)
    assert icon.startswith(PNG_SIGNATURE) and len(icon) < ICON_BUDGET
    image = opened(icon)
    assert image.size == (size, size) and image.mode == "RGBA"
    assert image.getpixel((0, 0))[3] == 0  # rounded corner
    assert image.getpixel((size // 2, size - 2))[3] == 255
    assert icon == app_icon(size)


@pytest.mark.parametrize("size", [192, 512])
def test_maskable_icon_fills_the_square_and_keeps_the_umbrella_in_the_safe_zone(size: int):
    icon = app_icon(size, maskable=True)
    assert len(icon) < ICON_BUDGET and icon == app_icon(size, maskable=True)
    image = opened(icon)
    assert image.size == (size, size) and image.mode == "RGB"
    slate = (0x2F, 0x5D, 0x7C)
    assert {image.getpixel(corner) for corner in [(0, 0), (size - 1, 0), (0, size - 1), (size - 1, size - 1)]} == {
        slate
    }
    centre, radius = (size - 1) / 2, size * artwork.MASKABLE_SAFE_ZONE / 2
    drawn = [(x, y) for y in range(size) for x in range(size) if image.getpixel((x, y)) != slate]
    assert drawn  # the umbrella is there
    assert max(math.dist((x, y), (centre, centre)) for x, y in drawn) < radius


def test_icon_refuses_a_tiny_size():
    with pytest.raises(ValueError) as error:
        app_icon(8)
    assert str(error.value) == "app_icon: size must be at least 16 pixels, not 8"
