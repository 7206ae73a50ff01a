"""Passing the site on (issue #7): short links, QR codes, link previews, the kit page, leaflets,
and the published-address registry, checked on the fixture project's build."""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest

from parapluie.outreach.addresses import display_url, site_url
from parapluie.outreach.kit import KIT_PAGE, SNIPPETS
from parapluie.outreach.leaflets import LEAFLET_FORMATS
from parapluie.outreach.previews import PREVIEW_IMAGE, og_locale
from parapluie.outreach.shortlinks import load_shortlinks
from parapluie.verify.published import REGISTRY_FILE, published_urls, read_registry, resolves

REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')
# Words ad sites filter out: the ready-to-paste messages must not contain them, in any language.
FILTERED_WORDS = ("sex", "секс", "escort", "ескорт", "prostitu", "проститу", "tds", "porn")


class Metas(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.values: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "meta" and ("property" in values or "name" in values):
            self.values.append((values.get("property") or values.get("name"), values.get("content") or ""))


def metas(path: Path) -> dict[str, list[str]]:
    parser = Metas()
    parser.feed(path.read_text(encoding="utf-8"))
    found: dict[str, list[str]] = {}
    for name, value in parser.values:
        found.setdefault(name, []).append(value)
    return found


@pytest.fixture(scope="module")
def base_url(built_project):
    return site_url(built_project.base_config())


@pytest.fixture(scope="module")
def topics(built_project, built):
    return load_shortlinks(built_project.data / "shortlinks.yml", built.pages, built.registry.codes)


def test_every_short_link_of_every_language_forwards_to_its_page(built, topics):
    redirects = (built.site / "_redirects").read_text(encoding="utf-8")
    for code in built.registry.codes:
        for topic in topics:
            page = built.site / code / topic.letter / "index.html"
            target = REFRESH.search(page.read_text(encoding="utf-8")).group(1)
            assert target == f"/{code}/{topic.target}", (code, topic.letter)
            assert resolves(built.site, target), target
            assert f"/{code}/{topic.letter} {target} 301\n" in redirects


def test_short_links_without_a_language_list_every_language(built, topics):
    for topic in topics:
        html = (built.site / topic.letter / "index.html").read_text(encoding="utf-8")
        for code in built.registry.codes:
            assert f'href="/{code}/{topic.target}"' in html, (topic.letter, code)
        assert "assets/pick-language.js" in html


def test_every_page_of_every_language_has_a_link_preview(built, base_url):
    locales = {language.code: og_locale(language) for language in built.registry.languages}
    checked = 0
    for language in built.registry.languages:
        folder = built.site / language.code
        for path in folder.rglob("index.html"):
            if 'http-equiv="refresh"' in path.read_text(encoding="utf-8"):
                continue  # a short link's forwarding page, not a page readers see
            found = metas(path)
            page = path.parent.relative_to(built.site).as_posix() + "/"
            assert found["og:url"] == [base_url + page], path
            assert found["og:type"] == ["website"] and found["twitter:card"] == ["summary_large_image"], path
            assert found["og:title"][0].strip() and found["og:description"][0].strip(), path
            assert found["og:image"] == [base_url + PREVIEW_IMAGE.format(code=language.code)], path
            assert found["og:locale"] == [locales[language.code]], path
            assert sorted(found["og:locale:alternate"]) == sorted(v for c, v in locales.items() if c != language.code)
            checked += 1
    assert checked >= len(built.registry.codes) * len(built.pages)


def test_every_shared_address_has_a_link_preview_too(built, base_url):
    """The root, the short links (with or without a language): what people paste most."""
    shared = [
        built.site / "index.html",
        *sorted(built.site.glob("*/index.html")),
        *sorted(built.site.glob("*/*/index.html")),
    ]
    checked = 0
    for path in shared:
        relative = path.relative_to(built.site).as_posix()
        if relative.startswith(("depliants/", "qr/", "donnees/", "admin/")):  # admin/: the staff's editor
            continue
        found = metas(path)
        assert found.get("twitter:card") == ["summary_large_image"], relative
        assert found["og:title"][0].strip() and found["og:description"][0].strip(), relative
        assert found["og:url"][0].startswith(base_url), relative
        image = found["og:image"][0].removeprefix(base_url)
        assert (built.site / image).is_file(), relative
        if REFRESH.search(path.read_text(encoding="utf-8")):  # a short link's card is its page's card
            target = REFRESH.search(path.read_text(encoding="utf-8")).group(1)
            assert found["og:url"] == [base_url + target.lstrip("/")], relative
        checked += 1
    assert checked > len(built.registry.codes) * 8


def test_preview_images_are_local_pngs_of_the_card_size(built):
    for code in built.registry.codes:
        data = (built.site / PREVIEW_IMAGE.format(code=code)).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(data[16:20], "big") == 1200 and int.from_bytes(data[20:24], "big") == 630


def test_the_home_page_preview_is_discreet(built):
    found = metas(built.site / "fr" / "index.html")
    assert "sexe" not in found["og:description"][0].lower() and "sexe" not in found["og:title"][0].lower()


def test_every_qr_code_decodes_to_a_short_link_that_leads_to_the_right_page(built, base_url, topics):
    from PIL import Image
    from pyzbar.pyzbar import decode

    expected = {}
    for code in built.registry.codes:
        expected[f"qr/{code}/accueil.png"] = (f"{base_url}{code}/", f"/{code}/")
        for topic in topics:
            expected[f"qr/{code}/{topic.letter}.png"] = (f"{base_url}{code}/{topic.letter}", f"/{code}/{topic.target}")
    found = sorted(path.relative_to(built.site).as_posix() for path in (built.site / "qr").rglob("*.png"))
    assert found == sorted(expected)
    for name, (url, page) in expected.items():
        [symbol] = decode(Image.open(built.site / name))
        assert symbol.data.decode("utf-8") == url, name
        path = "/" + url.removeprefix(base_url)
        forwarding = built.site / path.lstrip("/") / "index.html" if not path.endswith("/") else None
        if forwarding:
            path = REFRESH.search(forwarding.read_text(encoding="utf-8")).group(1)
        assert path == page and resolves(built.site, path), name
        assert (built.site / name).with_suffix(".svg").is_file()


def test_the_kit_page_gives_links_qr_codes_messages_and_leaflets(built, base_url, topics):
    for code in built.registry.codes:
        path = built.site / code / KIT_PAGE.removesuffix(".md") / "index.html"
        html = path.read_text(encoding="utf-8")
        for topic in topics:
            assert display_url(f"{base_url}{code}/{topic.letter}") in html, (code, topic.letter)
            assert f'href="../../qr/{code}/{topic.letter}.svg"' in html
        for other in built.registry.codes:
            assert html.count(f'class="parapluie-snippet" lang="{other}"') == len(SNIPPETS), (code, other)
            for size in LEAFLET_FORMATS:
                assert f'href="../../depliants/{other}/{size}/"' in html


def test_ready_to_paste_messages_avoid_words_ad_sites_filter(built):
    html = (built.site / "fr" / KIT_PAGE.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
    messages = re.findall(r'<p class="parapluie-snippet"[^>]*>(.*?)</p>', html, re.DOTALL)
    assert len(messages) == len(SNIPPETS) * len(built.registry.codes)
    for message in messages:
        assert not [word for word in FILTERED_WORDS if word in message.lower()], message


def test_leaflets_exist_for_every_language_and_format(built, topics):
    for code in built.registry.codes:
        for size in LEAFLET_FORMATS:
            html = (built.site / "depliants" / code / size / "index.html").read_text(encoding="utf-8")
            assert f'<html lang="{code}"' in html and f"leaflet--{size}" in html
            assert html.count('<span class="leaflet-link"') == sum(topic.leaflet for topic in topics)
            assert f"../../../qr/{code}/accueil.svg" in html


def test_every_published_address_is_served(built, built_project, site_url):
    # Asked of a web server (not of the build's own file check): what a reader who saved the address gets.
    registered = read_registry(built_project.data / REGISTRY_FILE)
    assert registered, "the registry is empty"
    failing = []
    for url in registered:
        try:
            with urllib.request.urlopen(site_url.rstrip("/") + urllib.parse.quote(url)) as response:
                if response.status != 200 or not response.read():
                    failing.append(f"{url}: {response.status}")
        except urllib.error.HTTPError as error:
            failing.append(f"{url}: {error.code}")
    assert failing == []


def test_every_address_the_site_publishes_is_registered(built, built_project):
    missing = sorted(set(published_urls(built.site)) - set(read_registry(built_project.data / REGISTRY_FILE)))
    assert missing == [], "run `make urls` to register: " + ", ".join(missing[:10])
    assert not [warning for warning in built.warnings if warning.startswith(f"data/{REGISTRY_FILE}")]


def test_a_new_short_link_builds_and_the_build_says_to_register_its_addresses(project_copy, tmp_path):
    """A new topic is a valid edit: the build passes, and warns until `make urls` registers it."""
    from parapluie.build import build_site
    from tests.fixtures_project import FIXED_TODAY

    with (project_copy.data / "shortlinks.yml").open("a", encoding="utf-8") as file:
        file.write("z: {page: urgences.md}\n")
    result = build_site(project_copy, tmp_path / "site", languages=["fr"], today=FIXED_TODAY)
    expected = f"data/{REGISTRY_FILE}: 4 new address(es) not registered yet (/fr/z/, /qr/fr/z.png, /qr/fr/z.svg, /z/): "
    assert expected in "\n".join(result.warnings)
