"""The real directory data: what stays true after any valid edit (every file loads, the vocabulary is
consistent), and the numbers FACTS gives for the entries added from its section 8.

Behaviour (freshness, errors, warnings) is tested on fixtures in test_directory_errors.py.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from parapluie.directory.categories import load_categories
from parapluie.directory.load import SLUG, load_services
from parapluie.directory.models import ServiceEntry
from parapluie.directory.places import load_places
from parapluie.inputs.languages import load_registry
from parapluie.inputs.yamlfile import load_yaml

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
REGISTRY = load_registry(DATA / "languages.yml")
CATEGORIES = load_categories(DATA / "categories.yml")
SERVICE_FILES = sorted((DATA / "services").glob("*.yml"))
ENTRIES = {
    path.stem: ServiceEntry.model_validate(
        load_yaml(path), context={"languages": REGISTRY.codes, "categories": CATEGORIES.ids}
    )
    for path in SERVICE_FILES
}
# The data as of its newest check: freshness against the real date is `make check-data`'s job.
AS_OF = max(entry.last_verified for entry in ENTRIES.values())
# FACTS section 8 (8.2.11, 8.3.1, 8.4, 8.5): the only phone numbers it gives for these entries.
FACTS_NUMBERS = {
    "cpvs-bruxelles": {"+3225354542"},
    "cpvs-charleroi": {"+3271924100"},
    "alias": {"+32486941758"},
    "plate-forme-prevention-sida": {"+3227337299"},
    "ex-aequo": {"+3227362861"},
}
# FACTS 8.9: no phone number found for these.
NO_NUMBER_IN_FACTS = (
    "cpvs-liege",
    "cpvs-namur",
    "chu-liege-crs",
    "chu-charleroi-crvih",
    "chu-ucl-namur-godinne",
    "saser-namur",
    "namur-entraide-sida",
    "sida-sol",
    "medibus-hainaut",
)


@pytest.mark.parametrize("path", SERVICE_FILES, ids=[path.stem for path in SERVICE_FILES])
def test_entry_is_valid(path: Path) -> None:
    assert SLUG.match(path.stem)
    entry = ENTRIES[path.stem]
    assert "fr" in entry.name
    if entry.hours is not None:
        assert entry.opening_hours() is not None


def test_whole_directory_loads() -> None:
    services, _warnings = load_services(DATA, REGISTRY, CATEGORIES, AS_OF)
    assert [service.id for service in services] == [path.stem for path in SERVICE_FILES]


def test_place_names_use_registry_languages() -> None:
    places = load_places(DATA / "places.yml", REGISTRY.codes)
    assert places.city("Nowhere", "bg") == "Nowhere"  # a city the file does not list keeps its name


@pytest.mark.parametrize("service_id", sorted(FACTS_NUMBERS))
def test_new_entries_numbers_are_the_ones_in_facts(service_id: str) -> None:
    numbers = {contact.value for contact in ENTRIES[service_id].contacts if contact.kind == "phone"}
    assert numbers <= FACTS_NUMBERS[service_id]


@pytest.mark.parametrize("service_id", NO_NUMBER_IN_FACTS)
def test_no_number_where_facts_found_none(service_id: str) -> None:
    if service_id in ENTRIES:
        assert not [contact for contact in ENTRIES[service_id].contacts if contact.kind == "phone"]


def test_check_data_script_passes() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/check_data.py"), "--today", AS_OF.isoformat()],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(" error(s), 0 warning(s)\n") or "0 error(s)" in result.stdout
