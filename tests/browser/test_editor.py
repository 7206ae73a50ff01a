"""The web editor in a real browser, on Decap's local backend over a temporary clone of the project.

A staff member opens /admin/, changes an entry's hours through the form and saves; the draft goes
through the editorial workflow (draft, ready, published). Then the YAML file has the new hours,
validates, and a build shows them. A wrong value typed in the form is refused there, in French.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from pathlib import Path

import pytest

from devtools.localserver import start_server
from parapluie.build import build_site
from parapluie.directory import load_categories, load_services
from parapluie.directory.hours import weekly_table
from parapluie.directory.load import services_dir
from parapluie.editor import vendor
from parapluie.editor.config import editor_config, editor_settings
from parapluie.editor.labels import HOURS_ERROR
from parapluie.editor.local import start_decap_server, stop
from parapluie.editor.site import write_admin
from parapluie.inputs.frontmatter import read_source_page
from parapluie.inputs.languages import load_registry
from parapluie.inputs.yamlfile import load_yaml
from parapluie.project import Project
from tests.fixtures_project import FIXED_TODAY, FIXTURE, ROOT, copy_project

pytestmark = pytest.mark.browser

NEW_HOURS = "Sa 07:15-08:45"
WRONG_HOURS = "Mo-Fr 10-16"
GIT = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def git(clone: Path, *arguments: str) -> str:
    environment = {**os.environ, **GIT, "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid"}
    done = subprocess.run(["git", *arguments], cwd=clone, env=environment, check=True, capture_output=True, text=True)
    return done.stdout


def make_clone(folder: Path) -> Project:
    """A git repository holding a copy of the fixture project's sources, on branch main, one commit."""
    project = copy_project(folder)
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "Copy of the project")
    return project


def an_entry_with_hours(project: Project) -> tuple[str, str]:
    """(id, hours) of the first entry that has hours.

    Not `alias`: the local backend's git library refuses any command naming a branch
    `cms/services/alias` (its "alias" safety check). GitHub and GitLab are not affected.
    """
    for path in sorted(services_dir(project.data).glob("*.yml")):
        hours = (load_yaml(path) or {}).get("hours")
        if hours and hours != NEW_HOURS and path.stem != "alias":
            return path.stem, hours
    pytest.fail("no entry with hours in the data")


@pytest.fixture
def editor(tmp_path: Path):
    """(admin URL, clone) with the editor served over HTTP and decap-server on the clone."""
    if not vendor.is_ready(vendor.bundle_folder(ROOT)):
        pytest.fail("the editor's bundle is missing: run `make editor` (make test does)")
    clone = make_clone(tmp_path / "clone")
    port = free_port()
    served = tmp_path / "served"
    settings = editor_settings(clone.base_config())
    write_admin(served, ROOT, editor_config(clone, local_port=port), settings, local_port=port)
    process = start_decap_server(clone.root, port)
    url, server = start_server(served)
    try:
        yield f"{url}/admin/", clone
    finally:
        server.shutdown()
        stop(process)


def open_entry(page, admin_url: str, entry: str):
    page.goto(admin_url)
    page.get_by_role("button", name="Se connecter").click()
    page.get_by_text("Annuaire : fiches").first.wait_for()
    page.goto(f"{admin_url}#/collections/services/entries/{entry}")
    hours = page.locator("input[id^='hours-field'][type='text']")
    hours.wait_for()
    return hours


