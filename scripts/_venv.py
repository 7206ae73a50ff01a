"""Run a script with the project's own Python (.venv/), whichever `python` the user typed.

Staff follow guides that say `python scripts/check_data.py`; the system Python lacks the
project's libraries (babel, pydantic…) and would stop with a ModuleNotFoundError.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"


def use_project_venv() -> None:
    """Re-run this script with .venv's Python when the current one cannot import the project's libraries."""
    try:
        import babel  # noqa: F401
        import pydantic  # noqa: F401
        import yaml  # noqa: F401
    except ModuleNotFoundError as error:
        if VENV_PYTHON.is_file() and Path(sys.executable).resolve() != VENV_PYTHON.resolve():
            os.execv(str(VENV_PYTHON), [str(VENV_PYTHON), *sys.argv])
        sys.exit(
            f"Il manque la bibliothèque Python « {error.name} ». Lancez d'abord « make site » (il installe "
            f"tout dans .venv/), puis « make check-data » ou « .venv/bin/python {' '.join(sys.argv)} »."
        )
