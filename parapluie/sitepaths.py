"""The site's fixed folder names, in one place: the build writes them, short links may not take them."""

from __future__ import annotations

from pathlib import Path

from parapluie.errors import BuildError
from parapluie.inputs.languages import SOURCE_LANGUAGE

ASSETS_FOLDER = "assets"  # shared bundles, icons and previews (site root) and each language's own assets
SEARCH_FOLDER = "search"  # each language's search index
QR_FOLDER = "qr"  # QR codes, per language (site root)
OPEN_DATA_FOLDER = "donnees"  # the open data (site root)
LEAFLET_FOLDER = "depliants"  # printable leaflets, per language
SERVICE_WORKER = "sw"  # the offline copy's worker (`sw.js`)

# Top-level names a short link's letter may not take, at a language's root or the site's root.
RESERVED_NAMES = frozenset({ASSETS_FOLDER, SEARCH_FOLDER, QR_FOLDER, OPEN_DATA_FOLDER, LEAFLET_FOLDER, SERVICE_WORKER})

# Where the French pages are, relative to the project (Project.source_docs is the absolute path).
SOURCE_DOCS = f"docs/{SOURCE_LANGUAGE}"

OUTSIDE_SITE = "would be written outside the site folder ({path}): refused"


def inside_site(site: Path, relative: str, origin: str) -> Path:
    """`site / relative`, resolved; a BuildError naming `origin` (the input it comes from) if it leaves `site`."""
    path = (site / relative).resolve()
    if not path.is_relative_to(site.resolve()):
        raise BuildError(origin, OUTSIDE_SITE.format(path=relative))
    return path
