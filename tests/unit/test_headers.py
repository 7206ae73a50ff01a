"""Headers for real hosts: the `_headers` file round-trips, nginx repeats headers in locations."""

from __future__ import annotations

from parapluie.hosting.headers import (
    ALWAYS_REVALIDATE,
    headers_file,
    headers_for,
    nginx_snippet,
    parse_headers_file,
    security_headers,
)

POLICY = "default-src 'none'; script-src 'self'"


def test_headers_file_applies_security_headers_everywhere_and_long_cache_to_fingerprinted_files():
    rules = parse_headers_file(headers_file(POLICY, ["/fr/assets/javascripts/bundle.a5f9d56c.min.js"]))
    page = headers_for("/fr/sante/", rules)
    assert page["Content-Security-Policy"] == POLICY + "; frame-ancestors 'none'"
    assert page["X-Frame-Options"] == "DENY"
    assert page["Referrer-Policy"] == "no-referrer"
    assert "camera=()" in page["Permissions-Policy"] and "geolocation=()" in page["Permissions-Policy"]
    assert "Cache-Control" not in page
    script = headers_for("/fr/assets/javascripts/bundle.a5f9d56c.min.js", rules)
    assert script["Cache-Control"] == "public, max-age=31536000, immutable"
    assert script["X-Content-Type-Options"] == "nosniff"


def test_nginx_snippet_repeats_every_header_inside_each_location():
    snippet = nginx_snippet(POLICY)
    locations = 2 + len(ALWAYS_REVALIDATE)  # fingerprinted files, the icon, each always-revalidated file
    for name in security_headers(POLICY):
        assert snippet.count(f"add_header {name} ") == 1 + locations, name
    assert "access_log off;" in snippet and "error_page 404 /404.html;" in snippet
    assert "gzip on;" in snippet and "gzip_comp_level 6;" in snippet
    assert "location = /sw.js {" in snippet and 'add_header Cache-Control "no-cache" always;' in snippet


def test_the_icon_is_cached_a_week():
    rules = parse_headers_file(headers_file(POLICY, [], ["/fr/assets/parapluie.svg"]))
    assert headers_for("/fr/assets/parapluie.svg", rules)["Cache-Control"] == "public, max-age=604800"
    assert "Cache-Control" not in headers_for("/fr/sante/", rules)


def test_service_worker_is_always_revalidated():
    rules = parse_headers_file(headers_file(POLICY, ["/assets/parapluie.0123abcd.min.js"]))
    assert headers_for("/sw.js", rules)["Cache-Control"] == "no-cache"
    assert headers_for("/assets/parapluie.0123abcd.min.js", rules)["Cache-Control"].endswith("immutable")
