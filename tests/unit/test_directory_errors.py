"""Bad directory input: each fixture under tests/fixtures/directory/<case>/ fails with its exact message."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from parapluie.directory.categories import load_categories
from parapluie.directory.load import check_services, load_services, months_before
from parapluie.errors import BuildError
from parapluie.inputs.languages import load_registry

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests/fixtures/directory"
TODAY = dt.date(2026, 11, 29)
REGISTRY = load_registry(ROOT / "data/languages.yml")
CATEGORIES = load_categories(ROOT / "data/categories.yml")
CODES = ", ".join(REGISTRY.codes)
IDS = ", ".join(CATEGORIES.ids)

EXPECTED_ERRORS = {
    "invalid-phone": [
        "services/bad-phone.yml: contacts.0.value: invalid phone number '+3248562084' (expected a valid number "
        "in E.164 form, e.g. '+32485620841', or a Belgian short number such as '112')"
    ],
    "phone-not-e164": [
        "services/local-phone.yml: contacts.0.value: write the phone number '0485 62 08 41' in E.164 form: "
        "'+32485620841'"
    ],
    "bad-hours": [
        "services/bad-hours.yml: hours: invalid opening hours 'Mo-Fr 10-16' (expected OpenStreetMap "
        "opening_hours syntax with HH:MM times, e.g. 'Mo-Fr 10:00-16:00; PH off')"
    ],
    "unknown-category": [
        f"services/bad-category.yml: categories.1: unknown category 'condoms' (expected one of "
        f"data/categories.yml: {IDS})"
    ],
    "unknown-language-key": [
        f"services/bad-language-key.yml: name: unknown language key 'nl' (expected a code of data/languages.yml: "
        f"{CODES})"
    ],
    "unknown-spoken-language": [
        "services/bad-spoken-language.yml: languages.1: unknown language code 'xx' (expected a two-letter "
        "ISO 639-1 code, e.g. 'ro')"
    ],
    "flow-map-comma": [
        f"services/flow-map.yml: description: unknown language key 'café et écoute' (expected a code of "
        f"data/languages.yml: {CODES}). A comma inside a flow map {{…}} ends the text and starts a new key: "
        f'quote the text, e.g. {{fr: "Préservatifs, café et écoute"}}'
    ],
    "missing-french-name": [
        "services/no-french.yml: name: French text ('fr') is required; other languages fall back to it"
    ],
    "unknown-key": ["services/typo.yml: adress: unknown key (check its spelling, or remove it)"],
    "duplicate-id": [
        "services/CPVS_Namur.yml: id: the file name is the entry's id: use lower-case letters, digits and '-' "
        "only, e.g. 'cpvs-namur.yml'",
        "services/cpvs-namur.yml: id: duplicate id: 'CPVS_Namur.yml' names the same entry (ids ignore case, "
        "'_' and '-'); merge the two files or rename one",
    ],
    "stale-without-reason": [
        "services/stale.yml: last_verified: last checked on 2025-10-01, over 12 months ago: check the entry "
        "against its sources and update last_verified, or explain in stale_reason why it stays"
    ],
    "source-year-not-to-confirm": [
        "services/dated.yml: source_years: hours: a detail from a dated source is published only as "
        "'à confirmer', so add it to to_confirm too"
    ],
    "future-date": ["services/future.yml: last_verified: 2026-12-25 is in the future (today is 2026-11-29)"],
}

EXPECTED_WARNINGS = {
    "valid": [],
    # Two and a half months before the build refuses it, with the date it will.
    "warn-9-months": [
        "services/old-entry.yml: last_verified: last checked on 2026-01-15, over 9 months ago: check it against "
        "its sources and update last_verified before 2027-01-15, when the build refuses it"
    ],
    "stale-with-reason": [
        "services/stale-kept.yml: last_verified: last checked on 2025-10-01, over 12 months ago (kept: "
        "L'association déménage ; nouvelle adresse annoncée pour janvier.)"
    ],
    "comment-in-entry": [
        f"services/commented.yml: line {line}: a comment; the web editor drops comments when it saves the entry: "
        "write it in source_notes instead (never published)"
        for line in (9, 20)
    ],
}


def test_every_fixture_has_an_expectation() -> None:
    cases = {path.name for path in FIXTURES.iterdir() if path.is_dir()}
    assert cases == set(EXPECTED_ERRORS) | set(EXPECTED_WARNINGS)


@pytest.mark.parametrize("case", sorted(EXPECTED_ERRORS))
def test_bad_input_fails_with_exact_message(case: str) -> None:
    folder = FIXTURES / case
    report = check_services(folder, REGISTRY, CATEGORIES, TODAY)
    assert [str(error.relative_to(folder)) for error in report.errors] == EXPECTED_ERRORS[case]
    with pytest.raises(BuildError) as raised:
        load_services(folder, REGISTRY, CATEGORIES, TODAY)
    assert str(raised.value.relative_to(folder)) == EXPECTED_ERRORS[case][0]


@pytest.mark.parametrize("case", sorted(EXPECTED_WARNINGS))
def test_warnings(case: str) -> None:
    folder = FIXTURES / case
    services, warnings = load_services(folder, REGISTRY, CATEGORIES, TODAY)
    assert len(services) == 1
    assert [str(warning.relative_to(folder)) for warning in warnings] == EXPECTED_WARNINGS[case]


def test_error_names_file_and_field() -> None:
    folder = FIXTURES / "bad-hours"
    with pytest.raises(BuildError) as raised:
        load_services(folder, REGISTRY, CATEGORIES, TODAY)
    assert raised.value.file == str(folder / "services/bad-hours.yml")
    assert raised.value.field == "hours"


def test_freshness_boundaries() -> None:
    assert months_before(dt.date(2026, 11, 29), 9) == dt.date(2026, 2, 28)
    assert months_before(dt.date(2026, 11, 29), 12) == dt.date(2025, 11, 29)
    assert months_before(dt.date(2024, 3, 31), 1) == dt.date(2024, 2, 29)


def test_missing_folder_is_an_error(tmp_path: Path) -> None:
    report = check_services(tmp_path, REGISTRY, CATEGORIES, TODAY)
    assert [str(error.relative_to(tmp_path)) for error in report.errors] == ["services: folder not found"]
