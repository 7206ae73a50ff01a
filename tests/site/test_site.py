"""The real site, built once: every page in every language, switcher, lang/dir, privacy."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

from parapluie.htmltags import tag_attributes


def page_file(site: Path, code: str, page: str) -> Path:
    """Where a nav page lands with directory URLs."""
    folder = page.removesuffix(".md").removesuffix("index")  # outils/index.md → outils/
    return site / code / (folder.rstrip("/") + "/index.html" if folder else "index.html")


def html_tag(html: str) -> dict[str, str]:
    return tag_attributes(re.search(r"<html\b[^>]*>", html).group(0))


def switcher_links(html: str) -> list[dict[str, str]]:
    block = html[html.index('class="md-select__list"') :]
    block = block[: block.index("</ul>")]
    return [tag_attributes(tag) for tag in re.findall(r"<a\b[^>]*>", block)]


def test_every_nav_page_exists_in_every_language(built):
    for code in built.registry.codes:
        for page in built.pages:
            assert page_file(built.site, code, page).is_file(), f"{code}/{page}"


def test_html_lang_and_dir_on_every_page(built):
    for language in built.registry.languages:
        for path in (built.site / language.code).rglob("*.html"):
            attributes = html_tag(path.read_text(encoding="utf-8"))
            assert (attributes.get("lang"), attributes.get("dir")) == (language.code, language.direction), path


def test_switcher_targets_are_the_same_page_in_each_language(built):
    for code in built.registry.codes:
        for page in built.pages:
            path = page_file(built.site, code, page)
            links = switcher_links(path.read_text(encoding="utf-8"))
            assert [link["hreflang"] for link in links] == built.registry.codes
            for link in links:
                target = Path(urljoin(path.as_posix(), link["href"]))
                target = target / "index.html" if link["href"].endswith("/") else target
                assert target.resolve() == page_file(built.site, link["hreflang"], page).resolve(), (path, link)


def test_no_third_party_hosts_anywhere_in_the_output(built):
    for path in built.site.rglob("*"):
        if path.suffix in {".html", ".css", ".js", ".json", ".xml", ".svg"}:
            text = path.read_text(encoding="utf-8")
            for host in ("googleapis", "gstatic", "unpkg.com", "jsdelivr", "cdnjs"):
                assert host not in text, f"{path}: {host}"


def test_fallback_pages_say_so_in_the_readers_language(built):
    fallbacks = [
        (code, page.path) for code, staged in built.staged.items() for page in staged.pages if page.state == "fallback"
    ]
    # Whether the real content has fallbacks changes with every translation; tests/site/test_notices.py
    # builds one (Bulgarian) on purpose. Here: every fallback the real site has says so.
    for code, page in fallbacks:
        html = page_file(built.site, code, page).read_text(encoding="utf-8")
        assert '<aside class="parapluie-notice" role="note">' in html and '<div lang="fr" dir="ltr">' in html
    fr_home = page_file(built.site, "fr", "index.md").read_text(encoding="utf-8")
    assert 'class="parapluie-notice"' not in fr_home  # the element (its style is in every page's <style>)


def test_each_page_shows_when_it_was_checked_in_its_locale(built):
    for code, words in {"fr": "Vérifié le", "en": "Checked on", "bg": "Проверено на"}.items():
        html = page_file(built.site, code, built.pages[0]).read_text(encoding="utf-8")
        assert re.search(rf"{words} \S+", html), code


def test_root_index_lists_every_language_by_endonym_without_javascript(built):
    html = (built.site / "index.html").read_text(encoding="utf-8")
    for language in built.registry.languages:
        assert f'href="{language.code}/"' in html
        assert f"<strong>{language.endonym}</strong>" in html
    assert '<script src="assets/pick-language.js" defer></script>' in html


def test_root_404_helps_in_every_language(built):
    html = (built.site / "404.html").read_text(encoding="utf-8")
    for text in ("Page introuvable", "Page not found", "Pagina nu a fost găsită", "Страницата не е намерена"):
        assert text in html
    for code in built.registry.codes:
        assert f'href="/{code}/"' in html
    assert not any((built.site / code / "404.html").exists() for code in built.registry.codes)


def test_search_index_is_per_language(built):
    sizes = {code: (built.site / code / "search" / "search_index.json").stat().st_size for code in built.registry.codes}
    assert all(sizes.values())
    french = (built.site / "fr" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"lang":["fr"]' in french.replace(" ", "")


def test_a_page_links_its_sources_page_which_lists_them(built, built_project):
    """Each written page with sources carries one link; the list is on its sources page, in every language."""
    french_sources = split_sources(built_project.source_docs / "sante.md")
    for code in built.registry.codes:
        page = page_file(built.site, code, "sante.md")
        html = page.read_text(encoding="utf-8")
        assert 'id="sources"' not in html, code
        footer = html[html.index('<footer class="parapluie-facts">') :]
        href = re.search(r'<a href="([^"]*sources/[^"]*)">', footer).group(1)
        target = Path(urljoin(page.as_posix(), href)) / "index.html"
        listed = re.findall(r'<li><a rel="noopener noreferrer" href="([^"]+)"', target.read_text(encoding="utf-8"))
        assert listed == french_sources, code
        back = re.search(r'<p><a href="([^"]+)">', target.read_text(encoding="utf-8")).group(1)
        assert Path(urljoin(target.as_posix(), back)) / "index.html" == page, code
        index = (built.site / code / "search" / "search_index.json").read_text(encoding="utf-8")
        assert '"location":"sources/' not in index.replace(" ", ""), (
            f"{code}: a list of addresses is not a search result"
        )


def test_a_directory_entry_keeps_its_sources_on_its_page(built):
    html = (built.site / "fr" / "annuaire" / "espace-p" / "index.html").read_text(encoding="utf-8")
    assert '<details id="sources">' in html


def split_sources(path: Path) -> list[str]:
    from parapluie.inputs.frontmatter import read_source_page

    meta, _body = read_source_page(path)
    return [str(url).replace("&", "&amp;") for url in meta.sources]
