"""The directory's pages, generated for one language from the validated data.

`write_directory` writes, into a language's staged docs folder, the directory page
(`annuaire.md`: by need, by region and city, then every entry with filters) and one page per
entry (`annuaire/<id>.md`) with its vCard (`annuaire/<id>.vcf`). Data text is always escaped;
an address marked private appears nowhere.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import babel

from parapluie.directory.categories import Categories
from parapluie.directory.contacts import contact_link, json_ld, map_link, postal_address, vcard
from parapluie.directory.hours import is_always_open, open_intervals, schema_hours, weekly_table
from parapluie.directory.models import Service, localized
from parapluie.i18n.catalogs import N_
from parapluie.inputs.frontmatter import front_matter_block
from parapluie.inputs.languages import SOURCE_LANGUAGE
from parapluie.jinja import environment

INDEX_PAGE = "annuaire.md"
ENTRY_FOLDER = "annuaire"
TEMPLATES = Path(__file__).parent / "templates"


KIND_LABELS = {
    "phone": N_("Téléphone"),
    "sms": N_("SMS"),
    "whatsapp": N_("WhatsApp"),
    "signal": N_("Signal"),
    "email": N_("E-mail"),
    "website": N_("Site web"),
    "video-call": N_("Appel vidéo"),
}
REGION_LABELS = {
    "Wallonie": N_("Wallonie"),
    "Bruxelles": N_("Bruxelles"),
    "Flandre": N_("Flandre"),
    "national": N_("Toute la Belgique"),
}


@dataclass
class Card:
    """One entry as the directory page lists it."""

    href: str
    name: str
    place: str
    city: str
    needs: list[str]
    languages: list[str]
    intervals: str
    always_open: bool


@dataclass
class Group:
    """A heading of the directory page and the entries under it."""

    id: str
    label: str
    cards: list[Card] = field(default_factory=list)


def _front_matter(meta: dict) -> str:
    return front_matter_block(meta)


class DirectoryWriter:
    """Renders the directory of one language."""

    def __init__(
        self, language: str, locale: str, gettext: Callable[[str], str], today: dt.date, report_email: str = ""
    ) -> None:
        self.language, self.locale, self._, self.today = language, locale, gettext, today
        self.report_email = report_email
        self.env = environment(TEMPLATES, gettext)

    def needs_of(self, service: Service, categories: Categories) -> list[str]:
        """The reader needs a service answers."""
        return [need.id for need in categories.needs if set(need.categories) & set(service.categories)]

    def place(self, service: Service) -> str:
        """City, or 'all of Belgium', for lists."""
        location = service.location
        if location is None:
            return ""
        return location.city or self._(REGION_LABELS[location.region])

    def card(self, service: Service, categories: Categories, href: str) -> Card:
        """The list item of one entry."""
        intervals = open_intervals(service.hours, self.today) if service.hours else []
        return Card(
            href=href,
            name=localized(service.name, self.language),
            place=self.place(service),
            city=(service.location.city or "") if service.location else "",
            needs=self.needs_of(service, categories),
            languages=list(service.languages),
            intervals=json.dumps(intervals) if intervals else "",
            always_open=bool(service.hours) and is_always_open(service.hours, self.today),
        )

    def entry_page(self, service: Service, categories: Categories) -> str:
        """The Markdown page (front matter + escaped HTML) of one entry."""
        name = localized(service.name, self.language)
        links = []
        for contact in service.contacts:
            link = contact_link(contact, self.language)
            links.append({**link.__dict__, "label": self._(KIND_LABELS[link.kind])})
        hours = service.hours
        always_open = bool(hours) and is_always_open(hours, self.today)
        reader = babel.Locale.parse(self.locale)
        body = self.env.get_template("entry.html").render(
            service=service,
            name=name,
            description=localized(service.description, self.language),
            page_lang=self.language,
            text_lang=self.language if self.language in service.description else SOURCE_LANGUAGE,
            categories=[self._(categories.get(category).label) for category in service.categories],
            contacts=links,
            vcard_name=f"../{service.id}.vcf",
            always_open=always_open,
            week=weekly_table(hours, self.locale, self.today) if hours and not always_open else [],
            intervals=json.dumps(open_intervals(hours, self.today)) if hours and not always_open else "",
            hours_note=localized(service.hours_note, self.language) if service.hours_note else "",
            address=postal_address(service),
            map_link=map_link(service),
            spoken=[reader.languages.get(code, code) for code in service.languages],
            report_email=self.report_email,
            report_subject=f"Parapluie – {service.id}",
            json_ld=json_ld(service, self.language, schema_hours(hours, self.today) if hours else []),
        )
        meta = {
            "title": html.escape(name),
            # Text: main.html and the link preview escape it (escaping here too showed "&amp;lt;").
            "description": localized(service.description, self.language)[:200],
            "reviewed": service.last_verified,
            "sources": [str(source) for source in service.sources],
            "parapluie": {"state": "generated", "origin": f"data/services/{service.id}.yml"},
        }
        return _front_matter(meta) + "\n" + body + "\n"

    def index_page(self, services: list[Service], categories: Categories) -> str:
        """The directory page: by need, by region and city, then all entries with filters."""
        cards = {service.id: self.card(service, categories, f"{service.id}/") for service in services}
        cards = {key: card for key, card in sorted(cards.items(), key=lambda item: item[1].name.lower())}
        needs = [Group(need.id, self._(need.label)) for need in categories.needs]
        for group in needs:
            group.cards = [card for card in cards.values() if group.id in card.needs]
        regions = []
        for region, label in REGION_LABELS.items():
            members = [s for s in services if s.location and s.location.region == region]
            if members:
                group_cards = sorted((cards[s.id] for s in members), key=lambda card: (card.city, card.name.lower()))
                regions.append(Group(region.lower(), self._(label), group_cards))
        reader = babel.Locale.parse(self.locale)
        spoken = sorted({code for service in services for code in service.languages})
        body = self.env.get_template("index.html").render(
            needs=needs,
            regions=regions,
            cards=list(cards.values()),
            cities=sorted({card.city for card in cards.values() if card.city}),
            languages=[(code, reader.languages.get(code, code)) for code in spoken],
        )
        meta = {
            "title": self._("Annuaire des services"),
            "description": self._(
                "Où se faire dépister, trouver des préservatifs, de l'aide alimentaire, parler à quelqu'un."
            ),
            "reviewed": min(service.last_verified for service in services),
            "parapluie": {"state": "generated", "origin": "data/services/"},
        }
        return _front_matter(meta) + "\n" + body + "\n"

    def write(self, docs_dir: Path, services: list[Service], categories: Categories) -> list[str]:
        """Write the directory page, the entry pages and the vCards; return the pages written."""
        folder = docs_dir / ENTRY_FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        (docs_dir / INDEX_PAGE).write_text(self.index_page(services, categories), encoding="utf-8")
        pages = [INDEX_PAGE]
        for service in services:
            (folder / f"{service.id}.md").write_text(self.entry_page(service, categories), encoding="utf-8")
            (folder / f"{service.id}.vcf").write_text(vcard(service, self.language), encoding="utf-8")
            pages.append(f"{ENTRY_FOLDER}/{service.id}.md")
        return pages
