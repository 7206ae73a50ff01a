"""How hosts compress what they send: the one gzip level and the one list of compressed file types.

The headers files ask hosts to compress these types; the offline list, the local server and the
page-weight budget (parapluie/verify/weight.py) all count bytes with the same level.
"""

from __future__ import annotations

import gzip
from pathlib import Path

# gzip at level 6, as hosts commonly serve text: sizes are deterministic, so the budget is a test.
GZIP_LEVEL = 6
# Text files a host compresses; images and fonts are compressed already.
COMPRESSED_SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".svg", ".xml", ".webmanifest", ".vcf", ".txt"})


def compress(data: bytes) -> bytes:
    """`data` gzip-compressed as a host sends it (fixed mtime, so the bytes are reproducible)."""
    return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)


def transfer_size(path: Path) -> int:
    """Bytes a host sends for this file: gzip-compressed for text types, as is for images."""
    data = path.read_bytes()
    return len(compress(data)) if path.suffix in COMPRESSED_SUFFIXES else len(data)
