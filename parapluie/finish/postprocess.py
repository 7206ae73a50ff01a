"""Stage 4, finish the HTML: the renderer's output rewritten for privacy and weight.

`<html lang dir>`, `rel="noopener noreferrer"` on links to other origins, the quick exit first
in <body>, whitespace folded. Plain string functions over finished files: they run after any
renderer, so the rules hold whatever the theme does. The content security policy is csp.py's.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from parapluie.finish.rootpages import write_root_pages
from parapluie.htmltags import REL_EXTERNAL, is_external, tag_attributes
from parapluie.workers import fork_pool, job_count

if TYPE_CHECKING:
    from parapluie.inputs.load import Inputs
    from parapluie.staging.stage import StagedLanguage

HTML_TAG = re.compile(r"<html\b[^>]*>", re.IGNORECASE)
ANCHOR_TAG = re.compile(r"<a\b[^>]*>", re.IGNORECASE)
BODY_START = re.compile(r"<!--parapluie:body-start-->(.*?)<!--/parapluie:body-start-->", re.DOTALL)
BODY_TAG = re.compile(r"<body\b[^>]*>", re.IGNORECASE)
PRESERVED_ELEMENT = re.compile(
    r"(<(?:pre|textarea|script|style)\b.*?</(?:pre|textarea|script|style)\s*>)", re.DOTALL | re.IGNORECASE
)
LINE_BREAK_RUN = re.compile(r"[ \t\r\f]*\n\s*")
# The theme's toggles are checkboxes with autocomplete="off", which HTML allows only on text-like
# inputs (the W3C checker reports it on every page).
CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"', re.IGNORECASE)


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


def hoist_body_start(html: str) -> str:
    """Move what templates mark `<!--parapluie:body-start-->…<!--/…-->` to the very top of <body>.

    Material has no block at the top of <body>; the quick exit's first copy must be there.
    """
    marked = BODY_START.search(html)
    if not marked:
        return html
    html = html[: marked.start()] + html[marked.end() :]
    body = BODY_TAG.search(html)
    return html[: body.end()] + marked.group(1).strip() + html[body.end() :]


def collapse_whitespace(html: str) -> str:
    """Fold each run of whitespace containing a line break into one line break.

    Browsers treat a line break like any other whitespace, so the page looks the same and is
    lighter. Text inside <pre>, <textarea>, <script> and <style> is left exactly as it is.
    """
    parts = PRESERVED_ELEMENT.split(html)
    for index in range(0, len(parts), 2):
        parts[index] = LINE_BREAK_RUN.sub("\n", parts[index])
    return "".join(parts)


def drop_invalid_attributes(html: str) -> str:
    """Remove the theme's attributes that HTML does not allow where they stand (see CHECKBOX_AUTOCOMPLETE)."""
    return CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)


def finish_language_folder(folder: Path, lang: str, direction: str) -> None:
    """Apply every rewrite to the HTML files of one language's output.

    The theme's own script, which named CDN loaders, is not published at all (parapluie/finish/bundle.py).
    """
    for path in folder.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        html = drop_invalid_attributes(hoist_body_start(set_html_lang_dir(html, lang, direction)))
        path.write_text(collapse_whitespace(protect_external_links(html)), encoding="utf-8")


def finish_html(site: Path, inputs: Inputs, staged: dict[str, StagedLanguage], root: Path) -> None:
    """Stage 4: finish every language's HTML, then write the root pages (index.html, 404.html).

    The root 404 page helps in every language (hosts serve it for any missing path), so each
    language's own 404 page is dropped.
    """
    folders = [site / language.code for language in inputs.selected]
    for folder in folders:
        (folder / "404.html").unlink(missing_ok=True)
    # One language a task, in the build's worker processes (parapluie/workers.py).
    with fork_pool(job_count(None, len(folders))) as pool:
        codes, directions = [lang.code for lang in inputs.selected], [lang.direction for lang in inputs.selected]
        list(pool.map(finish_language_folder, folders, codes, directions))
    write_root_pages(site, root, inputs.registry, staged, inputs.base)
