"""Page weight as a reader's phone pays for it: bytes sent by a host (compressed), and requests.

The budget lives here, in one place: the build refuses a page over it (`weight_problems`, run by
verify_site) and the budget test (tests/site/test_page_weight.py) reads it.
`make bench` (devtools/bench.py) measures the same pages in Chromium against stock Material; it
reports, it does not check this budget.
Sizes are deterministic (gzip at `GZIP_LEVEL`, brotli at `BROTLI_QUALITY`:
parapluie/hosting/compression.py), so the budget is a test, not a timing. The budget counts gzip,
what every host sends; issue #16's goals count brotli, what a browser gets from the hosts that send
it (the nginx snippet with its brotli part and the `.br` copies of `make site`, Netlify, Cloudflare
Pages): `brotli_weight`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from parapluie.hosting.compression import brotli_transfer_size, transfer_size

# The budget, in gzip: what the build refuses (every page, as every host serves it). It keeps room for
# the content to grow, so an ordinary edit never breaks the build: the directory page holds every
# service (issue #15: each service once, answered in place), about 110 B gzip each, so 12,000 B leaves
# room for some twenty services more. When measured (issue #16, the directory's script in the shared
# one), the heaviest first visit was 25,218 B (bg/outils/photo: the photo tool's script) and the
# heaviest page 9,475 B (bg/annuaire, the whole directory).
FIRST_VISIT_MAX_BYTES = 28_000
FIRST_VISIT_MAX_REQUESTS = 5
NEXT_PAGE_MAX_BYTES = 12_000
# Issue #16's goals, as served by a host that sends brotli (`brotli_weight`), which the home, a guide
# page, the directory and a directory entry meet in every language (tests/site/test_page_weight.py,
# on the fixture project; `make bench` reports every page type against them): a first visit within
# 20 kB, a next page within 8 kB.
FIRST_VISIT_GOAL_BYTES = 20_000
NEXT_PAGE_GOAL_BYTES = 8_000
# The first screen's inline CSS (components/first-screen/), in every page: at most 2,212 B gzip when
# measured (2,702 B with the directory's part, in the directory's pages; less where a page can use less).
FIRST_SCREEN_MAX_BYTES = 2_800
# Each page script's file (parapluie/finish/page_scripts.py: the tools, issue #18: photo ≈ 5.8 KB, takedown
# ≈ 2.7 KB, friend ≈ 1.3 KB gzip when measured; listen, 1.3 KB, and the directory's, 2.6 KB, ride in the
# shared script).
PAGE_SCRIPT_MAX_BYTES = 10_000

OVER_BUDGET = (
    "{page}: {what} is {size} B, over the budget of {budget} B (parapluie/verify/weight.py): "
    "shorten the page's text or move part of it to another page"
)
OVER_REQUESTS = "{page}: a first visit makes {count} requests, over the budget of {budget}"

CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")


class Subresources(HTMLParser):
    """Collects what a browser fetches while loading a page (not links the reader may follow).

    `heard` turns True when it hears another parser's parse (parapluie/verify/checks.py, FanOut).
    """

    heard = False

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        rel = values.get("rel", "").lower().split()
        if tag == "link" and {"stylesheet", "icon", "preload", "modulepreload", "manifest"} & set(rel):
            self.urls.append(values.get("href", ""))
        elif tag in ("script", "img", "iframe", "video", "audio", "source") and values.get("src"):
            self.urls.append(values["src"])


@dataclass(frozen=True)
class PageWeight:
    """A page's first-visit cost: every file fetched (the page first) and the bytes sent for them."""

    page: str
    files: tuple[str, ...]
    first_visit_bytes: int
    page_bytes: int

    @property
    def requests(self) -> int:
        """How many requests a first visit makes."""
        return len(self.files)


def _site_file(site: Path, url_path: str) -> Path:
    path = site / url_path.lstrip("/")
    return path / "index.html" if url_path.endswith("/") else path


