"""The site's components (components/<name>/): each one's template, script and style side by side.

A component is a piece every page (or every directory page) carries: the quick exit, search,
the offline copy, the directory filters; later the tools. Its folder holds its templates (found
by the MkDocs theme and by the pages outside MkDocs under `<name>/<file>`), its script and style
(bundled into the site's one script and one stylesheet, in the order below) and its tests.
"""

from __future__ import annotations

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
    "components/directory-filters/directory.js",
    "components/search/search-loader.js",
    "components/offline/offline.js",
    "components/tools/listen.js",  # on every guide page; the other tools' scripts load on their page only
)
# The first screen's own stylesheet, minified into a <style> in every MkDocs page's head (its hash in
# the CSP), so a first visit paints styled from the HTML alone; the full stylesheet then loads
# without blocking (overrides/main.html, components/first-screen/).
FIRST_SCREEN_STYLESHEET = "components/first-screen/first-screen.css"
# The directory page's style for readers without JavaScript, in a <noscript> of its head (its hash in the CSP).
FINDER_NO_SCRIPT_STYLESHEET = "components/directory-filters/no-script.css"
# The tools' page-specific scripts: every .js of this folder not bundled above (parapluie/finish/tools.py).
TOOLS_FOLDER = "components/tools"
LAZY_SEARCH_SCRIPT = "components/search/search.js"  # its own file, loaded when search opens
SERVICE_WORKER_SOURCE = "components/offline/sw.js"
# What the pages outside MkDocs (root pages, short links, leaflets) load as they are, unbundled.
ROOT_PAGE_ASSETS = ("components/quick-exit/quick-exit.js", "components/quick-exit/quick-exit.css")


def components_dir(root: Path) -> Path:
    """The components folder of the project at `root` (a Jinja template folder, too)."""
    return root / COMPONENTS_FOLDER
