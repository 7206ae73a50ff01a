"""Every text of a language checked against its writing rules (`parapluie/i18n/writing.py`).

A language's texts are its pages (`docs/<code>/`), its texts in the directory data
(`data/services/*.yml`, the `<code>:` keys) and its interface catalog. The rules are the
registry's `script` entry and the language's glossary (`translations/<babel>/glossary.yml`).
"""

from __future__ import annotations

from parapluie.i18n.catalogs import catalog_path
from parapluie.i18n.writing import (
    GLOSSARY_FILE,
    catalog_texts,
    data_texts,
    language_problems,
    load_glossary,
    page_texts,
)
from parapluie.inputs.languages import Language
from parapluie.project import Project


def glossary_file(project: Project, language: Language):
    """Where a language's glossary lives: beside its catalog."""
    return project.translations / language.babel / GLOSSARY_FILE


def writing_problems(project: Project, language: Language) -> list[str]:
    """Every page, directory text and catalog string of `language` that breaks its writing rules."""
    glossary = load_glossary(glossary_file(project, language))
    texts = page_texts(project.docs / language.code)
    texts += data_texts(sorted((project.data / "services").glob("*.yml")), language.code)
    if not language.is_source:
        texts += catalog_texts(catalog_path(project.translations, language))
    return language_problems(texts, language.script, glossary, project.root)
