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
from parapluie.inputs.yamlfile import BOM, BOM_REFUSED, dump_yaml, parse_yaml, read_text

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
M = TypeVar("M", bound=BaseModel)
FRONT_MATTER_MISSING = "front matter missing: the file must start with a '---' block"
FRONT_MATTER_UNCLOSED = "front matter not closed: add a line '---' after its last key"
MARKUP_IN_TEXT = "is text, not markup: write it without {chars}"


def _plain(chars: str):
    def check(value: str) -> str:
        if any(char in value for char in chars):
            raise ValueError(MARKUP_IN_TEXT.format(chars=" ".join(chars)))
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
            raise ValueError("end comes before start")
        return self


class Localisation(BaseModel):
    """How a translated page was made, and from which version of the French page."""

    model_config = ConfigDict(extra="forbid")

    source_hash: str = Field(pattern=r"^[0-9a-f]{12,64}$")
    method: Literal["human", "machine", "machine-reviewed"]


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
            raise BuildError(path, BOM_REFUSED)
        if re.match(r"---[ \t]*\n", text):
            raise BuildError(path, FRONT_MATTER_UNCLOSED)
        raise BuildError(path, FRONT_MATTER_MISSING)
    data = parse_yaml(match.group(1) or "", path, first_line=2)
    if not isinstance(data, dict):
        raise BuildError(path, "front matter must be a mapping of keys to values")
    return data, text[match.end() :]


def _read_page(path: Path, model: type[M]) -> tuple[M, str]:
    data, body = split_front_matter(read_text(path), path)
    return validate(model, data, path, prefix="front matter: "), body


def read_source_page(path: Path) -> tuple[SourcePageMeta, str]:
    """Read and validate a French page: (front matter, body)."""
    return _read_page(path, SourcePageMeta)


def read_translated_page(path: Path) -> tuple[TranslatedPageMeta, str]:
    """Read and validate a translated page: (front matter, body)."""
    return _read_page(path, TranslatedPageMeta)
