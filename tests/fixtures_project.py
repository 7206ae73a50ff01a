"""Shared fixtures: copies of the fixture project, one build of it, a local server, Chromium.

Every build here is of the fixture project (tests/fixtures/project/: a few pages in four languages, a
few entries) at a fixed clock, never of the real docs/ and data/: a valid staff edit of the content,
or the calendar moving on, cannot turn a test red. The real content is checked by the build itself
and by tests/site/test_real_site.py, which asserts only what stays true after any valid edit.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from devtools.localserver import start_server
from parapluie.build import BuildResult, build_site
from parapluie.project import Project

ROOT = Path(__file__).resolve().parents[1]
# The suite reads the developers' (English) messages; tests of the staff's French ones set `fr` themselves.
os.environ["PARAPLUIE_MESSAGES"] = "en"
# The fixture project's content: its own config, data and pages.
FIXTURE = ROOT / "tests" / "fixtures" / "project"
FIXTURE_SOURCES = ("docs", "data", "mkdocs.yml")
# The code a build runs, from the repository (translations/ too: the catalogs are the interface's strings).
CODE_SOURCES = ("overrides", "components", "translations", "parapluie")
# The fixture's clock: its pages were reviewed on 2040-01-15 and its entries checked on 2040-02-01, far
# from any real date, so a build that forgot the clock fails at once ("is in the future").
FIXED_TODAY = dt.date(2040, 3, 14)


def copy_tree(source: Path, destination: Path) -> None:
    """Copy a file or a folder (without Python's caches)."""
    if source.is_dir():
        shutil.copytree(source, destination, ignore=shutil.ignore_patterns("__pycache__"))
    else:
        shutil.copy(source, destination)


def copy_project(destination: Path) -> Project:
    """A copy of the fixture project in `destination` (its content, the repository's code), for tests that change it."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in FIXTURE_SOURCES:
        copy_tree(FIXTURE / name, destination / name)
    for name in CODE_SOURCES:
        copy_tree(ROOT / name, destination / name)
    return Project(destination)


@pytest.fixture
def project_copy(tmp_path: Path) -> Project:
    """A private copy of the project that a test may break."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def previous_site(project_copy: Project) -> Path:
    """A site/ folder standing where the build would publish, as a previous build left it."""
    site = project_copy.root / "site"
    (site / "fr").mkdir(parents=True)
    (site / "index.html").write_text("previous build", encoding="utf-8")
    (site / "fr" / "index.html").write_text("previous French home", encoding="utf-8")
    return site


@pytest.fixture(scope="session")
def real_project() -> Project:
    """The repository itself (read only): for its code (templates, catalogs, models), never its content."""
    return Project(ROOT)


@pytest.fixture(scope="session")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The fixture project `built` was built from (read only): its data and pages, as the tests expect them.

    With the web editor's pinned bundle (`make editor`, which `make test` runs), as `make site` has it."""
    from parapluie.editor import vendor

    project = copy_project(tmp_path_factory.mktemp("built") / "project")
    bundle = vendor.bundle_folder(ROOT)
    if vendor.is_ready(bundle):
        (project.root / ".cache").mkdir()
        (project.root / ".cache" / bundle.name).symlink_to(bundle)
    return project


@pytest.fixture(scope="session")
def built(built_project: Project) -> BuildResult:
    """The fixture project, built once for the whole test session, every language, at the fixed clock."""
    return build_site(built_project, built_project.root / "site", today=FIXED_TODAY)


@pytest.fixture(scope="session")
def finder_built(built: BuildResult) -> BuildResult:
    """The directory finder's build: the fixture project holds its entries (data/services/essai-*)."""
    return built


@pytest.fixture(scope="session")
def finder_url(site_url: str) -> str:
    """Base URL of the finder's build, served locally (the session's one server)."""
    return site_url


@pytest.fixture(scope="session")
def site_url(built: BuildResult):
    """Base URL of the built site, served locally with its `_headers` applied."""
    url, server = start_server(built.site)
    yield url
    server.shutdown()


# A right-to-left fixture language (Persian's code, written in Arabic script), with machine-made
# catalog strings. It proves the pipeline renders right to left, whatever the real languages are;
# it is not a translation and never ships.
ARABIC = {
    "code": "fa",
    "endonym": "فارسی",
    "material": "fa",
    "babel": "fa",
    "direction": "rtl",
    "status": "planned",
    "exit_url": "https://example.org/taqs",
    "app_name": "مظلة",  # an Arabic app name: the offline copy and the artwork must not crash on it
    # Its strings are an Arabic prefix + the French (so tests can find them): mostly Latin letters.
    "script": {"letters": "latin"},
}
ARABIC_PREFIX = "نص تجريبي: "


def add_fixture_language(project: Project, entry: dict, prefix: str) -> None:
    """Register `entry` in a project copy, with a catalog whose strings are `prefix` + the French.

    A language of the same code already in the copy (the real Arabic translation) is taken out
    first, pages and glossary included: the fixture proves the pipeline, whatever the content."""
    import yaml
    from babel.messages.catalog import Catalog

    from parapluie.i18n.catalogs import catalog_path, read_catalog
    from parapluie.i18n.extract import write_catalog
    from parapluie.inputs.languages import Language

    registry = yaml.safe_load(project.registry_file.read_text(encoding="utf-8"))
    registry["languages"] = [language for language in registry["languages"] if language["code"] != entry["code"]]
    shutil.rmtree(project.docs / entry["code"], ignore_errors=True)
    shutil.rmtree(project.translations / entry["babel"], ignore_errors=True)
    registry["languages"].append(entry)
    project.registry_file.write_text(yaml.safe_dump(registry, allow_unicode=True), encoding="utf-8")
    template = read_catalog(project.translations / "messages.pot")
    catalog = Catalog(locale=entry["babel"])
    for message in template:
        if isinstance(message.id, tuple):  # plural forms: every form of the language, from the French plural
            catalog.add(message.id, tuple(prefix + message.id[1] for _ in range(catalog.num_plurals)))
        elif message.id:
            catalog.add(message.id, prefix + message.id)
    write_catalog(catalog_path(project.translations, Language(**entry)), catalog)


@pytest.fixture(scope="session")
def rtl_built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """A copy of the fixture project with the Arabic fixture language, built (French and Arabic only)."""
    project = copy_project(tmp_path_factory.mktemp("rtl") / "project")
    add_fixture_language(project, ARABIC, ARABIC_PREFIX)
    return build_site(project, project.root / "site", languages=["fr", "fa"], today=FIXED_TODAY)


BROWSER_FIXTURES = {"browser", "phone", "page"}


def pytest_collection_modifyitems(config, items):
    """Every test that drives Chromium carries the `browser` marker, so `make test-fast` really skips them all."""

    def browser_fixtures(item) -> set[str]:
        parametrized = set(getattr(getattr(item, "callspec", None), "params", {}))
        return BROWSER_FIXTURES & (set(getattr(item, "fixturenames", ())) - parametrized)

    unmarked = [item.nodeid for item in items if browser_fixtures(item) and item.get_closest_marker("browser") is None]
    if unmarked:
        raise pytest.UsageError("browser tests without the `browser` marker: " + ", ".join(unmarked))
