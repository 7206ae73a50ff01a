"""After rendering: everything that helps pass the site on (issue #7).

Link-preview images, QR codes, leaflets, short links and redirects, written into the finished
site. The pieces live in previews.py, qr.py, shortlinks.py and kit.py; this module only puts them
together for a build.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from parapluie.finish.rootpages import base_path, write_language_pickers
from parapluie.inputs.languages import Language, Registry
from parapluie.outreach.kit import KitContext, page_titles
from parapluie.outreach.leaflets import write_leaflets
from parapluie.outreach.previews import TAGLINE, link_preview, og_locale, write_preview_images
from parapluie.outreach.qr import qr_targets, write_qr_codes
from parapluie.outreach.shortlinks import Redirect, language_redirects, redirect_page, write_redirect_pages
from parapluie.staging.stage import StagedLanguage
from parapluie.workers import fork_pool, job_count, split


def write_outreach(
    site: Path,
    registry: Registry,
    languages: list[Language],
    staged: dict[str, StagedLanguage],
    config: dict,
    kit: KitContext,
    moved: dict[str, str],
) -> list[Redirect]:
    """Write previews, QR codes, leaflets, short links and redirects; return the redirects."""
    codes = [language.code for language in languages]
    gettexts = {code: staged[code].gettext() for code in codes}
    titles = {code: page_titles(staged[code].docs_dir, kit.topics) for code in codes}
    # The images (Pillow, segno) are drawn in the build's worker processes while this one writes the pages.
    taglines = {code: gettexts[code](TAGLINE) for code in codes}
    targets = list(qr_targets(kit.base_url, codes, [topic.letter for topic in kit.topics]).items())
    workers = job_count(None, len(targets))
    with fork_pool(workers) as pool:
        drawn = [pool.submit(write_preview_images, site, languages, config["site_name"], taglines)]
        drawn += [pool.submit(write_qr_codes, site, dict(part)) for part in split(targets, workers)]
        redirects = _write_pages(site, registry, languages, staged, config, kit, moved, gettexts, titles)
        for image in drawn:
            image.result()
    return redirects


def _write_pages(
    site: Path,
    registry: Registry,
    languages: list[Language],
    staged: dict[str, StagedLanguage],
    config: dict,
    kit: KitContext,
    moved: dict[str, str],
    gettexts: dict[str, Callable[[str], str]],
    titles: dict[str, dict[str, str]],
) -> list[Redirect]:
    """Leaflets, short-link and redirect pages, language pickers; return the redirects."""
    base = base_path(config)
    codes = [language.code for language in languages]
    for language in languages:
        write_leaflets(
            site,
            kit,
            language,
            gettexts[language.code],
            titles[language.code],
            config["site_name"],
            str(language.exit_url),
        )
    redirects = language_redirects(codes, kit.topics, moved, base)
    by_code = {language.code: language for language in languages}
    titles_by_target = {f"{base}{c}/{topic.target}": titles[c][topic.letter] for c in codes for topic in kit.topics}

    def render(redirect: Redirect) -> str:
        code = redirect.target.removeprefix(base).split("/")[0]
        language, title = by_code[code], titles_by_target.get(redirect.target, redirect.target)
        preview = link_preview(
            site_name=config["site_name"],
            title=title,
            description=gettexts[code](TAGLINE),
            base_url=kit.base_url,
            path=redirect.target.removeprefix(base),
            card=code,
            tagline=gettexts[code](TAGLINE),
            locale=og_locale(language),
            alternates=[og_locale(other) for other in registry.languages if other.code != code],
        )
        return redirect_page(redirect.target, title, code, language.direction, preview.tags())

    write_redirect_pages(site, redirects, base, render)
    pickers = {
        topic.letter: (topic.target, {code: titles[code][topic.letter] for code in codes}) for topic in kit.topics
    }
    write_language_pickers(site, registry, staged, config, pickers)
    return redirects
