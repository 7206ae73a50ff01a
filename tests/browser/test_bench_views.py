"""The benchmark's page views on a tiny site (devtools/bench/browser.py): what the floor refuses,
what a first visit and a next page fetch, as the server counts them. No timing is asserted:
`make bench` measures; this checks that it counts the right requests."""

from __future__ import annotations

import pytest

from devtools.bench.browser import floor, visit
from devtools.localserver import start_server

pytestmark = pytest.mark.browser

PAGE = (
    '<!doctype html><html lang="fr"><title>{title}</title><link rel="stylesheet" href="/assets/s.css">'
    '<link rel="icon" href="/assets/icon.svg">'
    '<h1>{title}</h1><p>Un texte.</p><img src="/assets/i.svg" alt="" width="10" height="10"></html>'
)


@pytest.fixture
def tiny_site(tmp_path):
    """A two-page site whose stylesheet, image and icon a host lets the browser cache; served locally."""
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "s.css").write_text("h1{color:#a00}" * 50, encoding="utf-8")
    for name in ("i.svg", "icon.svg"):
        (tmp_path / "assets" / name).write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    for folder, title in (("a", "Accueil"), ("b", "Santé")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.html").write_text(PAGE.format(title=title), encoding="utf-8")
    (tmp_path / "_headers").write_text("/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n")
    url, server = start_server(tmp_path)
    yield url, server
    server.shutdown()
    server.server_close()


def test_the_floor_fetches_the_document_alone_and_a_visit_everything_then_the_next_page_only(browser, tiny_site):
    url, server = tiny_site
    alone = floor(browser, server, url, "/a/")
    first, then = visit(browser, server, url, "/a/", "/b/")
    assert alone.requests == 1 and alone.elsewhere == 0
    assert first.requests == 4  # the page, its stylesheet, its image, its icon
    assert then.requests == 1  # the rest comes from the cache
    assert alone.bytes < first.bytes
    assert None not in (alone.fcp_ms, alone.lcp_ms, first.fcp_ms, first.lcp_ms, then.fcp_ms, first.cls)
