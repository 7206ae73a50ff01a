"""The associations' kit: the "Pour les associations" page (the leaflets are leaflets.py's).

The kit page is generated for each language, like the directory: the short links and their QR
codes, ready-to-paste messages in every language, and links to the leaflets. Every text is a
gettext string, so translators work where they already do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from parapluie.directory.models import Service
from parapluie.i18n.catalogs import N_
from parapluie.inputs.frontmatter import front_matter_block, split_front_matter
from parapluie.inputs.languages import Language
from parapluie.inputs.yamlfile import read_text
from parapluie.jinja import environment
from parapluie.outreach.addresses import display_url, is_placeholder
from parapluie.outreach.leaflets import LEAFLET_FORMATS
from parapluie.outreach.qr import HOME_QR
from parapluie.outreach.shortlinks import Topic
from parapluie.sitepaths import LEAFLET_FOLDER, QR_FOLDER

KIT_PAGE = "pour-les-associations.md"


# Ready-to-paste messages. Short and plain, with no word that ad sites filter out.
SNIPPETS = (
    ("profile", N_("Santé, droits, sécurité en ligne : des infos claires et gratuites, sans traceur. {url}")),
    (
        "message",
        N_(
            "Bonjour ! Voici un site utile : dépistage gratuit, vos droits, protéger vos photos, et les "
            "associations qui peuvent vous aider en Wallonie. Sans traceur ni cookie. {url}"
        ),
    ),
)


@dataclass(frozen=True)
class Snippet:
    """One ready-to-paste message in one language."""

    code: str
    endonym: str
    direction: str
    kind: str
    text: str


def snippets(languages: list[Language], gettexts: dict[str, Callable[[str], str]], base_url: str) -> list[Snippet]:
    """Every message in every language, each with the link to that language's home page."""
    result = []
    for language in languages:
        url = display_url(f"{base_url}{language.code}/")
        for kind, message in SNIPPETS:
            text = gettexts[language.code](message).replace("{url}", url)
            result.append(Snippet(language.code, language.endonym, language.direction, kind, text))
    return result


def page_titles(docs_dir: Path, topics: list[Topic], known: dict[str, str] | None = None) -> dict[str, str]:
    """Each topic page's title in a staged language (from its front matter, or `known`), by letter."""
    titles = {}
    for topic in topics:
        if known and topic.page in known:
            titles[topic.letter] = known[topic.page]
            continue
        path = docs_dir / topic.page
        meta, _body = split_front_matter(read_text(path), path)
        titles[topic.letter] = str(meta.get("title") or topic.page)
    return titles


@dataclass(frozen=True)
class KitContext:
    """What the kit page and the leaflets of every language share."""

    base_url: str
    topics: list[Topic]
    languages: list[Language]
    snippets: list[Snippet]
    emergency: list[Service]

    @property
    def placeholder(self) -> bool:
        """True while `site_url` is not the real address (see parapluie/outreach/addresses.py)."""
        return is_placeholder(self.base_url)


def kit_page(context: KitContext, language: Language, gettext: Callable[[str], str], docs_dir: Path) -> str:
    """The kit page of one language: Markdown front matter and escaped HTML."""
    _ = gettext
    title = _("Pour les associations")
    titles = page_titles(docs_dir, context.topics, {KIT_PAGE: title})
    body = (
        environment(gettext=gettext)
        .get_template("kit.html")
        .render(
            code=language.code,
            home=display_url(f"{context.base_url}{language.code}/"),
            topics=[
                (topic, titles[topic.letter], display_url(f"{context.base_url}{language.code}/{topic.letter}"))
                for topic in context.topics
            ],
            neutral=[(topic.letter, display_url(f"{context.base_url}{topic.letter}")) for topic in context.topics],
            qr=f"../../{QR_FOLDER}/{language.code}/",
            home_qr=HOME_QR,
            snippets=context.snippets,
            leaflets=[(other, f"../../{LEAFLET_FOLDER}/{other.code}/") for other in context.languages],
            formats=LEAFLET_FORMATS,
            placeholder=context.placeholder,
        )
    )
    meta = {
        "title": title,
        "description": _(
            "Liens courts, codes QR, messages prêts à copier et dépliants à imprimer pour faire connaître ce site."
        ),
        "parapluie": {"state": "generated", "origin": "data/shortlinks.yml"},
    }
    return front_matter_block(meta) + "\n" + body + "\n"
