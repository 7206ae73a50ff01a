"""Short links (`/fr/w`, `/w`) and redirects for moved pages: static files that work anywhere.

Every short link and every redirect becomes:

- an HTML page at the old address that forwards at once with `<meta http-equiv="refresh">`
  (no JavaScript, allowed by the content security policy) and shows a plain link meanwhile;
- a line in `_redirects` (Netlify, Cloudflare Pages) and a `location` in `_nginx.conf`, so hosts
  that can answer with a real 301 do.

A short link without a language (`/w`) is a small page that picks the reader's language, like
the site's root; without JavaScript it lists the languages.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup
from pydantic import BaseModel, ConfigDict, Field, RootModel

from parapluie.errors import BuildError, validate
from parapluie.inputs.yamlfile import load_yaml
from parapluie.jinja import environment
from parapluie.messages import say
from parapluie.sitepaths import RESERVED_NAMES, inside_site

SHORTLINKS_FILE = "shortlinks.yml"
REDIRECTS_FILE = "redirects.yml"
RESERVED = RESERVED_NAMES  # parapluie/sitepaths.py


class ShortLink(BaseModel):
    """One topic's short link."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    page: str = Field(pattern=r"^[a-z0-9/-]+\.md$")
    leaflet: bool = False


class ShortLinksFile(RootModel[dict[str, ShortLink]]):
    """The whole `data/shortlinks.yml`: letter → short link."""


# An old address: lowercase letters, digits, '-', '_' and '.', in folders; never '..' or a space.
REDIRECT_PATH = re.compile(r"[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*/?")
REDIRECT_PATH_REFUSED = (
    "an old address is lowercase letters, digits, '-', '_' and '.', in folders separated by '/' "
    "(no space, no '..', no '/' at the start), e.g. 'ancienne-page/'"
)
REDIRECT_PATH_REFUSED_FR = (
    "une ancienne adresse s'écrit en minuscules sans accent, chiffres, « - », « _ » et « . », les dossiers "
    "séparés par « / » (sans espace, sans « .. », sans « / » au début), par exemple 'ancienne-page/'"
)


class RedirectsFile(RootModel[dict[str, str]]):
    """The whole `data/redirects.yml`: old path → new path, both relative to a language's root."""


@dataclass(frozen=True)
class Topic:
    """A short link, checked against the nav: its letter, its page and the page's URL path."""

    letter: str
    page: str
    leaflet: bool

    @property
    def target(self) -> str:
        """The page's URL relative to a language's root (`webcam-securite/`; `` for the home page)."""
        return page_url(self.page)


def page_url(page: str) -> str:
    """The directory URL of a nav page, relative to the language root."""
    stem = page.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def load_shortlinks(path: Path, nav: list[str], language_codes: list[str]) -> list[Topic]:
    """Read and check `data/shortlinks.yml`; BuildError names the file and the letter at fault."""
    data = validate(ShortLinksFile, load_yaml(path), path).root
    folders = {page_url(page).strip("/").split("/")[0] for page in nav}
    topics = []
    for letter, link in data.items():
        letter = str(letter)
        problem = None
        if not letter.isascii() or not letter.isalnum() or not letter.islower() or len(letter) > 3:
            problem = say(
                "un lien court fait 1 à 3 lettres minuscules (sans accent) ou chiffres, par exemple w",
                "a short link is 1 to 3 lowercase letters or digits",
            )
        elif letter in language_codes or letter in folders or letter in RESERVED:
            problem = say(
                f"{letter!r} est déjà une langue, un dossier de pages ou un nom réservé : choisissez une autre lettre",
                f"{letter!r} is already a language, a page folder or a reserved name",
            )
        elif link.page not in nav:
            problem = say(
                f"{link.page!r} n'est pas une page du menu (nav de mkdocs.yml) : écrivez le fichier d'une page "
                "de docs/fr/, par exemple page: sante.md",
                f"{link.page!r} is not a page of the nav in mkdocs.yml",
            )
        if problem:
            raise BuildError(path, problem, letter)
        topics.append(Topic(letter=letter, page=link.page, leaflet=link.leaflet))
    return topics


def load_redirects(path: Path, nav: list[str]) -> dict[str, str]:
    """Read `data/redirects.yml` (optional): old path → a page of the nav, both relative to a language."""
    if not path.exists():
        return {}
    data = validate(RedirectsFile, load_yaml(path) or {}, path).root
    targets = {page_url(page) for page in nav}
    for old, new in data.items():
        if not REDIRECT_PATH.fullmatch(old) or any(part in {".", ".."} for part in old.split("/")):
            raise BuildError(path, say(REDIRECT_PATH_REFUSED_FR, REDIRECT_PATH_REFUSED), old)
        if new not in targets:
            message = say(
                f"{new!r} n'est l'adresse d'aucune page : écrivez l'adresse d'une page sans la langue, "
                "avec « / » à la fin, par exemple 'sante/'",
                f"{new!r} is not the address of a page (expected e.g. 'sante/')",
            )
            raise BuildError(path, message, old)
        if old in targets:
            message = say(
                "cette adresse est encore celle d'une page : une redirection la cacherait. Supprimez cette ligne",
                "this address is still a page: a redirect would hide it",
            )
            raise BuildError(path, message, old)
    return data


def redirect_page(target: str, title: str, lang: str, direction: str = "ltr", preview: str = "") -> str:
    """A page that forwards to `target` at once, without JavaScript, and links to it meanwhile.

    `preview`: the target's link-preview tags (escaped HTML), for apps that do not follow the refresh.
    """
    page = environment().get_template("redirect.html")
    return page.render(target=target, title=title, lang=lang, dir=direction, preview=Markup(preview)) + "\n"


@dataclass(frozen=True)
class Redirect:
    """One forwarding address: the path readers type, the path they land on (both from the site root)."""

    source: str
    target: str


def language_redirects(codes: list[str], topics: list[Topic], moved: dict[str, str], base: str) -> list[Redirect]:
    """Every per-language short link and moved page, as absolute paths under `base`."""
    redirects = []
    for code in codes:
        redirects += [Redirect(f"{base}{code}/{t.letter}", f"{base}{code}/{t.target}") for t in topics]
        redirects += [Redirect(f"{base}{code}/{old.strip('/')}", f"{base}{code}/{new}") for old, new in moved.items()]
    return redirects


def write_redirect_pages(site: Path, redirects: list[Redirect], base: str, render: Callable[[Redirect], str]) -> None:
    """Write each redirect as `<source>/index.html`, its HTML from `render` (see redirect_page)."""
    for redirect in redirects:
        folder = inside_site(site, redirect.source.removeprefix(base), f"data/{REDIRECTS_FILE}")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_text(render(redirect), encoding="utf-8")


def redirects_file(redirects: list[Redirect]) -> str:
    """`_redirects` for Netlify and Cloudflare Pages: a real 301, with and without the final slash."""
    lines = ["# Short links and moved pages (written by the build from data/shortlinks.yml and data/redirects.yml)."]
    for redirect in redirects:
        lines += [f"{redirect.source} {redirect.target} 301", f"{redirect.source}/ {redirect.target} 301"]
    return "\n".join(lines) + "\n"
