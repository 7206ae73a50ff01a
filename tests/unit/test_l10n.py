"""Translation workflow: hashing, stamping, status (fresh, outdated, missing, orphaned), structure."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys

import pytest
import yaml

from parapluie.i18n.l10n import (
    FRESH,
    MISSING,
    ORPHANED,
    OUTDATED,
    source_hash,
    stamp,
    status,
    status_json,
)
from parapluie.i18n.structure import structure_problems
from parapluie.inputs.frontmatter import read_translated_page
from parapluie.inputs.languages import load_registry
from parapluie.inputs.load import written_pages
from tests.fixtures_project import ROOT

TRANSLATION = "---\ntitle: Translated\n---\n{body}"
STAMPED = dt.date(2026, 11, 20)  # the fixed clock of the stamps


@pytest.fixture
def tree(project_copy):
    """A project with one fresh (en), one outdated (ro), missing pages everywhere and an orphan (es)."""
    for folder in project_copy.docs.iterdir():
        if folder.name != "fr":
            shutil.rmtree(folder)  # start from no translation at all
    pages = written_pages(project_copy)
    page = pages[1]
    french_body = (project_copy.docs / "fr" / page).read_text(encoding="utf-8").split("---\n", 2)[2]
    for code in ("en", "ro"):
        (project_copy.docs / code).mkdir(exist_ok=True)
        (project_copy.docs / code / page).write_text(TRANSLATION.format(body=french_body), encoding="utf-8")
        stamp(project_copy, code, page, "machine", today=STAMPED)
    french = project_copy.docs / "fr" / page
    (project_copy.docs / "es").mkdir(exist_ok=True)
    (project_copy.docs / "es" / "huerfana.md").write_text(TRANSLATION.format(body="x"), encoding="utf-8")
    return project_copy, pages, page, french


def test_hash_ignores_front_matter_dates_but_not_the_text(tree):
    project, _, page, french = tree
    before = source_hash(project, page)
    text = french.read_text(encoding="utf-8")
    french.write_text(re.sub(r"(?m)^reviewed: .*$", "reviewed: 2026-01-02", text), encoding="utf-8")
    assert french.read_text(encoding="utf-8") != text
    assert source_hash(project, page) == before
    french.write_text(french.read_text(encoding="utf-8") + "\nUne phrase de plus.\n", encoding="utf-8")
    assert source_hash(project, page) != before


def test_stamp_writes_hash_and_method_and_keeps_the_title(tree):
    project, _, page, _ = tree
    meta, _ = read_translated_page(project.docs / "en" / page)
    assert meta.title == "Translated"
    assert meta.l10n.source_hash == source_hash(project, page)
    assert meta.l10n.method == "machine"
    stamp(project, "en", page, today=STAMPED)  # keeps the method it had
    assert read_translated_page(project.docs / "en" / page)[0].l10n.method == "machine"
    stamp(project, "en", page, "human", today=STAMPED)
    assert read_translated_page(project.docs / "en" / page)[0].l10n.method == "human"


def test_status_of_every_kind(tree):
    project, pages, page, french = tree
    french.write_text(french.read_text(encoding="utf-8") + "\nUne phrase de plus.\n", encoding="utf-8")
    stamp(project, "en", page, today=STAMPED)  # en follows the change; ro does not
    registry = load_registry(project.registry_file)
    rows = {(row.language, row.page): row for row in status(project, registry, pages)}
    assert rows[("en", page)].state == FRESH
    assert rows[("ro", page)].state == OUTDATED
    assert rows[("ro", page)].translated == "2026-11-20"  # since when it is behind
    assert rows[("bg", page)].state == MISSING
    assert rows[("es", "huerfana.md")].state == ORPHANED
    assert len(rows) == len(registry.translations) * len(pages) + 1


def test_critical_outdated_page_blocks_only_complete_languages(tree):
    project, pages, page, french = tree
    french.write_text(french.read_text(encoding="utf-8") + "\nUne phrase de plus.\n", encoding="utf-8")
    data = yaml.safe_load(project.registry_file.read_text(encoding="utf-8"))
    for entry in data["languages"][1:]:
        entry["status"] = "partial"
    project.registry_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert not any(row.blocks_ci for row in status(project, load_registry(project.registry_file), pages))
    next(entry for entry in data["languages"] if entry["code"] == "ro")["status"] = "complete"
    project.registry_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    rows = status(project, load_registry(project.registry_file), pages)
    assert [(row.language, row.page) for row in rows if row.blocks_ci] == [("ro", page)]
    assert json.loads(status_json(rows))[0].keys() >= {"language", "page", "state", "method", "critical", "blocks_ci"}


def test_status_command_exit_code(tree):
    project, _, _, french = tree
    # The real command, copied beside the project copy's package (it works on its own tree).
    script = project.root / "scripts" / "i18n.py"
    script.parent.mkdir(exist_ok=True)
    shutil.copy(ROOT / "scripts" / "i18n.py", script)
    assert subprocess.run([sys.executable, str(script), "status", "--check"], capture_output=True).returncode == 0
    french.write_text(french.read_text(encoding="utf-8") + "\nUne phrase de plus.\n", encoding="utf-8")
    data = yaml.safe_load(project.registry_file.read_text(encoding="utf-8"))
    next(entry for entry in data["languages"] if entry["code"] == "ro")["status"] = "complete"
    project.registry_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = subprocess.run([sys.executable, str(script), "status", "--check"], capture_output=True, text=True)
    assert result.returncode == 1
    assert "critical page outdated in a complete language" in result.stderr
    assert "docs/ro/" in result.stderr


FRENCH = "## Titre { #titre }\n\nVoir [santé](sante.md#tester). Appelez le [112](tel:112).\n"


@pytest.mark.parametrize(
    ("translated", "fresh", "problems"),
    [
        ("## Title { #titre }\n\nSee [health](sante.md#tester). Call [112](tel:112).\n", True, []),
        (
            "## Title { #titre }\n\nCall [112](tel:112) or [101](tel:101).\n",
            False,
            ["phone number 101 is not on the French page"],
        ),
        (
            "## Title { #title }\n\nSee [health](sante.md#tester). Call [112](tel:112).\n",
            True,
            ["heading ids ['title'] differ from the French page's ['titre']"],
        ),
        (
            "## Title { #titre }\n\nSee [health](sante.md). Call [112](tel:112).\n",
            True,
            ["internal links differ from the French page (missing ['sante.md#tester'], extra ['sante.md'])"],
        ),
        (
            "## Title { #titre }\n\nSee [health](sante.md#tester).\n",
            True,
            ["phone numbers [] differ from the French page's ['112']"],
        ),
        ("## Other { #autre }\n\nNothing.\n", False, []),
    ],
)
def test_structure_problems(translated, fresh, problems):
    assert structure_problems(FRENCH, translated, fresh) == problems


def test_stamp_writes_the_day_and_keeps_it_while_the_french_is_unchanged(tree):
    project, _, page, french = tree
    path = project.docs / "en" / page
    assert "  translated: 2026-11-20\n" in path.read_text(encoding="utf-8")  # stamped by the fixture
    stamp(project, "en", page, "human", today=dt.date(2026, 11, 25))  # same French: the day stays
    meta = read_translated_page(path)[0].l10n
    assert (meta.method, meta.translated) == ("human", dt.date(2026, 11, 20))
    french.write_text(french.read_text(encoding="utf-8") + "\nUne phrase de plus.\n", encoding="utf-8")
    stamp(project, "en", page, today=dt.date(2026, 11, 25))  # re-translated after a French change: a new day
    assert read_translated_page(path)[0].l10n.translated == dt.date(2026, 11, 25)
