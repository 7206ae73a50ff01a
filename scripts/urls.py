"""Add the public addresses of the built site (site/) to data/published-urls.txt.

Usage: python scripts/urls.py [--site DIR] [--check]

Run after `make site` whenever pages, short links, QR codes or leaflets were added. Addresses
are only ever added: a published address stays in the registry, and the build refuses a site
where one leads nowhere (add a redirect in data/redirects.yml when a page moves).
With --check, change nothing: exit 1 if the build publishes addresses the registry lacks.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from parapluie.verify.published import REGISTRY_FILE, add_to_registry, published_urls, read_registry

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    """Register the built site's addresses, or check they are all registered."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="built site (default: site/)")
    parser.add_argument("--check", action="store_true", help="only report unregistered addresses")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"No built site in {args.site}: run `make site` first.", file=sys.stderr)
        return 1
    registry = ROOT / "data" / REGISTRY_FILE
    urls = published_urls(args.site)
    if args.check:
        missing = sorted(set(urls) - set(read_registry(registry)))
        for url in missing:
            print(f"not registered: {url}")
        return 1 if missing else 0
    new = add_to_registry(registry, urls)
    print(f"{len(new)} new address(es) added to data/{REGISTRY_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
