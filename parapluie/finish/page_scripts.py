"""Page scripts: a component's script on the pages that carry its markup only, fingerprinted, shared by every language.

What every page runs rides in the shared script (`components.SCRIPTS`, parapluie/finish/bundle.py). A
script only some pages run (the directory's finder and hours, each tool) is listed in
`components.PAGE_SCRIPTS` with the markup it looks for. After rendering, the build looks for that
markup in each finished page and links what the page needs right after the shared script, `defer`
too, so it runs after it in document order. A page that needs several page scripts gets them in one
file, so a page costs at most one request more than a guide page. Each file is minified like the
bundle and written once at the site's root under a fingerprinted name (cached for a year, shared by
every language); the offline copy lists them all (parapluie/hosting/offline.py). The offline copy's
own script is not one: the shared script loads it when the reader asks (parapluie/finish/bundle.py).
"""

from __future__ import annotations

import re
from pathlib import Path

from parapluie.components import PAGE_SCRIPTS, PageScript
from parapluie.errors import BuildError
from parapluie.finish.bundle import SCRIPT_LINK, fingerprinted_name, minify_js

OUTPUT_FOLDER = "assets"  # at the site's root, beside the shared script
# The shared script's tag as overrides/main.html writes it (before link_bundles fingerprints it);
# group 1 is the relative way to the site's root.
SHARED_SCRIPT_TAG = re.compile(r'<script src="([^"]*)' + re.escape(SCRIPT_LINK) + r'" defer></script>')
NO_SHARED_SCRIPT = "the page carries the markup of {names} but does not load the shared script ({link})"


def page_scripts_needed(html: str) -> tuple[PageScript, ...]:
    """The page scripts whose markup the page carries, in the order of `components.PAGE_SCRIPTS`."""
    return tuple(script for script in PAGE_SCRIPTS if script.markup.search(html))


def minified_page_scripts(root: Path) -> dict[PageScript, str]:
    """Each page script of the project at `root`, minified like the shared script."""
    return {script: minify_js((root / script.source).read_text(encoding="utf-8")) for script in PAGE_SCRIPTS}


def page_script_file(scripts: tuple[PageScript, ...], minified: dict[PageScript, str]) -> tuple[str, str]:
    """(path from the site's root, content) of the one file that carries `scripts`, e.g.
    `assets/takedown-friend.<hash>.min.js` (the scripts joined as the shared script joins its own)."""
    content = ";\n".join(minified[script] for script in scripts)
    stem = "-".join(Path(script.source).stem for script in scripts)
    return f"{OUTPUT_FOLDER}/{fingerprinted_name(stem, content.encode(), 'js')}", content


def link_page_scripts(html: str, minified: dict[PageScript, str], page: Path) -> tuple[str, tuple[PageScript, ...]]:
    """The page with its page scripts linked after the shared script, and which ones it needs.

    `page` names the page in the error raised when it carries a page script's markup without the
    shared script's tag (the page script would have nowhere to go).
    """
    needed = page_scripts_needed(html)
    if not needed:
        return html, needed
    shared = SHARED_SCRIPT_TAG.search(html)
    if not shared:
        names = ", ".join(Path(script.source).name for script in needed)
        raise BuildError(page, NO_SHARED_SCRIPT.format(names=names, link=SCRIPT_LINK))
    path, _ = page_script_file(needed, minified)
    tag = f'<script src="{shared.group(1)}{path}" defer></script>'
    return html[: shared.end()] + tag + html[shared.end() :], needed


def write_page_scripts(
    site: Path, combinations: set[tuple[PageScript, ...]], minified: dict[PageScript, str]
) -> tuple[str, ...]:
    """Write the file of each combination of page scripts some page needs; their paths from the site's root, sorted."""
    written = []
    for scripts in combinations:
        path, content = page_script_file(scripts, minified)
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(content, encoding="utf-8")
        written.append(path)
    return tuple(sorted(written))
