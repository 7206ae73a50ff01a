"""Issue 13: what a careless or hostile contributor writes stops the build with a message, never a traceback.

Each case breaks a copy of the project one way, runs the real command line, and asserts the
exact message, a non-zero exit, and that the previous site/ is byte for byte as it was.
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from parapluie.directory.models import FOREIGN_NUMBER, IMPOSSIBLE_DAY, MAILTO_IN_EMAIL, NAME_MAX
from parapluie.finish.csp import FOREIGN_SCRIPT
from parapluie.i18n.catalogs import PLACEHOLDERS_DIFFER, UNQUOTED_LINE
from parapluie.inputs.frontmatter import FRONT_MATTER_UNCLOSED, MARKUP_IN_TEXT
from parapluie.inputs.yamlfile import BAD_DATE, BOM_REFUSED, DUPLICATE_KEY, NOT_UTF8, SYMLINK_REFUSED, TOO_DEEP
from parapluie.outreach.shortlinks import REDIRECT_PATH_REFUSED
from parapluie.project import Project
from parapluie.verify.site import WEIGHT_BUDGET_IS_FATAL
from parapluie.verify.weight import NEXT_PAGE_MAX_BYTES, OVER_BUDGET
from tests.fixtures_project import FIXED_TODAY
from tests.site.test_bad_input import ROOT, build_cli, first_page, line_of, tree_fingerprint

SERVICE = "data/services/utsopi.yml"
RO_CATALOG = "translations/ro/LC_MESSAGES/messages.po"


def replace_once(path: Path, old: str, new: str) -> str:
    """Replace the first `old` in the file by `new`; return the new text."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text


def redirect_climbing_out(project: Project) -> str:
    (project.data / "redirects.yml").write_text("../../hors-du-site/: sante/\n", encoding="utf-8")
    return f"data/redirects.yml: ../../hors-du-site/: {REDIRECT_PATH_REFUSED}"


def redirect_with_a_space(project: Project) -> str:
    (project.data / "redirects.yml").write_text("ancienne page/: sante/\n", encoding="utf-8")
    return f"data/redirects.yml: ancienne page/: {REDIRECT_PATH_REFUSED}"


def symlink_in_data(project: Project) -> str:
    (project.data / "services" / "lien.yml").symlink_to("/etc/hostname")
    return f"data/services/lien.yml: {SYMLINK_REFUSED}"


def symlink_in_docs(project: Project) -> str:
    (project.docs / "en" / "lien.md").symlink_to(first_page(project))
    return f"docs/en/lien.md: {SYMLINK_REFUSED}"


def symlink_in_translations(project: Project) -> str:
    (project.translations / "lien.pot").symlink_to(project.translations / "messages.pot")
    return f"translations/lien.pot: {SYMLINK_REFUSED}"


def latin1_in_data(project: Project) -> str:
    path = project.root / SERVICE
    text = path.read_text(encoding="utf-8")
    line = line_of(text, "é")
    path.write_bytes(text.encode("utf-8").replace("é".encode(), b"\xe9", 1))
    return f"{SERVICE}: {NOT_UTF8.format(line=line, byte='0xe9')}"


def latin1_in_a_page(project: Project) -> str:
    page = first_page(project)
    text = page.read_text(encoding="utf-8")
    line = line_of(text, "é")
    page.write_bytes(text.encode("utf-8").replace("é".encode(), b"\xe9", 1))
    return f"docs/fr/{page.name}: {NOT_UTF8.format(line=line, byte='0xe9')}"


def bom_in_a_page(project: Project) -> str:
    page = first_page(project)
    page.write_text("\ufeff" + page.read_text(encoding="utf-8"), encoding="utf-8")
    return f"docs/fr/{page.name}: {BOM_REFUSED}"


def bom_in_data(project: Project) -> str:
    path = project.root / SERVICE
    path.write_text("\ufeff" + path.read_text(encoding="utf-8"), encoding="utf-8")
    return f"{SERVICE}: {BOM_REFUSED}"


