"""Authoring the catalogs (`make messages`, `make new-lang`): extract our strings, update every .po.

The build never runs this: it only compiles the catalogs (catalogs.py).
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog

from parapluie.i18n.catalogs import DOMAIN, catalog_path, read_catalog
from parapluie.inputs.languages import Language
from parapluie.project import Project

# Where our translatable strings live: (glob relative to the project root, extraction method).
EXTRACTION_SOURCES = [
    ("parapluie/**.py", "python"),
    ("overrides/**.html", "jinja2"),
    ("components/**.html", "jinja2"),
    ("parapluie/templates/**.html", "jinja2"),
    ("parapluie/directory/templates/**.html", "jinja2"),
    ("data/categories.yml", "parapluie.i18n.extract:extract_category_labels"),
]


def extract_category_labels(fileobj, keywords, comment_tags, options):
    """Babel extractor: the French labels of data/categories.yml (categories and needs) are msgids."""
    import yaml

    data = yaml.safe_load(fileobj) or {}
    for section in ("categories", "needs"):
        for item in data.get(section) or []:
            yield 0, "_", item["label"], [f"data/categories.yml: {section} {item['id']}"]


def extract_messages(project: Project) -> Catalog:
    """Extract every translatable string of our code and templates into a fresh template catalog."""
    from babel.messages.extract import extract_from_dir

    template = Catalog(project="Parapluie", charset="utf-8", fuzzy=False)
    for _filename, _lineno, message, _comments, context in extract_from_dir(
        str(project.root), method_map=EXTRACTION_SOURCES, options_map={"**.html": {"silent": "false"}}
    ):
        template.add(message, context=context)
    return template


def message_ids(catalog: Catalog) -> set:
    """The msgids of a catalog (the header entry excluded)."""
    return {message.id for message in catalog if message.id}


def write_catalog(path: Path, catalog: Catalog) -> None:
    """Write a .pot/.po file in the project's stable form: sorted, without source locations."""
    from babel.messages.pofile import write_po

    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, no_location=True, sort_output=True, width=100)


def update_catalogs(project: Project, languages: list[Language]) -> list[Path]:
    """Re-extract messages.pot and merge it into each language's .po; return the files written."""
    template = extract_messages(project)
    pot = project.translations / f"{DOMAIN}.pot"
    write_catalog(pot, template)
    written = [pot]
    for language in languages:
        path = catalog_path(project.translations, language)
        catalog = read_catalog(path, locale=language.babel) if path.exists() else Catalog(locale=language.babel)
        catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
        write_catalog(path, catalog)
        written.append(path)
    return written
