"""After the build, for hosts that send what is on disk (nginx with brotli_static): a `.br` file beside
each text file, compressed once at brotli's best quality (parapluie/hosting/compression.py).

Run by `make site` (scripts/precompress.py), after the build: it is a deploy step (Netlify and
Cloudflare Pages compress by themselves) and too slow for the build's 12-second goal. The build
writes a new folder each time, so a `.br` file never outlives its page; this step still removes any
`.br` file whose page is gone, and writes each one atomically, so a host never sends half of one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from parapluie.hosting.compression import BROTLI_SUFFIX, COMPRESSED_SUFFIXES, compress_brotli
from parapluie.workers import fork_pool, job_count


@dataclass(frozen=True)
class Precompressed:
    """What `precompress_site` did: files compressed, their bytes before and after, stale files removed."""

    files: int
    raw_bytes: int
    brotli_bytes: int
    removed: int


def compressible_files(site: Path) -> list[Path]:
    """The site's text files a host compresses (COMPRESSED_SUFFIXES), largest first (so the workers
    share the work evenly)."""
    files = [path for path in site.rglob("*") if path.suffix in COMPRESSED_SUFFIXES and path.is_file()]
    return sorted(files, key=lambda path: (-path.stat().st_size, path))


def write_brotli(path: Path) -> tuple[int, int]:
    """Write `path`'s `.br` file (atomically) when brotli makes it smaller; (raw, sent) byte counts."""
    data = path.read_bytes()
    packed = compress_brotli(data)
    target = path.with_name(path.name + BROTLI_SUFFIX)
    if len(packed) >= len(data):
        target.unlink(missing_ok=True)
        return len(data), len(data)
    partial = target.with_name(target.name + ".partial")
    partial.write_bytes(packed)
    os.replace(partial, target)
    return len(data), len(packed)


def _write_share(paths: list[Path]) -> list[tuple[int, int]]:
    return [write_brotli(path) for path in paths]


def precompress_site(site: Path, jobs: int | None = None) -> Precompressed:
    """Write every text file's `.br` file in `site`, in worker processes; remove `.br` files left
    without their file."""
    stale = [path for path in site.rglob("*" + BROTLI_SUFFIX) if not path.with_suffix("").is_file()]
    for path in stale:
        path.unlink()
    files = compressible_files(site)
    workers = job_count(jobs, len(files))
    # Round-robin shares of the largest-first list: each worker gets big and small files alike.
    shares = [files[index::workers] for index in range(workers)] if files else []
    if workers == 1:
        sizes = [size for share in shares for size in _write_share(share)]
    else:
        with fork_pool(workers) as pool:
            sizes = [size for sizes in pool.map(_write_share, shares) for size in sizes]
    return Precompressed(
        files=len(files),
        raw_bytes=sum(raw for raw, _ in sizes),
        brotli_bytes=sum(sent for _, sent in sizes),
        removed=len(stale),
    )
