"""Checks on the finished site: nothing may reach another origin or leak a referrer.

Each function returns a list of problems (empty when all is well) so tests can assert on
them and the build can refuse to publish.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from parapluie.finish.csp import policy_problems
from parapluie.htmltags import REL_EXTERNAL, is_external

# Attributes that make the browser fetch something (or send the reader somewhere without a click).
RESOURCE_ATTRIBUTES = {"src", "srcset", "poster", "data", "action", "formaction", "background", "manifest"}
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])\s*((?:[a-z][a-z0-9+.-]*:)?//[^'")\s]+)""", re.IGNORECASE)
KNOWN_CDNS = ("unpkg.com", "cdn.jsdelivr.net", "cdnjs.cloudflare.com", "fonts.googleapis.com", "fonts.gstatic.com")


class _PageScanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.has_no_referrer = False
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "meta" and values.get("name") == "referrer" and values.get("content") == "no-referrer":
            self.has_no_referrer = True
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh" and "//" in values.get("content", ""):
            self.problems.append(f"<meta http-equiv=refresh> to another origin: {values['content']}")
        if tag == "style":
            self._in_style = True
        for name, value in values.items():
            urls = [part.split()[0] for part in value.split(",") if part.strip()] if name == "srcset" else [value]
            if name in RESOURCE_ATTRIBUTES and any(is_external(url) for url in urls):
                self.problems.append(f"<{tag} {name}={value!r}> loads from another origin")
            if name == "style":
                self.problems += [f"inline style loads {url}" for url in CSS_URL.findall(value)]
        href = values.get("href", "")
        if tag == "link" and is_external(href):
            self.problems.append(f"<link href={href!r}> points at another origin")
        if tag == "a" and is_external(href):
            rel = values.get("rel", "").split()
            if not all(value in rel for value in REL_EXTERNAL):
                self.problems.append(f'<a href={href!r}> lacks rel="noopener noreferrer"')

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.problems += [f"<style> loads {url}" for url in CSS_URL.findall(data)]


class FanOut(HTMLParser):
    """One parse of a page, heard by several parsers: each gets every start tag, end tag and text."""

    def __init__(self, *parsers: HTMLParser) -> None:
        super().__init__(convert_charrefs=True)
        self.parsers = parsers

    def feed(self, data: str) -> None:
        """Parse `data`; each parser's `heard` becomes True."""
        for parser in self.parsers:
            parser.heard = True
        super().feed(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for parser in self.parsers:
            parser.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        for parser in self.parsers:
            parser.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        for parser in self.parsers:
            parser.handle_data(data)


def page_problems(html: str, listener: HTMLParser | None = None) -> list[str]:
    """Privacy problems of one HTML page; `listener` hears the same parse (so a page is parsed once)."""
    scanner = _PageScanner()
    parser = FanOut(scanner, listener) if listener else scanner
    parser.feed(html)
    problems = scanner.problems + policy_problems(html)
    if not scanner.has_no_referrer:
        problems.append('missing <meta name="referrer" content="no-referrer">')
    return problems


def stylesheet_problems(css: str) -> list[str]:
    """url() or @import of another origin in a stylesheet."""
    return [f"stylesheet loads {url}" for url in CSS_URL.findall(css)]


def script_problems(script: str) -> list[str]:
    """Known CDN hosts named in a script (a loader that would fetch third-party code)."""
    return [f"script names the CDN {host}" for host in KNOWN_CDNS if host in script]


def site_problems(
    site: Path, paths: list[Path] | None = None, listeners: dict[Path, HTMLParser] | None = None
) -> list[str]:
    """Every privacy problem in a finished site (or in its files `paths`), each prefixed with its file.

    `listeners` maps pages to parsers that hear the same parse as the check (the weight check's).
    """
    problems = []
    checkers = {".html": page_problems, ".css": stylesheet_problems, ".js": script_problems}
    listeners = listeners or {}
    for path in sorted(site.rglob("*")) if paths is None else paths:
        checker = checkers.get(path.suffix)
        if checker and path.is_file():
            relative = path.relative_to(site).as_posix()
            text = path.read_text(encoding="utf-8")
            found = page_problems(text, listeners.get(path)) if checker is page_problems else checker(text)
            problems += [f"{relative}: {problem}" for problem in found]
    return problems


HREF = re.compile(r"<a\b[^>]*?\shref=\"([^\"]*)\"", re.IGNORECASE)


def link_target(site: Path, page: Path, href: str, base: str = "/") -> Path | None:
    """The file an internal link of `page` leads to (None for links that leave the site)."""
    url = href.split("#")[0].split("?")[0]
    if not url or is_external(url) or re.match(r"^[a-z][a-z0-9+.-]*:", url, re.IGNORECASE):
        return None
    target = site / url.removeprefix(base).lstrip("/") if url.startswith("/") else page.parent / url
    return target / "index.html" if url.endswith("/") or target.is_dir() else target


def broken_links(
    site: Path, base: str = "/", unbuilt: tuple[str, ...] = (), pages: list[Path] | None = None
) -> list[str]:
    """Internal links of every page (or of `pages`) that lead to no file of the site.

    Links into the folders named in `unbuilt` (languages a partial build left out) are not checked.
    """
    skipped = [(site / name).resolve() for name in unbuilt]
    # Where each target leads, looked up once: every page links to the same menu.
    verdicts: dict[Path, bool | None] = {}

    def verdict(target: Path) -> bool | None:
        """None for a target not checked, else whether it is a file of the site."""
        if target not in verdicts:
            real = target.resolve()
            verdicts[target] = None if any(real.is_relative_to(folder) for folder in skipped) else real.is_file()
        return verdicts[target]

    problems = []
    for page in sorted(site.rglob("*.html")) if pages is None else pages:
        for href in HREF.findall(page.read_text(encoding="utf-8")):
            target = link_target(site, page, href, base)
            if target is not None and verdict(target) is False:
                problems.append(f"{page.relative_to(site).as_posix()}: link {href!r} leads nowhere")
    return problems
