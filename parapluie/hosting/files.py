"""Stage 8, host files and offline lists: what a host and a phone need beside the pages.

The offline lists weigh the finished files, so this runs after every other writer.
"""

from __future__ import annotations

from pathlib import Path

from parapluie.finish.bundle import Bundles
from parapluie.hosting.headers import (
    fingerprinted_files,
    headers_file,
    nginx_brotli_snippet,
    nginx_snippet,
    week_cached_files,
)
from parapluie.hosting.offline import write_app_icons, write_offline_files
from parapluie.inputs.languages import Language
from parapluie.outreach.shortlinks import Redirect, redirects_file
from parapluie.workers import fork_pool, job_count


def write_host_files(
    site: Path,
    languages: list[Language],
    site_name: str,
    bundles: Bundles,
    page_policy: str,
    redirects: list[Redirect],
) -> None:
    """Write the app icons, each language's offline list and manifest, `_headers`, `_nginx.conf`,
    `_nginx-brotli.conf`, `_redirects`."""
    write_app_icons(site)
    # One language a task, in the build's worker processes (parapluie/workers.py).
    count = len(languages)
    with fork_pool(job_count(None, count)) as pool:
        folders = [site / language.code for language in languages]
        list(pool.map(write_offline_files, folders, languages, [site_name] * count, [bundles] * count))
    headers = headers_file(page_policy, fingerprinted_files(site), week_cached_files(site))
    (site / "_headers").write_text(headers, encoding="utf-8")
    (site / "_nginx.conf").write_text(nginx_snippet(page_policy, redirects), encoding="utf-8")
    (site / "_nginx-brotli.conf").write_text(nginx_brotli_snippet(), encoding="utf-8")
    (site / "_redirects").write_text(redirects_file(redirects), encoding="utf-8")
