"""Pages at the root of the site, outside every language: the language picker and the 404.

Both are small standalone pages written from Jinja templates in `parapluie/templates/`,
with each language's strings taken from its gettext catalog.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup

from parapluie.components import OWN_ASSETS_FOLDER, ROOT_PAGE_ASSETS
from parapluie.inputs.languages import Registry
from parapluie.jinja import TEMPLATES, environment
from parapluie.outreach.addresses import site_url
from parapluie.outreach.previews import TAGLINE, link_preview, og_locale
from parapluie.staging.stage import StagedLanguage


@dataclass(frozen=True)
class LanguageStrings:
    """One language and its strings, as the root templates show them."""

    code: str
    endonym: str
    dir: str
    choose: str
    not_found: str
    not_found_help: str
    home: str
    directory: str
    emergencies: str
    exit: str
    tagline: str


def base_path(config: dict) -> str:
    """The URL path the site is served under ('/' by default), from `site_url` when set."""
    path = urlsplit(config.get("site_url") or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def language_strings(registry: Registry, staged: dict[str, StagedLanguage]) -> list[LanguageStrings]:
    """Each language's strings for the root pages, in registry order."""
    result = []
    for language in registry.languages:
        if language.code not in staged:
            continue
        _ = staged[language.code].gettext()
        result.append(
            LanguageStrings(
                code=language.code,
                endonym=language.endonym,
                dir=language.direction,
                choose=_("Choisissez votre langue"),
                not_found=_("Page introuvable"),
                not_found_help=_("Cette adresse n'existe pas ou la page a changé de place."),
                home=_("Accueil"),
                directory=_("Annuaire des services"),
                emergencies=_("Urgences et lignes d'écoute"),
                exit=_("Quitter ce site"),
                tagline=_(TAGLINE),
            )
        )
    return result


# Files the root pages share with every language's pages, taken from the theme overrides.
ROOT_PAGES = ("index.html", "404.html")
# Relative to the project root; copied into the site's assets/ for the pages outside MkDocs.
SHARED_ASSETS = (f"{OWN_ASSETS_FOLDER}/parapluie.svg", *ROOT_PAGE_ASSETS)


def root_preview(registry: Registry, languages: list[LanguageStrings], config: dict, path: str) -> Markup:
    """The link preview of a page outside every language (`path` from the site root, '' for it):
    the site's name, every language's tagline, the source language's card."""
    url = site_url(config)
    source = registry.source
    return link_preview(
        site_name=config.get("site_name", ""),
        title=config.get("site_name", ""),
        description=" · ".join(dict.fromkeys(language.tagline for language in languages)),
        base_url=url,
        path=path,
        card=source.code,
        tagline=languages[0].tagline,
        locale=og_locale(source),
        alternates=[og_locale(language) for language in registry.translations],
    ).tags()


def write_root_pages(
    site: Path, root: Path, registry: Registry, staged: dict[str, StagedLanguage], config: dict
) -> None:
    """Write index.html, 404.html and their assets (shared ones from the project at `root`) at the root of `site`."""
    env = environment()
    languages = language_strings(registry, staged)
    context = {
        "languages": languages,
        "choose": {language.code: language.choose for language in languages},
        "source": registry.source.code,
        "site_name": config.get("site_name", ""),
        "base": base_path(config),
        "exit_url": str(registry.source.exit_url),
        "preview": root_preview(registry, languages, config, ""),
    }
    for name in ROOT_PAGES:
        (site / name).write_text(env.get_template(name).render(**context), encoding="utf-8")
    shutil.copytree(TEMPLATES / "assets", site / "assets", dirs_exist_ok=True)
    for source in SHARED_ASSETS:
        shutil.copy(root / source, site / "assets" / Path(source).name)


def write_language_pickers(
    site: Path, registry: Registry, staged: dict[str, StagedLanguage], config: dict, pickers: dict[str, tuple]
) -> None:
    """Write one language-picking page per short link without a language (`/w/index.html`).

    `pickers` maps a letter to (target path relative to a language root, {language code: page title}).
    """
    env = environment()
    languages = language_strings(registry, staged)
    base = base_path(config)
    for letter, (target, titles) in pickers.items():
        page = env.get_template("pick.html").render(
            languages=languages,
            source=registry.source.code,
            site_name=config.get("site_name", ""),
            base=base,
            exit_url=str(registry.source.exit_url),
            target=target,
            titles=titles,
            preview=root_preview(registry, languages, config, f"{letter}/"),
        )
        (site / letter).mkdir(parents=True, exist_ok=True)
        (site / letter / "index.html").write_text(page, encoding="utf-8")
