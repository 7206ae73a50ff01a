"""What the directory page hands its script, written small (issue #16: every byte of the page counts).

- Open intervals: `encode_intervals` writes them as base-36 minutes, "gap length gap length…", the
  first gap from the Unix epoch and each next one from the previous interval's end (weekly hours
  repeat, so gzip takes the rest); components/directory-filters/directory.js decodes them
  (`intervalsOf`), `decode_intervals` is the same decoding in Python.
- The result count: `plural_forms` gives one text per CLDR plural category of the language (Babel),
  which the script picks with the browser's `Intl.PluralRules`, instead of one text per number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import babel

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
MINUTE = dt.timedelta(minutes=1)
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
# Numbers looked at to find each plural category's text: far more than a directory lists. Never 0: the
# page never shows a count of none (the script hides it and says what to do instead).
PLURAL_SAMPLES = range(1, 1001)


def base36(number: int) -> str:
    """A non-negative integer in base 36, lower case (what JavaScript's parseInt(text, 36) reads)."""
    if number < 0:
        raise ValueError(f"{number} is negative")
    digits = ""
    while True:
        number, digit = divmod(number, 36)
        digits = DIGITS[digit] + digits
        if not number:
            return digits


def _minutes(delta: dt.timedelta) -> int:
    if delta % MINUTE:
        raise ValueError(f"{delta} is not a whole number of minutes")
    return delta // MINUTE


def encode_intervals(intervals: list[tuple[dt.datetime, dt.datetime]]) -> str:
    """Time-zone-aware (start, end) pairs, in order and apart, as 'gap length gap length…' (see the module)."""
    numbers, previous = [], EPOCH
    for shown, until in intervals:
        # In UTC: Python subtracts two times of one zone as wall-clock times, an hour off across a DST change.
        start, end = shown.astimezone(dt.UTC), until.astimezone(dt.UTC)
        if start < previous or end <= start:
            raise ValueError(f"intervals out of order or empty at {shown.isoformat()}")
        numbers += [base36(_minutes(start - previous)), base36(_minutes(end - start))]
        previous = end
    return " ".join(numbers)


def decode_intervals(text: str) -> list[tuple[dt.datetime, dt.datetime]]:
    """The (start, end) pairs of `encode_intervals`'s text, in UTC."""
    numbers = [int(number, 36) for number in text.split()]
    if len(numbers) % 2:
        raise ValueError(f"an odd count of numbers in {text!r}")
    intervals, previous = [], EPOCH
    for gap, length in zip(numbers[::2], numbers[1::2], strict=True):
        start = previous + gap * MINUTE
        previous = start + length * MINUTE
        intervals.append((start, previous))
    return intervals


def plural_forms(
    locale: str, ngettext: Callable[[str, str, int], str], singular: str, plural: str, upto: int
) -> dict[str, str]:
    """The text of each CLDR plural category of `locale` that a whole number from 1 on takes, from the catalog.

    `ngettext` picks by the catalog's Plural-Forms; the browser picks by CLDR (`Intl.PluralRules`).
    Both must agree for every number from 1 to `upto` (the most a list can count), or it is a ValueError.
    """
    rule = babel.Locale.parse(locale).plural_form
    forms: dict[str, str] = {}
    for number in PLURAL_SAMPLES:
        forms.setdefault(rule(number), ngettext(singular, plural, number))
    for number in range(1, upto + 1):
        text = ngettext(singular, plural, number)
        if forms[rule(number)] != text:
            raise ValueError(
                f"{locale}: the catalog's plural form for {number} ({text!r}) is not the one of CLDR's "
                f"category {rule(number)!r} ({forms[rule(number)]!r}): check the catalog's Plural-Forms header"
            )
    return forms
