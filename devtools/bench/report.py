"""What the benchmark measured, as data (`Report`), as a table and as JSON: pure functions, no browser."""

from __future__ import annotations

import statistics
from dataclasses import asdict, dataclass, field

from devtools.bench.browser import SLOW_3G, Load
from devtools.bench.buildtime import BuildTime
from devtools.bench.lighthouse import Audit
from devtools.chromium import PHONE
from parapluie.verify.weight import FIRST_VISIT_GOAL_BYTES, NEXT_PAGE_GOAL_BYTES

# Issue #16: a first visit's first paint within this multiple of the one-round-trip floor.
FLOOR_GOAL = 1.15
# Issue #16: no layout shift when the rest of the page arrives (Lighthouse mobile CLS at most this).
CLS_GOAL = 0.02
# 2: `served` counts brotli (gzip beside it), `precompress_s`.
JSON_VERSION = 2


@dataclass(frozen=True)
class Row:
    """One page of one site in one language: its first visit (empty cache), its floor (ours only:
    the same page with every subresource refused), and the page opened next in the same tab."""

    site: str
    lang: str
    page: str
    path: str
    first: Load
    next_page: str
    next_path: str
    next: Load
    floor: Load | None = None


@dataclass(frozen=True)
class Served:
    """A page as a host serves it, bodies only (no headers): its first visit (the page and every file
    it loads) and the page alone (a next page), in brotli (what a host that sends it sends: issue
    #16's goals) and in gzip (what every host sends: the build's budget, parapluie/verify/weight.py)."""

    first_visit_bytes: int
    page_bytes: int
    requests: int
    gzip_first_visit_bytes: int = 0
    gzip_page_bytes: int = 0


@dataclass(frozen=True)
class Report:
    """Everything one `make bench` measured, and the conditions."""

    languages: list[str]
    runs: int
    build: BuildTime
    stock_build_s: float
    rows: list[Row]
    started: str = ""
    commit: str = ""
    load_average: list[float] = field(default_factory=list)
    lighthouse: list[Audit] = field(default_factory=list)
    lighthouse_note: str = ""
    # Each page's weight as served, by (lang, page type): the build's own count (see Served).
    served: dict[tuple[str, str], Served] = field(default_factory=dict)
    # `make site`'s step after the build: the brotli copies (scripts/precompress.py), wall seconds.
    precompress_s: float = 0.0


def median(values: list[float | None]) -> float | None:
    """The median of the values that were measured (None when none was)."""
    known = [value for value in values if value is not None]
    return statistics.median(known) if known else None


def median_load(loads: list[Load]) -> Load:
    """The median of each measure over several runs (the elements moved: in any run)."""
    return Load(
        median([load.requests for load in loads]),
        median([load.bytes for load in loads]),
        median([load.fcp_ms for load in loads]),
        median([load.lcp_ms for load in loads]),
        median([load.elsewhere for load in loads]),
        median([load.cls for load in loads]),
        tuple(sorted({element for load in loads for element in load.moved})),
    )


def ratio(ours: float | None, other: float | None) -> float | None:
    """ours / other, to two decimals, or None when either is missing (or `other` is 0)."""
    return round(ours / other, 2) if ours is not None and other else None


def stock_row(report: Report, row: Row) -> Row | None:
    """The stock site's row for the same page type (the stock site is French only)."""
    return next((other for other in report.rows if other.site == "stock" and other.page == row.page), None)


def to_stock(report: Report, row: Row) -> dict[str, float | None] | None:
    """A page's first visit against stock Material's same page: FCP, LCP, bytes and requests ratios."""
    stock = stock_row(report, row)
    if stock is None:
        return None
    return {
        "fcp": ratio(row.first.fcp_ms, stock.first.fcp_ms),
        "lcp": ratio(row.first.lcp_ms, stock.first.lcp_ms),
        "bytes": ratio(row.first.bytes, stock.first.bytes),
        "requests": ratio(row.first.requests, stock.first.requests),
    }


def to_floor(row: Row) -> float | None:
    """A first visit's first paint over its floor's."""
    return ratio(row.first.fcp_ms, row.floor.fcp_ms) if row.floor else None


def ours(report: Report) -> list[Row]:
    """Parapluie's rows."""
    return [row for row in report.rows if row.site == "parapluie"]


def cell(value: float | None, spec: str = ".0f") -> str:
    """A table cell: the value formatted, or a dash when it was not measured."""
    return format(value, spec) if value is not None else "–"


def kilobytes(value: float | None) -> str:
    """Bytes as kB (thousands), one decimal."""
    return cell(value / 1000 if value is not None else None, ".1f")


def format_build(build: BuildTime) -> list[str]:
    """The build's time against the goal, then each stage."""
    lines = [
        f"Build of {len(build.languages)} languages ({', '.join(build.languages)}): "
        f"{build.wall_s:.1f} s in build_site, {build.process_wall_s:.1f} s for the whole process "
        f"(goal {build.goal_s:g} s: {build.process_wall_s / build.goal_s:.2f}× it), CPU {build.cpu_s:.1f} s"
    ]
    lines += [f"  {stage.name:<44} {stage.wall_s:6.2f} s wall {stage.cpu_s:6.2f} s CPU" for stage in build.stages]
    if not build.stages:
        lines.append("  (no stage times: parapluie/build.py no longer looks `stage_boundary` up in its own module)")
    return lines


