"""Page scripts (parapluie/finish/page_scripts.py): a component's script on the pages that carry its markup."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from parapluie.components import OWN_CLASSES_ONLY_SCRIPTS, PAGE_SCRIPTS, SCRIPTS
from parapluie.errors import BuildError
from parapluie.finish.bundle import fingerprinted_name, minify_js
from parapluie.finish.page_scripts import (
    link_page_scripts,
    minified_page_scripts,
    page_script_file,
    page_scripts_needed,
    write_page_scripts,
)
from tests.fixtures_project import ROOT

PHOTO, TAKEDOWN, FRIEND = PAGE_SCRIPTS
SHARED = '<script src="../../assets/parapluie.js" defer></script>'
FINDER = '<form class="parapluie-finder" hidden aria-label="Find">'
OFFLINE_BOX = '<section class="parapluie-offline md-typeset" hidden aria-labelledby="parapluie-offline-title">'
PHOTO_TOOL = '<div class="parapluie-tool" data-tool="photo" hidden>'
MINIFIED = {script: f"/* {Path(script.source).stem} */" for script in PAGE_SCRIPTS}


def test_each_page_script_is_called_for_by_its_own_markup_only():
    assert page_scripts_needed(f"<html>{SHARED}<p>Health</p></html>") == ()
    # The directory's finder, hours and badges, the offline box: the shared script's (components.py).
    assert page_scripts_needed(FINDER + OFFLINE_BOX) == ()
    assert page_scripts_needed('<p class="parapluie-open" data-times="" hidden></p>') == ()
    assert page_scripts_needed('<div class="parapluie-tool" data-tool="photo" hidden>') == (PHOTO,)
    assert page_scripts_needed('<a data-tool="photo-output">') == ()  # a part of the tool, not the tool
    assert page_scripts_needed('<div data-tool="friend"></div><div data-tool="takedown">') == (TAKEDOWN, FRIEND)
    # Words about the markup in the page's text are escaped: they call for nothing.
    assert page_scripts_needed("<code>&lt;div data-tool=&quot;photo&quot;&gt;</code>") == ()


def test_the_directory_script_rides_in_the_shared_one_and_waits_for_its_markup():
    # Going from a guide to the directory then costs the page alone: one request (issue #16).
    assert "components/directory-filters/directory.js" in SCRIPTS
    source = (ROOT / "components/directory-filters/directory.js").read_text(encoding="utf-8")
    guard = 'if (!document.querySelector("form.parapluie-finder, [data-times]")) {\n    return;\n  }'
    assert guard in source
    assert source.index(guard) < source.index("new Intl.DateTimeFormat")  # nothing done on other pages


def test_a_page_links_its_scripts_in_one_file_right_after_the_shared_script():
    html = f'<head>{SHARED}\n</head><body>{PHOTO_TOOL}</div><div data-tool="friend"></div></body>'
    linked, needed = link_page_scripts(html, MINIFIED, Path("fr/outils/photo/index.html"))
    name = fingerprinted_name("photo-friend", b"/* photo */;\n/* friend */", "js")
    assert needed == (PHOTO, FRIEND)
    assert linked == html.replace(SHARED, SHARED + f'<script src="../../assets/{name}" defer></script>')
    assert link_page_scripts(f"<head>{SHARED}</head><p>Health</p>", MINIFIED, Path("x")) == (
        f"<head>{SHARED}</head><p>Health</p>",
        (),
    )


def test_a_page_with_a_page_scripts_markup_but_no_shared_script_is_an_error():
    with pytest.raises(BuildError) as error:
        link_page_scripts(f"<body>{PHOTO_TOOL}</div></body>", MINIFIED, Path("fr/outils/photo/index.html"))
    assert str(error.value) == (
        "fr/outils/photo/index.html: the page carries the markup of photo.js but does not load the shared script "
        "(assets/parapluie.js)"
    )


def test_each_combination_is_written_once_minified_and_fingerprinted(tmp_path):
    minified = minified_page_scripts(ROOT)
    source = (ROOT / FRIEND.source).read_text(encoding="utf-8")
    assert minified[FRIEND] == minify_js(source) and not minified[FRIEND].startswith("/*")  # like the bundle
    written = write_page_scripts(tmp_path, {(FRIEND,), (TAKEDOWN, FRIEND)}, minified)
    assert [re.sub(r"\.[0-9a-f]{8}\.", ".<hash>.", path) for path in written] == [
        "assets/friend.<hash>.min.js",
        "assets/takedown-friend.<hash>.min.js",
    ]
    path, content = page_script_file((TAKEDOWN, FRIEND), minified)
    assert path == written[1] and (tmp_path / path).read_text(encoding="utf-8") == content
    assert content == minified[TAKEDOWN] + ";\n" + minified[FRIEND]


def test_page_scripts_are_not_bundled_and_use_only_our_own_classes():
    # The shared stylesheet keeps the theme's rules for the words of the shared scripts only
    # (parapluie/finish/bundle.py): a page script must not rely on a theme class.
    assert not {script.source for script in PAGE_SCRIPTS} & set(SCRIPTS)
    # The shared scripts whose words the trim does not read either (components.OWN_CLASSES_ONLY_SCRIPTS).
    assert set(OWN_CLASSES_ONLY_SCRIPTS) <= set(SCRIPTS)
    for name in (*(script.source for script in PAGE_SCRIPTS), *OWN_CLASSES_ONLY_SCRIPTS):
        source = (ROOT / name).read_text(encoding="utf-8")
        assert not re.findall(r"\bmd-[\w-]+", source), name
        set_classes = re.findall(r"className\s*\+?=\s*([^;]+);", source)
        for value in set_classes:
            assert all(name.startswith("parapluie-") for name in re.findall(r'"\s*([\w-]+)', value)), value
