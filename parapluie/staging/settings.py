"""The typed settings every MkDocs template of a language reads (`config.extra.parapluie`).

Staging writes them into the language's config; the render hook reads them back into this
model, so a missing key fails the build naming it, and a template that asks for a key that
does not exist (a typo: `settings.lnag`) fails the render naming it, instead of rendering
nothing.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from parapluie.errors import describe_validation_error

SETTINGS_KEY = "parapluie"  # under `extra` in each language's MkDocs config


class UnknownSetting(Exception):
    """A template asked for a setting that does not exist (not a LookupError: Jinja must not swallow it)."""


class _Strict(BaseModel):
    """A frozen model that templates read by attribute; an unknown name is an error, not an empty string."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    def __getitem__(self, key: str):
        # Jinja tries `obj.key`, then `obj[key]`, and renders nothing if both fail: fail here instead.
        if key in type(self).model_fields:
            return getattr(self, key)
        known = ", ".join(type(self).model_fields)
        raise UnknownSetting(f"extra.{SETTINGS_KEY}: a template asks for {key!r}, which is not a setting ({known})")


class LanguageLink(_Strict):
    """One entry of the language switcher."""

    code: str
    endonym: str
    dir: Literal["ltr", "rtl"]


class PageSettings(_Strict):
    """What the templates of one language know about it and the site."""

    lang: str
    dir: Literal["ltr", "rtl"]
    babel: str
    locale_dir: str | None
    source_lang: str
    exit_url: str
    site_url: str
    og_locale: str
    og_alternates: list[str]
    preview_image: str
    tagline: str
    languages: list[LanguageLink]


def read_settings(extra: dict) -> PageSettings:
    """The settings in a language's `extra`; a missing or unknown key raises ValueError naming it."""
    try:
        return PageSettings.model_validate(extra.get(SETTINGS_KEY))
    except ValidationError as error:
        problems = "; ".join(f"{field}: {message}" for field, message in describe_validation_error(error))
        raise ValueError(f"extra.{SETTINGS_KEY}: {problems}") from None