def format_table(report: Report) -> str:
    """Our pages, one line per language and page type: first visit, floor, ratios, next page."""
    header = (
        f"{'lang':<4} {'page':<9} {'FCP ms':>6} {'LCP ms':>6} {'CLS':>5} {'floor':>6} {'×floor':>6} {'×stock':>6} "
        f"{'kB':>5} {'req':>3} {'kB×stk':>6} │ {'next page':<12} {'FCP ms':>6} {'kB':>5} {'req':>3}"
    )
    lines = [header]
    for row in ours(report):
        stock = to_stock(report, row) or {}
        lines.append(
            f"{row.lang:<4} {row.page:<9} {cell(row.first.fcp_ms):>6} {cell(row.first.lcp_ms):>6} "
            f"{cell(row.first.cls, '.3f'):>5} "
            f"{cell(row.floor.fcp_ms if row.floor else None):>6} {cell(to_floor(row), '.2f'):>6} "
            f"{cell(stock.get('fcp'), '.2f'):>6} {kilobytes(row.first.bytes):>5} {cell(row.first.requests, 'g'):>3} "
            f"{cell(stock.get('bytes'), '.2f'):>6} │ {'→ ' + row.next_page:<12} {cell(row.next.fcp_ms):>6} "
            f"{kilobytes(row.next.bytes):>5} {cell(row.next.requests, 'g'):>3}"
        )
    return "\n".join(lines)


def format_stock(report: Report) -> str:
    """Stock Material's pages (French), the same measures."""
    first = f"{'stock':<14} {'FCP ms':>6} {'LCP ms':>6} {'CLS':>5} {'kB':>5} {'req':>3}"
    lines = [f"{first} │ {'next page':<12} {'kB':>5} {'req':>3}"]
    for row in report.rows:
        if row.site == "stock":
            lines.append(
                f"{row.lang + ' ' + row.page:<14} {cell(row.first.fcp_ms):>6} {cell(row.first.lcp_ms):>6} "
                f"{cell(row.first.cls, '.3f'):>5} "
                f"{kilobytes(row.first.bytes):>5} {cell(row.first.requests, 'g'):>3} │ {'→ ' + row.next_page:<12} "
                f"{kilobytes(row.next.bytes):>5} {cell(row.next.requests, 'g'):>3}"
            )
    return "\n".join(lines)


def format_summary(report: Report) -> list[str]:
    """The worst of our pages on each measure the issues set a goal for."""
    rows = ours(report)
    floors = [(to_floor(row), row) for row in rows if to_floor(row) is not None]
    lines = []
    if floors:
        worst, row = max(floors, key=lambda item: item[0])
        within = sum(1 for value, _ in floors if value <= FLOOR_GOAL)
        lines.append(
            f"First paint over the floor: worst {worst:.2f}× ({row.lang} {row.page}); "
            f"{within} of {len(floors)} pages within the goal of {FLOOR_GOAL}×"
        )
    shifts = [row for row in rows if row.first.cls is not None]
    if shifts:
        shifted = max(shifts, key=lambda row: row.first.cls)
        within = sum(1 for row in shifts if row.first.cls <= CLS_GOAL)
        lines.append(
            f"Layout shift of a first visit: worst {shifted.first.cls:.3f} ({shifted.lang} {shifted.page}); "
            f"{within} of {len(shifts)} pages within the goal of {CLS_GOAL}"
        )
        lines += [
            f"  moved on {row.lang} {row.page} ({row.first.cls:.3f}): {', '.join(row.first.moved) or '?'}"
            for row in shifts
            if row.first.cls > CLS_GOAL
        ]
    if rows:
        heaviest = max(rows, key=lambda row: row.first.bytes or 0)
        next_heaviest = max(rows, key=lambda row: row.next.bytes or 0)
        most = max(row.next.requests or 0 for row in rows)
        lines.append(
            f"Heaviest first visit {kilobytes(heaviest.first.bytes)} kB ({heaviest.lang} {heaviest.page}); "
            f"heaviest next page {kilobytes(next_heaviest.next.bytes)} kB ({next_heaviest.lang} "
            f"{next_heaviest.page} → {next_heaviest.next_page}), at most {most:g} request(s)"
        )
    return lines


