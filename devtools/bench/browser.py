"""Page views in Chromium as a phone on DevTools' "Slow 3G", and what each one cost.

Requests and bytes are counted where they are sent, by the local server, because the page's CDP
session misses what a dedicated worker fetches (stock Material's search worker loads two lunr
scripts) and reports no body bytes for the worker's own script. Requests to other origins never
reach the server: the browser's failed requests are added to the count.

The floor is the same page with every request but the document refused (`page.route`): the HTML
alone, one round trip, the earliest any page of that size can paint on that network.
"""

from __future__ import annotations

from dataclasses import dataclass

from devtools.chromium import CHROMIUM_ARGS, PHONE
from devtools.localserver import SiteServer

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

FCP_SCRIPT = """() => {
  const entry = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
  return entry ? entry.startTime : null;
}"""
# Largest contentful paint and layout shifts are only given to observers (buffered: the entries
# so far); their callbacks run as tasks of their own, so the answer waits a little for them.
# Layout shift: the sum of the shifts not caused by input (CLS for a page this short), and the
# elements that moved (`tag.class`), to say what to fix.
LATER_PAINT_SCRIPT = """() => new Promise((resolve) => {
  let lcp = null, cls = 0;
  const moved = new Set();
  new PerformanceObserver((list) => {
    const entries = list.getEntries();
    if (entries.length) lcp = entries[entries.length - 1].startTime;
  }).observe({type: 'largest-contentful-paint', buffered: true});
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      cls += entry.value;
      for (const source of entry.sources || []) {
        const node = source.node;
        if (node && node.nodeType === 1) {
          moved.add([node.tagName.toLowerCase(), ...node.classList].join('.'));
        }
      }
    }
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve({lcp, cls, moved: [...moved]}), 200);
})"""


@dataclass(frozen=True)
class Load:
    """What one page view cost: requests that went out (`elsewhere` of them to other origins),
    bytes received (status lines, headers and bodies), first and largest contentful paint, and the
    layout shift until the network went idle and the elements it moved."""

    requests: float
    bytes: float
    fcp_ms: float | None
    lcp_ms: float | None = None
    elsewhere: float = 0
    cls: float | None = None
    moved: tuple[str, ...] = ()


class Elsewhere:
    """Counts a context's failed requests to other origins: they never reach our server, and
    fail at once here (BENCH_CHROMIUM_ARGS), but a phone would make them."""

    def __init__(self, context, origin: str) -> None:
        self.origin, self.count = origin, 0
        context.on("requestfailed", self.failed)

    def failed(self, request) -> None:
        """Count `request` when it went to another origin."""
        if request.url.startswith(("http:", "https:")) and not request.url.startswith(self.origin + "/"):
            self.count += 1

    def take(self) -> int:
        """Failed requests to other origins since the last call."""
        count, self.count = self.count, 0
        return count


def paint_times(page) -> tuple[float | None, float | None, float, tuple[str, ...]]:
    """The page's first and largest contentful paint in milliseconds since navigation (None when
    none), its layout shift and the elements that moved."""
    fcp, later = page.evaluate(FCP_SCRIPT), page.evaluate(LATER_PAINT_SCRIPT)
    lcp = round(later["lcp"]) if later["lcp"] is not None else None
    return (round(fcp) if fcp is not None else None, lcp, round(later["cls"], 4), tuple(later["moved"]))


def open_page(page, server: SiteServer, elsewhere: Elsewhere, url: str) -> Load:
    """Go to `url`, wait for the load event and network idle; what it cost."""
    server.take_counts()
    elsewhere.take()
    page.goto(url, wait_until="load", timeout=TIMEOUT_MS)
    page.wait_for_load_state("networkidle", timeout=TIMEOUT_MS)
    fcp, lcp, cls, moved = paint_times(page)
    responses, sent = server.take_counts()
    failed = elsewhere.take()
    return Load(responses + failed, sent, fcp, lcp, failed, cls, moved)


def phone_context(browser):
    """A fresh phone context (empty cache) whose one page is on slow 3G: (context, page)."""
    context = browser.new_context(**PHONE, user_agent=ANDROID_CHROME.format(browser.version))
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_3G)
    return context, page


def view_then(browser, server: SiteServer, base_url: str, first: str, second: str) -> tuple[Load, Load]:
    """Open `first` in a fresh phone context (empty cache) on slow 3G, then `second` in the same tab."""
    context, page = phone_context(browser)
    try:
        elsewhere = Elsewhere(context, base_url)
        first_load = open_page(page, server, elsewhere, base_url + first)
        return first_load, open_page(page, server, elsewhere, base_url + second)
    finally:
        context.close()


def visit(browser, server: SiteServer, base_url: str, first: str, second: str) -> tuple[Load, Load]:
    """`view_then`, taken again once when the first view has no first-paint entry (headless
    Chromium now and then reports none: once in 44 views here)."""
    loads = view_then(browser, server, base_url, first, second)
    return loads if loads[0].fcp_ms is not None else view_then(browser, server, base_url, first, second)


def floor_view(browser, server: SiteServer, base_url: str, path: str) -> Load:
    """Open `path` in a fresh phone context on slow 3G with every subresource refused."""
    context, page = phone_context(browser)
    try:
        page.route("**/*", refuse_subresources)
        return open_page(page, server, Elsewhere(context, base_url), base_url + path)
    finally:
        context.close()


def floor(browser, server: SiteServer, base_url: str, path: str) -> Load:
    """The floor of `path` (taken again once when it has no first-paint entry, as `visit`)."""
    load = floor_view(browser, server, base_url, path)
    return load if load.fcp_ms is not None else floor_view(browser, server, base_url, path)


def refuse_subresources(route) -> None:
    """Let the page's own document through, refuse every other request (the floor)."""
    request = route.request
    if request.is_navigation_request() and request.frame.parent_frame is None:
        route.continue_()
    else:
        route.abort()
