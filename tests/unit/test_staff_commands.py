"""The commands staff type: plain French messages, English on request, and nothing rewritten by mistake."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from parapluie.project import Project

ROOT = Path(__file__).resolve().parents[2]


def script(name: str):
    """Import scripts/<name>.py as a module."""
    spec = importlib.util.spec_from_file_location(f"script_{name}", ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_make_stamp_without_a_language_changes_nothing_and_says_how(capsys, monkeypatch) -> None:
    monkeypatch.delenv("PARAPLUIE_MESSAGES", raising=False)
    before = {path: path.read_bytes() for path in (ROOT / "docs/fr").rglob("*.md")}
    assert script("i18n").run_stamp(Project(ROOT), "fr", [], None) == 2
    assert {path: path.read_bytes() for path in (ROOT / "docs/fr").rglob("*.md")} == before
    error = capsys.readouterr().err
    assert error.startswith(
        "Erreur : « make stamp » enregistre la version française dans une traduction : dites laquelle avec "
        "LANG_CODE, par exemple « make stamp LANG_CODE=ro PAGES=sante.md ». Langues possibles : en, "
    )
    assert error.endswith("Les pages françaises (docs/fr/) ne sont pas modifiées.\n")


def test_make_serve_with_an_unknown_language_says_which_exist(capsys, monkeypatch) -> None:
    monkeypatch.delenv("PARAPLUIE_MESSAGES", raising=False)
    assert script("serve").main(["--lang", "xx"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("Erreur : la langue « xx » n'existe pas dans data/languages.yml. Codes possibles : fr, ")
    assert error.endswith(". Exemple : LANG_CODE=ro\n")
    assert "KeyError" not in error


def test_messages_in_english_for_developers(capsys, monkeypatch) -> None:
    monkeypatch.setenv("PARAPLUIE_MESSAGES", "en")
    assert script("serve").main(["--lang", "xx"]) == 2
    assert capsys.readouterr().err.startswith("Error: unknown language 'xx'; data/languages.yml has fr, ")


@pytest.mark.parametrize("target", ["stamp", "serve LANG_CODE=xx"])
def test_make_targets_end_with_the_message_not_a_traceback(target: str) -> None:
    result = subprocess.run(
        ["make", "--no-print-directory", *target.split()],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "PYTHON": sys.executable},
        timeout=120,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and "Erreur : " in result.stderr
