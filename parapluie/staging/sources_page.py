"""A page's sources on a page of their own, so each page carries one link, not the list.

A page's `sources` (front matter) are web addresses, often long: on the heaviest pages they weighed
up to 1.5 KB gzip of every visit, for a list few readers open (issue #16). Each written page with
sources gets `sources/<name>/` (its title, a link back, the list), and its footer links there
(overrides/partials/page-facts.html, `sources_anchor`). The pages are generated in every language, so
the language menu never leads to a missing page; the sources are the French page's in every language.
A directory entry keeps its short list on its own page (its data names it).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from parapluie.inputs.frontmatter import front_matter_block, split_front_matter
from parapluie.inputs.yamlfile import read_text
from parapluie.render.links import source_label, sources_anchor

SOURCES_FOLDER = "sources"


def page_url(page: str) -> str:
    """The address MkDocs gives a page file, relative to its language: `sante.md` → `sante/`, `index.md` → ``."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def sources_page_file(page: str) -> str:
    """Where the sources of `page` go, in its language's docs: `sante.md` → `sources/sante.md`."""
    return f"{SOURCES_FOLDER}/{sources_anchor(page_url(page))}.md"


def sources_page(page: str, title: str, sources: list[str], gettext: Callable[[str], str]) -> str:
    """The sources page of one page: a link back to it, then its sources."""
    depth = page_url(sources_page_file(page)).count("/")
    back = html.escape("../" * depth + page_url(page))
    links = "".join(
        f'<li><a rel="noopener noreferrer" href="{html.escape(url)}">{html.escape(source_label(url))}</a></li>'
        for url in sources
    )
    meta = {
        "title": f"{gettext('Sources')} – {title}",
        "search": {"exclude": True},  # a list of addresses: noise in search results
        "parapluie": {"state": "generated", "origin": f"docs/fr/{page} (sources)"},
    }
    return front_matter_block(meta) + f'\n<p><a href="{back}">{html.escape(title)}</a></p>\n<ul>{links}</ul>\n'


def write_sources_pages(docs_dir: Path, pages: list[str], gettext: Callable[[str], str]) -> list[str]:
    """Write the sources page of every staged page of `pages` that names sources; return their paths."""
    written = []
    for page in pages:
        path = docs_dir / page
        meta, _body = split_front_matter(read_text(path), path)
        sources = [str(source) for source in meta.get("sources") or []]
        if not sources:
            continue
        target = sources_page_file(page)
        title = html.unescape(str(meta.get("title") or page))
        (docs_dir / target).parent.mkdir(parents=True, exist_ok=True)
        (docs_dir / target).write_text(sources_page(page, title, sources, gettext), encoding="utf-8")
        written.append(target)
    return written
