"""Helpers of the tools' tests: photos made here with what a phone writes into them (EXIF: GPS,
camera, date, orientation), and which recorded requests could leave the phone."""

from __future__ import annotations

import io
from urllib.parse import urlsplit

from PIL import ExifTags, Image

CAMERA_MAKE = "Testmaker"
CAMERA_MODEL = "Pixel Probe 7"
SOFTWARE = "ProbeCam 1.0"
TAKEN = "2024:05:01 12:34:56"
# 50°24'39" N, 4°26'40" E: written as degrees, minutes, seconds, read back as decimals.
GPS = {1: "N", 2: (50.0, 24.0, 39.0), 3: "E", 4: (4.0, 26.0, 40.0)}
GPS_SHOWN = "50.41083, 4.44444"
RED, BLUE = (220, 20, 20), (20, 20, 220)


def phone_exif(orientation: int = 1) -> Image.Exif:
    """The EXIF block a phone would write: make, model, software, date, orientation, GPS position."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = CAMERA_MAKE
    exif[ExifTags.Base.Model] = CAMERA_MODEL
    exif[ExifTags.Base.Software] = SOFTWARE
    exif[ExifTags.Base.DateTime] = TAKEN
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps.update(GPS)
    return exif


def halves(width: int, height: int) -> Image.Image:
    """Left half red, right half blue: orientation is easy to check after a turn."""
    image = Image.new("RGB", (width, height), RED)
    image.paste(BLUE, (width // 2, 0, width, height))
    return image


def checkerboard(width: int, height: int, square: int = 4) -> Image.Image:
    """Fine black and white squares: blurring or pixelating any part of it changes its pixels."""
    tile = Image.new("L", (square * 2, square * 2), 255)
    tile.paste(0, (0, 0, square, square))
    tile.paste(0, (square, square, square * 2, square * 2))
    image = Image.new("L", (width, height))
    for x in range(0, width, square * 2):
        for y in range(0, height, square * 2):
            image.paste(tile, (x, y))
    return image.convert("RGB")


def encode(image: Image.Image, kind: str = "JPEG", orientation: int = 1) -> bytes:
    """The image as a file of `kind` (JPEG, PNG, WEBP) carrying the phone's EXIF."""
    buffer = io.BytesIO()
    options = {"quality": 95} if kind in ("JPEG", "WEBP") else {}
    image.save(buffer, kind, exif=phone_exif(orientation), **options)
    return buffer.getvalue()


def network_requests(urls: list[str]) -> list[str]:
    """The requests that could leave the phone (blob: and data: URLs never do)."""
    return [url for url in urls if urlsplit(url).scheme in ("http", "https", "ws", "wss")]
