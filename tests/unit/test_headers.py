"""Headers for real hosts: the `_headers` file round-trips, nginx repeats headers in locations."""

from __future__ import annotations

from parapluie.hosting.headers import (
    ALWAYS_REVALIDATE,
    MISSING_NGINX_TYPES,
    headers_file,
    headers_for,
    nginx_brotli_snippet,
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
    # Fingerprinted files, the icon, each always-revalidated file, each type nginx does not know.
    locations = 2 + len(ALWAYS_REVALIDATE) + len(MISSING_NGINX_TYPES)
    for name in security_headers(POLICY):
        assert snippet.count(f"add_header {name} ") == 1 + locations, name
    assert "access_log off;" in snippet and "error_page 404 /404.html;" in snippet
    assert "gzip on;" in snippet and "gzip_comp_level 6;" in snippet
    assert "\ngzip_vary on;" in snippet
    # No brotli directive: an nginx without the module must load it.
    assert not any(line.lstrip().startswith("brotli") for line in snippet.splitlines())
    assert "location = /sw.js {" in snippet and 'add_header Cache-Control "no-cache" always;' in snippet


def test_the_icon_is_cached_a_week():
    rules = parse_headers_file(headers_file(POLICY, [], ["/fr/assets/parapluie.svg"]))
    assert headers_for("/fr/assets/parapluie.svg", rules)["Cache-Control"] == "public, max-age=604800"
    assert "Cache-Control" not in headers_for("/fr/sante/", rules)


def test_service_worker_is_always_revalidated():
    rules = parse_headers_file(headers_file(POLICY, ["/assets/parapluie.0123abcd.min.js"]))
    assert headers_for("/sw.js", rules)["Cache-Control"] == "no-cache"
    assert headers_for("/assets/parapluie.0123abcd.min.js", rules)["Cache-Control"].endswith("immutable")


def test_nginx_regex_locations_are_quoted_and_types_set():
    from parapluie.outreach.shortlinks import Redirect

    snippet = nginx_snippet(POLICY, [Redirect("/fr/w", "/fr/webcam-securite/")])
    assert 'location ~* "\\.[0-9a-f]{8}\\.min\\.(?:js|css)$" {' in snippet
    assert 'location ~* "\\.vcf$" {' in snippet and "default_type text/vcard;" in snippet
    assert "default_type application/manifest+json;" in snippet
    assert 'location ~ "^/fr/w/?$" { return 301 /fr/webcam-securite/; }' in snippet


def test_the_brotli_snippet_only_turns_brotli_static_on():
    lines = nginx_brotli_snippet().splitlines()
    assert lines == [lines[0], "brotli_static on;"]
    assert lines[0].startswith("# ") and "module" in lines[0] and "make site" in lines[0]
