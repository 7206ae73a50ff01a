"""The phone rules, in one place: numbers are read as Belgian; short numbers are Belgium's.

The directory's data (directory/models.py) and the pages' tap-to-call links (content_checks.py)
both judge numbers with these functions.
"""

from __future__ import annotations

from collections.abc import Iterator

import phonenumbers
from phonenumbers import PhoneNumber, shortnumberinfo

from parapluie.inputs.place import COUNTRY


def parse_number(value: str, region: str | None = COUNTRY) -> PhoneNumber | None:
    """`value` as a phone number (read as Belgian unless `region` is None), or None if it is not one."""
    try:
        return phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        return None


def is_valid_number(number: PhoneNumber) -> bool:
    """Whether `number` is a valid full number (any country)."""
    return phonenumbers.is_valid_number(number)


def is_short_number(number: PhoneNumber) -> bool:
    """Whether `number` is a valid Belgian short number (112, 107, 116000...)."""
    return shortnumberinfo.is_valid_short_number_for_region(number, COUNTRY)


def e164(number: PhoneNumber) -> str:
    """`number` in E.164 form (`+32485620841`)."""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def national_form(number: PhoneNumber) -> str:
    """`number` as dialled in Belgium (`0485 62 08 41`)."""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def numbers_in(text: str) -> Iterator[str]:
    """The full phone numbers written in `text`, as written."""
    for match in phonenumbers.PhoneNumberMatcher(text, COUNTRY, leniency=phonenumbers.Leniency.VALID):
        yield match.raw_string
