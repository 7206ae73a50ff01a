"""Messages for the people who run the commands: French by default, English for developers.

Staff are French-speaking: every message they can meet says in plain French what is wrong and
how to write it right. `PARAPLUIE_MESSAGES=en` switches to English. This module is the one place
that chooses between the two; a message is written as `say(french, english)`.
"""

from __future__ import annotations

import os

SETTING = "PARAPLUIE_MESSAGES"


def message_language() -> str:
    """`en` when PARAPLUIE_MESSAGES asks for English, else `fr`."""
    return "en" if os.environ.get(SETTING, "fr").strip().lower().startswith("en") else "fr"


def say(french: str, english: str) -> str:
    """The French message, or the English one when PARAPLUIE_MESSAGES=en."""
    return english if message_language() == "en" else french


def unknown_language(code: str, codes: list[str]) -> str:
    """A language code the registry (data/languages.yml) does not have."""
    known = ", ".join(codes)
    return say(
        f"la langue « {code} » n'existe pas dans data/languages.yml. Codes possibles : {known}. Exemple : LANG_CODE=ro",
        f"unknown language {code!r}; data/languages.yml has {known}. Example: LANG_CODE=ro",
    )


def stamp_needs_a_translation(source: str, codes: list[str]) -> str:
    """`make stamp` run on the French pages (no LANG_CODE given): they are the source, not a translation."""
    known = ", ".join(code for code in codes if code != source)
    return say(
        f"« make stamp » enregistre la version française dans une traduction : dites laquelle avec LANG_CODE, "
        f"par exemple « make stamp LANG_CODE=ro PAGES=sante.md ». Langues possibles : {known}. "
        f"Les pages françaises (docs/{source}/) ne sont pas modifiées.",
        f"`make stamp` records the French version in a translation: name it with LANG_CODE, e.g. "
        f"`make stamp LANG_CODE=ro PAGES=sante.md` (one of {known}). docs/{source}/ was left unchanged.",
    )


def misplaced_entry(name: str) -> str:
    """A service entry saved in data/ instead of data/services/: the build would ignore it."""
    return say(
        f"ce fichier ressemble à une fiche de l'annuaire, mais il est dans data/ : le site ne le lit pas. "
        f"Déplacez-le dans data/services/ (data/services/{name}).",
        f"this looks like a directory entry, but it is in data/, where nothing reads it: "
        f"move it to data/services/{name}.",
    )
