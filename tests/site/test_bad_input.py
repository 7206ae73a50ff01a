"""Bad input stops the build with a message naming the file, and never touches the old site."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from parapluie.project import Project
from parapluie.staging.settings import PageSettings
from tests.fixtures_project import FIXED_TODAY, ROOT


def tree_fingerprint(folder: Path) -> dict[str, str]:
    """Every file under `folder` with the hash of its content."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def build_cli(project: Project) -> subprocess.CompletedProcess:
    """Run the real command line on a project, into its own site/ folder, at the fixture's clock."""
    return subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "build.py"),
            "--project",
            str(project.root),
            "--today",
            FIXED_TODAY.isoformat(),
        ],
        capture_output=True,
        text=True,
    )


def first_page(project: Project) -> Path:
    return project.docs / "fr" / project.nav_pages(project.base_config())[1]


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def languages_showing(project: Project, page: Path) -> list[str]:
    """The codes of the languages that show this French page: French, and those without a translation of it."""
    registry = yaml.safe_load(project.registry_file.read_text(encoding="utf-8"))
    codes = [entry["code"] for entry in registry["languages"]]
    relative = page.relative_to(project.docs / "fr").as_posix()
    return ["fr"] + [code for code in codes[1:] if not (project.docs / code / relative).is_file()]


def renderer_refusal(project: Project, page: Path, problem: str) -> str:
    """The renderer's message for `problem` in a French page, once per language showing it."""
    relative = page.relative_to(project.docs / "fr").as_posix()
    lines = [
        f"[{code}] docs/fr/{relative}" + (" (French page shown as fallback)" if code != "fr" else "") + f": {problem}"
        for code in languages_showing(project, page)
    ]
    return "docs: the renderer refused the pages:\n  " + "\n  ".join(lines)


def break_link(project: Project) -> str:
    page = first_page(project)
    append(page, "\n[Perdu](page-qui-nexiste-pas.md)\n")
    problem = (
        f"Doc file '{page.name}' contains a link 'page-qui-nexiste-pas.md', "
        "but the target is not found among documentation files."
    )
    return renderer_refusal(project, page, problem)


def break_anchor(project: Project) -> str:
    page = first_page(project)
    append(page, "\n[Perdu](index.md#ancre-inconnue)\n")
    problem = (
        f"Doc file '{page.name}' contains a link 'index.md#ancre-inconnue', "
        "but the doc 'index.md' does not contain an anchor '#ancre-inconnue'."
    )
    return renderer_refusal(project, page, problem)


def unknown_front_matter_key(project: Project) -> str:
    page = first_page(project)
    page.write_text(page.read_text(encoding="utf-8").replace("---\n", "---\ncouleur: rouge\n", 1), encoding="utf-8")
    return f"docs/fr/{page.name}: front matter: couleur: unknown key (check its spelling, or remove it)"


def broken_front_matter_yaml(project: Project) -> str:
    page = first_page(project)
    page.write_text(page.read_text(encoding="utf-8").replace("---\n", "---\ntitle: [oops\n", 1), encoding="utf-8")
    return f"docs/fr/{page.name}: invalid YAML at line 3, column 6: expected ',' or ']', but got ':'"


def unknown_language(project: Project) -> str:
    registry = yaml.safe_load(project.registry_file.read_text(encoding="utf-8"))
    registry["languages"].append(
        {
            "code": "xx",
            "endonym": "Xx",
            "material": "en",
            "babel": "xx",
            "direction": "ltr",
            "status": "planned",
            "exit_url": "https://example.org/weather",
            "script": {"letters": "latin"},
        }
    )
    project.registry_file.write_text(yaml.safe_dump(registry, allow_unicode=True), encoding="utf-8")
    index = len(registry["languages"]) - 1
    return f"data/languages.yml: languages.{index}.babel: unknown Babel locale 'xx' (expected e.g. 'ro' or 'fr_BE')"


def cedilla_in_a_romanian_page(project: Project) -> str:
    page = project.docs / "ro" / first_page(project).name
    append(page, "\nAceastă frază are un ş greşit.\n")
    line = len(page.read_text(encoding="utf-8").splitlines())
    return (
        f"docs/ro/{page.name}: 1 writing problem(s):\n"
        f"  docs/ro/{page.name}, line {line}: «ş» is a look-alike: write «ș»"
    )


