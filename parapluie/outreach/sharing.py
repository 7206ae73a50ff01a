"""Passing the site on: its public address, link previews and QR codes.

One setting, `site_url` in mkdocs.yml, is the address the site is published at. Link previews
(Open Graph and Twitter cards), QR codes and the short links printed on leaflets all use it.
While it is a placeholder (a domain under `.example`, reserved and never anyone's), the build
warns and the printable pages say so in large letters, so nobody prints a dead address.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import babel
from markupsafe import Markup

from parapluie.errors import BuildError
from parapluie.i18n.catalogs import N_
from parapluie.inputs.languages import Language
from parapluie.outreach.artwork import CARD_SIZE, font_covers, preview_card
from parapluie.outreach.qr import write_qr
from parapluie.sitepaths import QR_FOLDER

# The neutral line of every link preview: on the preview card, and as the home page's description
# in previews (its own description names the audience, which a card on a shared phone should not).
TAGLINE = N_("Santé, droits, sécurité")
PLACEHOLDER_SUFFIX = ".example"
HOME_QR = "accueil"
PREVIEW_IMAGE = "assets/preview-{code}.png"
PREVIEW_SIZE = CARD_SIZE


def site_url(config: dict, where: str = "mkdocs.yml") -> str:
    """The site's public address from the config, always ending with '/'."""
    url = str(config.get("site_url") or "")
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise BuildError(
            where, f"expected the site's public address, e.g. https://example.org/ (got {url!r})", "site_url"
        )
    return url if url.endswith("/") else url + "/"


def is_placeholder(url: str) -> bool:
    """True while the address is a reserved example domain (nothing is published there)."""
    host = urlsplit(url).hostname or ""
    return host == PLACEHOLDER_SUFFIX.lstrip(".") or host.endswith(PLACEHOLDER_SUFFIX)


def display_url(url: str) -> str:
    """An address as people type it: no scheme, no final slash (`parapluie.be/fr/w`)."""
    parts = urlsplit(url)
    return (parts.netloc + parts.path).rstrip("/")


def og_locale(language: Language) -> str:
    """The Open Graph locale (`fr_BE`, `ro_RO`): the registry's, or the Babel locale with its likely territory."""
    if language.og_locale:
        return language.og_locale
    locale = babel.Locale.parse(language.babel)
    territory = locale.territory
    if not territory:
        likely = babel.Locale.parse(babel.core.get_global("likely_subtags").get(locale.language, locale.language))
        territory = likely.territory
    return f"{locale.language}_{territory}" if territory else locale.language


@dataclass(frozen=True)
class Preview:
    """What a messaging app shows for a link: one page's title and description, in one language."""

    site_name: str
    title: str
    description: str
    url: str
    image: str
    image_alt: str
    locale: str
    alternates: tuple[str, ...] = ()

    def tags(self) -> Markup:
        """The page's Open Graph and Twitter-card tags, every value escaped.

        Twitter reads the og: values for everything but the card type.
        """
        pairs = [
            ("og:type", "website"),
            ("og:site_name", self.site_name),
            ("og:title", self.title),
            ("og:description", self.description),
            ("og:url", self.url),
            ("og:image", self.image),
            ("og:image:width", str(PREVIEW_SIZE[0])),
            ("og:image:height", str(PREVIEW_SIZE[1])),
            ("og:image:alt", self.image_alt),
            ("og:locale", self.locale),
            *(("og:locale:alternate", alternate) for alternate in self.alternates),
        ]
        lines = [f'<meta property="{name}" content="{html.escape(value)}">' for name, value in pairs]
        lines.append('<meta name="twitter:card" content="summary_large_image">')
        return Markup("\n".join(lines))


def write_preview_images(site: Path, languages: list[Language], title: str, subtitles: dict[str, str]) -> None:
    """One discreet preview card per language (`assets/preview-<code>.png`): the name and a neutral line."""
    for language in languages:
        subtitle = subtitles[language.code]
        card = preview_card(title, subtitle if font_covers(subtitle) else "", language.direction)
        path = site / PREVIEW_IMAGE.format(code=language.code)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(card)


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
