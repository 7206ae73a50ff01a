"""Benchmark Parapluie against a stock mkdocs-material build of the same French pages (numbers, not a test).

Usage: python scripts/bench.py [--runs N] [--json] [--project DIR]

Builds every language (timed) and a stock Material site of the French pages into temporary
folders, serves both with gzip, and loads the home page, a guide page and a directory entry
(then the next page in the same tab) in Chromium as a phone on DevTools' "Slow 3G". Prints
requests, kilobytes received and first contentful paint for each, with the ratio to stock.
Needs the test dependencies (Playwright) and Debian's Chromium (or CHROMIUM=/path/to/chromium).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from devtools.bench import as_json, format_report, run
from parapluie.errors import BuildError
from parapluie.project import Project


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run the benchmark, print the table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=Path(__file__).resolve().parents[1], help="source tree")
    parser.add_argument("--runs", type=int, default=1, help="load every page N times and report medians")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    project = Project(args.project.resolve())
    with tempfile.TemporaryDirectory(prefix="parapluie-bench-") as workdir:
        try:
            report = run(project, Path(workdir), args.runs, progress=lambda text: print(text, file=sys.stderr))
        except BuildError as error:
            print(f"Build failed: {error}", file=sys.stderr)
            return 1
    print(json.dumps(as_json(report), ensure_ascii=False, indent=2) if args.json else format_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
