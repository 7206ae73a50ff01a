"""Reading YAML with errors that name the file and the line."""

from __future__ import annotations

from pathlib import Path

import yaml

from parapluie.errors import BuildError
from parapluie.messages import yaml_problem


def parse_yaml(text: str, source: Path | str, first_line: int = 1):
    """Parse YAML text; a syntax error becomes a BuildError naming `source` and the line.

    `first_line` is the file's line number of the text's first line (2 for a page's front matter).
    """
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        if mark is None:
            raise BuildError(source, f"invalid YAML: {problem}") from None
        context = getattr(error, "context_mark", None)
        context_line = context.line + first_line if context is not None else None
        raise BuildError(source, yaml_problem(problem, mark.line + first_line, mark.column + 1, context_line)) from None


def load_yaml(path: Path):
    """Read and parse a YAML file; a missing file or bad syntax is a BuildError."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BuildError(path, "file not found") from None
    return parse_yaml(text, path)
