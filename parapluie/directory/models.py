"""The service directory's data model: one `ServiceEntry` per file in `data/services/`.

Every model rejects unknown keys. Checks that need the project's own lists (the language
registry, the categories) read them from the validation context::

    ServiceEntry.model_validate(data, context={"languages": registry.codes, "categories": ids})

Without a context those checks are skipped (used for the JSON Schema export only).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

import babel
import opening_hours
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    HttpUrl,
    ValidationInfo,
    field_validator,
    model_validator,
)

from parapluie.directory.hours import parse_hours
from parapluie.inputs.languages import SOURCE_LANGUAGE
from parapluie.inputs.phones import e164, is_short_number, is_valid_number, parse_number
from parapluie.inputs.place import COUNTRY, COUNTRY_CALLING_CODE
from parapluie.messages import say

# Each message in English (developers, PARAPLUIE_MESSAGES=en) and French (staff, the default).
MAILTO_IN_EMAIL = "write the e-mail address without 'mailto:' (the site adds it): {value!r}"
MAILTO_IN_EMAIL_FR = "écrivez l'adresse e-mail sans « mailto: » (le site l'ajoute) : {value!r}"
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)
ISO_639_1 = re.compile(r"^[a-z]{2}$")
KNOWN_LANGUAGES = frozenset(babel.Locale("en").languages)

# Markers replaced in the exported JSON Schema by the registry's codes and the category ids.
LANGUAGE_MAP_MARKER = "x-parapluie-language-map"
CATEGORY_MARKER = "x-parapluie-category"


def _context(info: ValidationInfo, key: str) -> list[str] | None:
    return (info.context or {}).get(key)


def _check_language_map(value: Any, info: ValidationInfo) -> Any:
    """Language keys must be in the registry; French is required. Runs before type checks."""
    if not isinstance(value, dict):
        return value
    codes = _context(info, "languages")
    if codes is not None:
        previous = None
        for key, text in value.items():
            if key not in codes:
                raise ValueError(_unknown_language_key(key, text, previous, codes))
            previous = (key, text)
    if SOURCE_LANGUAGE not in value:
        raise ValueError(
            say(
                f"le texte en français est obligatoire : ajoutez une ligne « {SOURCE_LANGUAGE}: … », par exemple "
                f"name: {{{SOURCE_LANGUAGE}: Service d'essai}} (les autres langues reprennent le français)",
                f"French text ('{SOURCE_LANGUAGE}') is required; other languages fall back to it",
            )
        )
    return value


def _unknown_language_key(key: Any, text: Any, previous: tuple[Any, Any] | None, codes: list[str]) -> str:
    known = ", ".join(codes)
    french = f"code de langue inconnu {str(key)!r} : écrivez l'un des codes de data/languages.yml ({known})"
    english = f"unknown language key {str(key)!r} (expected a code of data/languages.yml: {known})"
    if text is None and previous is not None:
        joined = f"{previous[1]}, {key}"
        example = f'{{{previous[0]}: "{joined}"}}'
        french += (
            ". Une virgule dans {…} termine le texte et commence une nouvelle clé : mettez le texte entre "
            f"guillemets, par exemple {example}"
        )
        english += (
            f". A comma inside a flow map {{…}} ends the text and starts a new key: quote the text, e.g. {example}"
        )
    return say(french, english)


# Text field limits: far above any real entry, far below a text that would weigh on every page.
NAME_MAX, DESCRIPTION_MAX = 150, 2000


def _localized(max_length: int):
    return Annotated[
        dict[str, Annotated[str, Field(min_length=1, max_length=max_length)]],
        BeforeValidator(_check_language_map),
        Field(json_schema_extra={LANGUAGE_MAP_MARKER: True}),
    ]


LocalizedText = _localized(DESCRIPTION_MAX)
LocalizedName = _localized(NAME_MAX)


def _check_category(value: str, info: ValidationInfo) -> str:
    ids = _context(info, "categories")
    if ids is not None and value not in ids:
        known = ", ".join(ids)
        raise ValueError(
            say(
                f"catégorie inconnue {value!r} : écrivez l'une des catégories de data/categories.yml ({known})",
                f"unknown category {value!r} (expected one of data/categories.yml: {known})",
            )
        )
    return value


CategoryId = Annotated[str, AfterValidator(_check_category), Field(json_schema_extra={CATEGORY_MARKER: True})]


def _check_spoken_language(value: str) -> str:
    if not ISO_639_1.match(value) or value not in KNOWN_LANGUAGES:
        raise ValueError(
            say(
                f"code de langue inconnu {value!r} : écrivez le code de la langue en deux lettres (ISO 639-1), "
                "par exemple ro pour le roumain, ar pour l'arabe",
                f"unknown language code {value!r} (expected a two-letter ISO 639-1 code, e.g. 'ro')",
            )
        )
    return value


SpokenLanguage = Annotated[
    str, AfterValidator(_check_spoken_language), Field(json_schema_extra={"pattern": "^[a-z]{2}$"})
]


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_DAY = re.compile(r"\b(" + "|".join(MONTHS) + r")\s+0*(\d{1,2})\b")
# Days in each month, February in a leap year (the rule holds every year, so 29 is allowed).
MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
IMPOSSIBLE_DAY = "{month} {day} is not a real date (in opening hours {value!r})"
IMPOSSIBLE_DAY_FR = "{month} {day} n'est pas une vraie date (dans les horaires {value!r})"


def check_hours(value: str) -> str:
    """Validate an OpenStreetMap `opening_hours` string; explain the syntax otherwise."""
    for month, day in MONTH_DAY.findall(value):
        if not 1 <= int(day) <= MONTH_DAYS[MONTHS.index(month)]:
            values = {"month": month, "day": day, "value": value}
            raise ValueError(say(IMPOSSIBLE_DAY_FR.format(**values), IMPOSSIBLE_DAY.format(**values)))
    if not opening_hours.validate(value):
        raise ValueError(
            say(
                f"horaires mal écrits {value!r} : jours en anglais abrégé (Mo Tu We Th Fr Sa Su), heures avec les "
                "minutes (10:00, pas 10), plusieurs plages séparées par « ; », par exemple "
                "'Mo-Fr 10:00-16:00; PH off' (PH off : fermé les jours fériés)",
                f"invalid opening hours {value!r} (expected OpenStreetMap opening_hours syntax with HH:MM times, "
                f"e.g. 'Mo-Fr 10:00-16:00; PH off')",
            )
        )
    return value


class Coordinates(BaseModel):
    """A point (WGS 84)."""

    model_config = ConfigDict(extra="forbid")

    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)


class Location(BaseModel):
    """Where the service receives people. `private: true` keeps the address out of every output."""

    model_config = ConfigDict(extra="forbid")

    street: str | None = Field(default=None, min_length=1)
    postcode: str | None = Field(default=None, pattern=r"^[0-9]{4}$")
    city: str | None = Field(default=None, min_length=1)
    region: Literal["Wallonie", "Bruxelles", "Flandre", "national"]
    coordinates: Coordinates | None = None
    private: bool = Field(default=False, description="true: never publish the address (outreach spot, shelter).")

    @model_validator(mode="after")
    def _city_unless_national(self) -> Location:
        if self.region != "national" and self.city is None:
            raise ValueError(
                say(
                    "la ville manque : ajoutez city (par exemple city: Namur), sauf pour un service national "
                    "(region: national)",
                    "city is required unless region is 'national'",
                )
            )
        return self


ContactKind = Literal["phone", "sms", "whatsapp", "signal", "email", "website", "video-call"]


class Contact(BaseModel):
    """One way to reach the service."""

    model_config = ConfigDict(extra="forbid")

    kind: ContactKind
    # Before `value`, which is checked against it.
    abroad: bool = Field(
        default=False, description="true: a number outside Belgium, on purpose (the service is abroad)."
    )
    value: str = Field(min_length=1)
    note: LocalizedText | None = None

    @field_validator("value")
    @classmethod
    def _value_matches_kind(cls, value: str, info: ValidationInfo) -> str:
        kind = info.data.get("kind")
        if kind in ("phone", "sms", "whatsapp", "signal"):
            return _check_number(value, kind, abroad=bool(info.data.get("abroad")))
        if kind == "email" and value.lower().startswith("mailto:"):
            raise ValueError(say(MAILTO_IN_EMAIL_FR.format(value=value), MAILTO_IN_EMAIL.format(value=value)))
        if kind == "email" and not EMAIL.match(value):
            raise ValueError(
                say(
                    f"adresse e-mail mal écrite {value!r} : par exemple info@example.be",
                    f"invalid e-mail address {value!r} (expected e.g. 'info@example.be')",
                )
            )
        if kind == "website" and not _is_https(value):
            raise ValueError(
                say(
                    f"{value!r} n'est pas une adresse web complète : elle commence par https://, "
                    "par exemple https://www.example.be",
                    f"expected an https:// URL, got {value!r}",
                )
            )
        if kind == "video-call" and value != "on-request" and not _is_https(value):
            raise ValueError(
                say(
                    f"écrivez on-request (sur demande) ou une adresse qui commence par https:// (la valeur lue est "
                    f"{value!r})",
                    f"expected 'on-request' or an https:// URL, got {value!r}",
                )
            )
        return value


def _is_https(value: str) -> bool:
    try:
        url = HttpUrl(value)
    except ValueError:
        return False
    return url.scheme == "https" and bool(url.host) and " " not in value


FOREIGN_NUMBER = (
    "{value!r} is a number outside Belgium (+{code}): for a Belgian service write +32…; "
    "if the service really is abroad, add `abroad: true` to this contact"
)
FOREIGN_NUMBER_FR = (
    "{value!r} est un numéro hors de Belgique (+{code}) : pour un service belge, écrivez +32… ; "
    "si le service est vraiment à l'étranger, ajoutez abroad: true à ce contact"
)


def _check_number(value: str, kind: str, abroad: bool = False) -> str:
    """E.164 for every kind; `phone` may also be a Belgian short number (112, 107, 116000)."""
    if kind == "phone" and value.isdigit() and len(value) <= 6:
        number = parse_number(value)
        if number is not None and is_short_number(number):
            return value
        raise ValueError(
            say(
                f"{value!r} n'est pas un numéro court belge (comme 112, 107 ou 116000)",
                f"invalid phone number {value!r} (not a valid Belgian short number)",
            )
        )
    number = parse_number(value, None if value.startswith("+") else COUNTRY)
    if number is not None and is_valid_number(number):
        written = e164(number)
        if number.country_code != COUNTRY_CALLING_CODE and not abroad:
            values = {"value": value, "code": number.country_code}
            raise ValueError(say(FOREIGN_NUMBER_FR.format(**values), FOREIGN_NUMBER.format(**values)))
        if written == value:
            return value
        raise ValueError(
            say(
                f"écrivez le numéro {value!r} sous sa forme internationale, sans espace : {written!r}",
                f"write the {kind} number {value!r} in E.164 form: {written!r}",
            )
        )
    expected = "a valid number in E.164 form, e.g. '+32485620841'"
    attendu = "écrivez-le sous sa forme internationale, sans espace, par exemple '+32485620841'"
    if kind == "phone":
        expected += ", or a Belgian short number such as '112'"
        attendu += ", ou un numéro court belge comme '112'"
    raise ValueError(
        say(f"numéro mal écrit {value!r} : {attendu}", f"invalid {kind} number {value!r} (expected {expected})")
    )


FieldName = Literal[
    "organisation",
    "name",
    "description",
    "categories",
    "location",
    "contacts",
    "hours",
    "languages",
    "anonymous",
    "free",
]


class ServiceEntry(BaseModel):
    """One file of `data/services/`: a service (or an antenna) people can turn to."""

    model_config = ConfigDict(extra="forbid", title="Parapluie service entry")

    organisation: str = Field(min_length=1, max_length=NAME_MAX, description="The organisation running the service.")
    name: LocalizedName = Field(description="Name shown to readers, per language code; 'fr' is required.")
    description: LocalizedText = Field(description="What the service offers, per language code; 'fr' is required.")
    categories: list[CategoryId] = Field(min_length=1, description="Ids from data/categories.yml.")
    location: Location | None = None
    contacts: list[Contact] = []
    hours: Annotated[str, AfterValidator(check_hours)] | None = Field(
        default=None, description="OpenStreetMap opening_hours, local time (Europe/Brussels), e.g. 'Tu 18:00-21:00'."
    )
    hours_note: LocalizedText | None = None
    languages: list[SpokenLanguage] = Field(default=[], description="ISO 639-1 codes of the languages spoken.")
    anonymous: bool | None = Field(description="true, false, or null when unknown.")
    free: bool | None = Field(description="true, false, or null when unknown.")
    status: Literal["active", "temporarily-closed", "closed"] = Field(
        description="active; temporarily-closed (listed, with a notice); closed (leaves every list, its page says so)."
    )
    replaced_by: str | None = Field(
        default=None, description="For a closed service: the id of the entry readers should go to instead."
    )
    last_verified: dt.date = Field(description="When a person last checked this entry against its sources.")
    sources: list[HttpUrl] = Field(min_length=1)
    stale_reason: str | None = Field(
        default=None, min_length=1, max_length=DESCRIPTION_MAX, description="Why an entry over 12 months old stays."
    )
    source_notes: str | None = Field(
        default=None,
        min_length=1,
        max_length=DESCRIPTION_MAX,
        description="Staff notes on the sources (what each one says, what is missing); never published.",
    )
    to_confirm: list[FieldName] = Field(default=[], description="Fields whose details are unverified ('à confirmer').")
    source_years: dict[FieldName, Annotated[int, Field(ge=1990, le=2100)]] = Field(
        default={},
        description="Year of the dated source (⚠ in FACTS) of a field to confirm, e.g. {contacts: 2021}; shown.",
    )

    @field_validator("source_years")
    @classmethod
    def _dated_fields_are_to_confirm(cls, value: dict[str, int], info: ValidationInfo) -> dict[str, int]:
        unconfirmed = [name for name in value if name not in info.data.get("to_confirm", [])]
        if unconfirmed:
            fields = ", ".join(unconfirmed)
            raise ValueError(
                say(
                    f"{fields} : un détail tiré d'une source datée n'est publié qu'avec « à confirmer » : "
                    f"ajoutez aussi {fields} à to_confirm",
                    f"{fields}: a detail from a dated source is published only as 'à confirmer', so add it to "
                    "to_confirm too",
                )
            )
        return value

    @property
    def address_public(self) -> bool:
        """True when the address may appear in any output (page, JSON, vCard, sitemap)."""
        return self.location is not None and not self.location.private

    @property
    def hours_confirmed(self) -> bool:
        """True when the hours are known and not marked 'à confirmer': only then may a page say "open now"."""
        return self.hours is not None and "hours" not in self.to_confirm

    @property
    def has_contact(self) -> bool:
        """True when there is a number, an address to write to or a website: something a vCard can save."""
        return any(contact.kind != "video-call" for contact in self.contacts)

    def opening_hours(self) -> opening_hours.OpeningHours | None:
        """The parsed hours, in Brussels time with Belgian public holidays; None when unknown."""
        if self.hours is None:
            return None
        return parse_hours(self.hours)


class Service(ServiceEntry):
    """A validated entry with its stable id (the file name without `.yml`)."""

    id: str


def localized(values: dict[str, str] | None, language: str) -> str:
    """The text in `language`, or in the source language (French) when it has none."""
    values = values or {}
    return values.get(language) or values.get(SOURCE_LANGUAGE, "")
