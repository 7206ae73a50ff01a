"""The directory model's format checks (contacts, hours, location) and the committed JSON Schema."""

from __future__ import annotations

import datetime as dt
import json
import zoneinfo
from pathlib import Path

import pytest
from pydantic import ValidationError

from parapluie.directory.categories import load_categories
from parapluie.directory.models import FOREIGN_NUMBER, Contact, Location, ServiceEntry
from parapluie.directory.schema import schema_text, service_schema
from parapluie.inputs.languages import load_registry

ROOT = Path(__file__).resolve().parents[2]
REGISTRY = load_registry(ROOT / "data/languages.yml")
CATEGORIES = load_categories(ROOT / "data/categories.yml")


def contact_error(kind: str, value: str) -> str:
    with pytest.raises(ValidationError) as raised:
        Contact(kind=kind, value=value)
    return raised.value.errors()[0]["msg"].removeprefix("Value error, ")


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("phone", "+32485620841"),
        ("phone", "+3280012800"),
        ("phone", "112"),
        ("phone", "116000"),
        ("sms", "+32485620841"),
        ("whatsapp", "+32485620841"),
        ("email", "info@utsopi.be"),
        ("website", "https://www.utsopi.be/"),
        ("video-call", "on-request"),
        ("video-call", "https://meet.example.org/permanence"),
    ],
)
def test_valid_contacts(kind: str, value: str) -> None:
    assert Contact(kind=kind, value=value).value == value


def test_a_foreign_number_needs_abroad() -> None:
    assert Contact(kind="whatsapp", value="+40712345678", abroad=True).value == "+40712345678"
    with pytest.raises(ValidationError) as raised:
        Contact(kind="phone", value="+33612345678")
    assert raised.value.errors()[0]["msg"] == "Value error, " + FOREIGN_NUMBER.format(value="+33612345678", code=33)


@pytest.mark.parametrize(
    ("kind", "value", "message"),
    [
        ("sms", "112", "invalid sms number '112' (expected a valid number in E.164 form, e.g. '+32485620841')"),
        ("email", "info@utsopi", "invalid e-mail address 'info@utsopi' (expected e.g. 'info@example.be')"),
        ("website", "http://www.utsopi.be/", "expected an https:// URL, got 'http://www.utsopi.be/'"),
        ("video-call", "Zoom", "expected 'on-request' or an https:// URL, got 'Zoom'"),
    ],
)
def test_invalid_contacts(kind: str, value: str, message: str) -> None:
    assert contact_error(kind, value) == message


def test_city_required_outside_national() -> None:
    assert Location(region="national").city is None
    with pytest.raises(ValidationError, match="city is required unless region is 'national'"):
        Location(region="Wallonie")


def test_hours_are_interpreted_in_brussels() -> None:
    entry = ServiceEntry(
        organisation="Test",
        name={"fr": "Test"},
        description={"fr": "Test"},
        categories=["testing"],
        hours="Tu 18:00-21:00",
        anonymous=None,
        free=None,
        status="active",
        last_verified=dt.date(2026, 11, 1),
        sources=["https://example.org/"],
    )
    hours = entry.opening_hours()
    utc = zoneinfo.ZoneInfo("UTC")
    # Tuesday 1 December 2026, Brussels is UTC+1: 17:30 UTC is 18:30 there (open), 20:30 UTC is 21:30 (closed).
    # Read as UTC the hours would say the opposite, so this fails if the time zone is lost.
    assert hours.is_open(dt.datetime(2026, 12, 1, 17, 30, tzinfo=utc))
    assert not hours.is_open(dt.datetime(2026, 12, 1, 20, 30, tzinfo=utc))
    assert hours.is_closed(dt.datetime(2026, 12, 2, 19, 0))


def test_committed_schema_is_up_to_date() -> None:
    committed = (ROOT / "data/services.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(REGISTRY.codes, CATEGORIES.ids), "run: python scripts/check_data.py --write-schema"


def test_schema_lists_languages_and_categories() -> None:
    schema = service_schema(REGISTRY.codes, CATEGORIES.ids)
    name = schema["properties"]["name"]
    assert name["propertyNames"] == {"enum": REGISTRY.codes}
    assert name["required"] == ["fr"]
    assert schema["properties"]["categories"]["items"]["enum"] == CATEGORIES.ids
    assert schema["additionalProperties"] is False
    assert "x-parapluie" not in json.dumps(schema)
