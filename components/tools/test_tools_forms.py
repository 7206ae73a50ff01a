"""The takedown request and "tell a friend" tools (issue #18) in Chromium: what is typed is what goes out."""

from __future__ import annotations

from urllib.parse import quote, unquote

import pytest

from components.tools.photos import network_requests

pytestmark = pytest.mark.browser


def open_tool(context, site_url: str, path: str):
    """A tool page, loaded, recording every request made after loading in `page.late_requests`."""
    page = context.new_page()
    page.goto(f"{site_url}{path}", wait_until="networkidle")
    page.late_requests = []
    page.on("request", lambda request: page.late_requests.append(request.url))
    return page


def uri(text: str) -> str:
    """What encodeURIComponent makes of `text`."""
    return quote(text, safe="-_.!~*'()")


def test_the_takedown_messages_carry_what_was_typed_in_french_and_english(phone, site_url):
    page = open_tool(phone, site_url, "/ro/outils/retrait/")  # the page's language does not matter
    page.fill("#takedown-platform", "ExampleTube")
    page.fill("#takedown-urls", "https://tube.example/v/1\nhttps://tube.example/v/2")
    page.fill("#takedown-date", "2026-11-28")
    page.fill("#takedown-name", "Lola")
    page.fill("#takedown-contact", "lola@mail.example")
    french, english = page.input_value("#takedown-text-fr"), page.input_value("#takedown-text-en")
    assert french.startswith("Signalement urgent : image intime diffusée sans mon consentement\n")
    assert english.startswith("Urgent report: intimate image shared without my consent\n")
    for message, date in ((french, "28 novembre 2026"), (english, "28 November 2026")):
        for typed in (
            "ExampleTube",
            "https://tube.example/v/1\nhttps://tube.example/v/2",
            date,
            "Lola",
            "lola@mail.example",
        ):
            assert typed in message, (typed, message)
        assert "417/9" in message
    mail = page.get_attribute('[data-tool="takedown-mail-en"]', "href")
    subject, body = mail.removeprefix("mailto:?subject=").split("&body=")
    assert unquote(subject) + "\n\n" + unquote(body) == english
    # Paid content copied: a copyright notice instead, with the original and the sworn statements.
    page.check('[name="takedown-situation"][value="copyright"]')
    assert page.is_visible("#takedown-original")
    page.fill("#takedown-original", "https://my.example/lola")
    english = page.input_value("#takedown-text-en")
    assert english.startswith("Copyright infringement notice (DMCA): removal request\n")
    assert "The original: https://my.example/lola" in english and "under penalty of perjury" in english
    assert "sous peine de parjure" in page.input_value("#takedown-text-fr")
    page.click('[data-copy="fr"]')
    # Copying is asynchronous (the clipboard answers a promise): wait for the status line to be written.
    page.wait_for_function("document.querySelector('[data-tool=\"takedown-status\"]').textContent.trim() !== ''")
    assert page.inner_text('[data-tool="takedown-status"]') == "Mesajul în franceză a fost copiat."
    assert network_requests(page.late_requests) == []


def test_an_empty_field_leaves_a_visible_blank_to_fill_in(phone, site_url):
    page = open_tool(phone, site_url, "/fr/outils/retrait/")
    assert "[nom du site]" in page.input_value("#takedown-text-fr")
    assert "[site name]" in page.input_value("#takedown-text-en")


def test_the_friend_message_opens_in_sms_and_whatsapp_with_the_text(phone, site_url):
    page = open_tool(phone, site_url, "/fr/outils/ami/")
    page.fill("#friend-client", "Marc 0499 11 22 33")
    page.fill("#friend-place", "Hôtel du Parc, chambre 12")
    page.fill("#friend-time", "21:30")
    page.fill("#friend-checkin", "22:30")
    page.fill("#friend-number", "0470 12 34 56")
    text = (
        "J'ai un rendez-vous. Le client : Marc 0499 11 22 33. Le lieu : Hôtel du Parc, chambre 12. "
        "L'heure : 21:30. Je te donne des nouvelles à 22:30. Sans nouvelles de moi, appelle-moi. "
        "Si je ne réponds pas, fais ce que nous avons prévu."
    )
    assert page.inner_text('[data-tool="friend-preview"]') == text
    assert page.get_attribute('[data-tool="friend-sms"]', "href") == "sms:+32470123456?body=" + uri(text)
    assert page.get_attribute('[data-tool="friend-whatsapp"]', "href") == "https://wa.me/32470123456?text=" + uri(text)
    page.fill("#friend-number", "+40 712 345 678")  # another country, with its code
    assert page.get_attribute('[data-tool="friend-whatsapp"]', "href").startswith("https://wa.me/40712345678?text=")
    assert network_requests(page.late_requests) == []


def test_the_friend_message_is_in_the_page_language(phone, site_url):
    page = open_tool(phone, site_url, "/ro/outils/ami/")  # the fixture's Romanian page (tests/fixtures/project/)
    page.fill("#friend-place", "Strada Mare 1")
    assert page.inner_text('[data-tool="friend-preview"]').startswith("Am o întâlnire. Clientul: (încă nespus).")
    assert uri("Locul: Strada Mare 1.") in page.get_attribute('[data-tool="friend-sms"]', "href")


@pytest.mark.parametrize("path", ["/fr/outils/retrait/", "/fr/outils/ami/"])
def test_the_quick_exit_wipes_what_was_typed(phone, site_url, path):
    page = open_tool(phone, site_url, path)
    field = "#takedown-platform" if "retrait" in path else "#friend-place"
    page.fill(field, "quelque chose")
    page.route(page.get_attribute(".parapluie-exit__button", "href"), lambda route: None)
    page.evaluate(
        """(field) => document.addEventListener('parapluie:exit', () => setTimeout(() =>
          console.log('left:' + document.querySelector(field).value)))""",
        field,
    )
    with page.expect_console_message(lambda message: message.text.startswith("left:")) as message:
        page.click(".parapluie-exit__button", no_wait_after=True)
    assert message.value.text == "left:"