def format_served(report: Report) -> list[str]:
    """Each page type's weight as served, per language, against the issue's goals."""
    if not report.served:
        return []
    lines = [
        "As served (bodies, headers not counted: parapluie/verify/weight.py), brotli [gzip]; goals in brotli: "
        f"first visit ≤ {FIRST_VISIT_GOAL_BYTES / 1000:g} kB, next page ≤ {NEXT_PAGE_GOAL_BYTES / 1000:g} kB",
        f"{'lang':<4} "
        + " ".join(f"{page + ' first / page B':>34}" for page in dict.fromkeys(p for _, p in report.served)),
    ]
    for lang in dict.fromkeys(lang for lang, _ in report.served):
        cells = [
            f"{served.first_visit_bytes:,} / {served.page_bytes:,} "
            f"[{served.gzip_first_visit_bytes:,} / {served.gzip_page_bytes:,}]"
            for (code, _), served in report.served.items()
            if code == lang
        ]
        lines.append(f"{lang:<4} " + " ".join(f"{value:>34}" for value in cells))
    values = list(report.served.values())
    first_ok = sum(1 for served in values if served.first_visit_bytes <= FIRST_VISIT_GOAL_BYTES)
    next_ok = sum(1 for served in values if served.page_bytes <= NEXT_PAGE_GOAL_BYTES)
    most = max(served.requests for served in values)
    lines.append(
        f"{first_ok} of {len(values)} first visits within {FIRST_VISIT_GOAL_BYTES / 1000:g} kB; "
        f"{next_ok} of {len(values)} pages within {NEXT_PAGE_GOAL_BYTES / 1000:g} kB as a next page "
        f"(brotli); a first visit makes at most {most} requests"
    )
    return lines


def format_lighthouse(report: Report) -> list[str]:
    """Lighthouse's lines, or the reason it was skipped."""
    if not report.lighthouse:
        return [report.lighthouse_note] if report.lighthouse_note else []
    lines = ["Lighthouse mobile (its own simulated network and CPU):", f"{'':<14} {'score':>5} {'CLS':>6}"]
    for audit in report.lighthouse:
        name = f"{audit.lang} {audit.page}"
        lines.append(f"{name:<14} {cell(audit.performance, '.2f'):>5} {cell(audit.cls, '.3f'):>6}")
    if report.lighthouse_note:
        lines.append(report.lighthouse_note)
    return lines


def format_report(report: Report) -> str:
    """The build time, the conditions, both tables, the summary and Lighthouse."""
    elsewhere = max((row.first.elsewhere or 0 for row in report.rows if row.site == "stock"), default=0)
    lines = [
        f"make bench, {report.started} (commit {report.commit or '?'}, load average "
        f"{' '.join(f'{value:.2f}' for value in report.load_average)}): timings are only as quiet as the machine",
        "",
        *format_build(report.build),
        f"Brotli copies of every text file (make site's step after the build, scripts/precompress.py): "
        f"{report.precompress_s:.1f} s",
        f"Stock mkdocs-material build, French only: {report.stock_build_s:.1f} s",
        "",
        f"Phone ({PHONE['viewport']['width']}×{PHONE['viewport']['height']}, Android Chrome), DevTools Slow 3G "
        f"({SLOW_3G['latency'] / 1000:g} s latency, {SLOW_3G['downloadThroughput'] / 1000:g} kB/s), "
        f"brotli copies (else gzip); median of {report.runs} run(s).",
        "First visit: fresh context (empty cache). floor: the same page with every subresource refused "
        "(one round trip).",
        "×floor: FCP over the floor's; ×stock, kB×stk: against stock Material's French page of the same type.",
        "CLS: layout shift until the network is idle. kB: thousands of bytes received, headers included.",
        "next page: opened next in the same tab (cache warm).",
        "",
        format_table(report),
        "",
        format_stock(report),
    ]
    if elsewhere:
        lines.append(
            f"stock: up to {elsewhere:g} request(s) per view go to other origins (Google Fonts): counted, "
            "but they fail here at once with no bytes, where a phone would download them."
        )
    lines += ["", *format_summary(report)]
    served = format_served(report)
    lines += ["", *served] if served else []
    lighthouse = format_lighthouse(report)
    return "\n".join(lines + (["", *lighthouse] if lighthouse else []))


def load_json(load: Load | None) -> dict | None:
    """A load as plain data."""
    return asdict(load) if load is not None else None


def as_json(report: Report) -> dict:
    """The results as plain data, ratios included (the shape is in README, "Light pages")."""
    pages = []
    for row in report.rows:
        pages.append(
            {
                "site": row.site,
                "lang": row.lang,
                "page": row.page,
                "path": row.path,
                "first": load_json(row.first),
                "floor": load_json(row.floor),
                "to_floor": to_floor(row),
                "to_stock": to_stock(report, row) if row.site != "stock" else None,
                "next": {"page": row.next_page, "path": row.next_path, **asdict(row.next)},
            }
        )
    return {
        "version": JSON_VERSION,
        "started": report.started,
        "commit": report.commit,
        "load_average": report.load_average,
        "conditions": {"network": SLOW_3G, "phone": PHONE, "runs": report.runs},
        "languages": report.languages,
        "build": asdict(report.build),
        "stock_build_s": report.stock_build_s,
        "precompress_s": report.precompress_s,
        "goals": {"to_floor": FLOOR_GOAL, "cls": CLS_GOAL, "build_s": report.build.goal_s},
        "pages": pages,
        "lighthouse": [asdict(audit) for audit in report.lighthouse],
        "lighthouse_note": report.lighthouse_note,
        "served": [{"lang": lang, "page": page, **asdict(served)} for (lang, page), served in report.served.items()],
    }
