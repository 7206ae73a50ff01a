"""The directory's pages, generated for one language from the validated data.

`DirectoryWriter.write` writes, into a language's staged docs folder:

- the directory page (`annuaire.md`): the question first ("What do you need?", "Where?",
  "Open today", answered by the script in place), results right below, each service once;
  without JavaScript, links to one page per need;
- one page per need (`annuaire/besoin/<need>.md`): its services by place, a list of places on
  top, so the answer is two taps away without any script;
- one page per entry (`annuaire/<id>.md`), and its vCard (`annuaire/<id>.vcf`) when there is a
  contact to save.

Data text is always escaped; an address marked private appears nowhere.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import babel

from parapluie.directory.categories import Categories
from parapluie.directory.compact import encode_intervals, plural_forms
from parapluie.directory.contacts import ContactLink, contact_link, json_ld, map_link, postal_address, vcard
from parapluie.directory.hours import is_always_open, open_intervals, schema_hours, week_summary, weekly_table
from parapluie.directory.models import Service, localized
from parapluie.directory.places import Places
from parapluie.i18n.catalogs import N_
from parapluie.inputs.frontmatter import front_matter_block
from parapluie.inputs.languages import SOURCE_LANGUAGE
from parapluie.jinja import environment

INDEX_PAGE = "annuaire.md"
ENTRY_FOLDER = "annuaire"
NEED_FOLDER = "besoin"
TEMPLATES = Path(__file__).parent / "templates"
# The category that puts an entry after the helplines and care in every list.
LISTED_LAST = "police"
# The best way to reach a service first: a call, then messages, then the web.
# The fields whose source year an entry page shows.
DATED_FIELDS = ("contacts", "location", "hours", "categories", "free", "anonymous", "languages")
CONTACT_ORDER = ("phone", "whatsapp", "sms", "signal", "website", "email", "video-call")


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
class Link:
    """A contact ready to show: its kind's label, the text and where it leads."""

    kind: str
    label: str
    text: str
    href: str | None
    note: str | None


@dataclass
class Card:
    """One entry as the directory lists it."""

    id: str
    href: str
    name: str
    place: str
    city: str
    region: str
    national: bool
    needs: list[str]
    languages: list[str]
    intervals: str
    always_open: bool
    hours_confirmed: bool
    week: str
    hours_year: int | None
    primary: Link | None
    contacts_to_confirm: bool
    last: bool

    @property
    def sort_key(self) -> tuple:
        """Police after the others; before them, the confirmed 24/7 services (open now whenever one reads);
        then services of a place first, then those reached from anywhere.

        directory.js ranks the same way, open now first (components/directory-filters/directory.js, `rank`):
        the confirmed 24/7 services lead both lists, so the first screen stays put when it runs."""
        return (self.last, not (self.always_open and self.hours_confirmed), self.national, self.name.lower())


@dataclass
class Group:
    """A heading and the entries under it."""

    id: str
    label: str
    cards: list[Card] = field(default_factory=list)


@dataclass
class PlaceGroup:
    """A region of the "Where?" list and its cities: (name shown, name in the data)."""

    id: str
    label: str
    cities: list[tuple[str, str]]


def _front_matter(meta: dict) -> str:
    return front_matter_block(meta)


def _plural(gettext: Callable[[str], str]) -> Callable[[str, str, int], str]:
    """The plural-aware twin of `gettext` (a bound `gettext` of a translations object), or French's rule."""
    translations = getattr(gettext, "__self__", None)
    if translations is not None and hasattr(translations, "ngettext"):
        return translations.ngettext
    return lambda singular, plural, count: gettext(singular if count <= 1 else plural)


def _short_url(url: str) -> str:
    """A website as a person reads it aloud: its host, without 'https://'."""
    return urlsplit(url).hostname or url


