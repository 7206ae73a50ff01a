"""The content security policy: computed from the pages actually produced.

Every page gets a `<meta http-equiv="Content-Security-Policy">` right after `<meta charset>`.
Scripts may come only from the site itself, plus the inline scripts the project's own templates
write, each allowed by its sha256 hash. Those hashes are computed from the templates, never from
the finished HTML: an inline script that came from anywhere else (a page, a catalog, the data)
fails the build, naming the page it is in. Styles likewise: the site's stylesheet, plus the one
inline <style> of the first screen (two variants: every page's, the directory pages'), allowed by
the hashes of components/first-screen/first-screen.css as the build inlines it, and the directory
page's <noscript> style (components/directory-filters/no-script.css: a browser without JavaScript
still applies the CSP), by its hash too (never 'unsafe-inline'); any other inline <style> fails the build.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from parapluie.components import FINDER_NO_SCRIPT_STYLESHEET, FIRST_SCREEN_STYLESHEET
from parapluie.errors import BuildError
from parapluie.workers import fork_pool, job_count, split

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)
STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>", re.DOTALL | re.IGNORECASE)
CHARSET_META = re.compile(r"<meta\s+charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)
CSP_META = re.compile(r"<meta\s+http-equiv=\"Content-Security-Policy\"\s+content=\"([^\"]*)\">", re.IGNORECASE)
# Data blocks are never executed, so they need no hash.
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json", "importmap", "speculationrules"}

# Directives a <meta> can carry. The headers file adds what only a header can (frame-ancestors).
BASE_DIRECTIVES = {
    "default-src": ["'none'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
}


def _script_type(attributes: str) -> str:
    match = re.search(r"\btype\s*=\s*[\"']?([^\"'\s>]+)", attributes, re.IGNORECASE)
    return match.group(1).lower() if match else ""


def inline_scripts(html: str) -> list[str]:
    """The source text of every executable inline <script> of a page."""
    return [
        body
        for attributes, body in SCRIPT.findall(html)
        if not re.search(r"\bsrc\s*=", attributes, re.IGNORECASE) and _script_type(attributes) not in DATA_SCRIPT_TYPES
    ]


def inline_styles(html: str) -> list[str]:
    """The text of every inline <style> of a page."""
    return STYLE.findall(html)


def script_hash(source: str) -> str:
    """The CSP source expression allowing exactly this inline script (or inline <style>)."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(
    script_hashes: set[str], extra: dict[str, list[str]] | None = None, style_hashes: set[str] = frozenset()
) -> str:
    """The policy string: the base directives, the scripts' and styles' hashes, and any `extra` directives."""
    directives = {name: list(values) for name, values in BASE_DIRECTIVES.items()}
    directives["script-src"] += sorted(script_hashes)
    directives["style-src"] += sorted(style_hashes)
    directives.update(extra or {})
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def insert_policy_meta(html: str, policy_text: str) -> str:
    """Put the policy in a <meta> right after <meta charset>, before anything that loads or runs."""
    match = CHARSET_META.search(html)
    if not match:
        raise ValueError("page has no <meta charset=utf-8> to put the policy after")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_text}">'
    return html[: match.end()] + meta + html[match.end() :]


def policy_problems(html: str) -> list[str]:
    """What is wrong with a page's policy: missing, misplaced, or an inline script it does not allow."""
    charset = CHARSET_META.search(html)
    meta = CSP_META.search(html)
    if not meta:
        return ["no Content-Security-Policy <meta>"]
    if not charset or meta.start() != charset.end():
        return ["the Content-Security-Policy <meta> must come right after <meta charset>"]
    allowed = meta.group(1)
    return [
        f"inline script {script_hash(source)} is not allowed by the page's policy"
        for source in inline_scripts(html)
        if script_hash(source) not in allowed
    ] + [
        f"inline style {script_hash(source)} is not allowed by the page's policy"
        for source in inline_styles(html)
        if script_hash(source) not in allowed
    ]


# The project's own templates (relative to the project root): the only source of allowed inline scripts.
TEMPLATE_FOLDERS = ("overrides", "components", "parapluie/templates", "parapluie/directory/templates")
FOREIGN_SCRIPT = (
    "an inline <script> that none of the project's templates writes ({start}…): it came from the page's "
    "text, a catalog or the data; remove it (scripts belong in components/)"
)


