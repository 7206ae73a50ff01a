"""A small fixture directory on a fixed date (tests/fixtures/small-directory/): it loads as written,
its hours give a week, a closed service leaves the lists and says where to go, a misplaced entry is
refused. (The real data's invariants are in test_directory_data.py.)
"""

from __future__ import annotations

import datetime as dt
import functools
import shutil
from pathlib import Path

import pytest

from parapluie.directory.categories import load_categories
from parapluie.directory.hours import is_always_open, weekly_ranges
from parapluie.directory.load import check_services, load_services
from parapluie.directory.pages import ENTRY_FOLDER, INDEX_PAGE, DirectoryWriter
from parapluie.inputs.languages import load_registry

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
SMALL = ROOT / "tests/fixtures/small-directory"
# The fixture's clock: its entries were checked in October and November 2026.
TODAY = dt.date(2026, 11, 29)
REGISTRY = load_registry(DATA / "languages.yml")
CATEGORIES = load_categories(DATA / "categories.yml")
SERVICE_FILES = sorted((DATA / "services").glob("*.yml"))


def test_fixture_directory_loads_in_file_order_without_warnings() -> None:
    services, warnings = load_services(SMALL, REGISTRY, CATEGORIES, TODAY)
    assert [service.id for service in services] == [
        "accueil-soir",
        "ancienne-permanence",
        "ligne-d-ecoute",
        "permanence-fermee",
    ]
    assert warnings == []


def test_fixture_details_are_read_as_written() -> None:
    services = {service.id: service for service in load_services(SMALL, REGISTRY, CATEGORIES, TODAY)[0]}
    assert services["accueil-soir"].hours == "Tu 18:00-21:00"
    assert services["accueil-soir"].name == {"fr": "Accueil du soir", "ro": "Primire de seară"}
    assert services["ligne-d-ecoute"].hours == "24/7"
    assert services["permanence-fermee"].hours is None and services["permanence-fermee"].to_confirm == ["hours"]
    assert services["permanence-fermee"].status == "temporarily-closed"
    assert [c.value for c in services["ligne-d-ecoute"].contacts if c.kind == "phone"] == ["+3223456789"]


def test_fixture_hours_give_a_week_on_the_fixed_date() -> None:
    services = {service.id: service for service in load_services(SMALL, REGISTRY, CATEGORIES, TODAY)[0]}
    assert is_always_open("24/7", TODAY)
    assert weekly_ranges(services["accueil-soir"].hours, TODAY)


def test_fixture_report_counts_no_errors() -> None:
    report = check_services(SMALL, REGISTRY, CATEGORIES, TODAY)
    assert (len(report.services), report.errors, report.warnings) == (4, [], [])


def write_fixture_directory(tmp_path: Path) -> Path:
    """The fixture directory's French pages, as the build writes them (gettext left as the French)."""
    services, _ = load_services(SMALL, REGISTRY, CATEGORIES, TODAY)
    DirectoryWriter("fr", "fr", lambda text: text, TODAY).write(tmp_path, services, CATEGORIES)
    return tmp_path


def test_closed_service_leaves_the_lists_and_its_page_says_where_to_go(tmp_path: Path) -> None:
    docs = write_fixture_directory(tmp_path)
    index = (docs / INDEX_PAGE).read_text(encoding="utf-8")
    assert "Ancienne permanence" not in index and "ancienne-permanence/" not in index
    assert "Accueil du soir" in index
    page = (docs / ENTRY_FOLDER / "ancienne-permanence.md").read_text(encoding="utf-8")
    assert "<strong>Ce service a fermé.</strong>" in page
    assert '<p>À la place, vous pouvez contacter : <a href="../accueil-soir/">Accueil du soir</a></p>' in page
    assert "+3281000001" not in page  # a closed service's number is not offered any more
    # Its address keeps working: links to it from pages and the published-address registry stay valid.
    assert (docs / ENTRY_FOLDER / "ancienne-permanence.vcf").is_file()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("replaced_by: nulle-part", "replaced_by: no entry 'nulle-part' in data/services/ (write the id of an entry)"),
        ("replaced_by: permanence-fermee\nstatus: active", "replaced_by: only a closed entry (status: closed) has a "),
    ],
)
def test_replaced_by_names_an_open_entry(tmp_path: Path, change: str, message: str) -> None:
    shutil.copytree(SMALL, tmp_path / "data")
    path = tmp_path / "data/services/ancienne-permanence.yml"
    lines = [
        line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith(("replaced_by", "status"))
    ]
    path.write_text("\n".join(lines) + "\n" + change + ("" if "status" in change else "\nstatus: closed") + "\n")
    errors = [
        str(error.relative_to(tmp_path / "data"))
        for error in check_services(tmp_path / "data", REGISTRY, CATEGORIES, TODAY).errors
    ]
    assert len(errors) == 1 and errors[0].startswith("services/ancienne-permanence.yml: " + message), errors


def test_entry_saved_in_data_instead_of_services_is_refused_in_french(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("PARAPLUIE_MESSAGES", raising=False)
    shutil.copytree(SMALL, tmp_path / "data")
    shutil.move(tmp_path / "data/services/ligne-d-ecoute.yml", tmp_path / "data/ligne-d-ecoute.yml")
    errors = check_services(tmp_path / "data", REGISTRY, CATEGORIES, TODAY).errors
    assert [str(error.relative_to(tmp_path)) for error in errors] == [
        "data/ligne-d-ecoute.yml: ce fichier ressemble à une fiche de l'annuaire, mais il est dans data/ : le site "
        "ne le lit pas. Déplacez-le dans data/services/ (data/services/ligne-d-ecoute.yml)."
    ]


# The real data: only what any valid edit keeps true.


@functools.cache
def real_report():
    """The real directory checked as of today, once per session."""
    return check_services(DATA, REGISTRY, CATEGORIES, dt.date.today())
