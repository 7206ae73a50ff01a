"""Playwright with Debian's Chromium (Playwright's own browser download fails here)."""

from __future__ import annotations

import pytest

from devtools.chromium import CHROMIUM, CHROMIUM_ARGS, PHONE


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the session. Missing Chromium is a failure, not a skip: CI installs it."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), f"{CHROMIUM} not found: run `apt-get install -y chromium` (or set CHROMIUM=...)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def phone(browser):
    """A fresh phone-sized browser context (no shared cookies or storage)."""
    context = browser.new_context(**PHONE)
    yield context
    context.close()


class StandIn:
    """A local stand-in for the quick exit's neutral page, on its own origin, recording requests."""

    def __init__(self) -> None:
        import http.server
        import threading
        import time

        self.requests: list[dict[str, str]] = []
        self.delay = 0.0  # seconds before answering, to play a slow network
        recorded, stand_in = self.requests, self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                recorded.append({"path": self.path, **{name.lower(): value for name, value in self.headers.items()}})
                time.sleep(stand_in.delay)
                body = b"<!doctype html><html lang='fr'><title>Meteo</title><h1>Meteo</h1></html>"
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format, *args):
                pass

        # "localhost" rather than 127.0.0.1: another origin than the site under test.
        self.server = http.server.ThreadingHTTPServer(("localhost", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://localhost:{self.server.server_address[1]}/weather"


@pytest.fixture(scope="session")
def stand_in():
    """The stand-in destination, for the whole session."""
    destination = StandIn()
    yield destination
    destination.server.shutdown()


@pytest.fixture(scope="session")
def exit_site(stand_in, tmp_path_factory):
    """French and Romanian built from a fixture project copy whose quick exit leads to the stand-in; its URL."""
    import yaml

    from devtools.localserver import start_server
    from parapluie.build import build_site
    from tests.fixtures_project import FIXED_TODAY, copy_project

    project = copy_project(tmp_path_factory.mktemp("exit") / "project")
    registry = yaml.safe_load(project.registry_file.read_text(encoding="utf-8"))
    for entry in registry["languages"]:
        entry["exit_url"] = stand_in.url
    project.registry_file.write_text(yaml.safe_dump(registry, allow_unicode=True), encoding="utf-8")
    build_site(project, project.root / "site", languages=["fr", "ro"], today=FIXED_TODAY)
    url, server = start_server(project.root / "site")
    yield url
    server.shutdown()
