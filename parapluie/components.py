"""The site's components (components/<name>/): each one's template, script and style side by side.

A component is a piece pages carry: the quick exit, search, the offline copy, the directory filters,
the tools. Its folder holds its templates (found by the MkDocs theme and by the pages outside MkDocs
under `<name>/<file>`), its script and style and its tests. What every page runs is bundled into the
site's one script and one stylesheet (in the order below); a script only some pages run is a page
script, loaded by the pages that carry its markup (PAGE_SCRIPTS).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

COMPONENTS_FOLDER = "components"  # at the project root
OWN_ASSETS_FOLDER = "overrides/assets"  # the site-wide stylesheet and the images the theme copies

# The bundle's sources, relative to the project root, in the order they are concatenated.
STYLESHEETS = (
    "components/quick-exit/quick-exit.css",
    f"{OWN_ASSETS_FOLDER}/parapluie.css",
    "components/tools/tools.css",
)
SCRIPTS = (
    "components/first-screen/first-screen.js",  # first: it applies the full stylesheet (see below)
    "components/quick-exit/quick-exit.js",
    "components/search/search-loader.js",
    "components/tools/listen.js",  # on every guide page; the other tools' scripts are page scripts
    # The finder, today's hours and "open now": shared, so that going to the directory (or an entry)
    # costs the page alone, one request (issue #16); it returns at once on pages without its markup.
    "components/directory-filters/directory.js",
    "components/offline/offline-loader.js",  # shows the offline box; loads offline.js on the first press
)
# Shared scripts that set our own classes only (`parapluie-…`, checked like the page scripts by
# tests/unit/test_page_scripts.py): the theme's stylesheet is trimmed without reading their words,
# which would keep theme rules nothing uses (their `info` and `end` kept the theme's info boxes).
OWN_CLASSES_ONLY_SCRIPTS = ("components/directory-filters/directory.js",)
# The first screen's own stylesheet, minified into a <style> in every MkDocs page's head (its hash in
# the CSP), so a first visit paints styled from the HTML alone; the full stylesheet then loads
# without blocking (overrides/main.html, components/first-screen/).
FIRST_SCREEN_STYLESHEET = "components/first-screen/first-screen.css"
# The directory page's style for readers without JavaScript, in a <noscript> of its head (its hash in the CSP).
FINDER_NO_SCRIPT_STYLESHEET = "components/directory-filters/no-script.css"
LAZY_SEARCH_SCRIPT = "components/search/search.js"  # its own file, loaded when search opens
LAZY_OFFLINE_SCRIPT = "components/offline/offline.js"  # its own file, loaded when the reader asks for a copy
SERVICE_WORKER_SOURCE = "components/offline/sw.js"
# What the pages outside MkDocs (root pages, short links, leaflets) load as they are, unbundled.
ROOT_PAGE_ASSETS = ("components/quick-exit/quick-exit.js", "components/quick-exit/quick-exit.css")


@dataclass(frozen=True)
class PageScript:
    """A component's script that only some pages run: those whose finished HTML carries its markup.

    The build writes it once, minified and fingerprinted, and links it (`defer`, after the shared
    script) from those pages only (parapluie/finish/page_scripts.py).
    """

    source: str  # relative to the project root
    markup: re.Pattern[str]  # what, in a finished page, the script looks for


# The page scripts, in the order a page that needs several runs them (in one file: one request).
PAGE_SCRIPTS = (
    # The tools (docs/<code>/outils/*.md): each tool's root element.
    PageScript("components/tools/photo.js", re.compile(r'\sdata-tool="photo"')),
    PageScript("components/tools/takedown.js", re.compile(r'\sdata-tool="takedown"')),
    PageScript("components/tools/friend.js", re.compile(r'\sdata-tool="friend"')),
)


def components_dir(root: Path) -> Path:
    """The components folder of the project at `root` (a Jinja template folder, too)."""
    return root / COMPONENTS_FOLDER
