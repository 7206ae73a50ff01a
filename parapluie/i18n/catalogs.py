"""gettext catalogs for our own template strings (Babel).

`translations/messages.pot` is extracted from the templates (`make messages`, extract.py); each
language has `translations/<babel locale>/LC_MESSAGES/messages.po`. The build compiles
them into its staging folder (compiled files are never committed) and refuses a catalog
that lacks a string, so no reader meets a half-translated interface.
French is the source language of the strings: it needs no catalog.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from markupsafe import Markup

from parapluie.errors import BuildError
from parapluie.inputs.languages import Language
from parapluie.inputs.yamlfile import read_text
from parapluie.messages import say
from parapluie.project import Project

DOMAIN = "messages"


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated where it is used."""
    return message


def catalog_path(translations_dir: Path, language: Language) -> Path:
    """Where the .po file of a language lives."""
    return translations_dir / language.babel / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    """Parse a .pot or .po file; a syntax error names the file."""
    try:
        text = read_text(path)
    except BuildError as error:
        if error.detail != "file not found":
            raise
        raise BuildError(
            path, "catalog not found (run `make messages`, or `make new-lang` for a new language)"
        ) from None
    try:
        return read_po(io.BytesIO(text.encode("utf-8")), locale=locale, abort_invalid=True)
    except FileNotFoundError:
        raise BuildError(
            path, "catalog not found (run `make messages`, or `make new-lang` for a new language)"
        ) from None
    except Exception as error:  # babel raises PoFileError and others
        raise BuildError(
            path,
            say(
                f'catalogue mal écrit : chaque msgid "…" est suivi de sa ligne msgstr "…" (détail : {error})',
                f"invalid catalog: {error}",
            ),
        ) from None


# python-format `%(date)s` and brace `{url}` placeholders: a msgstr has exactly its msgid's.
PLACEHOLDER = re.compile(r"%\([A-Za-z_]\w*\)[sd]|\{[A-Za-z_]\w*\}")
PO_QUOTED_LINE = re.compile(r'^(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?"(?:[^"\\]|\\.)*"$')
UNQUOTED_LINE = 'line {line}: a string must open and close with a straight quote ("): {text}'
# A '%' that is neither a placeholder nor '%%': the templates format every string, so it breaks the page.
LONE_PERCENT = re.compile(r"%(?!\([A-Za-z_]\w*\)[sd]|%)")
LONE_PERCENT_FOUND = "line {line}: msgid {msgid!r}: a lone '%' in the translation (write '%%' for a percent sign)"
# The placeholder that carries the number in a plural message.
COUNT = {"{count}", "%(count)s", "%(count)d"}
PLACEHOLDERS_DIFFER = "line {line}: msgid {msgid!r}: the translation must keep exactly {expected} (it has {found})"
# The same in French, for staff (parapluie/messages.py, `say`).
UNQUOTED_LINE_FR = "ligne {line} : un texte s'ouvre et se ferme par un guillemet droit (\") : {text}"
LONE_PERCENT_FOUND_FR = (
    "ligne {line} : msgid {msgid!r} : un « % » seul dans la traduction (écrivez « %% » pour le signe pour cent)"
)
PLACEHOLDERS_DIFFER_FR = (
    "ligne {line} : msgid {msgid!r} : la traduction doit garder exactement {expected}, écrit comme dans le "
    "msgid (elle a : {found}). Ces marques, comme %(date)s ou {{url}}, sont remplacées sur le site par une date "
    "ou un lien : ne les traduisez pas"
)


def syntax_problems(text: str) -> list[str]:
    """Lines of a .po file that are neither a comment, blank, nor a keyword with a well-quoted string."""
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#") and not PO_QUOTED_LINE.match(stripped):
            values = {"line": number, "text": stripped[:60]}
            problems.append(say(UNQUOTED_LINE_FR.format(**values), UNQUOTED_LINE.format(**values)))
    return problems


def placeholder_problems(catalog: Catalog) -> list[str]:
    """Translations whose placeholders differ from their msgid's (a date or a link would vanish)."""
    problems = []
    for message in catalog:
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = sorted(set(PLACEHOLDER.findall(ids[-1])))
        for string in strings:
            if LONE_PERCENT.search(string.replace("%%", "")) and not LONE_PERCENT.search(ids[-1].replace("%%", "")):
                values = {"line": message.lineno, "msgid": ids[0]}
                problems.append(say(LONE_PERCENT_FOUND_FR.format(**values), LONE_PERCENT_FOUND.format(**values)))
            found = sorted(set(PLACEHOLDER.findall(string)))
            # A plural form may say the number in words ("o dată", once) and drop the count itself.
            plural_without_count = len(ids) > 1 and set(found) <= set(expected) and set(expected) - set(found) <= COUNT
            if string and found != expected and not plural_without_count:
                values = {"line": message.lineno, "msgid": ids[0]}
                french = PLACEHOLDERS_DIFFER_FR.format(
                    **values, expected=", ".join(expected) or "aucun mot à remplacer", found=", ".join(found) or "aucun"
                )
                english = PLACEHOLDERS_DIFFER.format(
                    **values, expected=", ".join(expected) or "no placeholder", found=", ".join(found) or "none"
                )
                problems.append(say(french, english))
    return problems