def wait_until(condition, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


def replace_text(page, field, text: str) -> None:
    field.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def test_staff_change_hours_in_the_form_and_publish_them(browser, editor, tmp_path):
    admin_url, clone = editor
    entry, old_hours = an_entry_with_hours(clone)
    file = services_dir(clone.data) / f"{entry}.yml"
    before = file.read_text(encoding="utf-8")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-BE")
    page = context.new_page()
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    hours = open_entry(page, admin_url, entry)
    assert hours.input_value() == old_hours

    # A wrong value is refused by the form, in French, and nothing is saved.
    replace_text(page, hours, WRONG_HOURS)
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    refusal = page.get_by_text(HOURS_ERROR, exact=False)
    refusal.wait_for()
    # Decap's French frame around our message (the label is shown in capitals by CSS only).
    assert refusal.text_content() == f"Le champ Horaires ne correspond pas au schéma: {HOURS_ERROR}."
    assert "cms/" not in git(clone.root, "branch", "--list")
    assert file.read_text(encoding="utf-8") == before

    # The right value: saved as a draft, set ready, published.
    replace_text(page, hours, NEW_HOURS)
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.get_by_text("Entrée enregistrée").first.wait_for()
    assert f"cms/services/{entry}" in git(clone.root, "branch", "--list")
    assert file.read_text(encoding="utf-8") == before, "a draft must not change the published file"
    page.get_by_role("button", name="Statut: Brouillon").click()
    page.get_by_text("Prêt", exact=True).click()
    page.get_by_role("button", name="Publier", exact=True).click()
    confirmations: list[str] = []
    page.on("dialog", lambda dialog: (confirmations.append(dialog.message), dialog.accept()))
    page.get_by_text("Publier maintenant").click()
    published = wait_until(lambda: NEW_HOURS in file.read_text(encoding="utf-8"))
    context.close()
    assert published, "publishing did not merge the draft into the clone's main branch"
    assert confirmations, "publishing asks for a confirmation first"

    # The YAML file changed, and only its hours in substance; it validates; a build shows the new hours.
    data = load_yaml(file)
    assert data["hours"] == NEW_HOURS
    old = load_yaml(FIXTURE / "data" / "services" / f"{entry}.yml")
    assert {k: v for k, v in data.items() if k != "hours"} == {k: v for k, v in old.items() if k != "hours"}
    registry = load_registry(clone.registry_file)
    categories = load_categories(clone.data / "categories.yml")
    services, _ = load_services(clone.data, registry, categories, FIXED_TODAY)
    assert next(s for s in services if s.id == entry).hours == NEW_HOURS
    result = build_site(clone, tmp_path / "site", languages=["fr"], today=FIXED_TODAY)
    html = (result.site / "fr" / "annuaire" / entry / "index.html").read_text(encoding="utf-8")
    shown = [r for day in weekly_table(NEW_HOURS, registry.source.babel, FIXED_TODAY) for r in day.ranges]
    assert shown and all(text in html for text in shown), shown
    assert violations == [], violations


def publish(page) -> list[str]:
    """Save the open entry, set it ready and publish it; return the confirmations asked."""
    confirmations: list[str] = []
    page.on("dialog", lambda dialog: (confirmations.append(dialog.message), dialog.accept()))
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.get_by_text("Entrée enregistrée").first.wait_for()
    page.get_by_role("button", name="Statut: Brouillon").click()
    page.get_by_text("Prêt", exact=True).click()
    page.get_by_role("button", name="Publier", exact=True).click()
    page.get_by_text("Publier maintenant").click()
    return confirmations


def test_a_page_edited_in_the_form_keeps_valid_front_matter_and_its_text(browser, editor):
    admin_url, clone = editor
    source = sorted(clone.source_docs.glob("*.md"))[0]
    before_meta, before_body = read_source_page(source)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-BE")
    page = context.new_page()
    page.goto(admin_url)
    page.get_by_role("button", name="Se connecter").click()
    page.goto(f"{admin_url}#/collections/pages-fr")  # from the list, as staff do
    page.goto(f"{admin_url}#/collections/pages-fr/entries/{source.stem}")
    title = page.locator("input[id^='title-field']")
    title.wait_for()
    assert title.input_value() == before_meta.title
    replace_text(page, title, before_meta.title + " (revu)")
    assert publish(page)
    assert wait_until(lambda: "(revu)" in source.read_text(encoding="utf-8"))
    context.close()
    meta, body = read_source_page(source)  # validates, as the build does
    assert meta.title == before_meta.title + " (revu)"
    assert meta.model_dump(exclude={"title"}) == before_meta.model_dump(exclude={"title"})
    assert body.strip() == before_body.strip()