def avoided_glossary_word(project: Project) -> str:
    (project.translations / "ro" / "glossary.yml").write_text(
        "terms:\n  - fr: travailleuse du sexe\n    use: lucrătoare sexuală\n    avoid: [prostituată]\n",
        encoding="utf-8",
    )
    page = project.docs / "ro" / first_page(project).name
    append(page, "\nO prostituată are drepturi.\n")
    line = len(page.read_text(encoding="utf-8").splitlines())
    return (
        f"docs/ro/{page.name}: 1 writing problem(s):\n"
        f"  docs/ro/{page.name}, line {line}: «prostituată» is in the glossary's avoid list: "
        "write «lucrătoare sexuală» (travailleuse du sexe)"
    )


def page_missing_from_nav(project: Project) -> str:
    (project.docs / "fr" / "oubliee.md").write_text(first_page(project).read_text(encoding="utf-8"), encoding="utf-8")
    return "docs/fr/oubliee.md: page is not in the nav: add it to the nav of mkdocs.yml (or remove the file)"


def template_error(project: Project) -> str:
    main = project.overrides / "main.html"
    append(main, "\n{% block footer %}{{ super() }{% endblock %}\n")
    line = main.read_text(encoding="utf-8").count("\n")  # the appended line, the file's last
    codes = ", ".join(
        entry["code"] for entry in yaml.safe_load(project.registry_file.read_text(encoding="utf-8"))["languages"]
    )
    return (
        "docs: the renderer refused the pages:\n"
        f'  [{codes}] File "overrides/main.html", line {line}, in template\n'
        f"  [{codes}] jinja2.exceptions.TemplateSyntaxError: unexpected '}}'"
    )


def missing_translation_string(project: Project) -> str:
    path = project.translations / "ro" / "LC_MESSAGES" / "messages.po"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('msgstr "Surse"', 'msgstr ""'), encoding="utf-8")
    return "translations/ro/LC_MESSAGES/messages.po: msgstr: 1 string(s) not translated (or fuzzy): 'Sources'"


def past_review_date(project: Project) -> str:
    page = first_page(project)
    text = re.sub(r"(?m)^review_by: .*\n", "", page.read_text(encoding="utf-8"))
    page.write_text(text.replace("---\n", "---\nreview_by: 2020-01-01\n", 1), encoding="utf-8")
    return (
        f"docs/fr: 1 content problem(s):\n  docs/fr/{page.name}: "
        "review_by: the page was due for review on 2020-01-01; check its facts, then update it"
    )


def phone_number_without_link(project: Project) -> str:
    append(first_page(project), "\nEn cas de besoin, appelez le 0800 30 030.\n")
    return (
        f"docs/fr: 1 content problem(s):\n  docs/fr/{first_page(project).name}: 0800 30 030: "
        "phone number without a tap-to-call link (write [0800 30 030](tel:…))"
    )


def invalid_service_phone(project: Project) -> str:
    entry = project.data / "services" / "utsopi.yml"
    entry.write_text(entry.read_text(encoding="utf-8").replace("+32485620841", "+3248562084"), encoding="utf-8")
    return (
        "data/services/utsopi.yml: contacts.0.value: invalid phone number '+3248562084' "
        "(expected a valid number in E.164 form, e.g. '+32485620841', or a Belgian short number such as '112')"
    )


def published_page_removed(project: Project) -> str:
    append(project.data / "published-urls.txt", "/fr/ancienne-page/\n")
    return (
        "data/published-urls.txt: 1 published address(es) would lead nowhere: /fr/ancienne-page/. "
        "A page that moves needs a redirect in data/redirects.yml (old path: new path)."
    )


def short_link_to_unknown_page(project: Project) -> str:
    append(project.data / "shortlinks.yml", "z: {page: disparue.md}\n")
    return "data/shortlinks.yml: z: 'disparue.md' is not a page of the nav in mkdocs.yml"


def leaflet_lists_unknown_entry(project: Project) -> str:
    index = len(yaml.safe_load((project.data / "leaflet.yml").read_text(encoding="utf-8"))["emergency"])
    append(project.data / "leaflet.yml", "  - service-inconnu\n")
    return f"data/leaflet.yml: emergency.{index}: no directory entry 'service-inconnu' in data/services/"


def site_url_not_an_address(project: Project) -> str:
    config = project.mkdocs_yml
    text = re.sub(r"(?m)^site_url: .*$", "site_url: parapluie.be", config.read_text(encoding="utf-8"))
    config.write_text(text, encoding="utf-8")
    return "mkdocs.yml: site_url: expected the site's public address, e.g. https://example.org/ (got 'parapluie.be')"


