"""The build's time (issue #17): every language built by `build_site` in a process of its own,
timed as a whole (interpreter start and imports included, as `scripts/build.py` pays them) and
per stage (each `stage_boundary` of parapluie/build.py), wall and CPU.

Run as `python -m devtools.bench.buildtime PROJECT OUT`: builds into OUT and prints the stage
times as JSON on stdout. `timed_build` runs that and adds the process's own wall and CPU time.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

# Issue #17: every language built in at most this many seconds on 2 cores.
BUILD_GOAL_SECONDS = 12.0
ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Stage:
    """One stage of the build: its name (as parapluie/build.py calls it), wall and CPU seconds
    (CPU: the build's process and the child processes that ended during the stage; a worker pool
    kept across stages counts in the stage that ends it, the build's total CPU stays exact)."""

    name: str
    wall_s: float
    cpu_s: float


@dataclass(frozen=True)
class BuildTime:
    """A timed build: the whole process (`process_wall_s`, `cpu_s`), `build_site` alone (`wall_s`)
    and its stages."""

    languages: list[str]
    process_wall_s: float
    wall_s: float
    cpu_s: float
    stages: list[Stage] = field(default_factory=list)
    goal_s: float = BUILD_GOAL_SECONDS


def cpu_seconds() -> float:
    """User and system CPU of this process and of its children that ended."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timing_stages(stages: list[Stage]):
    """A stand-in for `stage_boundary` that times each stage into `stages`, then acts as the original."""
    from parapluie import errors

    original = errors.stage_boundary

    @contextlib.contextmanager
    def timed(name: str, code: str):
        wall, cpu = time.perf_counter(), cpu_seconds()
        with original(name, code):
            yield
        stages.append(Stage(name, round(time.perf_counter() - wall, 3), round(cpu_seconds() - cpu, 3)))

    return timed


def build_with_stage_times(project_root: Path, out: Path) -> dict:
    """Build every language of the project into `out` with each stage timed; the times as plain data."""
    from parapluie import build
    from parapluie.project import Project

    stages: list[Stage] = []
    build.stage_boundary = timing_stages(stages)  # the build looks the name up in its own module
    started = time.perf_counter()
    result = build.build_site(Project(project_root), out)
    wall = time.perf_counter() - started
    return {"languages": list(result.staged), "wall_s": round(wall, 3), "stages": [stage.__dict__ for stage in stages]}


def timed_build(project_root: Path, out: Path) -> BuildTime:
    """Build every language into `out` in a fresh Python process; its times.

    Raises RuntimeError with the build's own message when it fails.
    """
    command = [sys.executable, "-m", "devtools.bench.buildtime", str(project_root), str(out)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env)
    process_wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        raise RuntimeError(f"the timed build failed:\n{done.stderr.strip() or done.stdout.strip()}")
    data = json.loads(done.stdout.strip().splitlines()[-1])
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return BuildTime(
        languages=data["languages"],
        process_wall_s=round(process_wall, 3),
        wall_s=data["wall_s"],
        cpu_s=round(cpu, 3),
        stages=[Stage(**stage) for stage in data["stages"]],
    )


def main(argv: list[str]) -> int:
    """`python -m devtools.bench.buildtime PROJECT OUT`: build, print the stage times as JSON."""
    from parapluie.errors import BuildError

    project_root, out = (Path(arg).resolve() for arg in argv)
    try:
        times = build_with_stage_times(project_root, out)
    except BuildError as error:
        print(f"Build failed: {error}", file=sys.stderr)
        return 1
    print(json.dumps(times))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
