"""Keep the guide on the phone: nothing before the press, every page offline after, removable (issue #8)."""

from __future__ import annotations

import json
import re

import pytest

pytestmark = pytest.mark.browser

PAGES = ["", "sante/", "annuaire/", "annuaire/espace-p/", "droits/"]
OFFLINE_SCRIPT = re.compile(r"/assets/offline\.[0-9a-f]{8}\.min\.js")  # loaded on the first press only


@pytest.fixture
def page(phone):
    yield phone.new_page()


def test_nothing_is_fetched_stored_or_registered_before_the_button_is_pressed(page, site_url):
    paths = []
    page.on("request", lambda request: paths.append(request.url.removeprefix(site_url)))
    page.goto(f"{site_url}/fr/", wait_until="networkidle")
    assert page.is_visible(".parapluie-offline [data-action=ask]")  # the shared script shows the box
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
    assert page.evaluate("caches.keys()") == []
    # Not even the box's own script (assets/offline.<hash>.min.js): the shared script loads it on the press.
    assert not [path for path in paths if "offline" in path or "manifest" in path or "sw.js" in path], paths
    assert page.locator("link[rel=manifest]").count() == 0

    # One press: the script arrives and takes the press over (it shows the size, nothing is stored yet).
    page.click(".parapluie-offline [data-action=ask]")
    page.wait_for_selector(".parapluie-offline [data-action=save]", state="visible")
    assert re.search(r"\d", page.inner_text(".parapluie-offline__state"))
    assert len([path for path in paths if OFFLINE_SCRIPT.fullmatch(path)]) == 1, paths
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
    assert page.evaluate("caches.keys()") == []


def test_a_press_without_connection_says_so_and_the_next_press_loads_the_script(page, site_url):
    page.goto(f"{site_url}/ro/", wait_until="networkidle")
    page.route(OFFLINE_SCRIPT, lambda route: route.abort("internetdisconnected"))
    page.click(".parapluie-offline [data-action=ask]")
    failed = page.get_attribute(".parapluie-offline", "data-text-failed")
    page.wait_for_function(
        "text => document.querySelector('.parapluie-offline__state').textContent === text", arg=failed
    )
    assert page.is_visible(".parapluie-offline [data-action=ask]")
    page.unroute(OFFLINE_SCRIPT)
    page.click(".parapluie-offline [data-action=ask]")
    page.wait_for_selector(".parapluie-offline [data-action=save]", state="visible")
    assert page.evaluate("caches.keys()") == []


def test_save_then_read_offline_then_remove(page, phone, site_url, built):
    page.goto(f"{site_url}/bg/", wait_until="networkidle")
    page.click(".parapluie-offline [data-action=ask]")
    page.wait_for_selector(".parapluie-offline [data-action=save]", state="visible")
    size_text = page.inner_text(".parapluie-offline__state")
    assert re.search(r"\d", size_text), size_text  # the size is shown before anything is downloaded
    assert page.evaluate("caches.keys()") == []
    page.click(".parapluie-offline [data-action=save]")
    page.wait_for_selector(".parapluie-offline [data-action=remove]", state="visible", timeout=60_000)
    assert page.evaluate("caches.keys()") == ["parapluie-offline:/bg/"]
    # The copy holds the box's own script (listed in offline.json), so the box shows the copy offline.
    stored = "caches.open('parapluie-offline:/bg/').then(c => c.keys()).then(r => r.map(q => q.url))"
    assert [url for url in page.evaluate(stored) if OFFLINE_SCRIPT.search(url)], page.evaluate(stored)
    assert page.locator("link[rel=manifest]").count() == 1
    manifest = page.evaluate("fetch(document.querySelector('link[rel=manifest]').href).then(r => r.json())")
    assert manifest["name"] == built.registry.get("bg").app_name and manifest["start_url"] == "./"
    paths = []
    page.on("request", lambda request: paths.append(request.url.removeprefix(site_url)))
    page.reload(wait_until="networkidle")  # now controlled by the worker
    # With a copy kept, the box's script loads at once, without a press, and shows it (update / remove).
    page.wait_for_selector(".parapluie-offline [data-action=update]", state="visible")
    assert page.is_visible(".parapluie-offline [data-action=remove]")
    assert not page.is_visible(".parapluie-offline [data-action=ask]")
    saved = page.get_attribute(".parapluie-offline", "data-text-saved")
    assert page.inner_text(".parapluie-offline__state") == saved
    assert [path for path in paths if OFFLINE_SCRIPT.fullmatch(path)], paths
    # Updating asks first too; cancelling keeps the copy as it was.
    page.click(".parapluie-offline [data-action=update]")
    page.wait_for_selector(".parapluie-offline [data-action=save]", state="visible")
    page.click(".parapluie-offline [data-action=cancel]")
    page.wait_for_selector(".parapluie-offline [data-action=remove]", state="visible")
    assert page.evaluate("caches.keys()") == ["parapluie-offline:/bg/"]

    listed = json.loads((built.site / "bg" / "offline.json").read_text(encoding="utf-8"))["files"]
    pages = [url for url in listed if url.endswith("/") and not url.startswith("../")]
    assert set(PAGES) <= {"" if url == "./" else url for url in pages}
    phone.set_offline(True)
    # Short links (/bg/w/) and moved pages (/bg/ancienne-sante/) forward to their page.
    forwarding = {
        url for url in pages if 'http-equiv="refresh"' in (built.site / "bg" / url / "index.html").read_text("utf-8")
    }
    assert "a/" in forwarding and "ancienne-sante/" in forwarding
    for path in sorted(set(pages) - forwarding):  # every page of the language, from the copy
        response = page.goto(f"{site_url}/bg/{path}")
        assert response is not None and response.ok, path
        assert page.locator("html[lang=bg]").count() == 1, path
    page.goto(f"{site_url}/bg/a/")  # a short link forwards offline too
    page.wait_for_url(f"{site_url}/bg/annuaire/")
    page.goto(f"{site_url}/bg/ancienne-sante/")  # and a moved page
    page.wait_for_url(f"{site_url}/bg/sante/")
    for path in PAGES:
        page.goto(f"{site_url}/bg/{path}")
        assert page.is_visible(".parapluie-exit__button"), path
        # The shared stylesheet came from the copy too: the header is laid out, not raw HTML.
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky", path
    page.goto(f"{site_url}/bg/")  # the box's own script came from the copy too: it shows the copy
    page.wait_for_selector(".parapluie-offline [data-action=remove]", state="visible")
    phone.set_offline(False)

    page.goto(f"{site_url}/bg/", wait_until="networkidle")
    page.wait_for_selector(".parapluie-offline [data-action=remove]", state="visible")
    page.click(".parapluie-offline [data-action=remove]")
    page.wait_for_selector(".parapluie-offline [data-action=ask]", state="visible")
    assert page.evaluate("caches.keys()") == []
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0

    # Past the copy, only the browser's HTTP cache could still answer (heuristically fresh for a while
    # after the build, so the outcome would depend on the suite's timing): leave it out of the question.
    phone.new_cdp_session(page).send("Network.setCacheDisabled", {"cacheDisabled": True})
    phone.set_offline(True)
    with pytest.raises(Exception, match="ERR_INTERNET_DISCONNECTED"):
        page.goto(f"{site_url}/bg/sante/")
    phone.set_offline(False)
