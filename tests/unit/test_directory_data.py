"""The real directory data: only what stays true after any valid edit (every file loads, the vocabulary
is consistent, `make check-data` passes). No entry's number, hours or address is pinned here: staff
correct them (a number the association gives, a service that closes) without a programmer.

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


def test_check_data_script_passes() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/check_data.py"), "--today", AS_OF.isoformat()],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(" error(s), 0 warning(s)\n") or "0 error(s)" in result.stdout
