"""A right-to-left language renders right to left (Arabic fixture language)."""

from __future__ import annotations

import json

from PIL import Image

from parapluie.hosting.offline import MANIFEST
from parapluie.outreach.artwork import CARD_SIZE
from parapluie.outreach.previews import PREVIEW_IMAGE
from tests.fixtures_project import ARABIC_PREFIX


def test_rtl_pages_carry_lang_and_dir(rtl_built):
    for path in (rtl_built.site / "fa").rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert '<html lang="fa" dir="rtl"' in html, path
        assert '<body dir="rtl"' in html, path


def test_rtl_fallback_keeps_french_text_left_to_right(rtl_built):
    html = (rtl_built.site / "fa" / "index.html").read_text(encoding="utf-8")
    notice = ARABIC_PREFIX + "Cette page n'est pas encore traduite dans votre langue."
    assert notice in html
    assert '<div lang="fr" dir="ltr">' in html


def test_rtl_language_appears_in_the_picker_and_switcher(rtl_built):
    assert 'href="fa/"' in (rtl_built.site / "index.html").read_text(encoding="utf-8")
    assert 'hreflang="fa"' in (rtl_built.site / "fr" / "index.html").read_text(encoding="utf-8")


def test_an_arabic_app_name_and_language_build_their_manifest_and_preview_card(rtl_built):
    manifest = json.loads((rtl_built.site / "fa" / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["name"] == manifest["short_name"] == "مظلة"
    assert (manifest["lang"], manifest["dir"]) == ("fa", "rtl")
    with Image.open(rtl_built.site / PREVIEW_IMAGE.format(code="fa")) as card:
        assert card.size == CARD_SIZE
