"""What "keep this guide on my phone" stores, and the web app manifest of each language.

For each language the build writes, in that language's folder:

- `offline.json`: every file the offline copy needs (the language's pages, its search index,
  its contact cards, the shared stylesheet and scripts, the offline script, every page script, the
  icons), as URLs relative to the language's folder, and how many bytes they weigh as a host
  sends them (compressed), so the page can say how much it will download before anything is
  downloaded;
- `manifest.webmanifest`: the installable app, under the registry's discreet `app_name`.
"""

from __future__ import annotations

import json
from pathlib import Path

from parapluie.finish.bundle import Bundles
from parapluie.hosting.compression import transfer_size
from parapluie.inputs.languages import Language
from parapluie.outreach.artwork import SLATE, app_icon

OFFLINE_LIST = "offline.json"
MANIFEST = "manifest.webmanifest"
# App icons at the site's root, written by the build: (file, size, purpose).
APP_ICONS = (
    ("assets/icon-192.png", 192, "any"),
    ("assets/icon-512.png", 512, "any"),
    ("assets/icon-maskable-512.png", 512, "maskable"),
)
# Calm colours: the bar of an installed app must not stand out either.
THEME_COLOUR = SLATE  # the umbrella's colour, as on the preview card
BACKGROUND_COLOUR = "#ffffff"
# Files of a language folder the offline copy takes besides its pages.
LANGUAGE_FILES = ("search/search_index.json", "assets/parapluie.svg", MANIFEST)


def page_url(relative: str) -> str:
    """The URL, relative to the language folder, a reader uses for a page file (`a/index.html` → `a/`)."""
    return relative[: -len("index.html")] or "./"


def offline_files(language_folder: Path, bundles: Bundles) -> list[tuple[str, Path]]:
    """(URL relative to the language folder, file) for everything the offline copy stores."""
    folder = language_folder
    site = folder.parent
    entries = [(page_url(p.relative_to(folder).as_posix()), p) for p in sorted(folder.rglob("index.html"))]
    entries += [(p.relative_to(folder).as_posix(), p) for p in sorted(folder.rglob("*.vcf"))]
    entries += [(name, folder / name) for name in LANGUAGE_FILES]
    shared = (bundles.stylesheet, bundles.script, bundles.search_stylesheet, bundles.search_script)
    shared += (bundles.offline_script,)
    shared += bundles.page_scripts
    shared += tuple(icon for icon, _, _ in APP_ICONS)
    entries += [(f"../{name}", site / name) for name in shared]
    missing = [url for url, path in entries if not path.is_file()]
    if missing:
        raise FileNotFoundError(f"{language_folder.name}: files for the offline copy are missing: {missing}")
    return entries


def offline_list(language_folder: Path, bundles: Bundles) -> dict:
    """The content of `offline.json`: the files' URLs and their total compressed size in bytes."""
    entries = offline_files(language_folder, bundles)
    return {"files": [url for url, _ in entries], "bytes": sum(transfer_size(path) for _, path in entries)}


def manifest(language: Language, site_name: str) -> dict:
    """The web app manifest of one language: discreet name, its folder as start and scope."""
    name = language.app_name or site_name
    return {
        "name": name,
        "short_name": name,
        "lang": language.code,
        "dir": language.direction,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": BACKGROUND_COLOUR,
        "theme_color": THEME_COLOUR,
        "icons": [
            {"src": f"../{path}", "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}
            for path, size, purpose in APP_ICONS
        ],
    }


def write_offline_files(language_folder: Path, language: Language, site_name: str, bundles: Bundles) -> None:
    """Write the language's manifest, then its offline list (which counts the manifest too)."""
    data = manifest(language, site_name)
    (language_folder / MANIFEST).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    listing = offline_list(language_folder, bundles)
    (language_folder / OFFLINE_LIST).write_text(json.dumps(listing, ensure_ascii=False), encoding="utf-8")


def write_app_icons(site: Path) -> None:
    """The home-screen icons of the offline copy (discreet, drawn at build time)."""
    for path, size, purpose in APP_ICONS:
        (site / path).write_bytes(app_icon(size, maskable=purpose == "maskable"))
