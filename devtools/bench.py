"""A benchmark, not a test: Parapluie's pages against a stock mkdocs-material build of the same
French pages, loaded in Chromium as a phone on slow 3G. It prints numbers and judges nothing.

Both sites are built into temporary folders and served by the local server, gzip on. Each page
is opened in a fresh browser context (empty cache), then, in the same context, a second page
("next page": what a reader pays for a click once the theme is cached).

Requests and bytes are counted where they are sent, by the server, because the page's CDP
session misses what a dedicated worker fetches (stock Material's search worker loads two lunr
scripts) and reports no body bytes for the worker's own script. Requests to other origins never
reach the server: the browser's failed requests are added to the count.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

from devtools.chromium import CHROMIUM, CHROMIUM_ARGS, PHONE
from devtools.localserver import SiteServer, start_server
from parapluie.build import BuildResult, build_site
from parapluie.directory import load_categories, load_services
from parapluie.directory.pages import DirectoryWriter
from parapluie.errors import BuildError
from parapluie.inputs.languages import load_registry
from parapluie.inputs.load import written_pages
from parapluie.project import Project

SITES = ("parapluie", "stock")
# (name, URL path): the same paths in both sites, as the stock site is built into <root>/fr/.
PAGES = (("home", "/fr/"), ("guide", "/fr/sante/"), ("entry", "/fr/annuaire/espace-p/"))
# After each page, the page a reader opens next in the same tab.
NEXT = {"home": "guide", "guide": "entry", "entry": "home"}

BENCH_CHROMIUM_ARGS = [
    *CHROMIUM_ARGS,
    # No other origin resolves: a request to one (stock Material's Google Fonts) fails at once,
    # counted as a request with no bytes, instead of waiting on a network this machine lacks.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
ANDROID_CHROME = (
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{} Mobile Safari/537.36"
)
# DevTools' "Slow 3G" preset: 2 s latency, 500 kbit/s × 0.8 each way, in bytes per second.
SLOW_3G = {"offline": False, "latency": 2000, "downloadThroughput": 50_000, "uploadThroughput": 50_000}
TIMEOUT_MS = 180_000


@dataclass(frozen=True)
class Load:
    """What one page view cost: requests that went out (`elsewhere` of them to other origins),
    bytes received (status lines, headers and bodies), first contentful paint."""

    requests: float
    bytes: float
    fcp_ms: float | None
    elsewhere: float = 0


@dataclass(frozen=True)
class Row:
    """One line of the table: a page view (`guide`, or `home → guide` for a next page) on one site."""

    page: str
    site: str
    load: Load


@dataclass(frozen=True)
class Report:
    """Everything the benchmark measured."""

    languages: list[str]
    build_seconds: float
    stock_build_seconds: float
    runs: int
    rows: list[Row]


def build_parapluie(project: Project, folder: Path) -> tuple[BuildResult, float]:
    """Build every language into `folder`/site; return the result and the seconds it took."""
    started = time.perf_counter()
    result = build_site(project, folder / "site")
    return result, time.perf_counter() - started


def stage_stock_docs(project: Project, docs_dir: Path, today: dt.date) -> list[str]:
    """Copy the written French pages into `docs_dir` and generate the French directory pages
    there as the build does (identity gettext: French is the source); return the generated pages."""
    for page in written_pages(project):
        destination = docs_dir / page
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(project.source_docs / page, destination)
    registry = load_registry(project.registry_file)
    categories = load_categories(project.data / "categories.yml")
    services, _ = load_services(project.data, registry, categories, today)
    report_email = (project.base_config().get("extra") or {}).get("report_email") or ""
    writer = DirectoryWriter(registry.source.code, registry.source.babel, lambda text: text, today, report_email)
    return writer.write(docs_dir, services, categories)


def stock_config(project: Project, docs_dir: Path, site_dir: Path, generated: list[str]) -> dict:
    """A minimal stock Material config: French, default search, our nav and Markdown extensions,
    no custom_dir, no hooks, no extra CSS."""
    base = project.base_config()
    nav = project.nav_pages(base)
    return {
        "site_name": base["site_name"],
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        "nav": nav,
        "not_in_nav": "\n".join(f"/{page}" for page in generated if page not in nav),
        "theme": {"name": "material", "language": "fr"},
        "plugins": ["search"],
        "markdown_extensions": base.get("markdown_extensions", []),
    }


def build_stock(project: Project, folder: Path, today: dt.date) -> tuple[Path, float]:
    """Build the stock site into `folder`/site/fr (so its paths match ours); return the served root
    and the seconds `mkdocs build` took."""
    docs_dir = folder / "docs"
    docs_dir.mkdir(parents=True)
    generated = stage_stock_docs(project, docs_dir, today)
    config_file = folder / "mkdocs.yml"
    config = stock_config(project, docs_dir, folder / "site" / "fr", generated)
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config_file)]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    seconds = time.perf_counter() - started
    if done.returncode:
        raise BuildError(str(config_file), f"stock mkdocs build failed:\n{done.stderr or done.stdout}")
    return folder / "site", seconds


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


FCP_SCRIPT = """() => {
  const entry = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
  return entry ? entry.startTime : null;
}"""


class Elsewhere:
    """Counts a context's failed requests to other origins: they never reach our server, and
    fail at once here (BENCH_CHROMIUM_ARGS), but a phone would make them."""

    def __init__(self, context, origin: str) -> None:
        self.origin, self.count = origin, 0
        context.on("requestfailed", self.failed)

    def failed(self, request) -> None:
        if request.url.startswith(("http:", "https:")) and not request.url.startswith(self.origin + "/"):
            self.count += 1

    def take(self) -> int:
        """Failed requests to other origins since the last call."""
        count, self.count = self.count, 0
        return count


def open_page(page, server: SiteServer, elsewhere: Elsewhere, url: str) -> Load:
    """Go to `url`, wait for the load event and network idle; what it cost."""
    server.take_counts()
    elsewhere.take()
    page.goto(url, wait_until="load", timeout=TIMEOUT_MS)
    page.wait_for_load_state("networkidle", timeout=TIMEOUT_MS)
    fcp = page.evaluate(FCP_SCRIPT)
    responses, sent = server.take_counts()
    failed = elsewhere.take()
    return Load(responses + failed, sent, round(fcp) if fcp is not None else None, failed)


def visit(browser, server: SiteServer, base_url: str, first: str, second: str) -> tuple[Load, Load]:
    """Open `first` in a fresh phone context (empty cache) on slow 3G, then `second` in the same tab."""
    context = browser.new_context(**PHONE, user_agent=ANDROID_CHROME.format(browser.version))
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_3G)
        elsewhere = Elsewhere(context, base_url)
        first_load = open_page(page, server, elsewhere, base_url + first)
        return first_load, open_page(page, server, elsewhere, base_url + second)
    finally:
        context.close()


def median_load(loads: list[Load]) -> Load:
    """The median of each measure over several runs."""
    paints = [load.fcp_ms for load in loads if load.fcp_ms is not None]
    return Load(
        statistics.median(load.requests for load in loads),
        statistics.median(load.bytes for load in loads),
        statistics.median(paints) if paints else None,
        statistics.median(load.elsewhere for load in loads),
    )


def measure(servers: dict[str, tuple[str, SiteServer]], runs: int = 1) -> list[Row]:
    """Every page, first visit and next page, on every site (`servers`: name → (base URL, server))."""
    from playwright.sync_api import sync_playwright

    paths = dict(PAGES)
    views = [name for name, _ in PAGES] + [f"{name} → {NEXT[name]}" for name, _ in PAGES]
    loads: dict[tuple[str, str], list[Load]] = {(view, site): [] for view in views for site in servers}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BENCH_CHROMIUM_ARGS)
        try:
            for _ in range(runs):
                for name, path in PAGES:
                    for site, (base_url, server) in servers.items():
                        first, then = visit(browser, server, base_url, path, paths[NEXT[name]])
                        loads[(name, site)].append(first)
                        loads[(f"{name} → {NEXT[name]}", site)].append(then)
        finally:
            browser.close()
    return [Row(page, site, median_load(values)) for (page, site), values in loads.items()]


def ratio(ours: float | None, stock: float | None) -> str:
    """ours/stock, or a dash when a measure is missing."""
    return f"{ours / stock:.2f}" if ours is not None and stock else "–"


def format_table(rows: list[Row]) -> str:
    """A plain text table: both sites for each page view, then the ratio parapluie/stock."""
    by_key = {(row.page, row.site): row.load for row in rows}
    views = list(dict.fromkeys(row.page for row in rows))
    lines = [f"{'page':<16} {'site':<10} {'requests':>8} {'KB':>8} {'FCP ms':>8}"]
    for view in views:
        for site in SITES:
            load = by_key[(view, site)]
            fcp = f"{load.fcp_ms:.0f}" if load.fcp_ms is not None else "–"
            lines.append(f"{view:<16} {site:<10} {load.requests:>8g} {load.bytes / 1000:>8.1f} {fcp:>8}")
        ours, stock = by_key[(view, "parapluie")], by_key[(view, "stock")]
        cells = (ratio(ours.requests, stock.requests), ratio(ours.bytes, stock.bytes), ratio(ours.fcp_ms, stock.fcp_ms))
        lines.append(f"{'':<16} {'ratio':<10} {cells[0]:>8} {cells[1]:>8} {cells[2]:>8}")
    return "\n".join(lines)


def format_report(report: Report) -> str:
    """The build times, the conditions, the table and what the table does not show."""
    elsewhere: dict[str, float] = {}
    for row in report.rows:
        if row.load.elsewhere:
            elsewhere[row.site] = max(elsewhere.get(row.site, 0), row.load.elsewhere)
    notes = [
        f"Full build, {len(report.languages)} languages ({', '.join(report.languages)}): {report.build_seconds:.1f} s",
        f"Stock mkdocs-material build, French only: {report.stock_build_seconds:.1f} s",
        "",
        "Phone (360×740, 2× pixels, Android Chrome), DevTools Slow 3G (2 s latency, 50 kB/s each way),",
        f"gzip; every first view in a fresh context (empty cache); median of {report.runs} run(s).",
        "KB: thousands of bytes received, headers included. 'a → b': b opened next in the same tab.",
        "",
        format_table(report.rows),
    ]
    for site, count in sorted(elsewhere.items()):
        notes.append(
            f"\n{site}: up to {count:g} request(s) per view go to other origins (stock Material: Google Fonts);"
            "\ncounted, but they fail here at once with no bytes, where a phone would download them."
        )
    return "\n".join(notes)


def as_json(report: Report) -> dict:
    """The results as plain data."""
    return asdict(report)


def run(project: Project, workdir: Path, runs: int = 1, progress: Callable[[str], None] = print) -> Report:
    """Build both sites into `workdir`, serve them, load every page `runs` times; the report."""
    today = dt.date.today()
    progress("Building every language…")
    result, seconds = build_parapluie(project, workdir / "parapluie")
    progress("Building the stock mkdocs-material site…")
    stock_root, stock_seconds = build_stock(project, workdir / "stock", today)
    servers = {}
    try:
        for site, folder in zip(SITES, (result.site, stock_root), strict=True):
            date_ahead(folder)
            servers[site] = start_server(folder)
        progress(f"Loading {len(PAGES)} pages and their next page on both sites, {runs} run(s), on slow 3G…")
        rows = measure(servers, runs)
    finally:
        for _, server in servers.values():
            server.shutdown()
            server.server_close()
    return Report(list(result.staged), seconds, stock_seconds, runs, rows)
