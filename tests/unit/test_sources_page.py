"""A written page's sources on a page of their own (parapluie/staging/sources_page.py)."""

from __future__ import annotations

from pathlib import Path

from parapluie.inputs.frontmatter import front_matter_block, split_front_matter
from parapluie.render.links import sources_anchor
from parapluie.staging.sources_page import page_url, sources_page_file, write_sources_pages


def test_page_url_follows_mkdocs_directory_urls():
    assert page_url("index.md") == ""
    assert page_url("sante.md") == "sante/"
    assert page_url("outils/index.md") == "outils/"
    assert page_url("outils/photo.md") == "outils/photo/"


def test_anchor_and_file_name_one_per_page():
    assert sources_anchor("") == "accueil"
    assert sources_anchor("sante/") == "sante"
    assert sources_anchor("outils/photo/") == "outils-photo"
    assert sources_page_file("index.md") == "sources/accueil.md"
    assert sources_page_file("outils/photo.md") == "sources/outils-photo.md"


def write_page(docs: Path, page: str, meta: dict) -> None:
    (docs / page).parent.mkdir(parents=True, exist_ok=True)
    (docs / page).write_text(front_matter_block(meta) + "\nTexte.\n", encoding="utf-8")


def test_each_page_with_sources_gets_its_page_with_a_link_back(tmp_path):
    write_page(tmp_path, "sante.md", {"title": "Santé & <test>", "sources": ["https://example.org/a?b=1&c=2"]})
    write_page(tmp_path, "outils/photo.md", {"title": "Photo", "sources": ["https://www.example.be/photo/"]})
    write_page(tmp_path, "sans.md", {"title": "Sans sources"})

    written = write_sources_pages(tmp_path, ["sante.md", "outils/photo.md", "sans.md"], lambda text: f"[{text}]")

    assert written == ["sources/sante.md", "sources/outils-photo.md"]
    meta, body = split_front_matter((tmp_path / "sources/sante.md").read_text(encoding="utf-8"), "sante")
    assert meta["title"] == "[Sources] – Santé & <test>"
    assert '<p><a href="../../sante/">Santé &amp; &lt;test&gt;</a></p>' in body
    assert '<a rel="noopener noreferrer" href="https://example.org/a?b=1&amp;c=2">example.org/a</a>' in body
    _meta, body = split_front_matter((tmp_path / "sources/outils-photo.md").read_text(encoding="utf-8"), "photo")
    assert '<a href="../../outils/photo/">Photo</a>' in body
    assert ">example.be/photo</a>" in body
    assert not (tmp_path / "sources/sans.md").exists()
