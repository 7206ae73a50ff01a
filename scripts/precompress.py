"""Write a brotli copy (`.br`) beside each text file of a built site, for hosts that send them (nginx
with brotli_static: DEPLOY.md). `make site` runs it after the build.

Usage: python scripts/precompress.py [SITE]   (default: the project's site/)
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from parapluie.hosting.precompress import precompress_site
from parapluie.messages import say


def main(argv: list[str] | None = None) -> int:
    """Compress, print a one-line summary (or why there is nothing to compress)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, nargs="?", default=Path(__file__).resolve().parents[1] / "site")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(
            say(
                f"Aucun site construit dans {args.site} : lancez d'abord « make site ».",
                f"No built site in {args.site}: run `make site` first.",
            ),
            file=sys.stderr,
        )
        return 1
    started = time.perf_counter()
    done = precompress_site(args.site)
    seconds = time.perf_counter() - started
    print(
        say(
            "Copies brotli : {files} fichiers, {raw} Ko → {packed} Ko, en {seconds} s",
            "Brotli copies: {files} files, {raw} KB → {packed} KB, in {seconds} s",
        ).format(
            files=done.files, raw=done.raw_bytes // 1000, packed=done.brotli_bytes // 1000, seconds=f"{seconds:.1f}"
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