def line_of(text: str, needle: str) -> int:
    """The number of the first line of `text` that contains `needle`."""
    return next(number for number, row in enumerate(text.splitlines(), 1) if needle in row)


def misspelled_setting(project: Project) -> str:
    partial = project.root / "components" / "quick-exit" / "page.html"
    text = partial.read_text(encoding="utf-8")
    partial.write_text(text.replace("settings.exit_url", "settings.exit_ulr"), encoding="utf-8")
    codes = ", ".join(
        entry["code"] for entry in yaml.safe_load(project.registry_file.read_text(encoding="utf-8"))["languages"]
    )
    line = line_of(text, "settings.exit_url")
    main = (project.overrides / "main.html").read_text(encoding="utf-8")
    extends, include = line_of(main, "{% extends "), line_of(main, '{% include "quick-exit/page.html" %}')
    known = ", ".join(PageSettings.model_fields)
    return (
        "docs: the renderer refused the pages:\n"
        f'  [{codes}] File "overrides/main.html", line {extends}, in top-level template code\n'
        f"  [{codes}] File \"overrides/main.html\", line {include}, in block 'header'\n"
        f'  [{codes}] File "components/quick-exit/page.html", line {line}, in top-level template code\n'
        f"  [{codes}] parapluie.staging.settings.UnknownSetting: extra.parapluie: a template asks for 'exit_ulr', "
        f"which is not a setting ({known})"
    )


def site_name_the_card_cannot_draw(project: Project) -> str:
    config = project.mkdocs_yml
    config.write_text(
        re.sub(r"(?m)^site_name: .*$", "site_name: 雨伞", config.read_text(encoding="utf-8")), encoding="utf-8"
    )
    return (
        "mkdocs.yml: site_name: the link-preview card's font (DejaVu Sans, parapluie/outreach/fonts/) cannot draw "
        "'雨伞': use Latin, Cyrillic or Arabic letters "
        "(a language's own name for the app is `app_name` in data/languages.yml)"
    )


def resource_from_another_origin(project: Project) -> str:
    page = first_page(project)
    append(page, '\n<img src="https://example.org/pixel.png" alt="">\n')
    codes = languages_showing(project, page)
    lines = [
        f"{code}/{page.stem}/index.html: <img src='https://example.org/pixel.png'> loads from another origin"
        for code in codes
    ]
    return f"site: {len(lines)} problem(s) in the output:\n  " + "\n  ".join(lines)


@pytest.mark.parametrize(
    "breakage",
    [
        break_link,
        break_anchor,
        unknown_front_matter_key,
        broken_front_matter_yaml,
        unknown_language,
        cedilla_in_a_romanian_page,
        avoided_glossary_word,
        page_missing_from_nav,
        template_error,
        missing_translation_string,
        past_review_date,
        phone_number_without_link,
        invalid_service_phone,
        published_page_removed,
        short_link_to_unknown_page,
        leaflet_lists_unknown_entry,
        site_url_not_an_address,
        site_name_the_card_cannot_draw,
        resource_from_another_origin,
        misspelled_setting,
    ],
)
def test_bad_input_fails_clearly_and_leaves_site_untouched(project_copy, previous_site, breakage):
    before = tree_fingerprint(previous_site)
    expected = breakage(project_copy)
    result = build_cli(project_copy)
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr == f"Build failed: {expected}\n"
    assert tree_fingerprint(previous_site) == before
    leftovers = [path.name for path in project_copy.root.iterdir() if path.name.startswith(".site")]
    assert leftovers == [], "the build left its work folder behind"


def test_good_build_replaces_the_previous_site(project_copy, previous_site):
    result = build_cli(project_copy)
    assert result.returncode == 0, result.stderr
    assert (previous_site / "index.html").read_text(encoding="utf-8") != "previous build"
    assert (previous_site / "ro" / "index.html").is_file()


def test_a_redirect_keeps_a_published_address_working(project_copy):
    append(project_copy.data / "published-urls.txt", "/fr/ancienne-page/\n")
    append(project_copy.data / "redirects.yml", "ancienne-page/: sante/\n")
    result = build_cli(project_copy)
    assert result.returncode == 0, result.stderr
    forwarding = (project_copy.root / "site" / "fr" / "ancienne-page" / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=/fr/sante/">' in forwarding
