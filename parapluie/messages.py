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


def comment_lost_by_editor(line: int) -> str:
    """A `#` comment in a directory entry: the web editor drops comments when it saves the file."""
    return say(
        f"ligne {line} : un commentaire (ligne qui commence par #). L'éditeur web l'efface quand il enregistre "
        f"la fiche : écrivez-le plutôt dans source_notes (« Notes sur les sources », jamais publié).",
        f"line {line}: a comment; the web editor drops comments when it saves the entry: "
        f"write it in source_notes instead (never published)",
    )


# What staff meet when a file is mistyped: the YAML reader's and pydantic's words, in plain French.

QUOTE_EXAMPLE = 'title: "Santé : se protéger"'


def yaml_problem(problem: str, line: int, column: int, context_line: int | None) -> str:
    """A YAML syntax error at `line` (1-based, in the file) in plain words, with an example of the right form."""
    english = f"invalid YAML at line {line}, column {column}: {problem}"
    where = f"ligne {line}"
    if context_line is not None and context_line != line:
        where += f" (le bloc commence ligne {context_line})"
    if "mapping values are not allowed" in problem:
        french = (
            f"{where} : un texte contient « : ». Mettez tout le texte entre guillemets, par exemple {QUOTE_EXAMPLE}"
        )
    elif "expected <block end>" in problem or "expected <block mapping start>" in problem:
        french = (
            f"{where} : les lignes ne sont pas bien alignées, ou un texte ouvre un guillemet sans le fermer. "
            f"Les lignes d'une même liste commencent par le même nombre d'espaces, et un guillemet ouvert se "
            f'ferme sur la même ligne, par exemple : value: "+32485620841"'
        )
    elif "\\t" in problem or "\t" in problem:
        french = f"{where} : une tabulation. Utilisez des espaces pour décaler les lignes."
    else:
        french = f"{where}, colonne {column} : le fichier est mal écrit ({problem}). Comparez avec le modèle."
    return say(french, english)


def validation_problem(kind: str, english: str, value: object) -> str:
    """A pydantic error (`kind` is its type) in plain words, or the English when no French text exists yet."""
    if kind == "string_type":
        return say(
            f"ce texte doit être entre guillemets (la valeur lue est {value!r}), par exemple "
            f'value: "+32485620841" ou postcode: "5000"',
            english,
        )
    if kind == "url_parsing":
        return say(
            f"{value!r} n'est pas une adresse web complète : elle commence par https://, "
            f"par exemple https://www.example.be/page",
            english,
        )
    if kind in {"date_from_datetime_parsing", "date_parsing", "date_type"}:
        return say(f"{value!r} n'est pas une date : écrivez AAAA-MM-JJ, par exemple 2026-11-29", english)
    if kind == "extra_forbidden":
        return say(
            "clé inconnue : vérifiez son orthographe (voir le modèle de data/README.md) ou supprimez la ligne",
            "unknown key (check its spelling, or remove it)",
        )
    if kind == "missing":
        return say("cette clé est obligatoire et manque : ajoutez-la (voir le modèle de data/README.md)", english)
    return english
