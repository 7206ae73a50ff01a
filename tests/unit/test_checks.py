"""The privacy checker finds every way a page could reach another origin."""

from __future__ import annotations

import pytest

from parapluie.verify.checks import page_problems, script_problems, stylesheet_problems

HEAD = (
    '<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src \'none\'">'
    '<meta name="referrer" content="no-referrer"></head><body>'
)


def test_clean_page_has_no_problem():
    html = HEAD + '<img src="a.png"><a href="https://x.org" rel="noopener noreferrer">x</a><a href="tel:112">112</a>'
    assert page_problems(html) == []


@pytest.mark.parametrize(
    ("fragment", "problem"),
    [
        ('<script src="https://cdn.example/x.js"></script>', "loads from another origin"),
        ('<img srcset="a.png 1x, https://x.org/b.png 2x">', "loads from another origin"),
        ('<link rel="stylesheet" href="//fonts.googleapis.com/css">', "points at another origin"),
        ('<a href="https://x.org">x</a>', 'lacks rel="noopener noreferrer"'),
        ('<a href="https://x.org" rel="noopener">x</a>', 'lacks rel="noopener noreferrer"'),
        ("<style>body{background:url(https://x.org/a.png)}</style>", "<style> loads https://x.org/a.png"),
        ("<div style=\"background:url('//x.org/a.png')\"></div>", "inline style loads //x.org/a.png"),
        ('<form action="https://x.org/collect"></form>', "loads from another origin"),
    ],
)
def test_each_leak_is_reported(fragment, problem):
    # (An inline <style> the policy does not allow is reported too: see tests/unit/test_csp.py.)
    problems = [line for line in page_problems(HEAD + fragment) if "is not allowed by the page's policy" not in line]
    assert len(problems) == 1
    assert problem in problems[0]


def test_missing_referrer_policy_and_csp_are_reported():
    assert page_problems("<html><head></head><body></body></html>") == [
        "no Content-Security-Policy <meta>",
        'missing <meta name="referrer" content="no-referrer">',
    ]


def test_stylesheet_and_script_checks():
    assert stylesheet_problems("@import 'https://x.org/a.css'; a{b:url(data:image/png;base64,AA)}") == [
        "stylesheet loads https://x.org/a.css"
    ]
    assert script_problems('load("https://unpkg.com/x")') == ["script names the CDN unpkg.com"]
    assert script_problems('ns="http://www.w3.org/2000/svg"') == []


def test_broken_internal_links_are_found(tmp_path):
    from parapluie.verify.checks import broken_links

    (tmp_path / "fr" / "sante").mkdir(parents=True)
    (tmp_path / "fr" / "index.html").write_text(
        '<a href="sante/">ok</a><a href="perdu/">lost</a><a href="/fr/">root ok</a><a href="../en/">unbuilt</a>'
        '<a href="https://x.org">ext</a><a href="tel:112">tel</a><a href="#top">anchor</a>'
    )
    (tmp_path / "fr" / "sante" / "index.html").write_text('<a href="../../404.html">gone</a>')
    assert broken_links(tmp_path, "/", unbuilt=("en",)) == [
        "fr/index.html: link 'perdu/' leads nowhere",
        "fr/sante/index.html: link '../../404.html' leads nowhere",
    ]
