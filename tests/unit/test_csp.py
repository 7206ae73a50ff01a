"""The content security policy: hashes from the real inline scripts, placed right after charset."""

from __future__ import annotations

import base64
import hashlib

import pytest

from parapluie.errors import BuildError
from parapluie.finish.csp import (
    apply_content_security_policy,
    inline_scripts,
    insert_policy_meta,
    policy,
    policy_problems,
    script_hash,
)

PAGE = (
    '<html><head><meta charset="utf-8"><title>t</title><script>var a=1</script>'
    '<script src="x.js"></script><script type="application/json">{"b":2}</script></head>'
    "<body><script>\nvar c=3\n</script></body></html>"
)


def test_only_executable_inline_scripts_are_hashed():
    assert inline_scripts(PAGE) == ["var a=1", "\nvar c=3\n"]


def test_hash_is_the_base64_sha256_of_the_exact_text():
    expected = base64.b64encode(hashlib.sha256(b"var a=1").digest()).decode()
    assert script_hash("var a=1") == f"'sha256-{expected}'"


def test_policy_lists_hashes_after_self_and_locks_everything_else():
    text = policy({script_hash("var a=1")})
    assert text.startswith("default-src 'none'; script-src 'self' 'sha256-")
    assert "style-src 'self'" in text and "connect-src 'self'" in text and "base-uri 'none'" in text
    assert "'unsafe-inline'" not in text and "frame-ancestors" not in text


def test_meta_goes_right_after_charset_and_passes_the_check():
    hashes = {script_hash(source) for source in inline_scripts(PAGE)}
    page = insert_policy_meta(PAGE, policy(hashes))
    assert page.startswith('<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="')
    assert policy_problems(page) == []


def test_check_catches_a_script_missing_from_the_policy():
    page = insert_policy_meta(PAGE, policy({script_hash("var a=1")}))
    assert policy_problems(page) == [
        f"inline script {script_hash(chr(10) + 'var c=3' + chr(10))} is not allowed by the page's policy"
    ]


def test_check_catches_a_misplaced_policy():
    page = PAGE.replace("<title>t</title>", '<title>t</title><meta http-equiv="Content-Security-Policy" content="x">')
    assert policy_problems(page) == ["the Content-Security-Policy <meta> must come right after <meta charset>"]


def test_page_without_charset_cannot_take_a_policy():
    with pytest.raises(ValueError, match="no <meta charset=utf-8>"):
        insert_policy_meta("<html><head></head></html>", "default-src 'none'")


FIRST_SCREEN = "@media screen{body{margin:0}}"


def test_the_first_screen_style_is_allowed_by_its_hash_in_style_src_never_unsafe_inline():
    text = policy(set(), style_hashes={script_hash(FIRST_SCREEN)})
    assert f"style-src 'self' {script_hash(FIRST_SCREEN)};" in text and "unsafe-inline" not in text
    page = insert_policy_meta(f'<html><head><meta charset="utf-8"><style>{FIRST_SCREEN}</style></head></html>', text)
    assert policy_problems(page) == []
    other = page.replace(FIRST_SCREEN, "body{margin:1px}")
    assert policy_problems(other) == [
        f"inline style {script_hash('body{margin:1px}')} is not allowed by the page's policy"
    ]


def test_a_style_that_is_not_the_first_screens_fails_the_build(tmp_path):
    site = tmp_path / "site"
    (site / "fr").mkdir(parents=True)
    (site / "fr" / "index.html").write_text(
        '<html><head><meta charset="utf-8"><style>a{color:red}</style></head></html>', encoding="utf-8"
    )
    with pytest.raises(BuildError, match=r"an inline <style> that is not the first screen's \(a\{color:red\}…\)"):
        apply_content_security_policy(site, tmp_path, (FIRST_SCREEN,))
    (site / "fr" / "index.html").write_text(
        f'<html><head><meta charset="utf-8"><style>{FIRST_SCREEN}</style></head></html>', encoding="utf-8"
    )
    assert script_hash(FIRST_SCREEN) in apply_content_security_policy(site, tmp_path, (FIRST_SCREEN,))


def test_the_directorys_no_script_style_is_allowed_by_its_hash_and_only_with_it(tmp_path):
    no_script = ".parapluie-finder{display:none}"
    site = tmp_path / "site"
    (site / "fr").mkdir(parents=True)
    page = (
        f'<html><head><meta charset="utf-8"><style>{FIRST_SCREEN}</style>'
        f"<noscript><style>{no_script}</style></noscript></head></html>"
    )
    (site / "fr" / "index.html").write_text(page, encoding="utf-8")
    with pytest.raises(BuildError, match=r"an inline <style> that is not the first screen's \(\.parapluie-finder"):
        apply_content_security_policy(site, tmp_path, (FIRST_SCREEN,))
    text = apply_content_security_policy(site, tmp_path, (FIRST_SCREEN, no_script))
    assert script_hash(no_script) in text and "unsafe-inline" not in text
    assert policy_problems((site / "fr" / "index.html").read_text(encoding="utf-8")) == []


def test_a_page_policy_allows_only_its_own_inline_style_and_narrows_the_site_policy():
    from parapluie.finish.csp import narrows, page_policy, policy, script_hash

    html = "<head><style>a{color:red}</style></head>"
    own = page_policy(html)
    assert f"style-src 'self' {script_hash('a{color:red}')};" in own
    site = policy(set(), style_hashes={script_hash("a{color:red}"), script_hash("b{}")})
    assert narrows(own, site + "; frame-ancestors 'none'")
    assert not narrows(page_policy("<style>c{}</style>"), site)
