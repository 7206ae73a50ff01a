"""Page scripts in the fixture build: the shared script carries what every page runs (the directory's
finder and hours among it: the step to the directory costs one request, issue #16), and a page loads
a tool's script only where it carries its markup; the offline box's script loads only when the reader
asks for a copy (components/offline/test_offline.py)."""

from __future__ import annotations

import json
import re

from devtools.weight import FIRST_VISIT_MAX_REQUESTS, page_weight
from parapluie.components import PAGE_SCRIPTS
from parapluie.finish.bundle import CREATED_ELEMENT, used_elements
from parapluie.hosting.offline import OFFLINE_LIST

SCRIPT = re.compile(r'<script src="([^"]*)" defer></script>')
SHARED = re.compile(r"(?:\./)?(?:\.\./)+assets/parapluie\.[0-9a-f]{8}\.min\.js$")
# What each page loads after the shared script (file stems), in every language of the fixture build.
PAGES = {
    "sante/": [],  # a guide page: the shared script only
    "droits/": [],
    "": [],  # the home page: "keep this guide on my phone" is the shared script's until pressed
    "securite-du-site/": [],  # extra.offline_pages
    "annuaire/": [],  # the finder: the shared script's (and the offline box, as on the home page)
    "annuaire/essai-depistage-charleroi/": [],  # confirmed hours: "open now", the shared script's too
    "annuaire/essai-horaires-a-confirmer/": [],  # hours to confirm: no badge, nothing to run
    "outils/photo/": ["photo"],
}


def scripts_of(html: str) -> list[str]:
    """The deferred scripts a page loads, as written."""
    return SCRIPT.findall(html)


def test_each_page_loads_the_shared_script_then_only_the_page_scripts_its_markup_needs(built):
    for code in built.registry.codes:
        for url, expected in PAGES.items():
            html = (built.site / code / url / "index.html").read_text(encoding="utf-8")
            shared, *own = scripts_of(html)
            assert SHARED.match(shared), f"{code}/{url}: {shared}"
            stems = [src.rsplit("/", 1)[-1].split(".")[0] for src in own]
            assert stems == expected, f"{code}/{url}"
            assert all(src.startswith(shared.split("assets/")[0] + "assets/") for src in own), f"{code}/{url}"


def test_the_shared_script_runs_the_directory_so_going_there_costs_the_page_alone(built):
    script = next((built.site / "assets").glob("parapluie.*.min.js")).read_text(encoding="utf-8")
    assert "parapluie-finder" in script and ".register(" not in script  # the finder; not the offline copy
    for url in ("sante/", "", "securite-du-site/", "annuaire/", "annuaire/essai-depistage-charleroi/"):
        weight = page_weight(built.site, built.site / "ro" / url / "index.html")
        assert [name.rsplit(".", 1)[-1] for name in weight.files[1:]] == ["svg", "css", "js"], weight.files
        assert (
            weight.files[-1]
            == next((built.site / "assets").glob("parapluie.*.min.js")).relative_to(built.site).as_posix()
        ), weight.files
    tool = page_weight(built.site, built.site / "ro" / "outils" / "photo" / "index.html")
    assert tool.requests == FIRST_VISIT_MAX_REQUESTS  # page, logo, stylesheet, shared script, the tool's


def test_the_shared_script_names_the_offline_script_it_loads_on_the_first_press(built):
    script = next((built.site / "assets").glob("parapluie.*.min.js")).read_text(encoding="utf-8")
    (name,) = re.findall(r"offline\.[0-9a-f]{8}\.min\.js", script)
    assert ".register(" in (built.site / "assets" / name).read_text(encoding="utf-8")
    assert "@@" not in script  # every marker filled


def test_the_offline_copy_lists_every_page_script_and_the_offline_script(built):
    shared = ("parapluie.", "search.")
    written = {path.name for path in (built.site / "assets").glob("*.min.js") if not path.name.startswith(shared)}
    assert {name.split(".")[0] for name in written} == {"offline", "photo", "takedown", "friend"}
    for code in built.registry.codes:
        files = json.loads((built.site / code / OFFLINE_LIST).read_text(encoding="utf-8"))["files"]
        assert written <= {url.removeprefix("../assets/") for url in files}, code


def test_the_elements_page_scripts_create_are_on_the_pages_so_the_stylesheet_kept_their_rules(built):
    # The shared stylesheet keeps the theme's element rules for the elements the pages have (the page
    # scripts are not read for it, parapluie/finish/bundle.py): what they create must be on the pages.
    pages = [path.read_text(encoding="utf-8") for path in built.site.rglob("*.html")]
    created = set()
    for script in PAGE_SCRIPTS:
        source = (built.site.parent / script.source).read_text(encoding="utf-8")  # the project built
        created.update(name.lower() for name in CREATED_ELEMENT.findall(source))
    assert created and created <= used_elements(pages, [])
