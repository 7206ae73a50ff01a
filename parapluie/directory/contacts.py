"""How readers reach a service: one-tap links, a vCard, schema.org JSON-LD.

Every output here respects `location.private`: such an address appears in none of them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import phonenumbers

from parapluie.directory.models import Contact, Service, localized

NUMBER_KINDS = ("phone", "sms", "whatsapp", "signal")


@dataclass(frozen=True)
class ContactLink:
    """A contact as a link: what kind, what to show, where it leads."""

    kind: str
    text: str
    href: str | None
    note: str | None


def display_number(value: str) -> str:
    """A number as Belgians write it (national format); short numbers as they are."""
    if not value.startswith("+"):
        return value
    return phonenumbers.format_number(phonenumbers.parse(value), phonenumbers.PhoneNumberFormat.NATIONAL)


def contact_link(contact: Contact, language: str) -> ContactLink:
    """The one-tap link of a contact (tel:, sms:, WhatsApp, Signal, mailto:, https:)."""
    value = contact.value
    note = localized(contact.note, language) or None
    digits = value.lstrip("+")
    href = {
        "phone": f"tel:{value}",
        "sms": f"sms:{value}",
        "whatsapp": f"https://wa.me/{digits}",
        "signal": f"https://signal.me/#p/{value}",
        "email": f"mailto:{value}",
        "website": value,
        "video-call": None if value == "on-request" else value,
    }[contact.kind]
    text = display_number(value) if contact.kind in NUMBER_KINDS else value
    return ContactLink(contact.kind, text, href, note)


def postal_address(service: Service) -> str | None:
    """The one-line address to publish, or None when unknown or private."""
    location = service.location
    if not service.address_public or not location.street:
        return None
    place = " ".join(part for part in (location.postcode, location.city) if part)
    return f"{location.street}, {place}" if place else location.street


def map_link(service: Service) -> str | None:
    """An OpenStreetMap link for the published address (a plain link: no map is embedded)."""
    location = service.location
    if not service.address_public:
        return None
    if location.coordinates:
        lat, lon = location.coordinates.lat, location.coordinates.lon
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
    address = postal_address(service)
    if address is None:
        return None
    from urllib.parse import quote

    return f"https://www.openstreetmap.org/search?query={quote(address + ', Belgique')}"


def _vcard_escape(text: str) -> str:
    # A carriage return could otherwise start a new vCard line (a property of the data's choosing).
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def vcard(service: Service, language: str) -> str:
    """A vCard 3.0 of the service, to save it in the phone's contacts."""
    name = localized(service.name, language)
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{_vcard_escape(name)}", f"ORG:{_vcard_escape(service.organisation)}"]
    for contact in service.contacts:
        if contact.kind in ("phone", "sms", "whatsapp", "signal"):
            kind = {"phone": "VOICE", "sms": "TEXT", "whatsapp": "CELL", "signal": "CELL"}[contact.kind]
            lines.append(f"TEL;TYPE={kind}:{contact.value}")
        elif contact.kind == "email":
            lines.append(f"EMAIL;TYPE=INTERNET:{contact.value}")
        elif contact.kind == "website":
            lines.append(f"URL:{contact.value}")
    location = service.location
    if service.address_public and location.street:
        street = _vcard_escape(location.street)
        city, postcode = _vcard_escape(location.city or ""), location.postcode or ""
        lines.append(f"ADR;TYPE=WORK:;;{street};{city};;{postcode};Belgique")
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


def json_ld(service: Service, language: str, weekly: list[tuple[str, str, str]]) -> str:
    """schema.org Service with its channels and opening hours, as JSON for a ld+json script."""
    channels = []
    for contact in service.contacts:
        channel: dict = {"@type": "ServiceChannel", "name": contact.kind}
        if contact.kind in ("phone", "whatsapp", "signal"):
            channel["servicePhone"] = {"@type": "ContactPoint", "telephone": contact.value}
        elif contact.kind == "sms":
            channel["serviceSmsNumber"] = {"@type": "ContactPoint", "telephone": contact.value}
        elif contact.kind in ("website", "video-call") and contact.value.startswith("https://"):
            channel["serviceUrl"] = contact.value
        elif contact.kind == "email":
            channel["serviceUrl"] = f"mailto:{contact.value}"
        channels.append(channel)
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Service",
        "name": localized(service.name, language),
        "description": localized(service.description, language),
        "provider": {"@type": "Organization", "name": service.organisation},
        "availableChannel": channels,
    }
    if weekly:
        data["hoursAvailable"] = [
            {"@type": "OpeningHoursSpecification", "dayOfWeek": day, "opens": opens, "closes": closes}
            for day, opens, closes in weekly
        ]
    address = postal_address(service)
    if address:
        data["availableChannel"].append(
            {"@type": "ServiceChannel", "serviceLocation": {"@type": "Place", "address": address}}
        )
    # No "<", ">" or "&" in the script text: data can neither end it early nor open markup.
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