def unclosed_front_matter(project: Project) -> str:
    page = first_page(project)
    text = page.read_text(encoding="utf-8")
    end = text.index("\n---", 3)
    page.write_text(text[:end] + text[end + 4 :], encoding="utf-8")
    return f"docs/fr/{page.name}: {FRONT_MATTER_UNCLOSED}"


def duplicate_key_in_data(project: Project) -> str:
    path = project.root / SERVICE
    text = path.read_text(encoding="utf-8")
    first = line_of(text, "organisation:")
    text = text + "organisation: Autre\n"
    path.write_text(text, encoding="utf-8")
    line = len(text.splitlines())
    return f"{SERVICE}: " + DUPLICATE_KEY.format(line=line, column=1, key="organisation", first=first)


def duplicate_key_in_front_matter(project: Project) -> str:
    page = first_page(project)
    replace_once(page, "---\n", "---\ntitle: Un\ntitle: Deux\n")
    # Lines are the file's: the front matter starts on line 2, after the first '---'.
    return f"docs/fr/{page.name}: " + DUPLICATE_KEY.format(line=3, column=1, key="title", first=2)


def duplicate_key_in_registry(project: Project) -> str:
    path = project.registry_file
    text = replace_once(path, "  - code: fr\n", "  - code: fr\n    code: fr\n")
    line = line_of(text, "    code: fr")
    return "data/languages.yml: " + DUPLICATE_KEY.format(line=line, column=5, key="code", first=line - 1)


def duplicate_key_in_mkdocs_yml(project: Project) -> str:
    text = project.mkdocs_yml.read_text(encoding="utf-8")
    first = line_of(text, "site_name:")
    text += "site_name: Autre\n"
    project.mkdocs_yml.write_text(text, encoding="utf-8")
    line = len(text.splitlines())
    return "mkdocs.yml: " + DUPLICATE_KEY.format(line=line, column=1, key="site_name", first=first)


def yaml_nested_too_deep(project: Project) -> str:
    (project.data / "shortlinks.yml").write_text("z: " + "[" * 5000 + "\n", encoding="utf-8")
    return f"data/shortlinks.yml: {TOO_DEEP.format(depth=100)}"


def impossible_date_in_data(project: Project) -> str:
    path = project.root / SERVICE
    text = path.read_text(encoding="utf-8")
    line = line_of(text, "last_verified:")
    old = next(row for row in text.splitlines() if row.startswith("last_verified:"))
    replace_once(path, old, "last_verified: 2026-02-31")
    problem = "day is out of range for month"
    return f"{SERVICE}: " + BAD_DATE.format(line=line, column=16, value="2026-02-31", problem=problem)


def catalog_line_without_closing_quote(project: Project) -> str:
    path = project.root / RO_CATALOG
    text = replace_once(path, 'msgstr "Surse"', 'msgstr "Surse')
    line = line_of(text, 'msgstr "Surse')
    return f"{RO_CATALOG}: 1 problem(s):\n  {UNQUOTED_LINE.format(line=line, text=chr(34).join(['msgstr ', 'Surse']))}"


def catalog_drops_a_placeholder(project: Project) -> str:
    path = project.root / RO_CATALOG
    text = path.read_text(encoding="utf-8")
    start = text.index('msgid "Vérifié le %(date)s"')
    msgstr = text.index("msgstr", start)
    end = text.index("\n", msgstr)
    path.write_text(text[:msgstr] + 'msgstr "Verificat"' + text[end:], encoding="utf-8")
    line = text[:start].count("\n") + 1
    problem = PLACEHOLDERS_DIFFER.format(line=line, msgid="Vérifié le %(date)s", expected="%(date)s", found="none")
    return f"{RO_CATALOG}: 1 problem(s):\n  {problem}"


def catalog_misspells_a_placeholder(project: Project) -> str:
    path = project.root / RO_CATALOG
    text = path.read_text(encoding="utf-8")
    start = text.index('msgid "Vérifié le %(date)s"')
    msgstr = text.index("msgstr", start)
    end = text.index("\n", msgstr)
    path.write_text(text[:msgstr] + 'msgstr "Verificat la %(datex)s"' + text[end:], encoding="utf-8")
    line = text[:start].count("\n") + 1
    problem = PLACEHOLDERS_DIFFER.format(line=line, msgid="Vérifié le %(date)s", expected="%(date)s", found="%(datex)s")
    return f"{RO_CATALOG}: 1 problem(s):\n  {problem}"


