"""The directory in a phone browser at a fixed clock: "open now" and the filters."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest

from parapluie.directory.hours import week_start
from tests.browser.fixtures_browser import PHONE

pytestmark = pytest.mark.browser
BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
# Times within the weeks the build (run today) wrote "open now" intervals for.
_MONDAY = week_start(dt.date.today()) + dt.timedelta(days=7)
TUESDAY_EVENING = (_MONDAY + dt.timedelta(days=1, hours=18, minutes=30)).replace(tzinfo=BRUSSELS)  # Alias: Tu 18-21
MONDAY_MORNING = (_MONDAY + dt.timedelta(hours=10)).replace(tzinfo=BRUSSELS)


def open_page(browser, url: str, when: dt.datetime, javascript: bool = True):
    context = browser.new_context(**PHONE, java_script_enabled=javascript, timezone_id="America/New_York")
    page = context.new_page()
    if javascript:
        page.clock.set_fixed_time(when)
    page.goto(url)
    return context, page


def test_open_now_follows_brussels_time_whatever_the_phone_zone(browser, site_url):
    context, page = open_page(browser, f"{site_url}/fr/annuaire/alias/", TUESDAY_EVENING)
    assert page.locator("p.parapluie-open").inner_text() == "Ouvert maintenant"
    context.close()
    context, page = open_page(browser, f"{site_url}/fr/annuaire/alias/", MONDAY_MORNING)
    assert page.locator("p.parapluie-open").inner_text() == "Fermé maintenant · Ouvre mardi 18:00"
    context.close()


def test_filters_by_need_and_open_now(browser, site_url):
    context, page = open_page(browser, f"{site_url}/fr/annuaire/", TUESDAY_EVENING)
    visible = page.locator(".parapluie-card:visible")
    total = visible.count()
    page.select_option("select[name=need]", "get-tested")
    tested = visible.count()
    assert 0 < tested < total
    page.check("input[name=open]")
    assert visible.all_inner_texts() == ["Alias — Bruxelles"]
    assert page.locator(".parapluie-filters__count").inner_text() == "1 service(s)"
    page.select_option("select[name=need]", "")
    page.uncheck("input[name=open]")
    page.select_option("select[name=city]", "Namur")
    assert all("Namur" in text for text in visible.all_inner_texts()) and visible.count() >= 1
    context.close()


def test_without_javascript_everything_is_listed_and_no_filter_shows(browser, site_url):
    context, page = open_page(browser, f"{site_url}/fr/annuaire/", TUESDAY_EVENING, javascript=False)
    assert page.locator("form.parapluie-filters").is_hidden()
    assert page.locator(".parapluie-card:visible").count() == page.locator(".parapluie-card").count() > 10
    assert page.locator("#get-tested + ul li").count() >= 1
    context.close()
