"""Add a language: registry entry, docs folder and gettext catalog, in one step."""

from __future__ import annotations

import babel

from parapluie.errors import BuildError, validate
from parapluie.i18n.extract import update_catalogs
from parapluie.inputs.languages import Language, load_registry
from parapluie.project import Project


def describe_language(
    code: str, exit_url: str, endonym: str | None = None, material: str | None = None, babel_locale: str | None = None
) -> Language:
    """A registry entry for `code`, with what Babel knows filled in (name in itself, direction)."""
    try:
        locale = babel.Locale.parse(babel_locale or code)
    except (ValueError, babel.UnknownLocaleError):
        raise BuildError("data/languages.yml", f"Babel knows no locale {babel_locale or code!r}", "babel") from None
    name = endonym or locale.get_display_name(locale) or code
    values = {
        "code": code,
        "endonym": name[:1].upper() + name[1:],
        "material": material or code,
        "babel": str(locale),
        "direction": "rtl" if locale.character_order == "right-to-left" else "ltr",
        "status": "planned",
        "exit_url": exit_url,
    }
    return validate(Language, values, "data/languages.yml", prefix=f"new language {code}: ")


def registry_entry(language: Language) -> str:
    """The YAML lines of one registry entry, in the registry's own layout."""
    lines = [f"  - code: {language.code}"]
    for field in ("endonym", "material", "babel", "direction", "status", "exit_url"):
        lines.append(f"    {field}: {getattr(language, field)}")
    return "\n".join(lines) + "\n"


def add_language(project: Project, language: Language) -> list[str]:
    """Append the language to the registry, create its docs folder and catalog; return what was written."""
    registry = load_registry(project.registry_file)
    if language.code in registry.codes:
        raise BuildError(project.relative(project.registry_file), f"language {language.code!r} is already registered")
    text = project.registry_file.read_text(encoding="utf-8")
    project.registry_file.write_text(text.rstrip("\n") + "\n" + registry_entry(language), encoding="utf-8")
    docs = project.docs / language.code
    docs.mkdir(parents=True, exist_ok=True)
    catalogs = update_catalogs(project, [language])
    return [project.relative(project.registry_file), project.relative(docs) + "/", *map(project.relative, catalogs[1:])]
