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


# Patterns of our models that staff meet, explained by example (any other pattern is named as it is).
PATTERN_EXAMPLES = {
    "^[0-9]{4}$": 'un code postal belge a 4 chiffres, entre guillemets, par exemple postcode: "5000"',
    "^[a-z0-9/-]+\\.md$": "écrivez le fichier d'une page de docs/fr/, par exemple page: sante.md",
}


def validation_problem(kind: str, english: str, value: object, ctx: dict | None = None) -> str:
    """A pydantic error (`kind` is its type, `ctx` its details) in plain words, or the English when no French exists."""
    ctx = ctx or {}
    if kind == "string_type":
        return say(
            f"ce texte doit être entre guillemets (la valeur lue est {value!r}), par exemple "
            f'value: "+32485620841" ou postcode: "5000"',
            english,
        )
    if kind in {"url_parsing", "url_scheme", "url_type"}:
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
    french = _french_for_kind(kind, value, ctx)
    return say(french, english) if french else english


def _french_for_kind(kind: str, value: object, ctx: dict) -> str | None:
    """The French of the other pydantic errors staff can meet in data/ and front matter."""
    if kind == "literal_error":
        choices = str(ctx.get("expected", "")).replace(" or ", " ou ")
        return f"{value!r} n'est pas une valeur possible ici. Écrivez l'une de ces valeurs : {choices}"
    if kind == "string_too_long":
        return (
            f"ce texte est trop long ({len(str(value))} signes) : {ctx.get('max_length')} signes au plus. "
            "Raccourcissez-le."
        )
    if kind == "string_too_short":
        return "ce texte est vide : écrivez-le, ou supprimez la ligne"
    if kind == "too_short":
        return (
            f"cette liste est vide : il faut au moins {ctx.get('min_length', 1)} élément, une ligne qui commence "
            "par « - » sous le nom du champ, par exemple :\n  sources:\n    - https://www.example.be/page"
        )
    if kind in {"bool_parsing", "bool_type"}:
        return f"{value!r} n'est pas oui ou non : écrivez true (oui) ou false (non)"
    if kind == "list_type":
        return (
            "ici il faut une liste : sous le nom du champ, une ligne par élément, décalée de deux espaces et "
            "commençant par « - », par exemple :\n  - premier élément\n  - deuxième élément"
        )
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return (
            "ici il faut des clés avec leur valeur, une par ligne, décalées de deux espaces sous le nom du champ, "
            "par exemple :\n  location:\n    city: Namur\n    region: Wallonie"
        )
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return f"{value!r} n'est pas un nombre entier : écrivez des chiffres seulement, par exemple 2021"
    if kind in {"float_parsing", "float_type"}:
        return f"{value!r} n'est pas un nombre : écrivez-le avec un point, par exemple 50.4669"
    if kind in {"greater_than_equal", "less_than_equal"}:
        bound = "au moins" if kind == "greater_than_equal" else "au plus"
        return f"{value!r} est hors des limites : {bound} {ctx.get('ge', ctx.get('le'))}"
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        return f"{value!r} n'a pas la forme attendue : " + PATTERN_EXAMPLES.get(pattern, f"modèle {pattern}")
    return None


def retranslate_note(code: str, pages: list[tuple[str, str | None]]) -> str:
    """The build's note on a language's outdated translations: (page, day it was translated or None)."""

    def listed(word: str) -> str:
        return ", ".join(f"{page} ({word} {day})" if day else page for page, day in pages)

    return say(
        f"docs/{code}/ : {len(pages)} page(s) à retraduire (la page française a changé ; publiée(s) avec un avis "
        f"et un lien vers la page française) : {listed('traduite le')}",
        f"docs/{code}/: {len(pages)} page(s) to re-translate (the French changed; published with a notice "
        f"linking the French page): {listed('translated')}",
    )
