"""Staff's mistakes from issue #14, each with its exact French message (PARAPLUIE_MESSAGES=en keeps English)."""

from __future__ import annotations

from pathlib import Path

import pytest

from parapluie.directory.models import ServiceEntry
from parapluie.errors import BuildError, validate
from parapluie.inputs.frontmatter import split_front_matter
from parapluie.inputs.yamlfile import load_yaml

ROOT = Path(__file__).resolve().parents[2]
ENTRY = ROOT / "tests/fixtures/directory/valid/services/service-d-essai.yml"


@pytest.fixture
def french(monkeypatch):
    monkeypatch.setenv("PARAPLUIE_MESSAGES", "fr")


def entry_error(tmp_path: Path, old: str, new: str) -> str:
    path = tmp_path / "services" / "essai.yml"
    path.parent.mkdir()
    path.write_text(ENTRY.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    with pytest.raises(BuildError) as caught:
        validate(
            ServiceEntry, load_yaml(path), path.name, context={"languages": ["fr", "ro"], "categories": ["testing"]}
        )
    return str(caught.value)


def test_colon_in_a_title_says_to_quote_it(french, tmp_path) -> None:
    with pytest.raises(BuildError) as caught:
        split_front_matter("---\ntitle: Santé : se protéger\ndescription: D\n---\n", "docs/fr/sante.md")
    assert str(caught.value) == (
        "docs/fr/sante.md: ligne 2 : un texte contient « : ». Mettez tout le texte entre guillemets, "
        'par exemple title: "Santé : se protéger"'
    )


def test_block_end_is_explained_at_the_file_line(french, tmp_path) -> None:
    # A quoted text whose quote is not closed where it should be: PyYAML's "expected <block end>".
    text = '---\ntitle: T\ndescription: "Une phrase" suite\nreviewed: 2026-11-01\n---\n'
    with pytest.raises(BuildError) as caught:
        split_front_matter(text, "docs/fr/page.md")
    assert str(caught.value) == (
        "docs/fr/page.md: ligne 3 (le bloc commence ligne 2) : les lignes ne sont pas bien alignées, ou un texte "
        "ouvre un guillemet sans le fermer. Les lignes d'une même liste commencent par le même nombre d'espaces, "
        'et un guillemet ouvert se ferme sur la même ligne, par exemple : value: "+32485620841"'
    )


def test_unquoted_number_where_a_text_is_expected(french, tmp_path) -> None:
    message = entry_error(tmp_path, 'value: "+32485620841"', "value: 32485620841")
    assert message == (
        "essai.yml: contacts.0.value: ce texte doit être entre guillemets (la valeur lue est 32485620841), "
        'par exemple value: "+32485620841" ou postcode: "5000"'
    )


def test_relative_url(french, tmp_path) -> None:
    message = entry_error(tmp_path, "https://example.org/source", "www.example.org/source")
    assert message == (
        "essai.yml: sources.0: 'www.example.org/source' n'est pas une adresse web complète : elle commence par "
        "https://, par exemple https://www.example.be/page"
    )


def test_bad_date(french, tmp_path) -> None:
    message = entry_error(tmp_path, "last_verified: 2026-11-01", "last_verified: 1/11/2026")
    assert message == (
        "essai.yml: last_verified: '1/11/2026' n'est pas une date : écrivez AAAA-MM-JJ, par exemple 2026-11-29"
    )


def test_english_for_developers(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("PARAPLUIE_MESSAGES", "en")
    message = entry_error(tmp_path, "https://example.org/source", "www.example.org/source")
    assert message == "essai.yml: sources.0: Input should be a valid URL, relative URL without a base"


def test_comment_in_an_entry_says_where_to_write_it(french, tmp_path) -> None:
    from parapluie.directory.load import comment_warnings

    path = tmp_path / "essai.yml"
    path.write_text("# yaml-language-server: $schema=x\norganisation: A\n# Téléphone absent.\n", encoding="utf-8")
    assert [warning.message for warning in comment_warnings(path)] == [
        "ligne 3 : un commentaire (ligne qui commence par #). L'éditeur web l'efface quand il enregistre la "
        "fiche : écrivez-le plutôt dans source_notes (« Notes sur les sources », jamais publié)."
    ]
