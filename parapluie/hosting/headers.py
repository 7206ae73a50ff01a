"""HTTP headers for real hosts: a `_headers` file (Netlify, Cloudflare Pages) and an nginx snippet.

They carry the same policy as the pages' <meta>, plus what only a header can: framing
(frame-ancestors, X-Frame-Options), MIME sniffing, referrer, permissions, cross-origin
isolation, HSTS, and long caching for the theme's fingerprinted files.
"""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path

# Features no page of ours uses: all denied. Only names Chromium recognises (an unknown name
# is logged as an error in the console).
DENIED_FEATURES = (
    "accelerometer",
    "autoplay",
    "browsing-topics",
    "camera",
    "display-capture",
    "encrypted-media",
    "geolocation",
    "gyroscope",
    "hid",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "picture-in-picture",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
)
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)$")
LONG_CACHE = "public, max-age=31536000, immutable"
# Files without a hash in their name that every page loads (the site's icon): a week of caching
# spares each next page a round trip to revalidate them.
WEEK_CACHED = re.compile(r"(^|/)assets/parapluie\.svg$")
WEEK_CACHE = "public, max-age=604800"
# Files browsers must re-check every time: the service worker (a stale one would serve an old copy).
ALWAYS_REVALIDATE = ("/sw.js",)
NO_CACHE = "no-cache"
# Text types worth compressing; hosts compress at GZIP_LEVEL (parapluie/hosting/compression.py).
GZIP_TYPES = (
    "text/css application/javascript application/json image/svg+xml application/manifest+json "
    "text/vcard text/plain application/xml"
)


def security_headers(page_policy: str) -> dict[str, str]:
    """The headers every response carries, given the pages' policy."""
    return {
        "Content-Security-Policy": f"{page_policy}; frame-ancestors 'none'",
        "X-Frame-Options": "DENY",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": ", ".join(f"{feature}=()" for feature in DENIED_FEATURES),
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
        "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
    }


def fingerprinted_files(site: Path) -> list[str]:
    """URL paths of the files whose name carries a content hash (safe to cache for a year)."""
    return sorted(
        "/" + path.relative_to(site).as_posix() for path in site.rglob("*") if FINGERPRINTED.search(path.name)
    )


def week_cached_files(site: Path) -> list[str]:
    """URL paths of the unhashed files every page loads (see WEEK_CACHED)."""
    return sorted(
        "/" + path.relative_to(site).as_posix()
        for path in site.rglob("*.svg")
        if WEEK_CACHED.search(path.relative_to(site).as_posix())
    )


def headers_file(page_policy: str, cached: list[str], week_cached: list[str] = ()) -> str:
    """The `_headers` file: security headers on every path, long caching on fingerprinted files,
    a week on the site's icon, none on the service worker."""
    lines = ["/*"] + [f"  {name}: {value}" for name, value in security_headers(page_policy).items()]
    for path in cached:
        lines += [path, f"  Cache-Control: {LONG_CACHE}"]
    for path in week_cached:
        lines += [path, f"  Cache-Control: {WEEK_CACHE}"]
    for path in ALWAYS_REVALIDATE:
        lines += [path, f"  Cache-Control: {NO_CACHE}"]
    return "\n".join(lines) + "\n"


def nginx_snippet(page_policy: str, redirects: list | None = None) -> str:
    """An nginx snippet for the server block (repeated in the location: nginx drops inherited add_header).

    `redirects` (parapluie.outreach.shortlinks.Redirect) become `location` blocks answering with a 301.
    """
    adds = [f'add_header {name} "{value}" always;' for name, value in security_headers(page_policy).items()]
    body = "\n".join(adds)
    nested = "\n".join(f"    {line}" for line in adds)
    return (
        "# Parapluie: include inside the server block that serves site/.\n"
        "# nginx drops inherited add_header lines in any block that sets its own: they are repeated below.\n"
        "error_page 404 /404.html;\n"
        "access_log off;  # or a log_format without $remote_addr: keep no visitor's address\n"
        "gzip on;\n"
        "gzip_comp_level 6;\n"
        f"gzip_types {GZIP_TYPES};\n"
        f"{body}\n"
        f"location ~* {FINGERPRINTED.pattern} {{\n"
        f"{nested}\n"
        f'    add_header Cache-Control "{LONG_CACHE}" always;\n'
        "}\n"
        f"location ~* {WEEK_CACHED.pattern} {{\n"
        f"{nested}\n"
        f'    add_header Cache-Control "{WEEK_CACHE}" always;\n'
        "}\n"
        + "".join(
            f'location = {path} {{\n{nested}\n    add_header Cache-Control "{NO_CACHE}" always;\n}}\n'
            for path in ALWAYS_REVALIDATE
        )
        + "".join(f"location ~ ^{r.source}/?$ {{ return 301 {r.target}; }}\n" for r in redirects or [])
    )


def parse_headers_file(text: str) -> list[tuple[str, dict[str, str]]]:
    """Read a `_headers` file into (path pattern, headers) rules, in order."""
    rules: list[tuple[str, dict[str, str]]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), {}))
        else:
            name, _, value = line.strip().partition(":")
            rules[-1][1][name.strip()] = value.strip()
    return rules


def headers_for(path: str, rules: list[tuple[str, dict[str, str]]]) -> dict[str, str]:
    """The headers a host applying `rules` sends for a URL path (later rules add to earlier ones)."""
    headers: dict[str, str] = {}
    for pattern, values in rules:
        if fnmatch.fnmatchcase(path, pattern):
            headers.update(values)
    return headers
