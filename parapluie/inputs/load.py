"""Stage 1, load inputs: the registry, the config, the directory data, the pages and the outreach data.

Everything the later stages read from the project is read and validated here, so a bad input
stops the build before anything is written.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from parapluie.directory import load_categories, load_services
from parapluie.directory.categories import Categories
from parapluie.directory.load import DataWarning
from parapluie.directory.models import Service
from parapluie.directory.pages import INDEX_PAGE
from parapluie.directory.places import PLACES_FILE, Places, load_places
from parapluie.errors import BuildError
from parapluie.i18n.catalogs import catalog_gettext
from parapluie.i18n.language_rules import writing_problems
from parapluie.inputs.content_checks import check_source_pages, source_page_warnings
from parapluie.inputs.frontmatter import read_source_page
from parapluie.inputs.languages import Language, Registry, load_registry
from parapluie.inputs.yamlfile import SYMLINK_REFUSED
from parapluie.messages import say
from parapluie.outreach.addresses import site_url
from parapluie.outreach.artwork import font_covers
from parapluie.outreach.kit import KIT_PAGE, KitContext, snippets
from parapluie.outreach.leaflets import LEAFLET_FILE, load_leaflet_entries
from parapluie.outreach.shortlinks import REDIRECTS_FILE, SHORTLINKS_FILE, load_redirects, load_shortlinks
from parapluie.project import Project
from parapluie.staging.stage import source_pages
from parapluie.verify.published import REGISTRY_FILE, read_registry

# Nav pages the build generates from data rather than reading from the French sources.
GENERATED_PAGES = {INDEX_PAGE: "data/services/", KIT_PAGE: "data/shortlinks.yml and data/leaflet.yml"}


@dataclass(frozen=True)
class Inputs:
    """What the build read and validated from the project, as of `today`."""

    today: dt.date
    registry: Registry
    selected: list[Language]
    base: dict
    nav: list[str]
    pages: list[str]
    categories: Categories
    services: list[Service]
    data_warnings: list[DataWarning]
    kit: KitContext
    moved: dict[str, str]
    places: Places  # each city's name per language (data/places.yml)
    published: list[str]  # the addresses ever published (data/published-urls.txt)


def written_pages(project: Project) -> list[str]:
    """The nav's pages that people write in French (the nav minus the generated ones)."""
    return source_pages(project, project.nav_pages(project.base_config()), generated=GENERATED_PAGES)


def check_site_name(config: dict, file: str) -> None:
    """Raise a BuildError unless the link-preview card's font can draw the config's `site_name`."""
    name = str(config.get("site_name") or "")
    if not name.strip() or not font_covers(name):
        raise BuildError(
            file,
            f"the link-preview card's font (DejaVu Sans, parapluie/outreach/fonts/) cannot draw {name!r}: "
            "use Latin, Cyrillic or Arabic letters "
            "(a language's own name for the app is `app_name` in data/languages.yml)",
            field="site_name",
        )


def check_writing(project: Project, languages: list[Language]) -> None:
    """Refuse texts that break their language's script rule or glossary, naming each file and line."""
    problems = [problem for language in languages for problem in writing_problems(project, language)]
    if problems:
        first_file = problems[0].split(",", 1)[0]
        raise BuildError(first_file, f"{len(problems)} writing problem(s):\n  " + "\n  ".join(problems[:30]))


def refuse_symlinks(project: Project) -> None:
    """No symbolic link in data/, docs/ or translations/: the build reads only the repository's own files."""
    for folder in (project.data, project.docs, project.translations):
        if folder.is_symlink():
            raise BuildError(project.relative(folder), SYMLINK_REFUSED)
        for parent, folders, files in os.walk(folder):
            for name in sorted(folders + files):
                path = Path(parent) / name
                if path.is_symlink():
                    raise BuildError(project.relative(path), SYMLINK_REFUSED)


def load_inputs(project: Project, languages: list[str] | None, today: dt.date) -> Inputs:
    """Read and check every input of `project`; `languages` (codes) limits the build to those."""
    refuse_symlinks(project)
    registry = load_registry(project.registry_file)
    categories = load_categories(project.data / "categories.yml")
    services, data_warnings = load_services(project.data, registry, categories, today)
    selected = [registry.get(code) for code in languages] if languages else registry.languages
    base = project.base_config()
    nav = project.nav_pages(base)
    pages = written_pages(project)
    content = {page: read_source_page(project.source_docs / page) for page in pages}
    problems = check_source_pages(content, today)
    if problems:
        raise BuildError(
            project.relative(project.source_docs),
            say(f"{len(problems)} problème(s) dans les pages :", f"{len(problems)} content problem(s):")
            + "\n  "
            + "\n  ".join(problems),
        )
    data_warnings = data_warnings + [
        DataWarning(file, warning) for file, warning in source_page_warnings(content, today)
    ]
    check_site_name(base, project.relative(project.mkdocs_yml))
    check_writing(project, selected)
    public_url = site_url(base, project.relative(project.mkdocs_yml))
    gettexts = {lang.code: catalog_gettext(project, lang) for lang in registry.languages}
    kit = KitContext(
        base_url=public_url,
        topics=load_shortlinks(project.data / SHORTLINKS_FILE, nav, registry.codes),
        languages=selected,
        snippets=snippets(registry.languages, gettexts, public_url),
        emergency=load_leaflet_entries(project.data / LEAFLET_FILE, services),
    )
    moved = load_redirects(project.data / REDIRECTS_FILE, nav)
    places = load_places(project.data / PLACES_FILE, registry.codes)
    published = read_registry(project.data / REGISTRY_FILE)
    return Inputs(
        today, registry, selected, base, nav, pages, categories, services, data_warnings, kit, moved, places, published
    )
