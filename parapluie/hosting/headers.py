"""HTTP headers for real hosts: a `_headers` file (Netlify, Cloudflare Pages) and nginx snippets.

They carry the same policy as the pages' <meta>, plus what only a header can: framing
(frame-ancestors, X-Frame-Options), MIME sniffing, referrer, permissions, cross-origin
isolation, HSTS, and long caching for the theme's fingerprinted files.
"""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path

from parapluie.hosting.compression import GZIP_LEVEL

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
# Types Debian's /etc/nginx/mime.types does not know (it would send application/octet-stream, and
# a phone would not offer to save the contact): the nginx snippet sets them per extension.
MISSING_NGINX_TYPES = {"vcf": "text/vcard", "webmanifest": "application/manifest+json"}
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


def _nginx_location(match: str, nested: str, extra: str) -> str:
    """One location block: the security headers again (nginx drops inherited add_header), then `extra`."""
    return f"location {match} {{\n{nested}\n    {extra}\n}}\n"


def _nginx_regex(pattern: str) -> str:
    """A regex as an nginx location argument: quoted, since nginx reads `{`, `}` and `;` as syntax."""
    if '"' in pattern:
        raise ValueError(f"an nginx location regex cannot hold a double quote: {pattern!r}")
    return f'"{pattern}"'


def nginx_snippet(page_policy: str, redirects: list | None = None) -> str:
    """An nginx snippet for the server block (repeated in the location: nginx drops inherited add_header).

    `redirects` (parapluie.outreach.shortlinks.Redirect) become `location` blocks answering with a 301.
    """
    adds = [f'add_header {name} "{value}" always;' for name, value in security_headers(page_policy).items()]
    body = "\n".join(adds)
    nested = "\n".join(f"    {line}" for line in adds)
    locations = [
        _nginx_location(
            f"~* {_nginx_regex(FINGERPRINTED.pattern)}", nested, f'add_header Cache-Control "{LONG_CACHE}" always;'
        ),
        _nginx_location(
            f"~* {_nginx_regex(WEEK_CACHED.pattern)}", nested, f'add_header Cache-Control "{WEEK_CACHE}" always;'
        ),
        *(
            _nginx_location(f"= {path}", nested, f'add_header Cache-Control "{NO_CACHE}" always;')
            for path in ALWAYS_REVALIDATE
        ),
        *(
            _nginx_location("~* " + _nginx_regex(rf"\.{extension}$"), nested, f"default_type {mime};")
            for extension, mime in MISSING_NGINX_TYPES.items()
        ),
        *(
            f"location ~ {_nginx_regex('^' + re.escape(r.source) + '/?$')} {{ return 301 {r.target}; }}\n"
            for r in redirects or []
        ),
    ]
    return (
        "# Parapluie: include inside the server block that serves site/.\n"
        "# nginx drops inherited add_header lines in any block that sets its own: they are repeated below.\n"
        "error_page 404 /404.html;\n"
        "absolute_redirect off;  # a 301 names the path only: right behind a TLS proxy too\n"
        "access_log off;  # or a log_format without $remote_addr: keep no visitor's address\n"
        "gzip on;\n"
        "gzip_vary on;  # Vary: Accept-Encoding, on gzip and brotli answers alike: a proxy cache keeps both\n"
        f"gzip_comp_level {GZIP_LEVEL};\n"
        f"gzip_types {GZIP_TYPES};\n"
        f"{body}\n" + "".join(locations)
    )


def nginx_brotli_snippet() -> str:
    """The nginx snippet that sends the `.br` copies: a second file, since an nginx without the
    brotli_static module refuses the directive (and `_nginx.conf` must load there)."""
    return (
        "# Parapluie: needs nginx's brotli_static module and the .br files `make site` writes beside each page.\n"
        "brotli_static on;\n"
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
