"""The typed template settings: a missing, unknown or misspelled key fails naming it."""

from __future__ import annotations

import jinja2
import pytest
from mkdocs.exceptions import PluginError

from parapluie.render.hooks import on_config
from parapluie.staging.settings import LanguageLink, PageSettings, UnknownSetting, read_settings

SETTINGS = PageSettings(
    lang="fr",
    dir="ltr",
    babel="fr_BE",
    locale_dir=None,
    source_lang="fr",
    exit_url="https://example.org/meteo",
    site_url="https://parapluie.example/",
    og_locale="fr_BE",
    og_alternates=["en_GB"],
    preview_image="assets/preview-fr.png",
    tagline="Infos pratiques",
    languages=[LanguageLink(code="fr", endonym="Français", dir="ltr")],
)


def test_staged_settings_read_back_as_the_same_typed_object():
    assert read_settings({"parapluie": SETTINGS.model_dump(mode="json")}) == SETTINGS


def test_a_missing_key_fails_naming_it():
    staged = SETTINGS.model_dump(mode="json")
    del staged["tagline"]
    with pytest.raises(PluginError) as error:
        on_config({"extra": {"parapluie": staged}})
    assert str(error.value) == "extra.parapluie: tagline: required key is missing"


def test_an_unknown_key_fails_naming_it():
    staged = {**SETTINGS.model_dump(mode="json"), "tagleine": "x"}
    with pytest.raises(ValueError) as error:
        read_settings({"parapluie": staged})
    assert str(error.value) == "extra.parapluie: tagleine: unknown key (check its spelling, or remove it)"


def test_a_template_asking_for_a_misspelled_key_fails_instead_of_rendering_nothing():
    env = jinja2.Environment()  # MkDocs' default: undefined names render as nothing
    assert env.from_string("{{ s.lang }}/{{ s.languages[0].endonym }}").render(s=SETTINGS) == "fr/Français"
    with pytest.raises(UnknownSetting) as error:
        env.from_string("{{ s.lnag }}").render(s=SETTINGS)
    assert str(error.value) == (
        "extra.parapluie: a template asks for 'lnag', which is not a setting ("
        "lang, dir, babel, locale_dir, source_lang, exit_url, site_url, og_locale, og_alternates, "
        "preview_image, tagline, languages)"
    )
