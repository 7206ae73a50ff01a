"""One `make bench`: build (timed), serve, load every page type in every chosen language, report."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from devtools.bench import lighthouse
from devtools.bench.browser import BENCH_CHROMIUM_ARGS, floor, visit
from devtools.bench.buildtime import timed_build
from devtools.bench.report import Report, Row, Served, median_load
from devtools.bench.stock import STOCK_LANGUAGE, build_stock
from devtools.chromium import CHROMIUM
from devtools.localserver import SiteServer, start_server
from parapluie.hosting.precompress import precompress_site
from parapluie.inputs.languages import load_registry
from parapluie.project import Project
from parapluie.verify.weight import brotli_weight, page_weight

# Page types and their address inside a language folder: the same in every language and in the stock site.
PAGES = {"home": "", "guide": "sante/", "directory": "annuaire/", "entry": "annuaire/espace-p/"}
# After each page, the page a reader opens next in the same tab.
NEXT = {"home": "guide", "guide": "directory", "directory": "entry", "entry": "home"}


def page_path(lang: str, page: str) -> str:
    """The address of page type `page` in language `lang`: `/fr/sante/`."""
    return f"/{lang}/{PAGES[page]}"


def chosen_languages(available: list[str], wanted: Iterable[str] | None) -> list[str]:
    """`wanted` in the registry's order (every language when None); ValueError naming an unknown code."""
    if not wanted:
        return list(available)
    wanted = [code.strip() for code in wanted if code.strip()]
    unknown = [code for code in wanted if code not in available]
    if unknown:
        raise ValueError(f"unknown language(s) {', '.join(unknown)}: data/languages.yml has {', '.join(available)}")
    return [code for code in available if code in wanted]


def date_ahead(folder: Path) -> None:
    """Date every file a day ahead. Without Cache-Control, Chromium would reuse a file without asking
    for a tenth of its age, so "next page" would depend on how long ago the build ran; a
    Last-Modified in the future makes it ask every time, like Netlify's and Cloudflare Pages'
    default `max-age=0, must-revalidate`. What a `_headers` rule caches (our fingerprinted files)
    keeps its year; the stock site ships no `_headers`, so a host revalidates all of its files."""
    ahead = time.time() + 86_400
    for path in folder.rglob("*"):
        if path.is_file():
            os.utime(path, (ahead, ahead))


def commit_of(root: Path) -> str:
    """The project's current commit (short), with `+` when the tree has changes; empty outside git."""
    try:
        head = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain"], capture_output=True, text=True)
    except OSError:
        return ""
    return head.stdout.strip() + ("+" if dirty.stdout.strip() else "") if head.returncode == 0 else ""


def measure(
    servers: dict[str, tuple[str, SiteServer]], languages: list[str], runs: int, progress: Callable[[str], None]
) -> list[Row]:
    """Every page type: ours in every language (floor, first visit, next page), stock's in French."""
    from playwright.sync_api import sync_playwright

    plan = [("parapluie", lang) for lang in languages] + [("stock", STOCK_LANGUAGE)]
    loads: dict[tuple[str, str, str], dict[str, list]] = defaultdict(lambda: defaultdict(list))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BENCH_CHROMIUM_ARGS)
        try:
            for number in range(1, runs + 1):
                for site, lang in plan:
                    progress(f"  run {number}/{runs}: {site} {lang}")
                    base_url, server = servers[site]
                    for page in PAGES:
                        key = (site, lang, page)
                        if site == "parapluie":
                            loads[key]["floor"].append(floor(browser, server, base_url, page_path(lang, page)))
                        first, then = visit(
                            browser, server, base_url, page_path(lang, page), page_path(lang, NEXT[page])
                        )
                        loads[key]["first"].append(first)
                        loads[key]["next"].append(then)
        finally:
            browser.close()
    return [
        Row(
            site,
            lang,
            page,
            page_path(lang, page),
            median_load(values["first"]),
            NEXT[page],
            page_path(lang, NEXT[page]),
            median_load(values["next"]),
            median_load(values["floor"]) if values["floor"] else None,
        )
        for (site, lang, page), values in loads.items()
    ]


def served_weights(site: Path, languages: list[str]) -> dict[tuple[str, str], Served]:
    """Every page type's weight as served in `languages`, in brotli and gzip (see Served)."""
    served = {}
    for lang in languages:
        for page in PAGES:
            weight = page_weight(site, site / page_path(lang, page).lstrip("/") / "index.html")
            brotli = brotli_weight(site, weight)
            served[(lang, page)] = Served(
                brotli.first_visit_bytes,
                brotli.page_bytes,
                weight.requests,
                gzip_first_visit_bytes=weight.first_visit_bytes,
                gzip_page_bytes=weight.page_bytes,
            )
    return served


def audit_pages(base_url: str, languages: list[str], progress: Callable[[str], None]) -> tuple[list, str]:
    """Lighthouse mobile on every page type of `languages`: (audits, a note: why skipped, or failures)."""
    reason = lighthouse.missing()
    if reason:
        return [], reason
    audits, failures = [], []
    for lang in languages:
        progress(f"  Lighthouse: {lang}")
        for page in PAGES:
            try:
                audits.append(lighthouse.audit(base_url + page_path(lang, page), lang, page))
            except (RuntimeError, subprocess.TimeoutExpired, ValueError) as error:
                failures.append(str(error))
    return audits, "\n".join(failures)


def run(
    project: Project,
    workdir: Path,
    runs: int = 1,
    languages: Iterable[str] | None = None,
    lighthouse_languages: Iterable[str] = ("fr",),
    progress: Callable[[str], None] = print,
) -> Report:
    """Build both sites into `workdir`, serve them, load every page `runs` times; the report.

    The timed build is always of every language; `languages` only narrows the pages loaded.
    """
    started = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    load_average = [round(value, 2) for value in os.getloadavg()]
    commit = commit_of(project.root)
    available = load_registry(project.registry_file).codes
    selected = chosen_languages(available, languages)
    audited = [code for code in selected if code in set(lighthouse_languages)]
    progress("Building every language (timed, in a process of its own)…")
    build = timed_build(project.root, workdir / "parapluie" / "site")
    progress("Building the stock mkdocs-material site…")
    stock_root, stock_seconds = build_stock(project, workdir / "stock", dt.date.today())
    # Both sites as a host that sends brotli serves them: `make site` writes our copies (timed here);
    # a host would compress stock Material's files as well.
    progress("Writing the brotli copies (make site's step after the build)…")
    precompress_started = time.perf_counter()
    precompress_site(workdir / "parapluie" / "site")
    precompress_seconds = time.perf_counter() - precompress_started
    precompress_site(stock_root)
    servers: dict[str, tuple[str, SiteServer]] = {}
    try:
        for site, folder in (("parapluie", workdir / "parapluie" / "site"), ("stock", stock_root)):
            date_ahead(folder)
            servers[site] = start_server(folder)
        progress(f"Loading {len(PAGES)} page types in {len(selected)} language(s) and stock's, {runs} run(s), slow 3G…")
        rows = measure(servers, selected, runs, progress)
        audits, note = audit_pages(servers["parapluie"][0], audited, progress) if audited else ([], "")
    finally:
        for _, server in servers.values():
            server.shutdown()
            server.server_close()
    return Report(
        languages=selected,
        runs=runs,
        build=build,
        stock_build_s=round(stock_seconds, 3),
        precompress_s=round(precompress_seconds, 3),
        rows=rows,
        started=started,
        commit=commit,
        load_average=load_average,
        lighthouse=audits,
        lighthouse_note=note,
        served=served_weights(workdir / "parapluie" / "site", selected),
    )