def markup_in_a_title(project: Project) -> str:
    page = first_page(project)
    text = page.read_text(encoding="utf-8")
    old = next(row for row in text.splitlines() if row.startswith("title:"))
    replace_once(page, old, "title: Santé <b>gratuite</b>")
    problem = MARKUP_IN_TEXT.format(chars='< > "')
    return f"docs/fr/{page.name}: front matter: title: {problem}"


def markup_in_a_translated_description(project: Project) -> str:
    page = project.docs / "ro" / first_page(project).name
    text = re.sub(r"(?m)^description:.*\n", "", page.read_text(encoding="utf-8"))
    page.write_text(text.replace("---\n", "---\ndescription: <script>alert(1)</script>\n", 1), encoding="utf-8")
    return f"docs/ro/{page.name}: front matter: description: {MARKUP_IN_TEXT.format(chars='< >')}"


ALIAS = "data/services/alias.yml"


def mailto_in_an_email_field(project: Project) -> str:
    replace_once(project.root / ALIAS, "value: contact@alias.brussels", "value: mailto:contact@alias.brussels")
    problem = MAILTO_IN_EMAIL.format(value="mailto:contact@alias.brussels")
    return f"{ALIAS}: contacts.1.value: {problem}"


def february_30_in_opening_hours(project: Project) -> str:
    replace_once(project.root / ALIAS, "hours: Tu 18:00-21:00", "hours: Feb 30 18:00-21:00")
    return f"{ALIAS}: hours: {IMPOSSIBLE_DAY.format(month='Feb', day='30', value='Feb 30 18:00-21:00')}"


def huge_text_field(project: Project) -> str:
    replace_once(project.root / ALIAS, "name:\n  fr: Alias", "name:\n  fr: " + "Alias " * 1_000_000)
    return f"{ALIAS}: name.fr: String should have at most {NAME_MAX} characters"


def french_number_for_a_belgian_service(project: Project) -> str:
    replace_once(project.root / SERVICE, "+32485620841", "+33612345678")
    return f"{SERVICE}: contacts.0.value: {FOREIGN_NUMBER.format(value='+33612345678', code=33)}"


def impossible_date_in_front_matter(project: Project) -> str:
    page = first_page(project)
    text = page.read_text(encoding="utf-8")
    old = next(row for row in text.splitlines() if row.startswith("reviewed:"))
    text = replace_once(page, old, "reviewed: 2026-02-31")
    line = line_of(text, "reviewed:")  # the file's line
    problem = "day is out of range for month"
    return f"docs/fr/{page.name}: " + BAD_DATE.format(line=line, column=11, value="2026-02-31", problem=problem)


@pytest.mark.parametrize(
    "breakage",
    [
        redirect_climbing_out,
        redirect_with_a_space,
        symlink_in_data,
        symlink_in_docs,
        symlink_in_translations,
        latin1_in_data,
        latin1_in_a_page,
        bom_in_a_page,
        bom_in_data,
        unclosed_front_matter,
        duplicate_key_in_data,
        duplicate_key_in_front_matter,
        duplicate_key_in_registry,
        duplicate_key_in_mkdocs_yml,
        yaml_nested_too_deep,
        impossible_date_in_data,
        catalog_line_without_closing_quote,
        catalog_drops_a_placeholder,
        catalog_misspells_a_placeholder,
        markup_in_a_title,
        markup_in_a_translated_description,
        mailto_in_an_email_field,
        february_30_in_opening_hours,
        huge_text_field,
        impossible_date_in_front_matter,
        french_number_for_a_belgian_service,
    ],
)
def test_hostile_input_fails_clearly_and_leaves_site_untouched(project_copy, previous_site, breakage):
    before = tree_fingerprint(previous_site)
    expected = breakage(project_copy)
    result = build_cli(project_copy)
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr == f"Build failed: {expected}\n"
    assert "Traceback" not in result.stdout + result.stderr
    assert tree_fingerprint(previous_site) == before


