"""gettext catalogs: up to date with the templates, complete, and refused when not."""

from __future__ import annotations

import pytest
from babel.messages.catalog import Catalog

from parapluie.errors import BuildError
from parapluie.i18n.catalogs import catalog_path, compile_catalog, load_translations, missing_strings, read_catalog
from parapluie.i18n.extract import extract_messages, message_ids, write_catalog
from parapluie.inputs.languages import load_registry


def test_template_catalog_is_up_to_date_with_the_code(real_project):
    committed = read_catalog(real_project.translations / "messages.pot")
    assert message_ids(extract_messages(real_project)) == message_ids(committed), "run `make messages`"


def test_every_language_catalog_is_complete(real_project):
    template = read_catalog(real_project.translations / "messages.pot")
    for language in load_registry(real_project.registry_file).translations:
        catalog = read_catalog(catalog_path(real_project.translations, language), locale=language.babel)
        assert missing_strings(template, catalog) == [], language.code


def test_missing_and_fuzzy_strings_are_found():
    template = Catalog()
    for message in ("Accueil", "Sources", "Page introuvable"):
        template.add(message)
    catalog = Catalog(locale="ro")
    catalog.add("Accueil", "Acasă")
    catalog.add("Sources", "Surse", flags=["fuzzy"])
    assert missing_strings(template, catalog) == ["Sources", "Page introuvable"]


def test_build_refuses_an_incomplete_catalog(project_copy, tmp_path):
    language = load_registry(project_copy.registry_file).get("ro")
    path = catalog_path(project_copy.translations, language)
    catalog = read_catalog(path, locale="ro")
    catalog.get("Sources").string = ""
    write_catalog(path, catalog)
    with pytest.raises(BuildError) as caught:
        compile_catalog(project_copy, language, tmp_path / "locale")
    assert caught.value.file == "translations/ro/LC_MESSAGES/messages.po"
    assert "1 string(s) not translated (or fuzzy): 'Sources'" in caught.value.detail


def test_compiled_catalog_translates(project_copy, tmp_path):
    language = load_registry(project_copy.registry_file).get("bg")
    compile_catalog(project_copy, language, tmp_path / "locale")
    assert load_translations(tmp_path / "locale", "bg").gettext("Sources") == "Източници"


def test_placeholders_must_match_the_msgid() -> None:
    from babel.messages.catalog import Catalog

    from parapluie.i18n.catalogs import LONE_PERCENT_FOUND, PLACEHOLDERS_DIFFER, placeholder_problems

    catalog = Catalog(locale="ro")
    catalog.add("Copiez {url}", "Copiați linkul", lineno=3)
    catalog.add("Vérifié le %(date)s", "Verificat la %(date)s", lineno=7)
    catalog.add("Prix", "100 % gratuit", lineno=9)
    catalog.add("Taux", "100 %% gratuit", lineno=11)
    assert placeholder_problems(catalog) == [
        PLACEHOLDERS_DIFFER.format(line=3, msgid="Copiez {url}", expected="{url}", found="none"),
        LONE_PERCENT_FOUND.format(line=9, msgid="Prix"),
    ]


def test_a_po_line_without_its_closing_quote_is_named() -> None:
    from parapluie.i18n.catalogs import UNQUOTED_LINE, syntax_problems

    text = '# comment\nmsgid "Sources"\nmsgstr "Surse\n\nmsgid "a"\nmsgstr ""\n"b \\"c\\""\n'
    assert syntax_problems(text) == [UNQUOTED_LINE.format(line=3, text='msgstr "Surse')]