def own_inline_scripts(root: Path) -> set[str]:
    """The hashes of the inline scripts the project's own templates write, as they stand (no Jinja inside)."""
    hashes = set()
    for folder in TEMPLATE_FOLDERS:
        for template in sorted((root / folder).rglob("*.html")):
            hashes |= {
                script_hash(source)
                for source in inline_scripts(template.read_text(encoding="utf-8"))
                if "{{" not in source and "{%" not in source
            }
    return hashes


FOREIGN_STYLE = (
    "an inline <style> that is not the first screen's ({start}…): only "
    f"{FIRST_SCREEN_STYLESHEET} and {FINDER_NO_SCRIPT_STYLESHEET} may be inlined; "
    "put other styles in the components' stylesheets"
)


def apply_content_security_policy(site: Path, root: Path, first_screen_css: tuple[str, ...] = ()) -> str:
    """Give every page of `site` its policy (page_policy: only the hashes it needs); return the site-wide one
    (every hash the project allows, for `_headers`).

    `first_screen_css` are the <style>s the build wrote from components/first-screen/first-screen.css
    (parapluie/finish/bundle.py, first_screen_css: every page's, the directory pages') and the directory
    page's <noscript> one (components/directory-filters/no-script.css, Bundles.finder_no_script). A page with
    any other inline script or <style> is a BuildError naming the page (the first, in path order),
    and then no page is changed. The pages are shared out among the build's worker processes
    (parapluie/workers.py) in consecutive slices, so the page named is the one a single process names.
    """
    hashes = own_inline_scripts(root)
    style_hashes = {script_hash(css) for css in first_screen_css if css}
    pages = sorted(site.rglob("*.html"))
    policy_text = policy(hashes, style_hashes=style_hashes)
    workers = job_count(None, len(pages))
    slices = split(pages, workers)
    with fork_pool(workers) as pool:
        for steps in (
            pool.map(_first_foreign_inline, slices, [site] * workers, [hashes] * workers, [style_hashes] * workers),
            pool.map(_insert_policy, slices),
        ):
            errors = [error for error in steps if error is not None]
            if errors:
                raise errors[0]
    return policy_text


def _first_foreign_inline(pages: list[Path], site: Path, hashes: set[str], style_hashes: set[str]) -> BuildError | None:
    """The error for the first of `pages` with an inline script or <style> the policy does not allow, if any."""
    for path in pages:
        html = path.read_text(encoding="utf-8")
        page = f"site/{path.relative_to(site).as_posix()}"
        for source in inline_scripts(html):
            if script_hash(source) not in hashes:
                return BuildError(page, FOREIGN_SCRIPT.format(start=" ".join(source.split())[:40]))
        for source in inline_styles(html):
            if script_hash(source) not in style_hashes:
                return BuildError(page, FOREIGN_STYLE.format(start=" ".join(source.split())[:40]))
    return None


HASH = re.compile(r" 'sha256-[A-Za-z0-9+/=]+'")


def narrows(page_text: str, site_text: str) -> bool:
    """True when a page's policy is the site's with fewer hashes (and the site's may add directives)."""
    page_hashes, site_hashes = set(HASH.findall(page_text)), set(HASH.findall(site_text))
    return page_hashes <= site_hashes and HASH.sub("", site_text).startswith(HASH.sub("", page_text))


def page_policy(html: str) -> str:
    """A page's own policy: the site's, allowing only the inline scripts and styles this page has (each
    hash is some 45 random bytes on every page; the site-wide header, `_headers`, allows them all)."""
    scripts = {script_hash(source) for source in inline_scripts(html)}
    return policy(scripts, style_hashes={script_hash(source) for source in inline_styles(html)})


def _insert_policy(pages: list[Path]) -> BuildError | None:
    """Write each page's policy (page_policy) into it; the error for the first that has no place for it, if any."""
    for path in pages:
        html = path.read_text(encoding="utf-8")
        try:
            path.write_text(insert_policy_meta(html, page_policy(html)), encoding="utf-8")
        except ValueError as error:
            return BuildError(path, str(error))
    return None
