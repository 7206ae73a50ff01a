"""HTML rewrites: lang/dir on <html>, rel on external links, CDN loaders neutralised."""

from __future__ import annotations

from parapluie.finish.postprocess import protect_external_links, set_html_lang_dir


def test_html_lang_and_dir_are_set_and_replaced():
    html = '<!doctype html>\n<html lang="fr" class="no-js"><head>'
    assert set_html_lang_dir(html, "ar", "rtl") == '<!doctype html>\n<html lang="ar" dir="rtl" class="no-js"><head>'


def test_external_links_get_noopener_noreferrer_and_keep_other_rel_values():
    html = '<a href="https://example.org" rel="nofollow">x</a> <a href="//cdn.example">y</a> <a href="../sante/">z</a>'
    assert protect_external_links(html) == (
        '<a rel="nofollow noopener noreferrer" href="https://example.org">x</a> '
        '<a rel="noopener noreferrer" href="//cdn.example">y</a> <a href="../sante/">z</a>'
    )


def test_tel_and_mailto_links_are_left_alone():
    html = '<a href="tel:+3280012800">0800</a><a href="mailto:a@b.be">m</a>'
    assert protect_external_links(html) == html
