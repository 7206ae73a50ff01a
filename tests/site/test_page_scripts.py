"""Page scripts in the fixture build: the shared script carries what every page runs, and a page loads
the directory's, the offline box's or a tool's script only where it carries its markup (issue #16)."""

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
    "": ["offline"],  # the home page: "keep this guide on my phone"
    "securite-du-site/": ["offline"],  # extra.offline_pages
    "annuaire/": ["directory-offline"],  # the finder and the offline box, in one file
    "annuaire/essai-depistage-charleroi/": ["directory"],  # confirmed hours: "open now"
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


def test_a_guide_page_loads_no_directory_or_offline_code_and_the_directory_page_does(built):
    script = next((built.site / "assets").glob("parapluie.*.min.js")).read_text(encoding="utf-8")
    assert "parapluie-finder" not in script and "serviceWorker" not in script  # not in the shared script
    guide = page_weight(built.site, built.site / "ro" / "sante" / "index.html")
    assert [name.rsplit(".", 1)[-1] for name in guide.files[1:]] == ["svg", "css", "js"], guide.files
    directory = page_weight(built.site, built.site / "ro" / "annuaire" / "index.html")
    assert directory.files[-1].startswith("assets/directory-offline.")
    assert directory.requests == FIRST_VISIT_MAX_REQUESTS  # page, logo, stylesheet, shared script, its own
    page_script = (built.site / directory.files[-1]).read_text(encoding="utf-8")
    assert "parapluie-finder" in page_script and "serviceWorker" in page_script


def test_the_offline_copy_lists_every_page_script(built):
    shared = ("parapluie.", "search.")
    written = {
        path.name for path in (built.site / "assets").glob("*.min.js") if not path.name.startswith(shared)
    }
    assert {name.split(".")[0] for name in written} == {"directory", "directory-offline", "offline", "photo", "takedown", "friend"}
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
