"""Front matter: split from the body, validated strictly, errors naming file and key."""

from __future__ import annotations

import datetime as dt

import pytest

from parapluie.errors import BuildError
from parapluie.inputs.frontmatter import read_source_page, read_translated_page, split_front_matter

GOOD = """---
title: Santé
description: Se faire tester.
reviewed: 2026-11-01
sources:
  - https://example.org/a
---
Corps.
"""


def write(tmp_path, text: str, name: str = "page.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_good_source_page(tmp_path):
    meta, body = read_source_page(write(tmp_path, GOOD))
    assert meta.title == "Santé"
    assert meta.reviewed == dt.date(2026, 11, 1)
    assert [str(url) for url in meta.sources] == ["https://example.org/a"]
    assert body == "Corps.\n"


@pytest.mark.parametrize(
    ("replace", "by", "field", "message"),
    [
        ("title: Santé\n", "title: Santé\ntitel: typo\n", "front matter: titel", "unknown key"),
        ("reviewed: 2026-11-01\n", "", "front matter: reviewed", "required key is missing"),
        ("reviewed: 2026-11-01\n", "reviewed: hier\n", "front matter: reviewed", "Input should be a valid date"),
        ("  - https://example.org/a\n", "  - pas une url\n", "front matter: sources.0", "URL"),
        ("description: Se faire tester.\n", "", "front matter: description", "required key is missing"),
    ],
)
def test_bad_source_front_matter(tmp_path, replace, by, field, message):
    path = write(tmp_path, GOOD.replace(replace, by))
    with pytest.raises(BuildError) as caught:
        read_source_page(path)
    assert caught.value.file == str(path)
    assert caught.value.field == field
    assert message in caught.value.detail


def test_flow_map_that_swallowed_a_comma_is_refused(tmp_path):
    text = GOOD.replace("description: Se faire tester.\n", "description: {fr: Préservatifs, café}\n")
    with pytest.raises(BuildError, match="front matter: description"):
        read_source_page(write(tmp_path, text))


def test_missing_front_matter(tmp_path):
    with pytest.raises(BuildError, match="front matter missing"):
        read_source_page(write(tmp_path, "# Titre\n"))


def test_broken_yaml_names_the_line(tmp_path):
    with pytest.raises(BuildError, match=r"page\.md: invalid YAML at line 3"):
        split_front_matter("---\ntitle: [Santé\n---\n", tmp_path / "page.md")


def test_translated_page_may_not_carry_source_keys(tmp_path):
    text = "---\ntitle: Health\nreviewed: 2026-11-01\n---\nBody\n"
    with pytest.raises(BuildError, match="front matter: reviewed: unknown key"):
        read_translated_page(write(tmp_path, text))


def test_translated_page_l10n(tmp_path):
    text = "---\ntitle: Health\nl10n:\n  source_hash: 0123456789ab\n  method: machine\n---\nBody\n"
    meta, _ = read_translated_page(write(tmp_path, text))
    assert meta.l10n.method == "machine"


def test_period_end_before_start_is_refused(tmp_path):
    text = GOOD.replace("---\nCorps", "period: {start: 2021-06-09, end: 2020-03-18}\n---\nCorps")
    with pytest.raises(BuildError, match="front matter: period: end comes before start"):
        read_source_page(write(tmp_path, text))