def check_catalog(path: Path, shown: str, locale: str) -> Catalog:
    """Read a language's .po as strictly as `msgfmt --check`: syntax, then placeholders; BuildError names `shown`."""
    problems = syntax_problems(read_text(path))
    catalog = read_catalog(path, locale=locale)
    problems += placeholder_problems(catalog)
    if problems:
        count = say(f"{len(problems)} problème(s) :", f"{len(problems)} problem(s):")
        raise BuildError(shown, count + "\n  " + "\n  ".join(problems))
    return catalog


def missing_strings(template: Catalog, catalog: Catalog) -> list[str]:
    """msgids of the template that the catalog lacks, leaves empty, or marks fuzzy."""
    missing = []
    for message in template:
        if not message.id:
            continue
        translated = catalog.get(message.id, context=message.context)
        strings = translated.string if translated else None
        values = strings if isinstance(strings, tuple) else (strings,)
        if translated is None or translated.fuzzy or not all(values):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def compile_catalog(project: Project, language: Language, locale_dir: Path) -> Path:
    """Check a language's catalog is complete, then write its .mo under `locale_dir`."""
    template = read_catalog(project.translations / f"{DOMAIN}.pot")
    po_path = catalog_path(project.translations, language)
    catalog = check_catalog(po_path, project.relative(po_path), language.babel)
    missing = missing_strings(template, catalog)
    if missing:
        listed = "; ".join(repr(m) for m in missing[:5]) + (" …" if len(missing) > 5 else "")
        message = say(
            f"{len(missing)} texte(s) sans traduction (ou marqués fuzzy) : {listed}. Écrivez la traduction entre "
            'les guillemets de msgstr "…", et supprimez la ligne « #, fuzzy » au-dessus s\'il y en a une',
            f"{len(missing)} string(s) not translated (or fuzzy): {listed}",
        )
        raise BuildError(project.relative(po_path), message, field="msgstr")
    mo_path = locale_dir / language.babel / "LC_MESSAGES" / f"{DOMAIN}.mo"
    mo_path.parent.mkdir(parents=True, exist_ok=True)
    with mo_path.open("wb") as handle:
        write_mo(handle, catalog)
    return mo_path


def as_text(gettext: Callable[[str], str]) -> Callable[[str], Markup]:
    """`gettext` whose translations are text, never markup: `<b>` in a msgstr shows as `<b>`.

    The msgid is the project's template code; the msgstr is a translator's text, so it is
    escaped once here, for every template (MkDocs' and ours), and marked safe so nothing
    escapes it twice.
    """
    return lambda message: text_markup(gettext(message))


def text_markup(text: str) -> Markup:
    """`text` escaped for HTML text and double-quoted attributes (our templates quote every attribute so).

    Apostrophes stay as they are: they are frequent in translations, and every byte counts.
    """
    return Markup(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;"))


def text_translations(translations: NullTranslations) -> tuple[Callable, Callable]:
    """The (gettext, ngettext) pair of `translations`, both returning escaped text (see `as_text`)."""
    return as_text(translations.gettext), lambda singular, plural, n: text_markup(
        translations.ngettext(singular, plural, n)
    )


def catalog_gettext(project: Project, language: Language) -> Callable[[str], str]:
    """Translate with a language's .po file directly, for its texts shown on other languages' pages.

    A string the catalog lacks (or marks fuzzy) is a BuildError naming the .po file.
    """
    if language.is_source:
        return lambda message: message
    path = catalog_path(project.translations, language)
    catalog = read_catalog(path, language.babel)

    def gettext(message: str) -> str:
        entry = catalog.get(message)
        if entry is None or entry.fuzzy or not entry.string:
            raise BuildError(path, f"missing translation (run `make messages`, then translate): {message!r}")
        return entry.string

    return gettext


def load_translations(locale_dir: str | Path | None, babel_locale: str) -> NullTranslations:
    """The compiled translations of a language; identity for the source language."""
    if not locale_dir:
        return NullTranslations()
    translations = Translations.load(str(locale_dir), [babel_locale], DOMAIN)
    if not isinstance(translations, Translations):
        raise BuildError(locale_dir, f"no compiled catalog for {babel_locale}")
    return translations