def build_languages(project: Project, *codes: str):
    """Run the real command line on a project for some languages only."""
    command = [sys.executable, str(ROOT / "scripts" / "build.py"), "--project", str(project.root)]
    command += ["--today", FIXED_TODAY.isoformat()]
    for code in codes:
        command += ["--lang", code]
    return subprocess.run(command, capture_output=True, text=True)


def test_markup_in_a_catalog_or_the_registry_shows_as_text(project_copy):
    replace_once(project_copy.root / RO_CATALOG, 'msgstr "Surse"', 'msgstr "<b>Surse</b>"')
    replace_once(project_copy.registry_file, "endonym: Română", "endonym: Română<script>alert(1)</script>")
    result = build_languages(project_copy, "fr", "ro")
    assert result.returncode == 0, result.stderr
    site = project_copy.root / "site"
    page = first_page(project_copy).relative_to(project_copy.docs / "fr").with_suffix("")
    romanian = (site / "ro" / page / "index.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;Surse&lt;/b&gt;" in romanian and "<b>Surse" not in romanian
    french = (site / "fr" / page / "index.html").read_text(encoding="utf-8")
    assert "Română&lt;script&gt;alert(1)&lt;/script&gt;" in french
    for path in site.rglob("*.html"):
        assert "<script>alert" not in path.read_text(encoding="utf-8"), path


def test_an_inline_script_the_templates_do_not_write_fails_the_build(project_copy, previous_site):
    before = tree_fingerprint(previous_site)
    page = first_page(project_copy)
    page.write_text(page.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n", encoding="utf-8")
    result = build_languages(project_copy, "fr")
    assert result.returncode == 1, result.stderr
    stem = page.relative_to(project_copy.docs / "fr").with_suffix("").as_posix()
    expected = FOREIGN_SCRIPT.format(start="alert(1)")
    assert result.stderr == f"Build failed: site/fr/{stem}/index.html: {expected}\n"
    assert tree_fingerprint(previous_site) == before


def test_a_page_over_the_weight_budget_is_named_by_the_build(project_copy, previous_site):
    before = tree_fingerprint(previous_site)
    page = first_page(project_copy)
    letters = random.Random(13)
    words = ("".join(letters.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6)) for _ in range(5000))
    sentences = " ".join(f"{a.capitalize()} {b} {c}." for a, b, c in zip(*[iter(words)] * 3, strict=False))
    page.write_text(page.read_text(encoding="utf-8") + "\n" + sentences + "\n", encoding="utf-8")
    result = build_languages(project_copy, "fr")
    stem = page.relative_to(project_copy.docs / "fr").with_suffix("").as_posix()
    size = re.search(r"the page is (\d+) B", result.stderr)
    assert size, result.stderr
    problem = OVER_BUDGET.format(
        page=f"fr/{stem}/index.html", what="the page", size=size[1], budget=NEXT_PAGE_MAX_BYTES
    )
    if WEIGHT_BUDGET_IS_FATAL:
        assert result.returncode == 1, result.stderr
        assert result.stderr == f"Build failed: site: 1 problem(s) in the output:\n  {problem}\n"
        assert tree_fingerprint(previous_site) == before
    else:
        assert result.returncode == 0, result.stderr
        assert f"Warning: site/{problem}\n" in result.stderr


def test_a_misspelled_markdown_extension_is_reported_against_mkdocs_yml(project_copy, previous_site):
    before = tree_fingerprint(previous_site)
    replace_once(project_copy.mkdocs_yml, "  - def_list\n", "  - def_lists\n")
    result = build_languages(project_copy, "fr")
    assert result.returncode == 1, result.stderr
    assert result.stderr == (
        "Build failed: mkdocs.yml: the renderer refused the pages:\n"
        "  [fr] Config value 'markdown_extensions': Failed to load extension 'def_lists'.\n"
    )
    assert tree_fingerprint(previous_site) == before
