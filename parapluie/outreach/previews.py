"""Link previews: what WhatsApp, Signal, Telegram and others show for a pasted link.

The one preview builder (`link_preview`) serves the MkDocs pages (partials/link-preview.html,
through the render hook), the root pages and the short links; `write_preview_images` draws
each language's discreet card.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

import babel
from markupsafe import Markup

from parapluie.i18n.catalogs import N_
from parapluie.inputs.languages import Language
from parapluie.outreach.artwork import CARD_SIZE, font_covers, preview_card

# The neutral line of every link preview: on the preview card, and as the home page's description
# in previews (its own description names the audience, which a card on a shared phone should not).
TAGLINE = N_("Santé, droits, sécurité")
PREVIEW_IMAGE = "assets/preview-{code}.png"
PREVIEW_SIZE = CARD_SIZE


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


def link_preview(
    site_name: str,
    title: str,
    description: str,
    base_url: str,
    path: str,
    card: str,
    tagline: str,
    locale: str,
    alternates: tuple[str, ...] | list[str] = (),
) -> Preview:
    """The preview of the page at `base_url` + `path`, with language `card`'s card (alt: the name and tagline)."""
    return Preview(
        site_name=site_name,
        title=title,
        description=description,
        url=base_url + path,
        image=base_url + PREVIEW_IMAGE.format(code=card),
        image_alt=f"{site_name} – {tagline}",
        locale=locale,
        alternates=tuple(alternates),
    )
