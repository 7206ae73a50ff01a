"""Rewrite the renderer's output so every file meets the site's privacy rules.

Plain string functions over finished files: they run after any renderer, so the rules hold
whatever the theme does.
"""

from __future__ import annotations

import re
from pathlib import Path

HTML_TAG = re.compile(r"<html\b[^>]*>", re.IGNORECASE)
ANCHOR_TAG = re.compile(r"<a\b[^>]*>", re.IGNORECASE)
ATTRIBUTE = re.compile(r"""\s([a-zA-Z:-]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")
EXTERNAL_URL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?//", re.IGNORECASE)
REL_EXTERNAL = ("noopener", "noreferrer")

# Script loaders in Material's bundle that would fetch code from a CDN (a ResizeObserver
# polyfill for browsers older than 2020, and Mermaid, which we do not use). They are pointed
# at about:blank, which loads nothing: such a browser simply goes without the feature.
THIRD_PARTY_LOADERS = ("https://unpkg.com/resize-observer-polyfill", "https://unpkg.com/mermaid@11/dist/mermaid.min.js")


def tag_attributes(tag: str) -> dict[str, str]:
    """The attributes of one start tag, unquoted (not HTML-unescaped)."""
    attributes = {}
    for name, value in ATTRIBUTE.findall(tag[tag.index(" ") :] if " " in tag else ""):
        attributes[name.lower()] = value[1:-1] if value[:1] in "\"'" and value else value
    return attributes


def is_external(url: str) -> bool:
    """True for a URL that points at another origin (absolute or protocol-relative)."""
    return bool(EXTERNAL_URL.match(url.strip()))


def set_html_lang_dir(html: str, lang: str, direction: str) -> str:
    """Make the <html> start tag carry exactly this lang and dir."""

    def rewrite(match: re.Match) -> str:
        tag = match.group(0)
        tag = re.sub(r"\s(lang|dir)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", "", tag)
        return tag[:5] + f' lang="{lang}" dir="{direction}"' + tag[5:]

    return HTML_TAG.sub(rewrite, html, count=1)


def protect_external_links(html: str) -> str:
    """Give every link to another origin rel="noopener noreferrer" (keeping other rel values)."""

    def rewrite(match: re.Match) -> str:
        tag = match.group(0)
        attributes = tag_attributes(tag)
        if not is_external(attributes.get("href", "")):
            return tag
        rel = attributes.get("rel", "").split()
        rel += [value for value in REL_EXTERNAL if value not in rel]
        tag = re.sub(r"\srel\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", "", tag)
        return tag[:2] + f' rel="{" ".join(rel)}"' + tag[2:]

    return ANCHOR_TAG.sub(rewrite, html)


def neutralise_third_party_loaders(script: str) -> str:
    """Point the theme's CDN script loaders at about:blank (see THIRD_PARTY_LOADERS)."""
    for url in THIRD_PARTY_LOADERS:
        script = script.replace(url, "about:blank")
    return script


def finish_language_folder(folder: Path, lang: str, direction: str) -> None:
    """Apply every rewrite to the HTML and JavaScript files of one language's output."""
    for path in folder.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        path.write_text(protect_external_links(set_html_lang_dir(html, lang, direction)), encoding="utf-8")
    for path in folder.rglob("*.js"):
        script = path.read_text(encoding="utf-8")
        fixed = neutralise_third_party_loaders(script)
        if fixed != script:
            path.write_text(fixed, encoding="utf-8")
