"""Run MkDocs' own command line inside a worker process, its output captured as a terminal-less run prints it.

Starting a Python interpreter and importing MkDocs, Material and the hooks for every language
cost more than rendering the pages: the build renders in a few forked worker processes instead,
each importing MkDocs once (`prepare_worker`) and running `mkdocs build` for several languages.
`run_mkdocs` calls the same command-line entry point `python -m mkdocs` does, with the same
arguments, and returns what that command would exit with and print, so the renderer's complaints
are read exactly as before (parapluie/render/run.py).

What a run leaves behind in the process is undone before the next one: the logging handler the
command line adds, and the filter that drops repeated messages (left in place, it would swallow
a second language's warnings, and a strict build would pass that should fail).
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import sys
import traceback
from pathlib import Path

# MkDocs' loggers: the command line's handler is on the first, its duplicate filter on the second.
MKDOCS_LOGGER = "mkdocs"
BUILD_LOGGER = "mkdocs.commands.build"


def prepare_worker() -> None:
    """Import MkDocs and what the hooks use, once per worker (the pool's initializer).

    MkDocs' formatter wraps messages to the terminal's width, measured at import; a worker's
    output is captured, so it gets the width a subprocess with captured output gets: none,
    unless COLUMNS says otherwise.
    """
    try:
        with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
            import mkdocs.__main__
            import mkdocs.commands.build  # imported by the command: here once

            import parapluie.render.hooks  # noqa: F401  (the hooks' imports: Babel, Pillow, our catalogs)
    except Exception:  # the first run imports them again and reports the error as the command would
        return
    mkdocs.__main__.ColorFormatter.text_wrapper.width = captured_width()


def captured_width() -> int:
    """The terminal width `shutil.get_terminal_size` finds when standard output is a pipe: COLUMNS, or 0."""
    try:
        return max(int(os.environ.get("COLUMNS", "0")), 0)
    except ValueError:
        return 0


def run_mkdocs(arguments: list[str], cwd: Path) -> tuple[int, str, str]:
    """Run `mkdocs <arguments>` in this process from `cwd`: (exit status, standard error, standard output)."""
    from mkdocs.__main__ import cli

    _reset_logging()
    stderr, stdout = io.StringIO(), io.StringIO()
    previous = Path.cwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(stdout):
            status = _exit_status(lambda: cli.main(args=arguments, prog_name="mkdocs"))
    finally:
        os.chdir(previous)
        _reset_logging()
    return status, stderr.getvalue(), stdout.getvalue()


def _exit_status(command) -> int:
    """Run `command` as the interpreter runs a script: the status it exits with, a traceback on stderr if it raises."""
    try:
        command()
    except SystemExit as exit:
        if exit.code is None:
            return 0
        if isinstance(exit.code, int):
            return exit.code
        print(exit.code, file=sys.stderr)
        return 1
    except Exception:  # what the interpreter would print before exiting with status 1
        traceback.print_exc()
        return 1
    return 0


def _reset_logging() -> None:
    """Remove the handlers and filters a previous run left on MkDocs' loggers."""
    for handler in list(logging.getLogger(MKDOCS_LOGGER).handlers):
        logging.getLogger(MKDOCS_LOGGER).removeHandler(handler)
    build_log = logging.getLogger(BUILD_LOGGER)
    for log_filter in list(build_log.filters):
        build_log.removeFilter(log_filter)
