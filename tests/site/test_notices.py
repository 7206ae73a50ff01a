"""Readers always see where a page stands, in their own language."""

from __future__ import annotations

import pytest

from parapluie.build import build_site
from parapluie.i18n.l10n import stamp
from tests.site.test_site import page_file


@pytest.fixture(scope="module")
def notices_site(tmp_path_factory):
    """en: a fresh machine translation; ro: an outdated human one; bg: missing (French fallback)."""
    from tests.fixtures_project import copy_project

    project = copy_project(tmp_path_factory.mktemp("notices") / "project")
    page = "sante.md"
    (project.docs / "bg" / page).unlink(missing_ok=True)  # Bulgarian: this page not translated
    body = (project.docs / "fr" / page).read_text(encoding="utf-8").split("---\n", 2)[2]
    for code, method in (("en", "machine"), ("ro", "human")):
        (project.docs / code).mkdir(exist_ok=True)
        (project.docs / code / page).write_text(f"---\ntitle: T-{code}\n---\n{body}", encoding="utf-8")
        stamp(project, code, page, method)
    # Romanian was stamped before this change to the French page: it is now outdated.
    french = project.docs / "fr" / page
    stamp(project, "en", page)
    french.write_text(french.read_text(encoding="utf-8") + "\nUne phrase ajoutée.\n", encoding="utf-8")
    stamp(project, "en", page)
    result = build_site(project, project.root / "site", languages=["fr", "en", "ro", "bg"])
    return result, page


def test_machine_translation_says_so_in_english(notices_site):
    result, page = notices_site
    html = page_file(result.site, "en", page).read_text(encoding="utf-8")
    assert "This page was translated by a machine. It may contain mistakes." in html
    assert "has changed since this translation" not in html
    assert "<h1>T-en</h1>" in html


def test_outdated_translation_links_to_the_french_page_in_romanian(notices_site):
    result, page = notices_site
    html = page_file(result.site, "ro", page).read_text(encoding="utf-8")
    assert "Pagina în franceză s-a schimbat de la această traducere" in html
    assert '<a href="../../fr/sante/" hreflang="fr">Citiți pagina în franceză</a>' in html
    assert "tradusă automat" not in html  # a human translation carries no machine notice


def test_outdated_critical_page_is_published_and_listed_to_re_translate(notices_site):
    result, page = notices_site
    # sante.md is critical and Romanian is a complete language: the build still publishes it.
    assert page_file(result.site, "ro", page).is_file()
    # Other pages may lag too, whatever the real content: only this page's listing is asserted.
    behind = {
        warning.split("/", 2)[1]: warning.split("): ", 1)[1].split(", ")
        for warning in result.warnings
        if warning.startswith("docs/") and "to re-translate" in warning
    }
    assert page in behind["ro"]
    assert page not in behind.get("en", [])
    assert "published with a notice linking the French page" in next(w for w in result.warnings if "docs/ro/" in w)


def test_missing_page_is_french_with_a_bulgarian_notice(notices_site):
    result, page = notices_site
    html = page_file(result.site, "bg", page).read_text(encoding="utf-8")
    assert "Тази страница все още не е преведена на вашия език. Ето версията на френски." in html
    assert '<div lang="fr" dir="ltr">' in html


def test_french_pages_carry_no_notice(notices_site):
    result, page = notices_site
    assert 'class="parapluie-notice"' not in page_file(result.site, "fr", page).read_text(encoding="utf-8")
