"""Opening hours for readers: a weekly table in their language, and the next weeks' open intervals.

The data holds OpenStreetMap `opening_hours` strings in Brussels time. Pages show a weekly
table (day names and times formatted by Babel for the reader's locale) and carry the open
intervals of the coming weeks (parapluie/directory/compact.py), so the browser can say "open now".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import opening_hours
from babel.dates import format_time, get_day_names

from parapluie.inputs.place import COUNTRY, TIMEZONE

OPEN = opening_hours.State.OPEN
WEEK = 7


@dataclass(frozen=True)
class DayHours:
    """One weekday and its opening ranges, ready to show."""

    day: str
    ranges: list[str]


def week_start(today: dt.date) -> dt.datetime:
    """Midnight of the Monday of `today`'s week (naive, Brussels wall-clock time)."""
    monday = today - dt.timedelta(days=today.weekday())
    return dt.datetime.combine(monday, dt.time())


def parse_hours(hours: str, with_holidays: bool = True) -> opening_hours.OpeningHours:
    """Parsed OSM hours; with Brussels time and Belgian public holidays unless `with_holidays` is False."""
    if not with_holidays:
        return opening_hours.OpeningHours(hours)
    return opening_hours.OpeningHours(hours, timezone=TIMEZONE, country=COUNTRY)


def _open_intervals(hours: str, start: dt.datetime, days: int, with_holidays: bool):
    parsed = parse_hours(hours, with_holidays)
    for begin, end, state, _comment in parsed.intervals(start, start + dt.timedelta(days=days)):
        if state == OPEN:
            yield begin.replace(tzinfo=None), end.replace(tzinfo=None)


def is_always_open(hours: str, today: dt.date) -> bool:
    """True for hours open around the clock all week (24/7)."""
    start = week_start(today)
    return list(_open_intervals(hours, start, WEEK, False)) == [(start, start + dt.timedelta(days=WEEK))]


def weekly_ranges(hours: str, today: dt.date) -> list[tuple[int, dt.time, dt.time | None]]:
    """(weekday 0-6, opens, closes) for a typical week, public holidays left aside; None closes at midnight."""
    ranges = []
    for begin, end in _open_intervals(hours, week_start(today), WEEK, False):
        cursor = begin
        while cursor < end:
            day_end = min(end, dt.datetime.combine(cursor.date() + dt.timedelta(days=1), dt.time()))
            ranges.append((cursor.weekday(), cursor.time(), None if day_end.time() == dt.time() else day_end.time()))
            cursor = day_end
    return ranges


def weekly_table(hours: str, locale: str, today: dt.date) -> list[DayHours]:
    """Monday to Sunday with their opening ranges in `locale` (public holidays left aside)."""
    names = get_day_names("wide", locale=locale)
    by_day: list[list[str]] = [[] for _ in range(WEEK)]
    for weekday, opens, closes in weekly_ranges(hours, today):
        shown_end = "24:00" if closes is None else format_time(closes, "short", locale=locale)
        by_day[weekday].append(f"{format_time(opens, 'short', locale=locale)}–{shown_end}")
    return [DayHours(names[index], ranges) for index, ranges in enumerate(by_day)]


def week_summary(hours: str, locale: str, today: dt.date) -> str:
    """A typical week in one short line, days with the same hours grouped: 'lun.–ven. 08:00–18:00'."""
    names = get_day_names("abbreviated", locale=locale)
    table = weekly_table(hours, locale, today)
    parts: list[str] = []
    day = 0
    while day < WEEK:
        ranges = table[day].ranges
        last = day
        while last + 1 < WEEK and table[last + 1].ranges == ranges:
            last += 1
        if ranges:
            days = names[day] if last == day else f"{names[day]}–{names[last]}"
            parts.append(f"{days} {', '.join(ranges)}")
        day = last + 1
    return " · ".join(parts)


SCHEMA_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def schema_hours(hours: str, today: dt.date) -> list[tuple[str, str, str]]:
    """schema.org (dayOfWeek, opens, closes) triples for a typical week."""
    return [
        (
            f"https://schema.org/{SCHEMA_DAYS[day]}",
            opens.strftime("%H:%M"),
            (closes or dt.time(23, 59)).strftime("%H:%M"),
        )
        for day, opens, closes in weekly_ranges(hours, today)
    ]


def open_intervals(hours: str, today: dt.date, days: int = 28) -> list[tuple[dt.datetime, dt.datetime]]:
    """Open intervals (aware, in Brussels time) from `today`'s week on, public holidays included."""
    return [
        (begin.replace(tzinfo=TIMEZONE), end.replace(tzinfo=TIMEZONE))
        for begin, end in _open_intervals(hours, week_start(today), days, True)
    ]
