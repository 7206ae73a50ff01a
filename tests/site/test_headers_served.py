"""The site served with its `_headers` file applied sends every protective header."""

from __future__ import annotations

import urllib.request

from parapluie.finish.csp import CSP_META, narrows


def response_headers(url: str) -> dict[str, str]:
    with urllib.request.urlopen(url) as response:
        return dict(response.headers.items())


def test_pages_are_served_with_the_protective_headers(site_url, built):
    headers = response_headers(f"{site_url}/fr/")
    meta_policy = CSP_META.search((built.site / "fr" / "index.html").read_text(encoding="utf-8")).group(1)
    # The header allows every inline style and script of the site; a page's <meta> only its own.
    assert narrows(meta_policy, headers["Content-Security-Policy"])
    assert headers["Content-Security-Policy"].endswith("; frame-ancestors 'none'")
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["Cross-Origin-Resource-Policy"] == "same-origin"
    assert headers["Strict-Transport-Security"].startswith("max-age=")
    for feature in ("camera", "microphone", "geolocation"):
        assert f"{feature}=()" in headers["Permissions-Policy"]
    assert "Cache-Control" not in headers


def test_fingerprinted_assets_are_cached_long(site_url, built):
    bundles = sorted((built.site / "assets").glob("*.min.*"))
    assert {path.suffix for path in bundles} == {".css", ".js"}
    for bundle in bundles:
        headers = response_headers(f"{site_url}/assets/{bundle.name}")
        assert headers["Cache-Control"] == "public, max-age=31536000, immutable", bundle.name


def test_service_worker_is_served_uncached(site_url):
    assert response_headers(f"{site_url}/sw.js")["Cache-Control"] == "no-cache"


def test_nginx_snippet_is_written(built):
    snippet = (built.site / "_nginx.conf").read_text(encoding="utf-8")
    assert "add_header Content-Security-Policy" in snippet


def test_the_icon_every_page_loads_is_cached_a_week(site_url):
    for path in ("/fr/assets/parapluie.svg", "/assets/parapluie.svg"):
        assert response_headers(f"{site_url}{path}")["Cache-Control"] == "public, max-age=604800", path
