"""QR codes for printed material: one URL, written as SVG (for print) and PNG (for everything else).

The same URL always gives the same bytes, so rebuilding the site changes no QR file.
"""

from __future__ import annotations

from pathlib import Path

import segno

from parapluie.sitepaths import QR_FOLDER

HOME_QR = "accueil"  # the QR code of a language's home page

ERROR_CORRECTION = "M"  # about 15 % of the code may be dirty or torn and still read
QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks
PNG_SCALE = 10  # pixels per module
SVG_SCALE = 10  # user units per module: the SVG's natural size matches the PNG's
DARK, LIGHT = "#000", "#fff"


def qr_code(url: str) -> segno.QRCode:
    """The QR code for `url`: error correction exactly M, never a Micro QR code."""
    return segno.make(url, error=ERROR_CORRECTION, boost_error=False, micro=False)


def write_qr(url: str, folder: Path, name: str) -> list[Path]:
    """Write `folder/name.svg` and `folder/name.png` encoding `url`; return both paths (SVG first).

    Black on white, with a quiet zone of four modules. The SVG has no XML declaration and carries
    the URL in its `<title>`, which screen readers announce. `folder` is created if missing.
    """
    code = qr_code(url)
    folder.mkdir(parents=True, exist_ok=True)
    svg, png = folder / f"{name}.svg", folder / f"{name}.png"
    code.save(
        svg,
        kind="svg",
        scale=SVG_SCALE,
        border=QUIET_ZONE,
        dark=DARK,
        light=LIGHT,
        xmldecl=False,
        title=url,
        svgclass=None,
        lineclass=None,
    )
    code.save(png, kind="png", scale=PNG_SCALE, border=QUIET_ZONE, dark=DARK, light=LIGHT)
    return [svg, png]


def qr_targets(base_url: str, codes: list[str], letters: list[str]) -> dict[str, str]:
    """Each QR code's file stem (`qr/<code>/<letter>`, `qr/<code>/accueil`) and the short link it encodes."""
    targets = {}
    for code in codes:
        targets[f"{QR_FOLDER}/{code}/{HOME_QR}"] = f"{base_url}{code}/"
        targets.update({f"{QR_FOLDER}/{code}/{letter}": f"{base_url}{code}/{letter}" for letter in letters})
    return targets


def write_qr_codes(site: Path, targets: dict[str, str]) -> None:
    """Write each QR code as SVG and PNG (see `qr_targets`)."""
    for stem, url in targets.items():
        folder, name = stem.rsplit("/", 1)
        write_qr(url, site / folder, name)
