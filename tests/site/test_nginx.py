"""The built site served by Debian's nginx with `_nginx.conf` and `_nginx-brotli.conf` included exactly
as DEPLOY.md says, from a copy of the build with its `.br` files written as `make site` does.

nginx runs as an ordinary process on a free loopback port, its pid, logs and temp paths in a
temporary folder. CI installs it (`nginx-light`) and its brotli_static module
(`libnginx-mod-http-brotli-static`); a missing nginx or module is a failure, not a skip.
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

import brotli
import pytest

from parapluie.finish.csp import CSP_META, narrows
from parapluie.hosting.headers import security_headers
from parapluie.hosting.precompress import precompress_site

NGINX = Path(shutil.which("nginx") or "/usr/sbin/nginx")
MIME_TYPES = Path("/etc/nginx/mime.types")
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
BROTLI_PACKAGE = "libnginx-mod-http-brotli-static"
# The headers every response carries (their names only: the policy is the site's).
SECURITY_HEADERS = [name.lower() for name in security_headers("")]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def brotli_module(module: Path = BROTLI_MODULE) -> Path:
    """Debian's brotli_static module, or a failure naming the package that brings it (never a skip)."""
    assert module.is_file(), f"{module} not found: run `apt-get install -y {BROTLI_PACKAGE}`"
    return module


def nginx_config(site: Path, folder: Path, port: int, brotli_static: bool = False) -> str:
    """A whole nginx.conf whose server block serves `site` and includes its snippet, as DEPLOY.md says;
    with `brotli_static`, the module is loaded and the brotli snippet included too."""
    temp = "\n".join(
        f"  {name}_temp_path {folder / name};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    # As root, nginx's workers would drop to `nobody`, who cannot read pytest's private folders.
    user = "user root;\n" if os.geteuid() == 0 else ""
    module = f"load_module {brotli_module()};\n" if brotli_static else ""
    includes = f"    include {site / '_nginx.conf'};\n"
    if brotli_static:
        includes += f"    include {site / '_nginx-brotli.conf'};\n"
    return (
        f"{module}{user}worker_processes 1;\npid {folder / 'nginx.pid'};\nerror_log {folder / 'error.log'};\n"
        "events {}\n"
        "http {\n"
        f"  include {MIME_TYPES};\n  default_type application/octet-stream;\n{temp}\n"
        "  server {\n"
        f"    listen 127.0.0.1:{port};\n    root {site};\n{includes}"
        "  }\n}\n"
    )


def nginx_test(config: Path, folder: Path) -> subprocess.CompletedProcess:
    """`nginx -t` on a whole configuration."""
    return subprocess.run([NGINX, "-t", "-c", config, "-p", folder], capture_output=True, text=True)


@pytest.fixture(scope="module")
def served_site(built, tmp_path_factory) -> Path:
    """A copy of the fixture build with its `.br` files, as `make site` leaves it (the shared build
    stays as it is: other tests scan its files)."""
    site = tmp_path_factory.mktemp("served") / "site"
    shutil.copytree(built.site, site, symlinks=True)
    assert precompress_site(site).files > 0
    return site


@pytest.fixture(scope="module")
def nginx(served_site, tmp_path_factory):
    """The real site behind a real nginx with brotli_static: yields a function fetching a path
    (status, headers, body)."""
    assert NGINX.exists(), f"{NGINX} not found: run `apt-get install -y nginx-light`"
    folder = tmp_path_factory.mktemp("nginx")
    port = free_port()
    config = folder / "nginx.conf"
    config.write_text(nginx_config(served_site, folder, port, brotli_static=True), encoding="utf-8")
    check = nginx_test(config, folder)
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


def test_debian_nginx_accepts_the_snippet_without_the_brotli_module(built, tmp_path):
    config = tmp_path / "nginx.conf"
    config.write_text(nginx_config(built.site, tmp_path, free_port()), encoding="utf-8")
    assert "load_module" not in config.read_text(encoding="utf-8")
    result = nginx_test(config, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr


def test_a_missing_brotli_module_fails_naming_its_package(tmp_path):
    with pytest.raises(AssertionError, match=f"missing.so not found: run `apt-get install -y {BROTLI_PACKAGE}`"):
        brotli_module(tmp_path / "missing.so")


def test_debian_nginx_accepts_both_snippets_with_the_brotli_module(built, tmp_path):
    config = tmp_path / "nginx.conf"
    config.write_text(nginx_config(built.site, tmp_path, free_port(), brotli_static=True), encoding="utf-8")
    text = config.read_text(encoding="utf-8")
    assert text.startswith(f"load_module {BROTLI_MODULE};\n")
    assert f"include {built.site / '_nginx.conf'};" in text and f"include {built.site / '_nginx-brotli.conf'};" in text
    result = nginx_test(config, tmp_path)
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


def brotli_paths(site: Path) -> list[str]:
    """A page, the directory's page and the shared stylesheet: URL paths whose file has a `.br` copy."""
    stylesheet = next((site / "assets").glob("parapluie.*.min.css"))
    return ["/fr/sante/", "/fr/annuaire/", "/" + stylesheet.relative_to(site).as_posix()]


def file_of(site: Path, path: str) -> Path:
    """The file nginx sends for a URL path (a folder's index.html)."""
    return site / path.strip("/") / "index.html" if path.endswith("/") else site / path.lstrip("/")


def test_text_is_sent_as_its_brotli_copy_to_browsers_that_ask(nginx, served_site):
    for path in brotli_paths(served_site):
        file = file_of(served_site, path)
        status, headers, body = nginx(path, Accept_Encoding="br, gzip")
        assert (status, headers["content-encoding"]) == (200, "br"), path
        assert body == file.with_name(file.name + ".br").read_bytes(), path
        assert brotli.decompress(body) == file.read_bytes(), path
        assert headers["vary"] == "Accept-Encoding", path


def test_text_is_sent_gzipped_to_browsers_without_brotli(nginx, served_site):
    for path in brotli_paths(served_site):
        status, headers, body = nginx(path, Accept_Encoding="gzip")
        assert (status, headers["content-encoding"]) == (200, "gzip"), path
        assert gzip.decompress(body) == file_of(served_site, path).read_bytes(), path
        assert headers["vary"] == "Accept-Encoding", path


def test_text_is_sent_as_is_to_clients_asking_no_compression(nginx, served_site):
    for path in brotli_paths(served_site):
        status, headers, body = nginx(path)
        assert status == 200 and "content-encoding" not in headers, path
        assert body == file_of(served_site, path).read_bytes(), path
        assert headers["vary"] == "Accept-Encoding", path


def test_brotli_answers_keep_every_protective_header(nginx, served_site):
    for path in brotli_paths(served_site):
        plain = nginx(path)[1]
        packed = nginx(path, Accept_Encoding="br")[1]
        assert packed["content-encoding"] == "br", path
        for name in SECURITY_HEADERS:
            assert packed[name] == plain[name], (path, name)
        assert packed["x-frame-options"] == "DENY"
        for name in ("content-type", "cache-control"):
            assert packed.get(name) == plain.get(name), (path, name)


def test_a_missing_page_gets_the_404_page_with_the_headers(nginx, built):
    status, headers, body = nginx("/fr/page-qui-nexiste-pas/")
    assert status == 404
    assert body == (built.site / "404.html").read_bytes()
    assert headers["x-frame-options"] == "DENY"
    status, headers, body = nginx("/fr/page-qui-nexiste-pas/", Accept_Encoding="br, gzip")
    assert (status, headers["content-encoding"]) == (404, "br")
    assert brotli.decompress(body) == (built.site / "404.html").read_bytes()
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
