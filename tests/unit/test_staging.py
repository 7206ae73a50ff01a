"""Staging one language: translations, French fallbacks, orphans, nav consistency."""

from __future__ import annotations

import shutil

import pytest
import yaml

from parapluie.errors import BuildError
from parapluie.inputs.frontmatter import split_front_matter
from parapluie.inputs.languages import load_registry
from parapluie.inputs.load import written_pages
from parapluie.staging.stage import source_pages, stage_language


def staged_meta(staged, page: str) -> dict:
    meta, _ = split_front_matter((staged.docs_dir / page).read_text(encoding="utf-8"), page)
    return meta


@pytest.fixture
def setup(project_copy, tmp_path):
    registry = load_registry(project_copy.registry_file)
    pages = written_pages(project_copy)
    return project_copy, registry, pages, tmp_path


def test_missing_translation_falls_back_to_french(setup):
    project, registry, pages, tmp = setup
    shutil.rmtree(project.docs / "ro", ignore_errors=True)  # Romanian without any translated page
    staged = stage_language(project, registry, registry.get("ro"), pages, tmp / "stage", tmp / "site")
    assert {page.state for page in staged.pages} == {"fallback"}
    meta = staged_meta(staged, pages[0])
    assert meta["parapluie"] == {"state": "fallback", "origin": f"docs/fr/{pages[0]}"}
    assert meta["reviewed"]  # the French provenance travels with the page


def test_translation_keeps_french_provenance_and_its_own_title(setup):
    project, registry, pages, tmp = setup
    page = pages[1]
    (project.docs / "en").mkdir(exist_ok=True)
    (project.docs / "en" / page).write_text(
        "---\ntitle: Translated\nl10n:\n  source_hash: 0123456789ab\n  method: machine\n---\nBody\n", encoding="utf-8"
    )
    staged = stage_language(project, registry, registry.get("en"), pages, tmp / "stage", tmp / "site")
    meta = staged_meta(staged, page)
    assert meta["title"] == "Translated"
    # The hash is not the French page's: the translation is outdated and says so.
    assert meta["parapluie"] == {
        "state": "translated",
        "origin": f"docs/en/{page}",
        "method": "machine",
        "outdated": True,
    }
    assert meta["sources"]
    config = yaml.safe_load(staged.config_file.read_text(encoding="utf-8"))
    assert config["theme"]["language"] == "en"
    assert config["extra"]["parapluie"]["lang"] == "en"
    assert [entry["code"] for entry in config["extra"]["parapluie"]["languages"]] == registry.codes


def test_orphan_translation_is_refused(setup):
    project, registry, pages, tmp = setup
    (project.docs / "bg").mkdir(exist_ok=True)
    (project.docs / "bg" / "samo-bg.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    with pytest.raises(BuildError, match=r"docs/bg/samo-bg\.md: no French page docs/fr/samo-bg\.md"):
        stage_language(project, registry, registry.get("bg"), pages, tmp / "stage", tmp / "site")


def test_french_page_outside_the_nav_is_refused(setup):
    project, _, pages, _ = setup
    (project.docs / "fr" / "oubliee.md").write_text((project.docs / "fr" / pages[0]).read_text(), encoding="utf-8")
    with pytest.raises(BuildError, match=r"docs/fr/oubliee\.md: page is not in the nav"):
        source_pages(project, pages)


def test_nav_entry_without_a_page_is_refused(setup):
    project, _, pages, _ = setup
    with pytest.raises(BuildError, match=r"mkdocs\.yml: nav\.\d+: the nav lists 'absente\.md'"):
        source_pages(project, [*pages, "absente.md"])


@pytest.mark.parametrize(
    ("page", "data"),
    [("annuaire.md", "data/services/"), ("pour-les-associations.md", "data/shortlinks.yml and data/leaflet.yml")],
)
def test_a_written_copy_of_a_generated_page_is_refused_naming_its_data(setup, page, data):
    project, _, pages, _ = setup
    target = project.docs / "fr" / page
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text((project.docs / "fr" / pages[0]).read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(BuildError) as error:
        written_pages(project)
    assert str(error.value) == (
        f"docs/fr/{page}: this page is generated from data ({data}): remove the file, edit the data instead"
    )
