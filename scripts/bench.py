"""Benchmark Parapluie on a phone on slow 3G: first paint against its one-round-trip floor and stock Material.

Usage: python scripts/bench.py [--runs N] [--langs fr,ar] [--json PATH] [--lighthouse fr,ar] [--project DIR]

Builds every language (timed, per stage, against the 12 s goal) and a stock mkdocs-material site
of the French pages into a temporary folder, serves both with gzip, and loads the home page, a
guide page, the directory and a directory entry of every language (or --langs) in Chromium as a
phone on DevTools' "Slow 3G": each page's floor (every subresource refused), its first visit
(empty cache) and the next page (cache warm). Prints the table and writes the results as JSON.
Lighthouse mobile runs when installed (`make bench-tools`). Needs the test dependencies
(Playwright) and Debian's Chromium (or CHROMIUM=/path/to/chromium).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from devtools.bench.report import as_json, format_report
from devtools.bench.run import run
from parapluie.errors import BuildError
from parapluie.project import Project

ROOT = Path(__file__).resolve().parents[1]


def codes(text: str) -> list[str]:
    """`fr,ar` (or `fr ar`) as a list of language codes; `none` as no language."""
    return [] if text.strip().lower() == "none" else [code for code in text.replace(",", " ").split() if code]


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run the benchmark, print the table, write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=ROOT, help="source tree")
    parser.add_argument("--runs", type=int, default=1, help="load every page N times and report medians")
    parser.add_argument("--langs", type=codes, default=None, help="languages to load, e.g. fr,ar (default: all)")
    parser.add_argument(
        "--json", type=Path, default=ROOT / "bench" / "latest.json", help="where to write the results ('-': stdout)"
    )
    parser.add_argument(
        "--lighthouse", type=codes, default=["fr"], help="languages Lighthouse audits when installed (or 'none')"
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    project = Project(args.project.resolve())
    with tempfile.TemporaryDirectory(prefix="parapluie-bench-") as workdir:
        try:
            report = run(
                project,
                Path(workdir),
                args.runs,
                args.langs,
                args.lighthouse,
                progress=lambda text: print(text, file=sys.stderr, flush=True),
            )
        except (BuildError, RuntimeError, ValueError) as error:
            print(f"Benchmark failed: {error}", file=sys.stderr)
            return 1
    data = json.dumps(as_json(report), ensure_ascii=False, indent=2)
    if str(args.json) == "-":
        print(data)
        return 0
    print(format_report(report))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(data + "\n", encoding="utf-8")
    print(f"\nResults: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