class DirectoryWriter:
    """Renders the directory of one language."""

    def __init__(
        self,
        language: str,
        locale: str,
        gettext: Callable[[str], str],
        today: dt.date,
        report_email: str = "",
        places: Places | None = None,
    ) -> None:
        self.language, self.locale, self._, self.today = language, locale, gettext, today
        self.ngettext = _plural(gettext)
        self.report_email = report_email
        self.places = places or Places()
        self.env = environment(TEMPLATES, gettext, self.ngettext)
        # Cards already made (see `cards`), with the objects their key names, so no id is reused.
        self._cards: dict[tuple, tuple[list[Service], Categories, list[Card]]] = {}

    def needs_of(self, service: Service, categories: Categories) -> list[str]:
        """The reader needs a service answers."""
        return [need.id for need in categories.needs if set(need.categories) & set(service.categories)]

    def city(self, service: Service) -> str:
        """The service's city in the reader's language ('' when it has none)."""
        location = service.location
        return self.places.city(location.city, self.language) if location and location.city else ""

    def place(self, service: Service) -> str:
        """City, or its region ('all of Belgium'), for lists."""
        location = service.location
        if location is None:
            return self._(REGION_LABELS["national"])
        return self.city(service) or self._(REGION_LABELS[location.region])

    def links(self, service: Service) -> list[Link]:
        """The service's contacts, best first: call, WhatsApp, SMS, Signal, website, e-mail, video."""
        ordered = sorted(service.contacts, key=lambda contact: CONTACT_ORDER.index(contact.kind))
        result = []
        for contact in ordered:
            link: ContactLink = contact_link(contact, self.language)
            result.append(Link(link.kind, self._(KIND_LABELS[link.kind]), link.text, link.href, link.note))
        return result

    def card(self, service: Service, categories: Categories, href: str) -> Card:
        """The list item of one entry."""
        hours = service.hours
        always_open = bool(hours) and is_always_open(hours, self.today)
        intervals = open_intervals(hours, self.today) if hours and not always_open else []
        primary = next((link for link in self.links(service) if link.href), None)
        if primary and primary.kind == "website":
            primary = Link(primary.kind, primary.label, _short_url(primary.text), primary.href, primary.note)
        location = service.location
        return Card(
            id=service.id,
            href=href,
            name=localized(service.name, self.language),
            place=self.place(service),
            city=(location.city or "") if location else "",
            region=location.region.lower() if location else "national",
            national=location is None or location.region == "national",
            needs=self.needs_of(service, categories),
            languages=list(service.languages),
            intervals=encode_intervals(intervals) if intervals else "",
            always_open=always_open,
            hours_confirmed=service.hours_confirmed,
            week=week_summary(hours, self.locale, self.today) if hours and not always_open else "",
            hours_year=service.source_years.get("hours"),
            primary=primary,
            contacts_to_confirm="contacts" in service.to_confirm,
            last=LISTED_LAST in service.categories,
        )

    def cards(self, services: list[Service], categories: Categories, prefix: str) -> list[Card]:
        """Every entry as a card (links relative to `prefix`), in the directory's order.

        Made once per list of services and prefix (every need page lists the same cards): a new list
        of the same cards each time.
        """
        key = (tuple(id(service) for service in services), id(categories), prefix)
        if key not in self._cards:
            cards = [self.card(service, categories, f"{prefix}{service.id}/") for service in services]
            self._cards[key] = (services, categories, sorted(cards, key=lambda card: card.sort_key))
        return list(self._cards[key][2])

    def entry_page(self, service: Service, categories: Categories, with_vcard: bool = True) -> str:
        """The Markdown page (front matter + escaped HTML) of one entry."""
        name = localized(service.name, self.language)
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
            contacts=self.links(service),
            vcard_name=f"../{service.id}.vcf" if with_vcard else "",
            always_open=always_open,
            hours_confirmed=service.hours_confirmed,
            years={name: service.source_years.get(name) for name in DATED_FIELDS},
            week=weekly_table(hours, self.locale, self.today) if hours and not always_open else [],
            intervals=encode_intervals(open_intervals(hours, self.today)) if hours and not always_open else "",
            hours_note=localized(service.hours_note, self.language) if service.hours_note else "",
            address=postal_address(service),
            city=self.city(service),
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

    def place_options(self, cards: list[Card]) -> list[PlaceGroup]:
        """The "Where?" choices: each region with its cities (shown in the reader's language)."""
        groups = []
        for region, label in REGION_LABELS.items():
            if region == "national":
                continue
            key = region.lower()
            cities = sorted(
                {(self.places.city(card.city, self.language), card.city) for card in cards if card.region == key}
            )
            if cities:
                groups.append(PlaceGroup(key, self._(label), [(name, city) for name, city in cities if city]))
        return groups

    def counts(self, total: int) -> dict[str, str]:
        """The result line ("{count} services") for each CLDR plural category of the language, up to `total`.

        By the page's language code, as the browser's Intl.PluralRules(<html lang>) picks (not the Babel locale:
        pt_PT and pt differ)."""
        return plural_forms(self.language, self.ngettext, "{count} service", "{count} services", total)

    def _meta(self, title: str, description: str, services: list[Service]) -> dict:
        return {
            "title": title,
            "description": description,
            "reviewed": min(service.last_verified for service in services),
            "parapluie": {"state": "generated", "origin": "data/services/"},
        }

    def closed_page(self, service: Service, instead_name: str | None) -> str:
        """The page of a closed service: it has closed, and where to go instead when the entry says."""
        name = localized(service.name, self.language)
        body = self.env.get_template("closed.html").render(
            service=service,
            name=name,
            instead_name=instead_name,
            instead_href=f"../{service.replaced_by}/" if service.replaced_by else "",
        )
        meta = {
            "title": html.escape(name),
            "description": html.escape(self._("Ce service a fermé.")),
            "reviewed": service.last_verified,
            "sources": [str(source) for source in service.sources],
            "parapluie": {"state": "generated", "origin": f"data/services/{service.id}.yml"},
        }
        return _front_matter(meta) + "\n" + body + "\n"

    def index_page(self, services: list[Service], categories: Categories) -> str:
        """The directory page: the question first, the results right below, each service once."""
        cards = self.cards(services, categories, "")
        needs = [Group(need.id, self._(need.label)) for need in categories.needs]
        for group in needs:
            group.cards = [card for card in cards if group.id in card.needs]
        reader = babel.Locale.parse(self.locale)
        spoken = sorted({code for service in services for code in service.languages})
        body = self.env.get_template("index.html").render(
            needs=needs,
            places=self.place_options(cards),
            cards=cards,
            always=any(card.always_open for card in cards),
            counts=self.counts(len(cards)),
            count_text=self.ngettext("{count} service", "{count} services", len(cards)).replace(
                "{count}", str(len(cards))
            ),
            need_prefix=f"{NEED_FOLDER}/",
            languages=[(code, reader.languages.get(code, code)) for code in spoken],
        )
        meta = self._meta(
            self._("Annuaire des services"),
            self._("Où se faire dépister, trouver des préservatifs, parler à quelqu'un, se faire soigner."),
            services,
        )
        return _front_matter(meta) + "\n" + body + "\n"

    def need_page(self, need: Group, services: list[Service], categories: Categories) -> str:
        """One need's services, by place, for reading without JavaScript (two taps from the directory)."""
        cards = [card for card in self.cards(services, categories, "../../") if need.id in card.needs]
        sections: list[Group] = []
        for card in cards:
            key = "partout" if card.national else f"lieu-{card.region}-{_slug(card.city)}"
            label = self._("Par téléphone ou en ligne, partout en Belgique") if card.national else card.place
            section = next((group for group in sections if group.id == key), None)
            if section is None:
                section = Group(key, label)
                sections.append(section)
            section.cards.append(card)
        local = sorted((group for group in sections if group.id != "partout"), key=lambda group: group.label)
        sections = local + [group for group in sections if group.id == "partout"]
        listed = {card.id for card in cards}
        always = [card for card in self.cards(services, categories, "../../") if card.always_open]
        body = self.env.get_template("need.html").render(
            need=need, sections=sections, always=[card for card in always if card.id not in listed]
        )
        meta = self._meta(need.label, self._("Les services pour ce besoin, par ville."), services)
        return _front_matter(meta) + "\n" + body + "\n"

    def write(
        self,
        docs_dir: Path,
        services: list[Service],
        categories: Categories,
        kept_vcards: frozenset[str] = frozenset(),
    ) -> list[str]:
        """Write the directory, need and entry pages and the vCards; return the pages written.

        A vCard is written when the entry has a contact to save; `kept_vcards` (entry ids) keeps
        the file of an entry whose vCard was published before, so a saved address still answers.
        """
        folder = docs_dir / ENTRY_FOLDER
        (folder / NEED_FOLDER).mkdir(parents=True, exist_ok=True)
        # A closed service leaves every list; its page stays (links to it keep working) and says it closed.
        listed = [service for service in services if service.status != "closed"]
        (docs_dir / INDEX_PAGE).write_text(self.index_page(listed, categories), encoding="utf-8")
        names = {service.id: localized(service.name, self.language) for service in services}
        pages = [INDEX_PAGE]
        for need in categories.needs:
            group = Group(need.id, self._(need.label))
            path = f"{ENTRY_FOLDER}/{NEED_FOLDER}/{need.id}.md"
            (docs_dir / path).write_text(self.need_page(group, listed, categories), encoding="utf-8")
            pages.append(path)
        for service in services:
            page = (
                self.closed_page(service, names.get(service.replaced_by or ""))
                if service.status == "closed"
                else self.entry_page(service, categories, with_vcard=service.has_contact)
            )
            (folder / f"{service.id}.md").write_text(page, encoding="utf-8")
            if service.has_contact or service.id in kept_vcards:
                (folder / f"{service.id}.vcf").write_text(vcard(service, self.language), encoding="utf-8")
            pages.append(f"{ENTRY_FOLDER}/{service.id}.md")
        return pages


def published_vcards(published: list[str], language: str) -> frozenset[str]:
    """Ids of the entries whose vCard a language already published (addresses of data/published-urls.txt)."""
    prefix = f"/{language}/{ENTRY_FOLDER}/"
    return frozenset(
        url[len(prefix) : -len(".vcf")] for url in published if url.startswith(prefix) and url.endswith(".vcf")
    )


def _slug(text: str) -> str:
    import re
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
