"""Short links and redirects: the data file's rules, and the files hosts and browsers follow."""

from __future__ import annotations

import pytest

from parapluie.errors import BuildError
from parapluie.outreach.shortlinks import (
    Redirect,
    language_redirects,
    load_redirects,
    load_shortlinks,
    page_url,
    redirect_page,
    redirects_file,
)

NAV = ["index.md", "webcam-securite.md", "sante.md", "annuaire.md", "faq.md"]
CODES = ["fr", "ro"]


def shortlinks(tmp_path, text):
    path = tmp_path / "shortlinks.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_page_url_is_the_folder_address_relative_to_a_language():
    assert page_url("index.md") == ""
    assert page_url("sante.md") == "sante/"
    assert page_url("annuaire/espace-p.md") == "annuaire/espace-p/"


def test_topics_are_read_in_order_with_their_target(tmp_path):
    topics = load_shortlinks(
        shortlinks(tmp_path, "w: {page: webcam-securite.md, leaflet: true}\ns: {page: sante.md}\n"), NAV, CODES
    )
    assert [(t.letter, t.target, t.leaflet) for t in topics] == [
        ("w", "webcam-securite/", True),
        ("s", "sante/", False),
    ]


@pytest.mark.parametrize(
    ("text", "field", "message"),
    [
        ("x: {page: absent.md}\n", "x", "'absent.md' is not a page of the nav in mkdocs.yml"),
        ("ro: {page: sante.md}\n", "ro", "'ro' is already a language, a page folder or a reserved name"),
        ("faq: {page: sante.md}\n", "faq", "'faq' is already a language, a page folder or a reserved name"),
        ("sante: {page: sante.md}\n", "sante", "a short link is 1 to 3 lowercase letters or digits"),
        ("qr: {page: sante.md}\n", "qr", "'qr' is already a language, a page folder or a reserved name"),
        ("W: {page: sante.md}\n", "W", "a short link is 1 to 3 lowercase letters or digits"),
        ("w: {page: sante.md, colour: red}\n", "w.colour", "unknown key"),
    ],
)
def test_bad_short_links_name_the_file_and_letter(tmp_path, text, field, message):
    with pytest.raises(BuildError) as raised:
        load_shortlinks(shortlinks(tmp_path, text), NAV, CODES)
    assert raised.value.field == field
    assert message in str(raised.value)


def test_redirects_must_lead_to_a_page_and_not_hide_one(tmp_path):
    path = tmp_path / "redirects.yml"
    assert load_redirects(path, NAV) == {}
    path.write_text("ancienne-sante/: sante/\n", encoding="utf-8")
    assert load_redirects(path, NAV) == {"ancienne-sante/": "sante/"}
    path.write_text("ancienne-sante/: nulle-part/\n", encoding="utf-8")
    with pytest.raises(BuildError, match="is not the address of a page"):
        load_redirects(path, NAV)
    path.write_text("sante/: annuaire/\n", encoding="utf-8")
    with pytest.raises(BuildError, match="still a page"):
        load_redirects(path, NAV)


def test_a_redirect_page_forwards_without_javascript_and_links_meanwhile():
    html = redirect_page("/fr/sante/", "Santé <& co>", "fr")
    assert '<html lang="fr" dir="ltr">' in html
    assert '<meta http-equiv="refresh" content="0; url=/fr/sante/">' in html
    assert '<a href="/fr/sante/">Santé &lt;&amp; co&gt;</a>' in html
    assert '<meta name="referrer" content="no-referrer">' in html and "<script" not in html


def test_language_redirects_and_the_hosts_file(tmp_path):
    topics = load_shortlinks(shortlinks(tmp_path, "s: {page: sante.md}\n"), NAV, CODES)
    redirects = language_redirects(CODES, topics, {"vieux/": "sante/"}, "/")
    assert Redirect("/fr/s", "/fr/sante/") in redirects and Redirect("/ro/vieux", "/ro/sante/") in redirects
    text = redirects_file(redirects)
    assert "/ro/s /ro/sante/ 301\n/ro/s/ /ro/sante/ 301\n" in text
