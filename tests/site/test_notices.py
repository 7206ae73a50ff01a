"""Readers always see where a page stands, in their own language."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from parapluie.build import build_site
from parapluie.i18n.l10n import stamp
from tests.site.test_site import page_file

STAMPED = dt.date(2026, 11, 20)  # the fixed clock of the stamps
# A fifth language for this build only (the fixture project has four): its catalog is the repository's.
SPANISH = {
    "code": "es",
    "endonym": "Español",
    "material": "es",
    "babel": "es",
    "direction": "ltr",
    "status": "complete",
    "exit_url": "https://example.org/tiempo",
    "script": {"letters": "latin"},
}


@pytest.fixture(scope="module")
def notices_site(tmp_path_factory):
    """en: a fresh machine translation; ro: an outdated human one; es: outdated, stamped before stamps had a day;
    bg: missing (French fallback)."""
    from tests.fixtures_project import FIXED_TODAY, copy_project

    project = copy_project(tmp_path_factory.mktemp("notices") / "project")
    registry = yaml.safe_load(project.registry_file.read_text(encoding="utf-8"))
    project.registry_file.write_text(
        yaml.safe_dump({"languages": [*registry["languages"], SPANISH]}, allow_unicode=True), encoding="utf-8"
    )
    page = "sante.md"
    (project.docs / "bg" / page).unlink(missing_ok=True)  # Bulgarian: this page not translated
    body = (project.docs / "fr" / page).read_text(encoding="utf-8").split("---\n", 2)[2]
    for code, method in (("en", "machine"), ("ro", "human"), ("es", "machine")):
        (project.docs / code).mkdir(exist_ok=True)
        (project.docs / code / page).write_text(f"---\ntitle: T-{code}\n---\n{body}", encoding="utf-8")
        stamp(project, code, page, method, today=STAMPED)
    spanish = project.docs / "es" / page
    spanish.write_text(spanish.read_text(encoding="utf-8").replace("  translated: 2026-11-20\n", ""), encoding="utf-8")
    # Romanian and Spanish were stamped before this change to the French page: they are now outdated.
    french = project.docs / "fr" / page
    stamp(project, "en", page, today=STAMPED)
    french.write_text(french.read_text(encoding="utf-8") + "\nUne phrase ajoutée.\n", encoding="utf-8")
    stamp(project, "en", page, today=STAMPED + dt.timedelta(days=3))
    result = build_site(project, project.root / "site", languages=["fr", "en", "ro", "es", "bg"], today=FIXED_TODAY)
    return result, page


def test_machine_translation_says_so_in_english(notices_site):
    result, page = notices_site
    html = page_file(result.site, "en", page).read_text(encoding="utf-8")
    assert "This page was translated by a machine. It may contain mistakes." in html
    assert "has changed since this translation" not in html
    assert "This translation dates from" not in html  # fresh: no outdated notice, whatever its day
    assert "<h1>T-en</h1>" in html


def test_outdated_translation_says_since_when_and_links_to_the_french_page_in_romanian(notices_site):
    result, page = notices_site
    html = page_file(result.site, "ro", page).read_text(encoding="utf-8")
    assert (
        "Această traducere este din 20 noiembrie 2026. Pagina în franceză s-a schimbat între timp: "
        "unele informații de aici pot fi depășite."
    ) in html
    assert '<a href="../../fr/sante/" hreflang="fr">Citiți pagina în franceză</a>' in html
    assert "tradusă automat" not in html  # a human translation carries no machine notice


def test_outdated_translation_without_a_day_keeps_the_plain_notice(notices_site):
    result, page = notices_site
    html = page_file(result.site, "es", page).read_text(encoding="utf-8")
    assert "La página en francés ha cambiado desde esta traducción: parte de la información" in html
    assert "Esta traducción es del" not in html
    assert '<a href="../../fr/sante/" hreflang="fr">' in html


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
    assert f"{page} (translated 2026-11-20)" in behind["ro"]
    assert page in behind["es"]  # no day recorded: the page alone
    assert not any(listed.startswith(page) for listed in behind.get("en", []))
    assert "published with a notice linking the French page" in next(w for w in result.warnings if "docs/ro/" in w)


def test_missing_page_is_french_with_a_bulgarian_notice(notices_site):
    result, page = notices_site
    html = page_file(result.site, "bg", page).read_text(encoding="utf-8")
    assert "Тази страница все още не е преведена на вашия език. Ето версията на френски." in html
    assert '<div lang="fr" dir="ltr">' in html


def test_french_pages_carry_no_notice(notices_site):
    result, page = notices_site
    assert 'class="parapluie-notice"' not in page_file(result.site, "fr", page).read_text(encoding="utf-8")
