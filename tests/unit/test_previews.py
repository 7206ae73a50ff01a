"""The public address setting, link-preview locales and the published-address registry."""

from __future__ import annotations

import pytest

from parapluie.errors import BuildError
from parapluie.inputs.languages import Language
from parapluie.outreach.addresses import display_url, is_placeholder, site_url
from parapluie.outreach.previews import Preview, og_locale
from parapluie.outreach.qr import qr_targets
from parapluie.verify.published import add_to_registry, published_urls, read_registry, unresolved


def language(**values) -> Language:
    base = dict(
        code="ro",
        endonym="Română",
        material="ro",
        babel="ro",
        direction="ltr",
        status="complete",
        exit_url="https://example.org/",
    )
    return Language(**{**base, **values})


def test_site_url_always_ends_with_a_slash_and_must_be_an_address():
    assert site_url({"site_url": "https://parapluie.be"}) == "https://parapluie.be/"
    for bad in (None, "", "parapluie.be", "ftp://parapluie.be/"):
        with pytest.raises(BuildError, match="expected the site's public address") as raised:
            site_url({"site_url": bad})
        assert raised.value.field == "site_url"


def test_placeholders_and_display_addresses():
    assert is_placeholder("https://parapluie.example/") and is_placeholder("https://example/")
    assert not is_placeholder("https://parapluie.be/")
    assert display_url("https://parapluie.be/fr/w") == "parapluie.be/fr/w"
    assert display_url("https://parapluie.be/fr/") == "parapluie.be/fr"


def test_og_locale_from_babel_or_from_the_registry():
    assert og_locale(language(babel="fr_BE", code="fr")) == "fr_BE"
    assert og_locale(language()) == "ro_RO"
    assert og_locale(language(code="pt", babel="pt", og_locale="pt_PT")) == "pt_PT"


def test_qr_targets_point_at_the_short_links():
    targets = qr_targets("https://parapluie.be/", ["fr"], ["w"])
    assert targets == {"qr/fr/accueil": "https://parapluie.be/fr/", "qr/fr/w": "https://parapluie.be/fr/w"}


def test_published_urls_and_the_registry(tmp_path):
    site = tmp_path / "site"
    for path in (
        "index.html",
        "fr/index.html",
        "fr/sante/index.html",
        "fr/w/index.html",
        "404.html",
        "fr/annuaire/a.vcf",
        "qr/fr/w.png",
        "donnees/d.json",
        "fr/assets/x.css",
    ):
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text("x", encoding="utf-8")
    urls = published_urls(site)
    assert urls == ["/", "/donnees/d.json", "/fr/", "/fr/annuaire/a.vcf", "/fr/sante/", "/fr/w/", "/qr/fr/w.png"]
    registry = tmp_path / "published-urls.txt"
    assert add_to_registry(registry, urls) == urls
    assert add_to_registry(registry, urls[:2]) == []
    assert read_registry(registry) == urls  # nothing is ever removed
    registry.write_text(registry.read_text(encoding="utf-8") + "/fr/ancienne/\n/ro/sante/\n", encoding="utf-8")
    assert unresolved(site, read_registry(registry), unbuilt=("ro",)) == ["/fr/ancienne/"]


def test_preview_tags_escape_every_value():
    tags = Preview(
        site_name="Parapluie",
        title='Un "titre" <script>',
        description="Santé & droits",
        url="https://parapluie.be/fr/",
        image="https://parapluie.be/assets/preview-fr.png",
        image_alt="Parapluie – Santé",
        locale="fr_BE",
        alternates=("ro_RO", "bg_BG"),
    ).tags()
    assert '<meta property="og:title" content="Un &quot;titre&quot; &lt;script&gt;">' in tags
    assert '<meta property="og:description" content="Santé &amp; droits">' in tags
    assert tags.count('property="og:locale:alternate"') == 2
    assert tags.endswith('<meta name="twitter:card" content="summary_large_image">')
