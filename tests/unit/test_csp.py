"""The content security policy: hashes from the real inline scripts, placed right after charset."""

from __future__ import annotations

import base64
import hashlib

import pytest

from parapluie.finish.csp import inline_scripts, insert_policy_meta, policy, policy_problems, script_hash

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
