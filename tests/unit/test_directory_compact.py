"""What the directory page hands its script, written small: open intervals in base-36 minutes, and one
count text per CLDR plural category (parapluie/directory/compact.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from parapluie.directory.compact import base36, decode_intervals, encode_intervals, plural_forms
from parapluie.directory.hours import open_intervals
from parapluie.inputs.place import TIMEZONE

UTC = dt.UTC


def brussels(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=TIMEZONE)


def test_base36_is_what_javascript_parseint_reads():
    assert [base36(n) for n in (0, 9, 10, 35, 36, 180, 10080)] == ["0", "9", "a", "z", "10", "50", "7s0"]
    with pytest.raises(ValueError, match="-1 is negative"):
        base36(-1)


def test_weekly_hours_repeat_so_the_text_does_too():
    # Tuesdays 18:00-21:00 for two weeks: the first gap from 1970, then 3 h open, 7 days - 3 h closed.
    text = encode_intervals(
        [(brussels(2040, 3, 13, 18), brussels(2040, 3, 13, 21)), (brussels(2040, 3, 20, 18), brussels(2040, 3, 20, 21))]
    )
    first, length, gap, length_again = text.split(" ")
    assert int(first, 36) * 60 == int(brussels(2040, 3, 13, 18).timestamp())
    assert (length, gap, length_again) == (base36(180), base36(7 * 24 * 60 - 180), base36(180))


def test_intervals_round_trip_across_the_change_to_summer_time():
    # Belgium moves to summer time on Sunday 2040-03-25 at 02:00: that day is 23 hours long.
    intervals = open_intervals("Mo-Su 00:00-24:00; Sa 12:00-14:00 off", dt.date(2040, 3, 19), days=14)
    decoded = decode_intervals(encode_intervals(intervals))
    assert decoded == [(start.astimezone(UTC), end.astimezone(UTC)) for start, end in intervals]
    # Saturday 14:00 to the next Saturday 12:00, across the short Sunday: 7 days less 2 hours, less 1.
    across = next(end - start for start, end in decoded if start.astimezone(TIMEZONE) == brussels(2040, 3, 24, 14))
    assert across == dt.timedelta(days=7, hours=-3)


def test_intervals_must_be_in_order_apart_and_in_whole_minutes():
    with pytest.raises(ValueError, match="out of order or empty at 2040-03-13T18:00:00"):
        encode_intervals([(brussels(2040, 3, 13, 18), brussels(2040, 3, 13, 18))])
    with pytest.raises(ValueError, match="out of order or empty"):
        encode_intervals(
            [
                (brussels(2040, 3, 14, 9), brussels(2040, 3, 14, 10)),
                (brussels(2040, 3, 13, 9), brussels(2040, 3, 13, 10)),
            ]
        )
    with pytest.raises(ValueError, match="is not a whole number of minutes"):
        encode_intervals([(brussels(2040, 3, 13, 18, 0, 30), brussels(2040, 3, 13, 21))])
    with pytest.raises(ValueError, match="an odd count of numbers"):
        decode_intervals("abc 50 7n0")
    assert encode_intervals([]) == "" and decode_intervals("") == []


def gettext_plural(nplurals: int, index) -> callable:
    """An ngettext whose catalog has `nplurals` forms chosen by `index(n)`: "form <i>" for each."""
    return lambda singular, plural, n: f"{{count}} form {index(n)}" if nplurals > 1 else singular


def test_one_text_per_cldr_category_from_the_catalogs_forms():
    romanian = gettext_plural(3, lambda n: 0 if n == 1 else 1 if n == 0 or 0 < n % 100 < 20 else 2)
    assert plural_forms("ro", romanian, "s", "p", 200) == {
        "one": "{count} form 0",
        "few": "{count} form 1",
        "other": "{count} form 2",
    }
    arabic = gettext_plural(
        6,
        lambda n: (
            0 if n == 0 else 1 if n == 1 else 2 if n == 2 else 3 if 3 <= n % 100 <= 10 else 4 if n % 100 >= 11 else 5
        ),
    )
    # No "zero": the page never shows a count of none.
    assert sorted(plural_forms("ar", arabic, "s", "p", 200)) == ["few", "many", "one", "other", "two"]


def test_a_catalog_that_disagrees_with_cldr_is_refused():
    bulgarian_wrong = gettext_plural(2, lambda n: 0 if n in (1, 21) else 1)  # CLDR: only 1 is "one"
    with pytest.raises(ValueError, match=r"bg: the catalog's plural form for 21 \('\{count\} form 0'\) is not the one"):
        plural_forms("bg", bulgarian_wrong, "s", "p", 30)


def test_every_shipped_catalog_agrees_with_cldr(real_project, tmp_path):
    from parapluie.i18n.catalogs import compile_catalog, load_translations, text_translations
    from parapluie.inputs.languages import load_registry

    for language in load_registry(real_project.registry_file).languages:
        locale_dir = None if language.is_source else tmp_path
        if locale_dir:
            compile_catalog(real_project, language, locale_dir)
        _, ngettext = text_translations(load_translations(locale_dir, language.babel))
        # By the page's language code: what the browser's Intl.PluralRules(<html lang>) reads.
        forms = plural_forms(language.code, ngettext, "{count} service", "{count} services", 500)
        assert "other" in forms and all("{count}" in text for text in forms.values()), language.code
