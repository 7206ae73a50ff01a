"""Reading YAML with errors that name the file and the line."""

from __future__ import annotations

from pathlib import Path

import yaml

from parapluie.errors import BuildError


def parse_yaml(text: str, source: Path | str):
    """Parse YAML text; a syntax error becomes a BuildError naming `source` and the line."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "somewhere"
        problem = getattr(error, "problem", None) or str(error)
        raise BuildError(source, f"invalid YAML at {where}: {problem}") from None


def load_yaml(path: Path):
    """Read and parse a YAML file; a missing file or bad syntax is a BuildError."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BuildError(path, "file not found") from None
    return parse_yaml(text, path)
