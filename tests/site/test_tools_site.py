"""The tools (issue #18) in the built site: each script on its own page only, light, kept offline."""

from __future__ import annotations

import json
import re

from devtools.weight import PAGE_SCRIPT_MAX_BYTES, page_weight, transfer_size
from parapluie.finish.bundle import minify_js
from parapluie.hosting.offline import OFFLINE_LIST

TOOL_SCRIPT = re.compile(r'<script src="[^"]*assets/(photo|takedown|friend)\.[0-9a-f]{8}\.min\.js" defer>')
TOOL_PAGES = {
    "outils/photo/index.html": "photo",
    "outils/retrait/index.html": "takedown",
    "outils/ami/index.html": "friend",
}


def test_each_tool_script_loads_on_its_page_only_in_every_language(built):
    for code in built.registry.codes:
        for path in sorted((built.site / code).rglob("*.html")):
            relative = path.relative_to(built.site / code).as_posix()
            scripts = TOOL_SCRIPT.findall(path.read_text(encoding="utf-8"))
            assert scripts == ([TOOL_PAGES[relative]] if relative in TOOL_PAGES else []), f"{code}/{relative}"


def test_every_page_script_fits_its_budget(built):
    shared = ("parapluie.", "search.")  # the shared script, and search's (loaded when search opens)
    scripts = [path for path in (built.site / "assets").glob("*.min.js") if not path.name.startswith(shared)]
    assert set(TOOL_PAGES.values()) <= {path.name.split(".")[0] for path in scripts}
    sizes = {path.name: transfer_size(path) for path in scripts}
    assert all(size <= PAGE_SCRIPT_MAX_BYTES for size in sizes.values()), sizes


def test_the_listen_script_fits_the_budget_and_rides_in_the_shared_script(built, real_project):
    listen = real_project.root / "components" / "tools" / "listen.js"
    assert transfer_size(listen) <= PAGE_SCRIPT_MAX_BYTES
    shared = next((built.site / "assets").glob("parapluie.*.min.js")).read_text(encoding="utf-8")
    assert minify_js(listen.read_text(encoding="utf-8")) in shared  # minified like every script of ours


def test_a_tool_page_costs_one_request_more_than_a_guide_page(built):
    weight = page_weight(built.site, built.site / "ro" / "outils" / "photo" / "index.html")
    assert [name.rsplit(".", 1)[-1] for name in weight.files[1:]] == ["svg", "css", "js", "js"], weight.files
    assert weight.files[-1].startswith("assets/photo.")


def test_the_offline_copy_keeps_the_tools(built):
    for code in built.registry.codes:
        files = json.loads((built.site / code / OFFLINE_LIST).read_text(encoding="utf-8"))["files"]
        assert {"outils/", "outils/photo/", "outils/retrait/", "outils/ami/"} <= set(files), code
        scripts = {url.split("/")[-1].split(".")[0] for url in files if url.startswith("../assets/")}
        assert {"friend", "photo", "takedown"} <= scripts, code


def test_the_listen_button_is_on_every_guide_page_and_hidden_until_a_voice_is_found(built):
    for code in built.registry.codes:
        for page in built.pages:
            if page in ("annuaire.md", "pour-les-associations.md"):
                continue  # generated from data: no guide text to read
            stem = page.removesuffix(".md").removesuffix("index")
            html = (built.site / code / stem / "index.html").read_text(encoding="utf-8")
            assert '<div class="parapluie-listen" hidden>' in html, f"{code}/{stem}"
