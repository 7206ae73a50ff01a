"""The built site served by Debian's nginx with `_nginx.conf` included exactly as DEPLOY.md says.

nginx runs as an ordinary process on a free loopback port, its pid, logs and temp paths in a
temporary folder. CI installs it (`nginx-light`); a missing nginx is a failure, not a skip.
"""

from __future__ import annotations

import gzip
import http.client
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from parapluie.finish.csp import CSP_META, narrows

NGINX = Path(shutil.which("nginx") or "/usr/sbin/nginx")
MIME_TYPES = Path("/etc/nginx/mime.types")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def nginx_config(site: Path, folder: Path, port: int) -> str:
    """A whole nginx.conf whose server block serves `site` and includes its snippet, as DEPLOY.md says."""
    temp = "\n".join(
        f"  {name}_temp_path {folder / name};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    # As root, nginx's workers would drop to `nobody`, who cannot read pytest's private folders.
    user = "user root;\n" if os.geteuid() == 0 else ""
    return (
        f"{user}worker_processes 1;\npid {folder / 'nginx.pid'};\nerror_log {folder / 'error.log'};\n"
        "events {}\n"
        "http {\n"
        f"  include {MIME_TYPES};\n  default_type application/octet-stream;\n{temp}\n"
        "  server {\n"
        f"    listen 127.0.0.1:{port};\n    root {site};\n    include {site / '_nginx.conf'};\n"
        "  }\n}\n"
    )


@pytest.fixture(scope="module")
def nginx(built, tmp_path_factory):
    """The real site behind a real nginx: yields a function fetching a path (status, headers, body)."""
    assert NGINX.exists(), f"{NGINX} not found: run `apt-get install -y nginx-light`"
    folder = tmp_path_factory.mktemp("nginx")
    port = free_port()
    config = folder / "nginx.conf"
    config.write_text(nginx_config(built.site, folder, port), encoding="utf-8")
    check = subprocess.run([NGINX, "-t", "-c", config, "-p", folder], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen([NGINX, "-c", config, "-p", folder, "-g", "daemon off;"], stderr=subprocess.PIPE)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.05)

    def fetch(path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        connection.request("GET", path, headers={name.replace("_", "-"): value for name, value in headers.items()})
        response = connection.getresponse()
        result = response.status, {name.lower(): value for name, value in response.getheaders()}, response.read()
        connection.close()
        return result

    yield fetch
    process.terminate()
    process.wait(timeout=10)


def test_debian_nginx_accepts_the_snippet(built, tmp_path):
    config = tmp_path / "nginx.conf"
    config.write_text(nginx_config(built.site, tmp_path, free_port()), encoding="utf-8")
    result = subprocess.run([NGINX, "-t", "-c", config, "-p", tmp_path], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr


def test_pages_carry_every_protective_header(nginx, built):
    status, headers, _ = nginx("/fr/")
    assert status == 200
    meta_policy = CSP_META.search((built.site / "fr" / "index.html").read_text(encoding="utf-8")).group(1)
    # The header allows every inline style and script of the site; a page's <meta> only its own.
    assert narrows(meta_policy, headers["content-security-policy"])
    assert headers["content-security-policy"].endswith("; frame-ancestors 'none'")
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["cross-origin-opener-policy"] == "same-origin"
    assert headers["cross-origin-resource-policy"] == "same-origin"
    assert headers["strict-transport-security"] == "max-age=63072000; includeSubDomains"
    assert "camera=()" in headers["permissions-policy"]
    assert headers["content-type"] == "text/html"
    assert "cache-control" not in headers


def test_text_is_sent_gzipped(nginx, built):
    for path in (
        "/fr/sante/",
        "/" + next((built.site / "assets").glob("parapluie.*.min.css")).relative_to(built.site).as_posix(),
    ):
        status, headers, body = nginx(path, Accept_Encoding="gzip")
        assert status == 200 and headers["content-encoding"] == "gzip", path
        assert gzip.decompress(body).startswith((b"<!doctype html>", b"\n<!doctype html>", b":root", b"@"))


def test_a_missing_page_gets_the_404_page_with_the_headers(nginx, built):
    status, headers, body = nginx("/fr/page-qui-nexiste-pas/")
    assert status == 404
    assert body == (built.site / "404.html").read_bytes()
    assert headers["x-frame-options"] == "DENY"


def test_short_links_and_moved_pages_answer_301(nginx, built):
    lines = (built.site / "_redirects").read_text(encoding="utf-8").splitlines()
    redirects = [line.split() for line in lines if line and not line.startswith("#")]
    assert len(redirects) > 10
    for source, target, code in redirects:
        status, headers, _ = nginx(source)
        assert (status, headers["location"], code) == (301, target, "301"), source


def test_caching_follows_the_headers_file(nginx, built):
    for asset in sorted((built.site / "assets").glob("*.min.*")):
        status, headers, _ = nginx(f"/assets/{asset.name}")
        assert status == 200 and headers["cache-control"] == "public, max-age=31536000, immutable", asset.name
        assert headers["x-content-type-options"] == "nosniff"
    assert nginx("/assets/parapluie.svg")[1]["cache-control"] == "public, max-age=604800"
    assert nginx("/sw.js")[1]["cache-control"] == "no-cache"


def test_mime_types_let_a_phone_open_each_file(nginx, built):
    vcard = next((built.site / "fr" / "annuaire").rglob("*.vcf"))
    manifest = next(built.site.rglob("*.webmanifest"))
    expected = {
        "/" + vcard.relative_to(built.site).as_posix(): "text/vcard",
        "/" + manifest.relative_to(built.site).as_posix(): "application/manifest+json",
        "/donnees/annuaire-hsds.json": "application/json",
        "/fr/search/search_index.json": "application/json",
        "/assets/parapluie.svg": "image/svg+xml",
    }
    for path, mime in expected.items():
        status, headers, _ = nginx(path)
        assert (status, headers["content-type"]) == (200, mime), path
        assert headers["x-frame-options"] == "DENY", path
