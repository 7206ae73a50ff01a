"""Page front matter: split it from the Markdown body and validate it.

French pages (the source) carry the facts' provenance: `reviewed`, `sources`, and for
time-bound pages `review_by` or `valid_until`; historical pages give the `period` they
describe. Translated pages carry only what differs from French (`title`, `description`)
plus an `l10n` block saying which French version they come from and how. Any other key is
an error, so a typo never silently drops a field.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Annotated, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, HttpUrl, model_validator

from parapluie.errors import BuildError, validate
from parapluie.inputs.yamlfile import BOM, bom_refused, dump_yaml, parse_yaml, read_text
from parapluie.messages import say

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
M = TypeVar("M", bound=BaseModel)
FRONT_MATTER_MISSING = "front matter missing: the file must start with a '---' block"
FRONT_MATTER_UNCLOSED = "front matter not closed: add a line '---' after its last key"
MARKUP_IN_TEXT = "is text, not markup: write it without {chars}"
# The same in French, for staff (parapluie/messages.py, `say`).
FRONT_MATTER_MISSING_FR = (
    "l'en-tête manque : la page commence par une ligne '---', puis title: …, description: …, et une autre "
    "ligne '---' (voir MODIFIER-LES-PAGES.md)"
)
FRONT_MATTER_UNCLOSED_FR = "l'en-tête n'est pas fermé : ajoutez une ligne '---' après sa dernière ligne"
MARKUP_IN_TEXT_FR = "c'est du texte, pas du code : écrivez-le sans {chars}"
NOT_A_MAPPING_FR = "l'en-tête doit être une suite de lignes « clé: valeur », par exemple title: Santé"


def _plain(chars: str):
    def check(value: str) -> str:
        if any(char in value for char in chars):
            shown = " ".join(chars)
            raise ValueError(say(MARKUP_IN_TEXT_FR.format(chars=shown), MARKUP_IN_TEXT.format(chars=shown)))
        return value

    return AfterValidator(check)


# The theme writes a title as it stands, in text and in attributes; a description is escaped (main.html).
Title = Annotated[str, Field(min_length=1, max_length=120), _plain('<>"')]
Description = Annotated[str, Field(min_length=1, max_length=200), _plain("<>")]
HideOption = Literal["navigation", "toc", "path", "footer", "feedback", "tags"]


class Period(BaseModel):
    """The dates a historical page describes (both inclusive)."""

    model_config = ConfigDict(extra="forbid")

    start: dt.date
    end: dt.date

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError(
                say("la fin (end) vient avant le début (start) : échangez les deux dates", "end comes before start")
            )
        return self


class Localisation(BaseModel):
    """How a translated page was made, from which version of the French page, and on which day.

    `translated` is the day `make stamp` recorded the hash: an outdated page's notice says since when.
    """

    model_config = ConfigDict(extra="forbid")

    source_hash: str = Field(pattern=r"^[0-9a-f]{12,64}$")
    method: Literal["human", "machine", "machine-reviewed"]
    translated: dt.date | None = None


class PageMeta(BaseModel):
    """Keys a page of any language may carry."""

    model_config = ConfigDict(extra="forbid")

    title: Title
    description: Description
    hide: list[HideOption] = []


class SourcePageMeta(PageMeta):
    """Front matter of a French (source) page."""

    reviewed: dt.date
    sources: list[HttpUrl] = Field(min_length=1)
    review_by: dt.date | None = None
    valid_until: dt.date | None = None
    period: Period | None = None
    critical: bool = False


class TranslatedPageMeta(BaseModel):
    """Front matter of a translated page: only what differs from French, plus `l10n`."""

    model_config = ConfigDict(extra="forbid")

    title: Title | None = None
    description: Description | None = None
    hide: list[HideOption] | None = None
    l10n: Localisation | None = None


def front_matter_block(meta: dict) -> str:
    """The one way the project writes front matter: a `---` block, keys in order, long lines kept whole."""
    return "---\n" + dump_yaml(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n"


def split_front_matter(text: str, path: Path | str) -> tuple[dict, str]:
    """Return (front matter mapping, Markdown body); a page without front matter is an error."""
    match = FRONT_MATTER.match(text)
    if not match:
        if text.startswith(BOM):
            raise BuildError(path, bom_refused())
        if re.match(r"---[ \t]*\n", text):
            raise BuildError(path, say(FRONT_MATTER_UNCLOSED_FR, FRONT_MATTER_UNCLOSED))
        raise BuildError(path, say(FRONT_MATTER_MISSING_FR, FRONT_MATTER_MISSING))
    data = parse_yaml(match.group(1) or "", path, first_line=2)
    if not isinstance(data, dict):
        raise BuildError(path, say(NOT_A_MAPPING_FR, "front matter must be a mapping of keys to values"))
    return data, text[match.end() :]


def _read_page(path: Path, model: type[M]) -> tuple[M, str]:
    data, body = split_front_matter(read_text(path), path)
    return validate(model, data, path, prefix=say("en-tête : ", "front matter: ")), body


def read_source_page(path: Path) -> tuple[SourcePageMeta, str]:
    """Read and validate a French page: (front matter, body)."""
    return _read_page(path, SourcePageMeta)


def read_translated_page(path: Path) -> tuple[TranslatedPageMeta, str]:
    """Read and validate a translated page: (front matter, body)."""
    return _read_page(path, TranslatedPageMeta)
