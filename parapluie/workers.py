"""The build's worker processes: a pool forked from the build, one worker per core.

Forked workers start with every module the build imported, so a task costs no interpreter start
and no imports. Results come back in the order the tasks were given, whatever order they finish in.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor


def job_count(jobs: int | None, tasks: int) -> int:
    """How many workers to start: `jobs` (default: one per core), never more than there are tasks."""
    return max(1, min(jobs or os.cpu_count() or 1, tasks))


def fork_pool(workers: int, initializer: Callable[[], None] | None = None) -> ProcessPoolExecutor:
    """A pool of `workers` processes forked from this one (each runs `initializer` first)."""
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context("fork"), initializer=initializer
    )


def split(items: list, parts: int) -> list[list]:
    """`items` cut into `parts` consecutive slices of near-equal length (some empty when items are fewer)."""
    parts = max(1, parts)
    size, extra = divmod(len(items), parts)
    slices, start = [], 0
    for index in range(parts):
        end = start + size + (1 if index < extra else 0)
        slices.append(items[start:end])
        start = end
    return slices
