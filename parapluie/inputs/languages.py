"""The language registry (`data/languages.yml`): load, validate, look up."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Literal

import babel
from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator

from parapluie.errors import BuildError, validate
from parapluie.inputs.yamlfile import load_yaml

SOURCE_LANGUAGE = "fr"
MATERIAL_LANGUAGES_DIR = Path(__import__("material").__file__).parent / "templates/partials/languages"


class Language(BaseModel):
    """One language of the site, as the registry describes it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str = Field(pattern=r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")
    endonym: str = Field(min_length=1)
    material: str
    babel: str
    direction: Literal["ltr", "rtl"]
    status: Literal["source", "complete", "partial", "planned"]
    exit_url: HttpUrl
    # The name under the home-screen icon when a reader keeps the guide offline. Discreet:
    # it must say nothing about the site's subject. Unset: the site's name.
    app_name: str | None = Field(default=None, min_length=1, max_length=24)
    # The Open Graph locale of link previews (ll_CC) when the Babel locale has no territory and
    # its likely one is wrong for our readers (Babel's "pt" means Brazil). Unset: from `babel`.
    og_locale: str | None = Field(default=None, pattern=r"^[a-z]{2,3}_[A-Z]{2}$")

    @field_validator("babel")
    @classmethod
    def _babel_locale_exists(cls, value: str) -> str:
        try:
            babel.Locale.parse(value)
        except (ValueError, babel.UnknownLocaleError):
            raise ValueError(f"unknown Babel locale {value!r} (expected e.g. 'ro' or 'fr_BE')") from None
        return value

    @field_validator("material")
    @classmethod
    def _material_language_exists(cls, value: str) -> str:
        if not (MATERIAL_LANGUAGES_DIR / f"{value}.html").is_file():
            raise ValueError(f"mkdocs-material has no theme language {value!r}")
        return value

    @cached_property
    def locale(self) -> babel.Locale:
        """The Babel locale used for dates, day names and catalogs."""
        return babel.Locale.parse(self.babel)

    @property
    def is_source(self) -> bool:
        """True for the language every other one is translated from."""
        return self.code == SOURCE_LANGUAGE


class Registry(BaseModel):
    """The whole registry file: an ordered list of languages, the source first."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    languages: list[Language] = Field(min_length=1)

    @property
    def codes(self) -> list[str]:
        """Language codes in registry order."""
        return [language.code for language in self.languages]

    @property
    def source(self) -> Language:
        """The source language (French)."""
        return self.get(SOURCE_LANGUAGE)

    @property
    def translations(self) -> list[Language]:
        """Every language but the source."""
        return [language for language in self.languages if not language.is_source]

    def get(self, code: str) -> Language:
        """The language with this code; KeyError names the known codes otherwise."""
        for language in self.languages:
            if language.code == code:
                return language
        raise KeyError(f"unknown language {code!r}; the registry has {', '.join(self.codes)}")


def load_registry(path: Path) -> Registry:
    """Load and validate the registry, raising BuildError naming the file and field."""
    data = load_yaml(path)
    registry = validate(Registry, data, path)
    seen: set[str] = set()
    for index, language in enumerate(registry.languages):
        if language.code in seen:
            raise BuildError(path, f"duplicate language code {language.code!r}", f"languages.{index}.code")
        seen.add(language.code)
        is_source_status = language.status == "source"
        if is_source_status != language.is_source:
            raise BuildError(
                path,
                f"only {SOURCE_LANGUAGE!r} has status 'source' (found {language.status!r})",
                f"languages.{index}.status",
            )
    if SOURCE_LANGUAGE not in seen:
        raise BuildError(path, f"the source language {SOURCE_LANGUAGE!r} is missing", "languages")
    return registry
