"""Extract our template strings into translations/messages.pot and update every language's .po.

Usage: python scripts/messages.py

New strings arrive empty in each .po: the build refuses a catalog with an empty or fuzzy
string, so translate them (or mark the language's pages as French fallbacks) before building.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parapluie.i18n.extract import update_catalogs  # noqa: E402
from parapluie.inputs.languages import load_registry  # noqa: E402
from parapluie.project import Project  # noqa: E402


def main() -> int:
    """Update the catalogs of every language in the registry but the source."""
    project = Project(ROOT)
    registry = load_registry(project.registry_file)
    for path in update_catalogs(project, registry.translations):
        print(f"wrote {project.relative(path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
