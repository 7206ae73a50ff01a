"""How links to sources are shown: short enough to read on a phone and light on every page."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

SOURCE_LABEL_MAX = 40


def source_label(url: str) -> str:
    """A short, readable label for a source URL: the site, then the start of the path.

    `https://www.police.be/5998/fr/contact/numeros-durgence` → `police.be/5998/fr/contact/numeros-d…`.
    The link itself keeps the full address.
    """
    parts = urlsplit(url)
    host = parts.hostname or url
    host = host[4:] if host.startswith("www.") else host
    path = unquote(parts.path).rstrip("/")
    label = host + path
    return label if len(label) <= SOURCE_LABEL_MAX else label[: SOURCE_LABEL_MAX - 1].rstrip("/-_.") + "…"


def sources_anchor(url: str) -> str:
    """The id of a page's section on the sources page, from the page's address in its language:
    `sante/` → `sante`, `annuaire/espace-p/` → `annuaire-espace-p`, the home page `` → `accueil`."""
    return url.strip("/").replace("/", "-") or "accueil"
