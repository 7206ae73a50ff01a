"""Addresses never break: a registry of every public address the site has published.

`data/published-urls.txt` lists, one per line, every address readers may have saved, printed or
shared: pages in every language, short links, QR images, leaflets, contact cards, open data.
The build refuses to publish a site where a listed address leads nowhere: renaming or moving a
page needs a redirect (data/redirects.yml). `make urls` adds the new addresses of a build; none
is ever removed.
"""

from __future__ import annotations

from pathlib import Path

from parapluie.inputs.yamlfile import read_text
from parapluie.messages import say
from parapluie.sitepaths import OPEN_DATA_FOLDER, QR_FOLDER

REGISTRY_FILE = "published-urls.txt"
# Published files besides pages: folders whose every file is public, and public file types.
PUBLIC_FOLDERS = (OPEN_DATA_FOLDER, QR_FOLDER)
PUBLIC_SUFFIXES = (".vcf",)
NOT_PUBLISHED = ("404.html",)
# Folders that are not reader addresses: the staff's web editor (parapluie/editor/).
PRIVATE_FOLDERS = ("admin",)


def published_urls(site: Path) -> list[str]:
    """Every public address the built `site` serves, sorted (pages as folders: `/fr/sante/`)."""
    urls = set()
    for path in site.rglob("index.html"):
        folder = path.parent.relative_to(site).as_posix()
        if folder.split("/")[0] not in PRIVATE_FOLDERS:
            urls.add("/" if folder == "." else f"/{folder}/")
    for path in site.rglob("*"):
        relative = path.relative_to(site).as_posix()
        if path.is_file() and (relative.split("/")[0] in PUBLIC_FOLDERS or path.suffix in PUBLIC_SUFFIXES):
            urls.add("/" + relative)
    return sorted(url for url in urls if url.rsplit("/", 1)[-1] not in NOT_PUBLISHED)


def read_registry(path: Path) -> list[str]:
    """The registered addresses (comments and blank lines skipped)."""
    if not path.exists():
        return []
    lines = (line.strip() for line in read_text(path).splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def resolves(site: Path, url: str) -> bool:
    """True when the built site has a file for this address (a page or a redirect page for folders)."""
    target = site / url.lstrip("/")
    return (target / "index.html").is_file() if url.endswith("/") else target.is_file()


def unresolved(site: Path, registered: list[str], unbuilt: tuple[str, ...] = ()) -> list[str]:
    """Registered addresses the site no longer serves.

    Addresses of `unbuilt` languages (a partial build) are not checked: `/ro/…`, and the
    per-language folders of shared ones (`/qr/ro/…`, `/depliants/ro/…`).
    """
    skipped = set(unbuilt)
    return [url for url in registered if not set(url.strip("/").split("/")[:2]) & skipped and not resolves(site, url)]


HEADER = (
    "# Every public address Parapluie has published (parapluie/verify/published.py). Never remove a line:\n"
    "# readers saved, printed or shared these. When a page moves, add a redirect in data/redirects.yml.\n"
    "# `make urls` adds the addresses of a new build.\n"
)


def add_to_registry(path: Path, urls: list[str]) -> list[str]:
    """Append the addresses not yet registered; return them."""
    registered = read_registry(path)
    new = sorted(set(urls) - set(registered))
    if new or not path.exists():
        path.write_text(HEADER + "\n".join(sorted(set(registered) | set(new))) + "\n", encoding="utf-8")
    return new


def unregistered_note(site: Path, registry: Path) -> list[str]:
    """A warning (never an error) when `site` publishes addresses the registry lacks: `make urls` adds them.

    A new page or short link is a valid edit; registering its addresses keeps them working for good."""
    new = sorted(set(published_urls(site)) - set(read_registry(registry)))
    if not new:
        return []
    shown = ", ".join(new[:5]) + (", …" if len(new) > 5 else "")
    return [
        say(
            f"data/{REGISTRY_FILE} : {len(new)} nouvelle(s) adresse(s) pas encore enregistrée(s) ({shown}). "
            "Lancez « make urls » après ce build : elles resteront valables.",
            f"data/{REGISTRY_FILE}: {len(new)} new address(es) not registered yet ({shown}): "
            "run `make urls` after this build, so they keep working",
        )
    ]
