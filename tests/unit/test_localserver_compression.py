"""The local server compresses text for clients that ask, like real hosts, and only for them: the
brotli copy `make site` writes where there is one and brotli is accepted, else gzip."""

from __future__ import annotations

import gzip
import os
import urllib.error
import urllib.request
from pathlib import Path

import brotli
import pytest

from devtools.localserver import accepts_gzip, start_server
from parapluie.hosting.precompress import precompress_site

PAGE = "<!doctype html><title>Santé</title>" + "<p>Se faire dépister, gratuitement.</p>" * 200


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A tiny site: a page, a stylesheet, an image, a 404 page and a `_headers` file."""
    (tmp_path / "fr" / "sante").mkdir(parents=True)
    (tmp_path / "fr" / "sante" / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "fr" / "style.css").write_text("body { color: black; }\n" * 100, encoding="utf-8")
    (tmp_path / "fr" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(500))
    (tmp_path / "404.html").write_text("<!doctype html><title>Introuvable</title>" * 20, encoding="utf-8")
    (tmp_path / "_headers").write_text("/*\n  X-Frame-Options: DENY\n", encoding="utf-8")
    return tmp_path


def fetch(url: str, encoding: str | None) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and raw body of a GET, with or without Accept-Encoding."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, dict(response.headers.items()), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers.items()), error.read()


@pytest.fixture
def served(folder: Path):
    url, server = start_server(folder)
    yield url
    server.shutdown()


def test_text_is_gzipped_when_the_client_asks(served, folder):
    status, headers, body = fetch(f"{served}/fr/sante/", "gzip, deflate, br")
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert headers["Vary"] == "Accept-Encoding"
    assert headers["Content-Length"] == str(len(body))
    assert len(body) < len(PAGE.encode())
    assert gzip.decompress(body) == (folder / "fr" / "sante" / "index.html").read_bytes()
    assert headers["X-Frame-Options"] == "DENY"


def test_the_brotli_copy_is_sent_when_the_client_accepts_brotli(served, folder):
    precompress_site(folder, jobs=1)
    page = folder / "fr" / "sante" / "index.html"
    status, headers, body = fetch(f"{served}/fr/sante/", "gzip, deflate, br")
    assert status == 200
    assert headers["Content-Encoding"] == "br"
    assert headers["Vary"] == "Accept-Encoding"
    assert headers["Content-Length"] == str(len(body))
    assert body == page.with_name("index.html.br").read_bytes()
    assert brotli.decompress(body) == page.read_bytes()
    assert headers["X-Frame-Options"] == "DENY"
    # Without brotli in Accept-Encoding: gzip, as before.
    _, headers, body = fetch(f"{served}/fr/sante/", "gzip, deflate")
    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == page.read_bytes()


def test_a_stale_brotli_copy_is_never_sent(served, folder):
    precompress_site(folder, jobs=1)
    page = folder / "fr" / "sante" / "index.html"
    page.write_text(PAGE + "<p>Nouveau.</p>", encoding="utf-8")
    later = page.with_name("index.html.br").stat().st_mtime + 10
    os.utime(page, (later, later))
    _, headers, body = fetch(f"{served}/fr/sante/", "gzip, br")
    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == page.read_bytes()


def test_nothing_is_gzipped_when_the_client_does_not_ask(served, folder):
    for encoding in (None, "identity", "gzip;q=0"):
        status, headers, body = fetch(f"{served}/fr/style.css", encoding)
        assert status == 200
        assert "Content-Encoding" not in headers
        assert body == (folder / "fr" / "style.css").read_bytes()
        assert headers["Content-Length"] == str(len(body))


def test_images_are_sent_as_they_are(served, folder):
    status, headers, body = fetch(f"{served}/fr/logo.png", "gzip")
    assert status == 200
    assert "Content-Encoding" not in headers
    assert body == (folder / "fr" / "logo.png").read_bytes()


def test_the_404_page_is_gzipped_too(served, folder):
    status, headers, body = fetch(f"{served}/fr/nulle-part/", "gzip")
    assert status == 404
    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == (folder / "404.html").read_bytes()


def test_a_folder_without_its_slash_is_still_redirected(served):
    request = urllib.request.Request(f"{served}/fr/sante", method="HEAD")
    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as error:
        opener.open(request)
    assert error.value.code == 301
    assert error.value.headers["Location"].endswith("/fr/sante/")


def test_an_unchanged_file_is_not_sent_again(served):
    _, headers, _ = fetch(f"{served}/fr/style.css", "gzip")
    request = urllib.request.Request(
        f"{served}/fr/style.css", headers={"Accept-Encoding": "gzip", "If-Modified-Since": headers["Last-Modified"]}
    )
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(request)
    assert error.value.code == 304


def test_compression_can_be_turned_off(folder):
    url, server = start_server(folder, compress=False)
    try:
        _, headers, body = fetch(f"{url}/fr/sante/", "gzip")
    finally:
        server.shutdown()
    assert "Content-Encoding" not in headers
    assert body == PAGE.encode()


@pytest.mark.parametrize(
    ("value", "expected"),
    [("gzip", True), ("deflate, gzip;q=0.5", True), ("*", True), ("br", False), ("gzip;q=0", False), ("", False)],
)
def test_accept_encoding_is_read(value, expected):
    assert accepts_gzip(value) is expected


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Keeps a redirect visible to the test instead of following it."""

    def redirect_request(self, *args, **kwargs):
        return None


def test_the_server_counts_what_it_sends(folder):
    url, server = start_server(folder)
    try:
        fetch(f"{url}/fr/sante/", "gzip")
        fetch(f"{url}/fr/logo.png", None)
        responses, sent = server.take_counts()
        assert server.take_counts() == (0, 0)
    finally:
        server.shutdown()
    body_bytes = len(gzip.compress(PAGE.encode(), 6)) + (folder / "fr" / "logo.png").stat().st_size
    assert responses == 2
    assert body_bytes < sent < body_bytes + 4000
