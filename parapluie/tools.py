"""The tools' own scripts (issue #18): each one loaded only on its page, fingerprinted, shared by every language.

A tool page (`/<code>/outils/photo/`…) names its script in `extra.tool_scripts` of mkdocs.yml
(page URL → file in `overrides/assets/tools/`); `overrides/main.html` links it by a stable name
(`assets/tools/photo.js`) next to the site's one script. After rendering, the build writes each
tool script once at the site's root under a fingerprinted name and rewrites the pages' links
(as `parapluie/bundle.py` does for the shared bundle). The "listen" button is on every guide
page, so its script rides in the shared bundle instead (`bundle.SCRIPTS`), and the tools' CSS
in the shared stylesheet (`bundle.STYLESHEETS`): a tool page costs one request more, not two.
"""

from __future__ import annotations

from pathlib import Path

from parapluie.bundle import fingerprinted_name

TOOLS_FOLDER = "tools"
# Files of overrides/assets/tools/ that the shared bundle carries (not loaded on their own).
BUNDLED = ("listen.js", "tools.css")
# A tool script's stable link in a page, as overrides/main.html writes it.
STABLE_LINK = "assets/tools/{name}"


def tool_script_sources(sources: Path) -> list[Path]:
    """The page-specific tool scripts in `sources` (overrides/assets): tools/*.js but the bundled ones."""
    folder = sources / TOOLS_FOLDER
    return sorted(path for path in folder.glob("*.js") if path.name not in BUNDLED)


def write_tool_scripts(site: Path, sources: Path) -> dict[str, str]:
    """Copy each tool script to `site/assets/tools/` under a fingerprinted name; stable link → written path."""
    folder = site / "assets" / TOOLS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for path in tool_script_sources(sources):
        data = path.read_bytes()
        name = fingerprinted_name(path.stem, data, "js")
        (folder / name).write_bytes(data)
        written[STABLE_LINK.format(name=path.name)] = f"assets/{TOOLS_FOLDER}/{name}"
    return written


def link_tool_scripts(html: str, scripts: dict[str, str]) -> str:
    """Point a page's stable tool-script links at the fingerprinted files."""
    for stable, fingerprinted in scripts.items():
        html = html.replace(stable + '"', fingerprinted + '"')
    return html
