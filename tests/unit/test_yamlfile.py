"""The strict reader: UTF-8 without BOM, no symlink, YAML without duplicate keys, impossible dates or deep nesting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from parapluie.errors import BuildError
from parapluie.inputs.yamlfile import (
    BAD_DATE,
    BOM_REFUSED,
    DUPLICATE_KEY,
    MAX_DEPTH,
    NOT_UTF8,
    SYMLINK_REFUSED,
    TOO_DEEP,
    load_yaml,
    parse_yaml,
)


def refusal(text: str) -> str:
    with pytest.raises(BuildError) as raised:
        parse_yaml(text, "f.yml")
    return str(raised.value)


def test_a_key_written_twice_is_named_with_both_lines() -> None:
    problem = DUPLICATE_KEY.format(line=3, column=3, key="hours", first=2)
    assert refusal("a:\n  hours: Mo 10:00-12:00\n  hours: Tu 10:00-12:00\n") == f"f.yml: {problem}"


def test_the_same_key_in_two_mappings_is_fine() -> None:
    assert parse_yaml("- {a: 1}\n- {a: 2}\n", "f.yml") == [{"a": 1}, {"a": 2}]


def test_an_impossible_date_is_named() -> None:
    problem = BAD_DATE.format(line=2, column=7, value="2026-02-31", problem="day is out of range for month")
    assert refusal("a: 1\ndate: 2026-02-31\n") == f"f.yml: {problem}"
    assert parse_yaml("date: 2028-02-29\n", "f.yml") == {"date": dt.date(2028, 2, 29)}


def test_deep_nesting_is_a_message() -> None:
    assert refusal("[" * 10_000) == f"f.yml: {TOO_DEEP.format(depth=MAX_DEPTH)}"


def test_bad_bytes_bom_and_symlinks_are_named(tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.yml"
    latin1.write_bytes(b"a: 1\nb: caf\xe9\n")
    bom = tmp_path / "bom.yml"
    bom.write_bytes("\ufeffa: 1\n".encode())
    link = tmp_path / "link.yml"
    link.symlink_to(bom)
    for path, problem in (
        (latin1, NOT_UTF8.format(line=2, byte="0xe9")),
        (bom, BOM_REFUSED),
        (link, SYMLINK_REFUSED),
    ):
        with pytest.raises(BuildError) as raised:
            load_yaml(path)
        assert str(raised.value) == f"{path}: {problem}"
