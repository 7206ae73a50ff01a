"""The site's public address: `site_url` in mkdocs.yml, and how it is shown and printed.

Link previews, QR codes and the short links printed on leaflets all use it. While it is a
placeholder (a domain under `.example`, reserved and never anyone's), the build warns and the
printable pages say so in large letters, so nobody prints a dead address.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from parapluie.errors import BuildError

PLACEHOLDER_SUFFIX = ".example"


def site_url(config: dict, where: str = "mkdocs.yml") -> str:
    """The site's public address from the config, always ending with '/'."""
    url = str(config.get("site_url") or "")
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise BuildError(
            where, f"expected the site's public address, e.g. https://example.org/ (got {url!r})", "site_url"
        )
    return url if url.endswith("/") else url + "/"


def is_placeholder(url: str) -> bool:
    """True while the address is a reserved example domain (nothing is published there)."""
    host = urlsplit(url).hostname or ""
    return host == PLACEHOLDER_SUFFIX.lstrip(".") or host.endswith(PLACEHOLDER_SUFFIX)


def display_url(url: str) -> str:
    """An address as people type it: no scheme, no final slash (`parapluie.be/fr/w`)."""
    parts = urlsplit(url)
    return (parts.netloc + parts.path).rstrip("/")
