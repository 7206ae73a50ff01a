"""After rendering: everything that helps pass the site on (issue #7).

Link-preview images, QR codes, leaflets, short links and redirects, written into the finished
site. The pieces live in sharing.py, shortlinks.py and kit.py; this module only puts them
together for a build.
"""

from __future__ import annotations

from pathlib import Path

from parapluie.kit import KitContext, page_titles, write_leaflets
from parapluie.languages import Language, Registry
from parapluie.rootpages import base_path, write_language_pickers
from parapluie.sharing import TAGLINE, qr_targets, write_preview_images, write_qr_codes
from parapluie.shortlinks import Redirect, language_redirects, write_redirect_pages
from parapluie.staging import StagedLanguage


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
    base = base_path(config)
    codes = [language.code for language in languages]
    gettexts = {code: staged[code].gettext() for code in codes}
    titles = {code: page_titles(staged[code].docs_dir, kit.topics) for code in codes}
    write_preview_images(site, languages, config["site_name"], {c: gettexts[c](TAGLINE) for c in codes})
    write_qr_codes(site, qr_targets(kit.base_url, codes, [topic.letter for topic in kit.topics]))
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
    link_texts = {f"{base}{code}/{topic.target}": titles[code][topic.letter] for code in codes for topic in kit.topics}
    write_redirect_pages(site, redirects, link_texts, base, {lang.code: lang.direction for lang in languages})
    pickers = {
        topic.letter: (topic.target, {code: titles[code][topic.letter] for code in codes}) for topic in kit.topics
    }
    write_language_pickers(site, registry, staged, config, pickers)
    return redirects
