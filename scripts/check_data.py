"""Check the service directory: data/languages.yml, data/categories.yml, data/services/*.yml.

Usage:
  python scripts/check_data.py [--today YYYY-MM-DD] [--write-schema]
      validate every entry (formats, categories, languages, freshness) and print each
      warning and error as "file: field: message"; list the entries and French pages that
      fall due within 60 days, with their dates. Exits 1 when there is an error,
      or when data/services.schema.json is out of date.
      --today         check freshness as on this date (default: today)
      --write-schema  regenerate data/services.schema.json instead of failing on it
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from _venv import use_project_venv  # noqa: E402

use_project_venv()

from parapluie.directory.categories import load_categories  # noqa: E402
from parapluie.directory.load import check_services  # noqa: E402
from parapluie.directory.schema import schema_text, write_schema  # noqa: E402
from parapluie.errors import BuildError  # noqa: E402
from parapluie.inputs.content_checks import source_page_warnings  # noqa: E402
from parapluie.inputs.frontmatter import read_source_page  # noqa: E402
from parapluie.inputs.languages import load_registry  # noqa: E402
from parapluie.inputs.load import written_pages  # noqa: E402
from parapluie.messages import say  # noqa: E402
from parapluie.project import Project  # noqa: E402

DATA = ROOT / "data"
SCHEMA_FILE = DATA / "services.schema.json"


def page_warnings(project: Project, today: dt.date) -> list[tuple[str, str]]:
    """The French pages falling due within 60 days (review_by, valid_until), as (file, warning)."""
    pages = {page: read_source_page(project.source_docs / page) for page in written_pages(project)}
    return source_page_warnings(pages, today)


def main(argv: list[str] | None = None) -> int:
    """Run the checks; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today())
    parser.add_argument("--write-schema", action="store_true")
    args = parser.parse_args(argv)
    error_label, warning_label = say("erreur : ", "error: "), say("attention : ", "warning: ")
    try:
        registry = load_registry(DATA / "languages.yml")
        categories = load_categories(DATA / "categories.yml")
    except BuildError as error:
        print(f"{error_label}{error.relative_to(ROOT)}", file=sys.stderr)
        return 1
    report = check_services(DATA, registry, categories, args.today)
    for warning in report.warnings:
        print(f"{warning_label}{warning.relative_to(ROOT)}", file=sys.stderr)
    due_pages = page_warnings(Project(ROOT), args.today)
    for file, warning in due_pages:
        print(f"{warning_label}{file}: {warning}", file=sys.stderr)
    for error in report.errors:
        print(f"{error_label}{error.relative_to(ROOT)}", file=sys.stderr)
    failed = bool(report.errors)
    if args.write_schema:
        if write_schema(SCHEMA_FILE, registry.codes, categories.ids):
            print(f"wrote {SCHEMA_FILE.relative_to(ROOT)}")
    elif not SCHEMA_FILE.is_file() or SCHEMA_FILE.read_text(encoding="utf-8") != schema_text(
        registry.codes, categories.ids
    ):
        schema = SCHEMA_FILE.relative_to(ROOT)
        print(
            error_label
            + say(
                f"{schema} : pas à jour ; lancez python scripts/check_data.py --write-schema",
                f"{schema}: out of date; run python scripts/check_data.py --write-schema",
            ),
            file=sys.stderr,
        )
        failed = True
    counts = (len(report.services), len(report.errors), len(report.warnings) + len(due_pages))
    print(
        say(
            "{} fiche(s) vérifiée(s) : {} erreur(s), {} avertissement(s)",
            "{} services checked: {} error(s), {} warning(s)",
        ).format(*counts)
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
