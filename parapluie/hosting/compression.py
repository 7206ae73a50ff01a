"""How hosts compress what they send: gzip (every host) and brotli (the hosts that can), and the one
list of compressed file types.

- gzip at `GZIP_LEVEL`: what every host sends at least. The build's page-weight budget counts it
  (parapluie/verify/weight.py), as the offline list and the local server do.
- brotli at `BROTLI_QUALITY`: what a browser gets from a host that sends brotli (every browser asks
  for it): the nginx snippet with its brotli part, which serves the `.br` files written beside the
  pages by `precompress_site` (parapluie/hosting/precompress.py), and the local server, which does
  the same. Issue #16's goals are counted in it.
Sizes are deterministic, so budgets are tests.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli

# gzip at level 6, as hosts commonly serve text: sizes are deterministic, so the budget is a test.
GZIP_LEVEL = 6
# brotli at its best quality, written once at deploy time (too slow for a host to do per request):
# about 15 % fewer bytes than gzip on our pages.
BROTLI_QUALITY = 11
# Files larger than this (the web editor's 5 MB bundle) get a quicker quality: 11 would take seconds.
BROTLI_QUICK_ABOVE_BYTES = 1_000_000
BROTLI_QUICK_QUALITY = 5
BROTLI_SUFFIX = ".br"
# Text files a host compresses; images and fonts are compressed already.
COMPRESSED_SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".svg", ".xml", ".webmanifest", ".vcf", ".txt"})


def compress(data: bytes) -> bytes:
    """`data` gzip-compressed as a host sends it (fixed mtime, so the bytes are reproducible)."""
    return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)


def compress_brotli(data: bytes) -> bytes:
    """`data` brotli-compressed as `precompress_site` writes it (text mode: our files are UTF-8 text)."""
    quality = BROTLI_QUICK_QUALITY if len(data) > BROTLI_QUICK_ABOVE_BYTES else BROTLI_QUALITY
    return brotli.compress(data, mode=brotli.MODE_TEXT, quality=quality)


def transfer_size(path: Path) -> int:
    """Bytes a host sends for this file: gzip-compressed for text types, as is for images."""
    data = path.read_bytes()
    return len(compress(data)) if path.suffix in COMPRESSED_SUFFIXES else len(data)


def brotli_transfer_size(path: Path) -> int:
    """Bytes a host that sends brotli sends for this file: as `precompress_site` compresses it (the
    `.br` file nginx's brotli_static sends), or as is where that gains nothing (images, tiny text)."""
    data = path.read_bytes()
    if path.suffix not in COMPRESSED_SUFFIXES:
        return len(data)
    return min(len(compress_brotli(data)), len(data))