def subresources(site: Path, page: Path, urls: list[str] | None = None) -> list[Path]:
    """The site files a browser fetches to show `page` (stylesheets with their url()s, scripts, images).

    `urls`: what a `Subresources` parser already collected from the page (else the page is parsed).
    """
    if urls is None:
        parser = Subresources()
        parser.feed(page.read_text(encoding="utf-8"))
        urls = parser.urls
    page_url = "/" + page.relative_to(site).as_posix()
    found: list[Path] = []

    def add(url: str, base: str) -> None:
        if url.startswith("data:") or not url:
            return
        target = urljoin(base, url)
        if urlsplit(target).netloc:
            raise ValueError(f"{page_url} loads {url} from another origin")
        path = _site_file(site, urlsplit(target).path)
        if path in found:
            return
        found.append(path)
        if path.suffix == ".css" and path.is_file():
            for inner in CSS_URL.findall(path.read_text(encoding="utf-8")):
                add(inner, target)

    for url in urls:
        add(url, page_url)
    return found


def page_weight(site: Path, page: Path, urls: list[str] | None = None) -> PageWeight:
    """What a first visit of `page` costs, with nothing cached (`urls`: see `subresources`)."""
    files = [page, *subresources(site, page, urls)]
    missing = [str(path.relative_to(site)) for path in files if not path.is_file()]
    if missing:
        raise FileNotFoundError(f"{page.relative_to(site)} needs missing files: {missing}")
    sizes = [_cached_size(path, path.stat().st_mtime_ns, path.stat().st_size) for path in files]
    return PageWeight(
        page=page.relative_to(site).as_posix(),
        files=tuple(path.relative_to(site).as_posix() for path in files),
        first_visit_bytes=sum(sizes),
        page_bytes=sizes[0],
    )


@lru_cache(maxsize=4096)
def _cached_size(path: Path, _mtime_ns: int, _size: int) -> int:
    """transfer_size, once per file version (the shared stylesheet and script are on every page)."""
    return transfer_size(path)


@dataclass(frozen=True)
class BrotliWeight:
    """A page's first visit and the page alone, in bytes as a host that sends brotli sends them."""

    first_visit_bytes: int
    page_bytes: int


def brotli_weight(site: Path, weight: PageWeight) -> BrotliWeight:
    """The files of `weight` (a `page_weight`) counted in brotli, as `make site`'s `.br` copies weigh
    (computed here, not read from them: the build's own budget check runs before they exist)."""
    sizes = [_cached_brotli_size(site / name) for name in weight.files]
    return BrotliWeight(first_visit_bytes=sum(sizes), page_bytes=sizes[0])


def _cached_brotli_size(path: Path) -> int:
    stat = path.stat()
    return _brotli_size(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4096)
def _brotli_size(path: Path, _mtime_ns: int, _size: int) -> int:
    """brotli_transfer_size, once per file version (brotli's best quality is slow)."""
    return brotli_transfer_size(path)


def budget_pages(site: Path, codes: list[str]) -> list[Path]:
    """The pages the budget applies to: every page of the languages `codes`, language by language."""
    return [path for code in codes for path in sorted((site / code).rglob("index.html"))]


def weight_problems(site: Path, codes: list[str]) -> list[str]:
    """Every page of the languages `codes` over the budget, one line each."""
    return pages_over_budget(site, budget_pages(site, codes))


def pages_over_budget(site: Path, pages: list[Path], urls: dict[Path, list[str]] | None = None) -> list[str]:
    """Every one of `pages` over the budget, one line each (in the order of `pages`).

    `urls`: for some pages, what a `Subresources` parser already collected (see `subresources`).
    """
    problems = []
    urls = urls or {}
    for path in pages:
        try:
            weight = page_weight(site, path, urls.get(path))
        except (ValueError, FileNotFoundError):
            continue  # another origin, or a missing file: the site's own checks report it
        over = OVER_BUDGET.format
        if weight.page_bytes > NEXT_PAGE_MAX_BYTES:
            problems.append(over(page=weight.page, what="the page", size=weight.page_bytes, budget=NEXT_PAGE_MAX_BYTES))
        elif weight.first_visit_bytes > FIRST_VISIT_MAX_BYTES:
            size, budget = weight.first_visit_bytes, FIRST_VISIT_MAX_BYTES
            problems.append(over(page=weight.page, what="a first visit", size=size, budget=budget))
        if weight.requests > FIRST_VISIT_MAX_REQUESTS:
            count, budget = weight.requests, FIRST_VISIT_MAX_REQUESTS
            problems.append(OVER_REQUESTS.format(page=weight.page, count=count, budget=budget))
    return problems
