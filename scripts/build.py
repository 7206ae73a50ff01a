"""Build every language of the site into site/ (or --out), strictly.

Usage: python scripts/build.py [--out DIR] [--lang CODE ...] [--project DIR]

Exits 1 with a message naming the file (and field) at fault when the input is bad; the
previous output folder is then left untouched.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from parapluie.build import build_site
from parapluie.errors import BuildError
from parapluie.messages import say
from parapluie.project import Project


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, build, print a one-line summary or the error."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=Path(__file__).resolve().parents[1], help="source tree")
    parser.add_argument("--out", type=Path, default=None, help="output folder (default: <project>/site)")
    parser.add_argument("--lang", action="append", help="build only this language (repeatable)")
    args = parser.parse_args(argv)
    project = Project(args.project.resolve())
    out = args.out or project.root / "site"
    started = time.perf_counter()
    try:
        result = build_site(project, out, languages=args.lang)
    except BuildError as error:
        print(say("Le site n'a pas été construit : ", "Build failed: ") + str(error), file=sys.stderr)
        return 1
    seconds = time.perf_counter() - started
    for warning in result.warnings:
        print(say("Attention : ", "Warning: ") + warning, file=sys.stderr)
    codes = ", ".join(result.staged)
    counts = {"pages": len(result.pages), "languages": len(result.staged), "codes": codes, "out": out}
    print(
        say(
            "Site construit : {pages} pages en {languages} langues ({codes}) dans {out}, en {seconds} s",
            "Built {pages} pages in {languages} languages ({codes}) into {out} in {seconds} s",
        ).format(**counts, seconds=f"{seconds:.1f}")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
