"""The tools' own scripts (issue #18): each one loaded only on its page, fingerprinted, shared by every language.

A tool page (`/<code>/outils/photo/`…) names its script in `extra.tool_scripts` of mkdocs.yml
(page URL → file in `components/tools/`); `overrides/main.html` links it by a stable name
(`assets/tools/photo.js`) next to the site's one script. After rendering, the build writes each
tool script once at the site's root under a fingerprinted name and rewrites the pages' links
(as `parapluie/finish/bundle.py` does for the shared bundle). The "listen" button is on every guide
page, so its script rides in the shared bundle instead (`components.SCRIPTS`), and the tools' CSS
in the shared stylesheet (`components.STYLESHEETS`): a tool page costs one request more, not two.
"""

from __future__ import annotations

from pathlib import Path

from parapluie.components import SCRIPTS, TOOLS_FOLDER
from parapluie.finish.bundle import fingerprinted_name, minify_js

OUTPUT_FOLDER = "assets/tools"  # at the site's root
# A tool script's stable link in a page, as overrides/main.html writes it.
STABLE_LINK = "assets/tools/{name}"


def tool_script_sources(root: Path) -> list[Path]:
    """The page-specific tool scripts of the project at `root`: components/tools/*.js but the bundled ones."""
    bundled = {root / name for name in SCRIPTS}
    return sorted(path for path in (root / TOOLS_FOLDER).glob("*.js") if path not in bundled)


def write_tool_scripts(site: Path, root: Path) -> dict[str, str]:
    """Copy each tool script to `site/assets/tools/` under a fingerprinted name; stable link → written path."""
    folder = site / OUTPUT_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for path in tool_script_sources(root):
        data = minify_js(path.read_text(encoding="utf-8")).encode()
        name = fingerprinted_name(path.stem, data, "js")
        (folder / name).write_bytes(data)
        written[STABLE_LINK.format(name=path.name)] = f"{OUTPUT_FOLDER}/{name}"
    return written


def link_tool_scripts(html: str, scripts: dict[str, str]) -> str:
    """Point a page's stable tool-script links at the fingerprinted files."""
    for stable, fingerprinted in scripts.items():
        html = html.replace(stable + '"', fingerprinted + '"')
    return html
