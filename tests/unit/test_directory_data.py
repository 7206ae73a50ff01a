"""The real directory data: every entry file loads and validates, the categories file is consistent."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from parapluie.directory.categories import load_categories
from parapluie.directory.hours import is_always_open, weekly_ranges
from parapluie.directory.load import SLUG, check_services, load_services
from parapluie.directory.models import ServiceEntry
from parapluie.inputs.languages import load_registry
from parapluie.inputs.yamlfile import load_yaml

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
# The date the data was last checked; freshness against the real date is `make check-data`'s job.
TODAY = dt.date(2026, 11, 29)
REGISTRY = load_registry(DATA / "languages.yml")
CATEGORIES = load_categories(DATA / "categories.yml")
SERVICE_FILES = sorted((DATA / "services").glob("*.yml"))


def test_there_are_entries() -> None:
    assert len(SERVICE_FILES) >= 19


@pytest.mark.parametrize("path", SERVICE_FILES, ids=[path.stem for path in SERVICE_FILES])
def test_entry_is_valid(path: Path) -> None:
    assert SLUG.match(path.stem), "an entry's file name is its id: lower-case letters, digits and dashes"
    entry = ServiceEntry.model_validate(
        load_yaml(path), context={"languages": REGISTRY.codes, "categories": CATEGORIES.ids}
    )
    if entry.hours is not None:
        # Valid OSM hours may still never open ("off", "Mo 18:00-18:00"): the page would show an empty week.
        assert is_always_open(entry.hours, TODAY) or weekly_ranges(entry.hours, TODAY), entry.hours


def test_whole_directory_loads_without_warnings() -> None:
    services, warnings = load_services(DATA, REGISTRY, CATEGORIES, TODAY)
    assert [service.id for service in services] == [path.stem for path in SERVICE_FILES]
    assert warnings == []


def test_no_two_entries_share_a_phone_number() -> None:
    report = check_services(DATA, REGISTRY, CATEGORIES, TODAY)
    numbers = [
        (service.id, contact.value)
        for service in report.services
        for contact in service.contacts
        if contact.kind == "phone"
    ]
    values = [value for _, value in numbers]
    assert len(values) == len(set(values)), numbers


def test_every_need_is_answered_by_categories() -> None:
    assert [need.id for need in CATEGORIES.needs] == ["get-tested", "condoms", "food", "talk", "images", "attacked"]
    services, _warnings = load_services(DATA, REGISTRY, CATEGORIES, TODAY)
    unanswered = [
        need.id
        for need in CATEGORIES.needs
        if not [s for s in services if s.status == "active" and set(s.categories) & set(need.categories)]
    ]
    assert unanswered == [], "a need no active service answers shows an empty list"


def test_sourced_details_kept_as_facts_say() -> None:
    services = {service.id: service for service in load_services(DATA, REGISTRY, CATEGORIES, TODAY)[0]}
    assert services["alias"].hours == "Tu 18:00-21:00"
    assert services["child-focus"].hours == "24/7"
    assert services["iefh"].hours is None and "hours" in services["iefh"].to_confirm
    assert "location" in services["entre-2-wallonie"].to_confirm
    assert services["espace-p"].location.region == "Bruxelles"
    assert services["cpvs-namur"].location.street == "143 avenue Albert 1er"
    assert [c.value for c in services["utsopi"].contacts if c.kind == "phone"] == ["+32485620841"]
    assert "contacts" in services["utsopi"].to_confirm


def test_check_data_script_passes() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/check_data.py"), "--today", TODAY.isoformat()],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith("services checked: 0 error(s), 0 warning(s)\n")
