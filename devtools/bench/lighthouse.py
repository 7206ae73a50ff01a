"""Lighthouse mobile (optional): layout shift and the performance score, which the page views in
browser.py do not give. Installed apart (`make bench-tools`: npm `lighthouse`, pinned by
devtools/lighthouse/package-lock.json) and run with Debian's Chromium; skipped when missing.

Lighthouse's mobile preset simulates its own slow network and a slow phone CPU, so its paint
times are not the slow-3G ones of the table.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from devtools.bench.browser import BENCH_CHROMIUM_ARGS
from devtools.chromium import CHROMIUM

LIGHTHOUSE = Path(__file__).resolve().parents[1] / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
TIMEOUT_S = 180


@dataclass(frozen=True)
class Audit:
    """One Lighthouse mobile run on a page: performance score (0–1), cumulative layout shift,
    and Lighthouse's own (simulated) paint times."""

    lang: str
    page: str
    performance: float | None
    cls: float | None
    fcp_ms: float | None
    lcp_ms: float | None


def missing() -> str | None:
    """Why Lighthouse cannot run here (a line to print), or None when it can."""
    if not LIGHTHOUSE.exists():
        return "Lighthouse: skipped (not installed: `make bench-tools` installs the pinned npm package)"
    if not CHROMIUM.exists():
        return f"Lighthouse: skipped ({CHROMIUM} not found)"
    return None


def numeric(report: dict, audit: str) -> float | None:
    """An audit's numeric value from a Lighthouse JSON report, or None."""
    value = report.get("audits", {}).get(audit, {}).get("numericValue")
    return round(value, 4) if isinstance(value, int | float) else None


def audit_from_report(lang: str, page: str, report: dict) -> Audit:
    """The figures the bench keeps from one Lighthouse JSON report."""
    score = report.get("categories", {}).get("performance", {}).get("score")
    fcp, lcp = numeric(report, "first-contentful-paint"), numeric(report, "largest-contentful-paint")
    return Audit(
        lang,
        page,
        score,
        numeric(report, "cumulative-layout-shift"),
        round(fcp) if fcp is not None else None,
        round(lcp) if lcp is not None else None,
    )


def quoted(flag: str) -> str:
    """`--name=value with spaces` as `--name="value with spaces"` for Lighthouse's --chrome-flags."""
    name, equals, value = flag.partition("=")
    return f'{name}="{value}"' if equals and " " in value else flag


def audit(url: str, lang: str, page: str) -> Audit:
    """Run Lighthouse mobile (performance only) on `url`; raises RuntimeError when it fails."""
    # Lighthouse parses its --chrome-flags string like a command line: a value with spaces is quoted.
    flags = " ".join(quoted(arg) for arg in BENCH_CHROMIUM_ARGS if arg != "--headless")
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--only-categories=performance",
        "--output=json",
        "--output-path=stdout",
        f"--chrome-flags=--headless=new {flags}",
    ]
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=TIMEOUT_S)
    if done.returncode:
        raise RuntimeError(f"lighthouse failed on {url}: {done.stderr.strip()[-500:]}")
    return audit_from_report(lang, page, json.loads(done.stdout))
