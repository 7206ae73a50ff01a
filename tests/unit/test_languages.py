"""The language registry: the real file loads; bad entries fail naming the file and field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from parapluie.errors import BuildError
from parapluie.inputs.languages import load_registry
from tests.fixtures_project import ARABIC

ROOT = Path(__file__).resolve().parents[2]
GOOD = {
    "code": "fr",
    "endonym": "Français",
    "material": "fr",
    "babel": "fr_BE",
    "direction": "ltr",
    "status": "source",
    "exit_url": "https://example.org/meteo",
    "script": {"letters": "latin", "required": "éèàç"},
}


def write_registry(tmp_path: Path, *entries: dict) -> Path:
    path = tmp_path / "languages.yml"
    path.write_text(yaml.safe_dump({"languages": list(entries)}, allow_unicode=True), encoding="utf-8")
    return path


def test_real_registry_loads_with_french_first_and_directions_from_cldr():
    """True after any valid edit of the registry: it loads, French is the source, and each
    language's direction is its locale's (CLDR), so an Arabic entry marked ltr would fail."""
    registry = load_registry(ROOT / "data" / "languages.yml")
    assert registry.codes[0] == registry.source.code == "fr"
    for language in registry.languages:
        expected = "rtl" if language.locale.character_order == "right-to-left" else "ltr"
        assert language.direction == expected, language.code


def test_rtl_language_is_accepted(tmp_path):
    registry = load_registry(write_registry(tmp_path, GOOD, ARABIC))
    assert registry.get("fa").direction == "rtl"


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"babel": "xx"}, "languages.1.babel", "unknown Babel locale 'xx'"),
        ({"material": "xx"}, "languages.1.material", "mkdocs-material has no theme language 'xx'"),
        ({"direction": "up"}, "languages.1.direction", "Input should be 'ltr' or 'rtl'"),
        ({"status": "done"}, "languages.1.status", "Input should be"),
        ({"code": "Romanian"}, "languages.1.code", "String should match pattern"),
        ({"colour": "red"}, "languages.1.colour", "unknown key"),
        (
            {"script": {"letters": "runic"}},
            "languages.1.script.letters",
            "Input should be 'latin', 'cyrillic' or 'arabic'",
        ),
        (
            {"script": {"letters": "latin", "wrong": {"s,": "ș"}}},
            "languages.1.script.wrong",
            "write one letter on each",
        ),
        (
            {"status": "source", "exit_url": "https://example.org/meteo"},
            "languages.1.status",
            "only 'fr' has status 'source'",
        ),
    ],
)
def test_bad_entry_names_file_and_field(tmp_path, change, field, message):
    bad = {
        "code": "ro",
        "endonym": "Română",
        "material": "ro",
        "babel": "ro",
        "direction": "ltr",
        "status": "planned",
        "exit_url": "https://example.org/weather",
        "script": {"letters": "latin", "wrong": {"ş": "ș"}},
    }
    path = write_registry(tmp_path, GOOD, {**bad, **change})
    with pytest.raises(BuildError) as caught:
        load_registry(path)
    assert caught.value.file == str(path)
    assert caught.value.field == field
    assert message in caught.value.detail


def test_duplicate_code_is_refused(tmp_path):
    path = write_registry(tmp_path, GOOD, GOOD | {"status": "planned"})
    with pytest.raises(BuildError, match=r"languages\.1\.(code|status)"):
        load_registry(path)


def test_missing_source_language_is_refused(tmp_path):
    english = {"code": "en", "endonym": "English", "material": "en", "babel": "en", "direction": "ltr"}
    english["exit_url"] = "https://example.org/weather"
    english["script"] = {"letters": "latin"}
    path = write_registry(tmp_path, english | {"status": "planned"})
    with pytest.raises(BuildError, match="the source language 'fr' is missing"):
        load_registry(path)


def test_yaml_syntax_error_names_the_line(tmp_path):
    path = tmp_path / "languages.yml"
    path.write_text("languages:\n  - code: fr\n    endonym: [oops\n", encoding="utf-8")
    with pytest.raises(BuildError, match=r"languages\.yml: invalid YAML at line \d+"):
        load_registry(path)


def test_an_entry_without_its_script_rule_is_refused(tmp_path):
    without = {key: value for key, value in GOOD.items() if key != "script"}
    with pytest.raises(BuildError) as caught:
        load_registry(write_registry(tmp_path, without))
    assert caught.value.field == "languages.0.script"
    assert caught.value.detail == "required key is missing (the language's letters, e.g. {letters: latin})"


@pytest.mark.parametrize(
    ("code", "letters"), [("ro", "latin"), ("bg", "cyrillic"), ("ar", "arabic"), ("sr_Cyrl", "cyrillic")]
)
def test_a_new_language_gets_its_letters_from_cldr(code, letters):
    from parapluie.i18n.newlang import describe_language, registry_entry

    language = describe_language(code.split("_")[0], "https://example.org/weather", babel_locale=code, material="en")
    assert language.script.letters == letters
    assert registry_entry(language).endswith(f"    script: {{letters: {letters}}}\n")
