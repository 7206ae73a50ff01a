"""Open data: the directory as Open Referral HSDS 3.0 service objects (JSON).

Ids are stable UUIDs derived from each entry's id. Hours stay in Europe/Brussels local time
(HSDS only knows fixed UTC offsets, wrong half the year): the schedule's notes say so and keep
the original OpenStreetMap expression. An address marked private is not exported.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid

from parapluie.directory.hours import weekly_ranges
from parapluie.directory.models import Service, localized
from parapluie.inputs.languages import SOURCE_LANGUAGE
from parapluie.inputs.place import TIMEZONE_NAME

NAMESPACE = uuid.UUID("6f1c2b9e-58a4-4c1e-9d0a-7a4f3c2e1b00")
ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _id(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def _schedules(service: Service, today: dt.date) -> list[dict]:
    if not service.hours:
        return []
    schedules = []
    for index, (day, opens, closes) in enumerate(weekly_ranges(service.hours, today)):
        schedules.append(
            {
                "id": _id(service.id, "schedule", str(index)),
                "service_id": _id(service.id),
                "freq": "WEEKLY",
                "byday": ICAL_DAYS[day],
                "opens_at": opens.strftime("%H:%M"),
                "closes_at": (closes or dt.time(23, 59)).strftime("%H:%M"),
                "notes": f"{TIMEZONE_NAME} local time; opening_hours: {service.hours}",
            }
        )
    return schedules


def _locations(service: Service) -> list[dict]:
    location = service.location
    if not service.address_public or not location.street:
        return []
    place = {
        "id": _id(service.id, "location"),
        "location_type": "physical",
        "name": localized(service.name, SOURCE_LANGUAGE),
        "addresses": [
            {
                "id": _id(service.id, "address"),
                "address_1": location.street,
                "city": location.city or "",
                "state_province": location.region,
                "postal_code": location.postcode or "",
                "country": "BE",
                "address_type": "physical",
            }
        ],
    }
    if location.coordinates:
        place["latitude"] = location.coordinates.lat
        place["longitude"] = location.coordinates.lon
    return [{"id": _id(service.id, "service_at_location"), "service_id": _id(service.id), "location": place}]


HSDS_STATUS = {"active": "active", "temporarily-closed": "temporarily closed", "closed": "defunct"}


def hsds_service(service: Service, today: dt.date) -> dict:
    """One entry as an HSDS 3.0 `service` object with its organization, phones, schedules, places."""
    contacts = {contact.kind: contact.value for contact in reversed(service.contacts)}
    record: dict = {
        "id": _id(service.id),
        "name": localized(service.name, SOURCE_LANGUAGE),
        "description": localized(service.description, SOURCE_LANGUAGE),
        "status": HSDS_STATUS[service.status],
        "organization": {
            "id": _id("organization", service.organisation),
            "name": service.organisation,
            "description": "",
        },
        "phones": [
            {"id": _id(service.id, "phone", str(index)), "number": contact.value, "type": contact.kind}
            for index, contact in enumerate(service.contacts)
            if contact.kind in ("phone", "sms", "whatsapp", "signal")
        ],
        "schedules": _schedules(service, today),
        "service_at_locations": _locations(service),
        "languages": [
            {"id": _id(service.id, "language", code), "service_id": _id(service.id), "code": code}
            for code in service.languages
        ],
        "last_modified": dt.datetime.combine(service.last_verified, dt.time()).isoformat() + "Z",
    }
    if "website" in contacts:
        record["url"] = contacts["website"]
    if "email" in contacts:
        record["email"] = contacts["email"]
    if service.free:
        record["fees_description"] = "Gratuit"
    return record


def hsds_export(services: list[Service], today: dt.date) -> str:
    """The whole directory as a JSON array of HSDS 3.0 services."""
    return json.dumps([hsds_service(service, today) for service in services], ensure_ascii=False, indent=1)
