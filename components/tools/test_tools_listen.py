""" "Listen to this page" (issue #18): only with a voice that runs on the phone, in the page's language."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.browser

# A stand-in for the phone's speech engine, installed before the page's scripts run: the voices
# the test chooses, and a record of what was spoken (each utterance "ends" right away).
STAND_IN = """
(() => {
  const voices = %s;
  const spoken = [];
  let paused = false;
  window.__spoken = spoken;
  window.SpeechSynthesisUtterance = function (text) { this.text = text; this.lang = ''; this.voice = null; };
  const engine = {
    getVoices: () => voices,
    speak(utterance) {
      spoken.push({ text: utterance.text, lang: utterance.lang, voice: utterance.voice && utterance.voice.name });
      setTimeout(() => utterance.onend && utterance.onend(), 0);
    },
    cancel() { spoken.push('cancel'); },
    pause() { paused = true; },
    resume() { paused = false; },
    addEventListener() {},
  };
  Object.defineProperty(window, 'speechSynthesis', { value: engine, configurable: true });
})();
"""
LOCAL_FRENCH = {"name": "Phone French", "lang": "fr-BE", "localService": True, "default": True}
NETWORK_FRENCH = {"name": "Cloud French", "lang": "fr-FR", "localService": False, "default": False}
LOCAL_ENGLISH = {"name": "Phone English", "lang": "en-GB", "localService": True, "default": False}


def open_page(browser, site_url: str, path: str, voices: list[dict] | None):
    """A guide page in a fresh phone context, with the stand-in engine when `voices` is given."""
    from devtools.chromium import PHONE

    context = browser.new_context(**PHONE)
    if voices is not None:
        context.add_init_script(STAND_IN % json.dumps(voices))
    page = context.new_page()
    page.goto(f"{site_url}{path}", wait_until="networkidle")
    return page


def test_no_button_without_a_voice_on_the_phone(browser, site_url):
    page = open_page(browser, site_url, "/fr/sante/", None)  # headless Chromium has no voice at all
    assert page.locator(".parapluie-listen").count() == 1
    assert not page.is_visible(".parapluie-listen")
    page.context.close()


@pytest.mark.parametrize(
    "voices", [[NETWORK_FRENCH], [LOCAL_ENGLISH, NETWORK_FRENCH]], ids=["network", "other-language"]
)
def test_no_button_with_only_network_voices_or_other_languages(browser, site_url, voices):
    page = open_page(browser, site_url, "/fr/sante/", voices)
    assert not page.is_visible(".parapluie-listen")
    page.context.close()


def test_a_local_voice_reads_the_page_in_its_language_and_stops(browser, site_url):
    page = open_page(browser, site_url, "/fr/sante/", [NETWORK_FRENCH, LOCAL_FRENCH, LOCAL_ENGLISH])
    button = page.get_by_role("button", name="Écouter cette page")
    assert button.is_visible()
    button.click()
    page.wait_for_function("window.__spoken.length > 5")
    spoken = [item for item in page.evaluate("window.__spoken") if item != "cancel"]
    assert spoken[0] == {"text": page.inner_text("article h1").strip(), "lang": "fr-BE", "voice": "Phone French"}
    assert all(item["voice"] == "Phone French" for item in spoken)
    texts = [item["text"] for item in spoken]
    first_paragraph = page.locator("article .admonition li").first.inner_text().strip()
    assert first_paragraph in texts
    assert not any("Écouter cette page" in text or "Vérifié le" in text for text in texts)
    page.wait_for_selector(".parapluie-listen [data-listen=play]", state="visible")  # read to the end
    page.context.close()


def test_pause_resume_and_the_quick_exit_stop_the_voice(browser, site_url):
    page = open_page(browser, site_url, "/fr/sante/", [LOCAL_FRENCH])
    page.evaluate("() => { window.speechSynthesis.speak = (u) => window.__spoken.push(u.text); }")  # never ends
    page.click(".parapluie-listen [data-listen=play]")
    page.click(".parapluie-listen [data-listen=pause]")
    assert page.is_visible(".parapluie-listen [data-listen=resume]")
    page.click(".parapluie-listen [data-listen=resume]")
    assert page.is_visible(".parapluie-listen [data-listen=pause]")
    page.route(page.get_attribute(".parapluie-exit__button", "href"), lambda route: None)
    page.evaluate(
        """() => document.addEventListener('parapluie:exit', () => setTimeout(() =>
          console.log('spoken:' + JSON.stringify(window.__spoken.slice(-1)))))"""
    )
    with page.expect_console_message(lambda message: message.text.startswith("spoken:")) as message:
        page.click(".parapluie-exit__button", no_wait_after=True)
    assert message.value.text == 'spoken:["cancel"]'
    page.context.close()


def test_a_page_not_yet_translated_is_read_in_french(browser, rtl_built):
    """The fixture language (tests/fixtures_project.py) has no page translated: its pages are French."""
    from devtools.localserver import start_server

    url, server = start_server(rtl_built.site)
    try:
        page = open_page(browser, url, "/fa/sante/", [LOCAL_FRENCH, {**LOCAL_ENGLISH, "lang": "fa-IR"}])
        page.click(".parapluie-listen [data-listen=play]")
        page.wait_for_function("window.__spoken.length > 2")
        spoken = [item for item in page.evaluate("window.__spoken") if item != "cancel"]
        assert {item["lang"] for item in spoken} == {"fr-BE"}
        page.context.close()
    finally:
        server.shutdown()
