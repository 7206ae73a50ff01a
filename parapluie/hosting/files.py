"""Stage 8, host files and offline lists: what a host and a phone need beside the pages.

The offline lists weigh the finished files, so this runs after every other writer.
"""

from __future__ import annotations

from pathlib import Path

from parapluie.finish.bundle import Bundles
from parapluie.hosting.headers import fingerprinted_files, headers_file, nginx_snippet, week_cached_files
from parapluie.hosting.offline import write_app_icons, write_offline_files
from parapluie.inputs.languages import Language
from parapluie.outreach.shortlinks import Redirect, redirects_file


def write_host_files(
    site: Path,
    languages: list[Language],
    site_name: str,
    bundles: Bundles,
    page_policy: str,
    redirects: list[Redirect],
) -> None:
    """Write the app icons, each language's offline list and manifest, `_headers`, `_nginx.conf`, `_redirects`."""
    write_app_icons(site)
    for language in languages:
        write_offline_files(site / language.code, language, site_name, bundles)
    headers = headers_file(page_policy, fingerprinted_files(site), week_cached_files(site))
    (site / "_headers").write_text(headers, encoding="utf-8")
    (site / "_nginx.conf").write_text(nginx_snippet(page_policy, redirects), encoding="utf-8")
    (site / "_redirects").write_text(redirects_file(redirects), encoding="utf-8")
