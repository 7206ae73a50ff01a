"""The directory in a phone browser at a fixed clock, on the fixture project's entries (its essai-* ones):
the question answered on the first screen, today's hours, "open now" only for confirmed hours, never a
bare "0", and the same answer in two taps without JavaScript."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest

from parapluie.directory.hours import week_start
from tests.browser.fixtures_browser import PHONE
from tests.fixtures_project import FIXED_TODAY

pytestmark = pytest.mark.browser
BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
FIRST_SCREEN = PHONE["viewport"]["height"]
# Times within the weeks the build (at the fixture's clock) wrote opening intervals for: next week's Tuesday.
_TUESDAY = week_start(FIXED_TODAY) + dt.timedelta(days=8)
TUESDAY_MORNING = (_TUESDAY + dt.timedelta(hours=10)).replace(tzinfo=BRUSSELS)
TUESDAY_NIGHT = (_TUESDAY + dt.timedelta(hours=22)).replace(tzinfo=BRUSSELS)
OPEN_CARD = ".parapluie-card:has(a[href='essai-depistage-charleroi/'])"
UNCONFIRMED_CARD = ".parapluie-card:has(a[href='essai-horaires-a-confirmer/'])"


def open_page(browser, url: str, when: dt.datetime, javascript: bool = True):
    context = browser.new_context(**PHONE, java_script_enabled=javascript, timezone_id="America/New_York")
    page = context.new_page()
    if javascript:
        page.clock.set_fixed_time(when)
    page.goto(url)
    return context, page


def ask(page, need: str, place: str, today: bool) -> None:
    page.select_option("select[name=need]", need)
    page.select_option("select[name=place]", place)
    page.set_checked("input[name=today]", today)


def test_testing_in_charleroi_today_is_answered_on_the_first_screen(browser, finder_url):
    context, page = open_page(browser, f"{finder_url}/fr/annuaire/", TUESDAY_MORNING)
    assert page.locator("form.parapluie-finder").bounding_box()["y"] < FIRST_SCREEN / 2
    ask(page, "get-tested", "city:Charleroi", True)
    first = page.locator(".parapluie-cards .parapluie-card:visible").first
    box = first.bounding_box()
    assert box["y"] + box["height"] <= FIRST_SCREEN, box
    assert "Ouvert maintenant" in first.inner_text()  # services open now come first
    card = page.locator(OPEN_CARD)
    assert card.is_visible()
    assert "Aujourd'hui : 08:00–20:00 · Ouvert maintenant" in card.inner_text()
    assert page.locator(".parapluie-finder__count").inner_text().endswith("services")
    # Each service once: no card is listed twice.
    hrefs = page.locator(".parapluie-cards .parapluie-card__name").evaluate_all("links => links.map(a => a.href)")
    assert len(hrefs) == len(set(hrefs))
    context.close()


@pytest.mark.parametrize("when", [TUESDAY_MORNING, TUESDAY_NIGHT], ids=["open", "closed"])
def test_hours_to_confirm_never_show_open_now(browser, finder_url, when):
    context, page = open_page(browser, f"{finder_url}/fr/annuaire/", when)
    unconfirmed = page.locator(".parapluie-card:not([data-hours-confirmed])")
    assert unconfirmed.count() >= 1
    for text in unconfirmed.all_inner_texts():
        assert "Ouvert maintenant" not in text and "Fermé maintenant" not in text, text
    card = page.locator(UNCONFIRMED_CARD).inner_text()
    assert "à confirmer" in card
    context.close()
    context, page = open_page(browser, f"{finder_url}/fr/annuaire/essai-horaires-a-confirmer/", when)
    body = page.locator("article.parapluie-entry").inner_text()
    assert "Ouvert maintenant" not in body and "Fermé maintenant" not in body
    assert "à confirmer (source de 2019)" in body
    context.close()


def test_open_now_follows_brussels_time_whatever_the_phone_zone(browser, finder_url):
    context, page = open_page(browser, f"{finder_url}/fr/annuaire/essai-depistage-charleroi/", TUESDAY_MORNING)
    assert page.locator("p.parapluie-open").inner_text() == "Ouvert maintenant"
    context.close()
    context, page = open_page(browser, f"{finder_url}/fr/annuaire/essai-depistage-charleroi/", TUESDAY_NIGHT)
    assert page.locator("p.parapluie-open").inner_text() == "Fermé maintenant · Ouvre mercredi 08:00"
    context.close()


def test_nothing_open_now_says_when_the_next_opens_and_shows_the_24_7_lines(browser, finder_url):
    context, page = open_page(browser, f"{finder_url}/fr/annuaire/", TUESDAY_NIGHT)
    ask(page, "get-tested", "city:Charleroi", False)
    message = page.locator(".parapluie-finder__next")
    assert "Le prochain ouvre" in message.inner_text()
    assert message.bounding_box()["y"] < FIRST_SCREEN
    assert page.locator(".parapluie-finder__help .parapluie-always a[href='essai-ligne-24-7/']").is_visible()
    # The script copies each 24/7 line's first contact from its card (the page carries it once).
    line = page.locator(".parapluie-always li:has(a[href='essai-ligne-24-7/'])")
    assert line.locator("a.parapluie-contact[href^='tel:']").is_visible()
    context.close()


def test_never_a_bare_zero(browser, finder_url):
    context, page = open_page(browser, f"{finder_url}/fr/annuaire/", TUESDAY_NIGHT)
    needs = page.locator("select[name=need] option").evaluate_all("options => options.map(o => o.value)")
    places = page.locator("select[name=place] option").evaluate_all("options => options.map(o => o.value)")
    for need in needs:
        for place in places:
            ask(page, need, place, True)
            shown = page.locator(".parapluie-cards .parapluie-card:visible").count()
            count = page.locator(".parapluie-finder__count")
            if shown == 0:
                assert count.is_hidden(), (need, place)
                assert page.locator(".parapluie-finder__next").inner_text().strip(), (need, place)
                assert page.locator(".parapluie-always li").count() >= 1
            else:
                assert not count.inner_text().startswith("0"), (need, place)
    context.close()


def test_without_javascript_the_answer_is_two_taps_away(browser, finder_url):
    context, page = open_page(browser, f"{finder_url}/fr/annuaire/", TUESDAY_MORNING, javascript=False)
    assert page.locator("form.parapluie-finder").is_hidden()
    need_link = page.locator(".parapluie-needs a[href='besoin/get-tested/']")
    assert need_link.bounding_box()["y"] < FIRST_SCREEN
    need_link.click()  # tap 1
    page.locator(".parapluie-places a", has_text="Charleroi").click()  # tap 2
    card = page.locator(".parapluie-card:has(a[href='../../essai-depistage-charleroi/'])")
    box = card.bounding_box()
    assert 0 <= box["y"] < FIRST_SCREEN
    assert "08:00–20:00" in card.inner_text()
    context.close()


def test_a_link_to_a_need_opens_the_finder_on_it(browser, finder_url):
    context, page = open_page(browser, f"{finder_url}/fr/annuaire/#get-tested", TUESDAY_MORNING)
    assert page.locator("select[name=need]").input_value() == "get-tested"
    context.close()


def test_place_names_in_the_readers_language(browser, finder_url):
    context, page = open_page(browser, f"{finder_url}/bg/annuaire/", TUESDAY_MORNING)
    places = page.locator("select[name=place] option").all_inner_texts()
    assert "Шарлероа" in places and "Charleroi" not in places
    assert "Шарлероа" in page.locator(OPEN_CARD).inner_text()
    context.close()
