"""The real site, built strictly as `make site` builds it (today's date, every language), once.

The only test that builds the real docs/ and data/: it asserts what stays true after any valid edit
of the content (a new hour, a closed service, a reworded sentence, a page re-translated or not),
never a page's words or an entry's details. Everything else is tested on the fixture project
(tests/fixtures/project/, at a fixed clock).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from devtools.weight import FIRST_VISIT_MAX_BYTES, FIRST_VISIT_MAX_REQUESTS, NEXT_PAGE_MAX_BYTES, page_weight
from parapluie.directory import load_categories, load_services
from parapluie.inputs.languages import load_registry
from parapluie.project import Project
from tests.fixtures_project import ROOT
from tests.site.test_site import page_file


@pytest.fixture(scope="module")
def real_build(tmp_path_factory):
    """(the command's result, site folder): scripts/build.py on the repository, into a temporary folder."""
    site = tmp_path_factory.mktemp("real") / "site"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build.py"), "--out", str(site)], capture_output=True, text=True
    )
    return result, site


def test_the_real_site_builds_without_an_error(real_build):
    result, site = real_build
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.startswith("Built ") and (site / "index.html").is_file()


def test_every_language_of_the_registry_has_every_page_of_the_nav(real_build):
    _, site = real_build
    project = Project(ROOT)
    registry = load_registry(project.registry_file)
    pages = project.nav_pages(project.base_config())
    root = (site / "index.html").read_text(encoding="utf-8")
    for language in registry.languages:
        assert (site / language.code / "index.html").is_file(), language.code  # its home
        assert f'href="{language.code}/"' in root and f"<strong>{language.endonym}</strong>" in root, language.code
        for page in pages:
            html = page_file(site, language.code, page).read_text(encoding="utf-8")
            assert f'<html lang="{language.code}" dir="{language.direction}"' in html, (language.code, page)


def test_every_directory_entry_has_its_page_in_every_language_and_in_the_open_data(real_build):
    _, site = real_build
    registry = load_registry(ROOT / "data" / "languages.yml")
    categories = load_categories(ROOT / "data" / "categories.yml")
    services, _ = load_services(ROOT / "data", registry, categories, __import__("datetime").date.today())
    for code in registry.codes:
        for service in services:
            assert (site / code / "annuaire" / service.id / "index.html").is_file(), (code, service.id)
    published = json.loads((site / "donnees" / "annuaire-hsds.json").read_text(encoding="utf-8"))
    assert len(published) == len(services)


def test_every_real_page_fits_the_weight_budget(real_build):
    _, site = real_build
    over = []
    for code in load_registry(ROOT / "data" / "languages.yml").codes:
        for path in sorted((site / code).rglob("index.html")):
            weight = page_weight(site, path)
            if weight.first_visit_bytes > FIRST_VISIT_MAX_BYTES or weight.requests > FIRST_VISIT_MAX_REQUESTS:
                over.append(f"{weight.page}: first visit {weight.first_visit_bytes} B in {weight.requests} requests")
            if weight.page_bytes > NEXT_PAGE_MAX_BYTES:
                over.append(f"{weight.page}: next page {weight.page_bytes} B")
    assert not over, "\n".join(over)
